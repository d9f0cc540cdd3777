import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pure folders (engine, domain, i18n) must not reach I/O: no database, channels, runtime or node:*.
const pureBoundary = {
  files: ['src/engine/**/*.ts', 'src/domain/**/*.ts', 'src/i18n/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'], message: 'Pure code takes its data as arguments; no node:* I/O here.' },
        { group: ['**/store/**', '**/runtime/**', '**/channels/**', '**/admin/**', '**/cli/**', 'drizzle-orm*', 'postgres', '@electric-sql/*'], message: 'Pure code must not import the database, runtime or channels.' },
      ],
    }],
    'no-restricted-syntax': ['error',
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pure code is handed the time; do not read the clock.' },
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pure code is handed the time; do not read the clock.' },
    ],
    'no-restricted-properties': ['error',
      { object: 'Math', property: 'random', message: 'Pure code is handed its randomness.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'src/store/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS config files run under Node (.puppeteerrc.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', process: 'readonly' } },
  },
  pureBoundary,
);
