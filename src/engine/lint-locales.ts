import type { Catalogs } from '../i18n/catalog.ts';
import { placeholdersOf } from '../i18n/translate.ts';
import type { LintIssue } from './lint-issue.ts';
import type { LineOf } from './parse-flow-source.ts';

/** Every locale must have the source language's keys, with the same placeholders. */
export function lintLocales(
  catalogs: Catalogs,
  localeFiles: Readonly<Record<string, string>>,
  localeLines: Readonly<Record<string, LineOf>> = {},
  source = 'id',
): LintIssue[] {
  const issues: LintIssue[] = [];
  const reference = catalogs[source] ?? {};
  const sourceFile = localeFiles[source] ?? source;
  for (const [lang, catalog] of Object.entries(catalogs)) {
    if (lang === source) continue;
    const file = localeFiles[lang] ?? lang;
    const lineIn = (l: string, key: string) => localeLines[l]?.(key.split('.')) ?? 1;
    for (const [key, text] of Object.entries(reference)) {
      const translated = catalog[key];
      if (translated === undefined) {
        issues.push({ file, line: lineIn(lang, parentOf(key, catalog)), severity: 'error', message: `missing "${key}" (present in ${sourceFile}:${lineIn(source, key)})` });
        continue;
      }
      const expected = new Set(placeholdersOf(text));
      const missing = [...expected].filter((p) => !translated.includes(`{${p}}`));
      if (missing.length > 0) issues.push({ file, line: lineIn(lang, key), severity: 'warning', message: `"${key}" does not use {${missing.join('}, {')}}` });
    }
    for (const key of Object.keys(catalog)) {
      if (!(key in reference)) issues.push({ file, line: lineIn(lang, key), severity: 'warning', message: `"${key}" is not in ${sourceFile}` });
    }
  }
  return issues;
}

/** The deepest group of `key` the catalogue has ("a.b" of "a.b.c"), where the missing text belongs. */
function parentOf(key: string, catalog: Readonly<Record<string, string>>): string {
  const parts = key.split('.');
  const keys = Object.keys(catalog);
  for (let n = parts.length - 1; n > 0; n -= 1) {
    const group = parts.slice(0, n).join('.');
    if (keys.some((k) => k.startsWith(`${group}.`))) return group;
  }
  return '';
}
