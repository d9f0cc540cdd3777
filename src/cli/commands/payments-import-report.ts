/**
 * The import report as an admin reads it on the terminal: one row per CSV line, then a summary.
 *
 *   line  reference  amount    outcome    details
 *   2     TRX-1      Rp40.000  applied    PY93233739296: applied Rp40.000, credit Rp0, outstanding Rp27.000
 *   3     TRX-9      Rp13.400  unmatched  no bill has this payment code (kept on the unmatched list)
 *   4     TRX-3      -         invalid    amount: "12,5" has decimals: payments are whole Rupiah, never rounded
 *   applied 1, duplicate 0, unmatched 1, invalid 1
 */
import type { ImportEntry, ImportOutcome, ImportReport } from '../../admin/import-payments.ts';
import type { UnmatchedReason } from '../../domain/payment-allocation.ts';
import { formatRupiah } from '../../i18n/rupiah.ts';

export function formatImportReport(report: ImportReport): string {
  const header = ['line', 'reference', 'amount', 'outcome', 'details'];
  const rows = report.entries.map((entry) => cellsOf(entry));
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const { counts } = report;
  const summary = `applied ${counts.applied}, duplicate ${counts.duplicate}, unmatched ${counts.unmatched}, invalid ${counts.invalid}`
    + (counts.conflict > 0 ? `, conflict ${counts.conflict}` : '')
    + (counts.not_applied > 0 ? `, not applied ${counts.not_applied}` : '');
  return [
    ...(rows.length > 0 ? [line(header), ...rows.map(line)] : ['The file has no payment rows.']),
    summary,
    sentence(report),
  ].join('\n') + '\n';
}

function cellsOf(entry: ImportEntry): string[] {
  const { outcome } = entry;
  return [
    String(entry.line),
    entry.externalRef === '' ? '-' : entry.externalRef,
    entry.amount === null ? '-' : formatRupiah(entry.amount),
    outcome.kind.replace('_', ' '),
    detailsOf(outcome),
  ];
}

function detailsOf(outcome: ImportOutcome): string {
  switch (outcome.kind) {
    case 'applied':
      return `${outcome.billCode}: applied ${formatRupiah(outcome.applied)}, credit ${formatRupiah(outcome.credit)}, `
        + `outstanding ${formatRupiah(outcome.outstanding)}${outcome.billPaid ? ', bill paid' : ''}`;
    case 'duplicate':
      return `already recorded${outcome.recordedAmount === null ? '' : ` with ${formatRupiah(outcome.recordedAmount)}`}; nothing changed`;
    case 'unmatched':
      return `${UNMATCHED[outcome.reason]} (kept on the unmatched list)`;
    case 'conflict':
      return `this reference was recorded with ${formatRupiah(outcome.recordedAmount)}: not applied, kept for review (payung payments review)`;
    case 'invalid':
      return outcome.errors.map((e) => (e.field === 'row' ? `the row ${e.message}` : `${e.field}: ${e.message}`)).join('; ');
    case 'not_applied':
      return '';
  }
}

const UNMATCHED: Record<UnmatchedReason, string> = {
  unknown_code: 'no bill has this payment code',
  unknown_nik: 'no member has this NIK',
  no_unpaid_bill: 'the member has no unpaid bill',
  invalid_amount: 'the amount is not valid',
};

function sentence(report: ImportReport): string {
  const text = report.message.charAt(0).toUpperCase() + report.message.slice(1);
  if (report.status === 'refused') {
    return `${text}. Fix them and import the file again, or use --mode apply-valid to record the valid rows.`;
  }
  return `${text}.`;
}
