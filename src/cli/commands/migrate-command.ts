import type { CliCommand } from '../cli-command.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';

/** `payung migrate`: bring the database schema up to date. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply database migrations',
  help: `Usage: payung migrate

Apply the database migrations that have not run yet: to PostgreSQL when
DATABASE_URL is set, otherwise to the embedded database under data/.
Safe to run again; migrations that already ran are skipped.

Options:
  -h, --help   Show this help

Examples:
  payung migrate
  DATABASE_URL=postgres://payung@localhost/payung payung migrate
`,
  async run(args, deps) {
    parseCommandLine(args, {}, false);
    await deps.migrate();
    return 0;
  },
};
