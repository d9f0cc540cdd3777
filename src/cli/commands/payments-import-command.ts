import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportMode } from '../../admin/import-payments.ts';
import { parsePaymentsCsv } from '../../admin/payments-csv.ts';
import { PayungError } from '../../lib/errors.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';
import { UsageError } from '../usage-error.ts';
import { formatImportReport } from './payments-import-report.ts';
import { paymentsProgress, type ProgressTarget } from './payments-progress.ts';

const MODES: readonly ImportMode[] = ['all-or-nothing', 'apply-valid'];

/** `payung payments import FILE`: record a payment partner's CSV export. */
export const paymentsImportCommand: CliCommand = {
  name: 'payments import',
  summary: "Record the payments in a partner's CSV export",
  help: `Usage: payung payments import FILE [--mode MODE] [--by NAME]

Record the payments listed in a CSV file (a payment partner's export, or
Excel's "CSV" with ; as separator) and print what happened to each row:
applied to which bill (with the amount applied, the credit beyond the bill
and what is still owed), duplicate (recorded before), unmatched (kept for an
admin) or invalid (and why). The same file imported twice records nothing
twice. Exit code 0 when the rows were recorded, 1 when nothing was.

Columns (first line, any order, any case): external_ref, amount, paid_at,
payment_code and/or nik, and optionally note. amount is whole Rupiah
(67000, 67.000 or Rp67.000); paid_at is 2026-12-03 (midnight WIB) or
2026-12-03T10:15:00+07:00.

Options:
  --mode MODE   all-or-nothing (default): any invalid row and nothing is
                recorded; apply-valid: record the valid rows, report the rest
  --by NAME     Who imports, for the audit log (default: your user name)
  -h, --help    Show this help

Examples:
  payung payments import bri-desember.csv
  payung payments import alfamart.csv --mode apply-valid --by siti
`,
  async run(args, deps, io) {
    const { values, positionals } = parseCommandLine(args, { mode: { type: 'string' }, by: { type: 'string' } }, true);
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('missing FILE: the CSV file to import.');
    if (extra.length > 0) throw new UsageError(`one FILE at a time, got ${positionals.length}.`);
    const mode = parseMode(values.mode);
    const by = values.by?.trim();
    if (by === '') throw new UsageError('--by needs a name, for example --by siti.');
    if (deps.importPayments === undefined) throw new PayungError('importing payments is not available in this build.');

    const rows = parsePaymentsCsv(await readText(file));
    const progress = paymentsProgress(io.stderr as ProgressTarget, rows.filter((r) => r.ok).length);
    const report = await deps.importPayments({
      rows, mode, ...(by === undefined ? {} : { by }), file: basename(file), onProgress: (done) => progress.update(done),
    }).catch((error: unknown) => {
      progress.finish();
      throw error;
    });
    // A refused file recorded nothing: no bar, the report says why.
    if (report.status !== 'refused') progress.finish();
    io.stdout.write(formatImportReport(report));
    return report.status === 'committed' ? 0 : 1;
  },
};

function parseMode(text: string | undefined): ImportMode {
  if (text === undefined) return 'all-or-nothing';
  const mode = MODES.find((m) => m === text.trim().toLowerCase());
  if (mode === undefined) throw new UsageError(`--mode must be ${MODES.join(' or ')}, got "${text}".`);
  return mode;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const why = (error as { code?: unknown }).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UsageError(`cannot read ${file}: ${why}.`, { cause: error });
  }
}
