/**
 * Records the rows of a payments CSV (see parsePaymentsCsv) and reports, row by row, what
 * happened. All the rows are recorded in ONE transaction, so a database failure half-way leaves
 * nothing behind. In 'all-or-nothing' mode (the default) a file with any invalid row writes
 * nothing; in 'apply-valid' the valid rows are recorded and the invalid ones reported. A row no
 * bill matches is recorded as unmatched for an admin: that is an outcome, not a failure. A row
 * whose paid_at is before 2015 or more than a day after `now` is invalid. A reference recorded
 * before with another amount is a conflict: kept for review, not applied. Each applied row queues
 * the vendor's receipt in the same transaction.
 */
import { eq } from 'drizzle-orm';
import { paidAtProblem } from '../domain/paid-at-window.ts';
import type { UnmatchedReason } from '../domain/payment-allocation.ts';
import { normalizeReference } from '../domain/payment-reference.ts';
import type { ReceiptDeps } from '../runtime/payment-receipt.ts';
import { recordPayment } from '../runtime/record-payment.ts';
import type { Db, Tx } from '../store/db-types.ts';
import { writeAudit } from '../store/repos/audit.ts';
import { findPaymentByExternalRef } from '../store/repos/payments.ts';
import { bills } from '../store/schema.ts';
import type { CsvFieldError, ParsedPaymentRow, PaymentCsvRow } from './payments-csv.ts';

export type ImportMode = 'all-or-nothing' | 'apply-valid';

export interface ImportPaymentsOptions {
  /** PAYUNG_SECRET, for the NIK's keyed hash. */
  readonly secret: string;
  /** Who imports, for the audit log: 'admin:siti'. */
  readonly actor: string;
  readonly now: Date;
  /** Default 'all-or-nothing'. */
  readonly mode?: ImportMode;
  /** Called after each recorded row: (rows done, rows to record). */
  readonly onProgress?: (done: number, total: number) => void;
  /** The file's name, kept with each payment and in the audit log. */
  readonly file?: string;
  /** How the vendors' receipts are written. */
  readonly receipts: ReceiptDeps;
}

export type ImportOutcome =
  | {
    readonly kind: 'applied'; readonly billCode: string;
    /** Integer Rupiah, never rounded: paid towards the bill, beyond it, and still owed after it. */
    readonly applied: number; readonly credit: number; readonly outstanding: number; readonly billPaid: boolean;
  }
  /** The reference was recorded before (by an earlier import or the webhook); nothing changed. */
  | { readonly kind: 'duplicate'; readonly recordedAmount: number | null }
  /** Recorded, on the admin's unmatched list. */
  | { readonly kind: 'unmatched'; readonly reason: UnmatchedReason }
  /** The reference was recorded before with another amount: kept on the unmatched list for review, not applied. */
  | { readonly kind: 'conflict'; readonly recordedAmount: number }
  | { readonly kind: 'invalid'; readonly errors: readonly CsvFieldError[] }
  /** A valid row left out because the file was refused or the transaction rolled back. */
  | { readonly kind: 'not_applied' };

export interface ImportEntry {
  readonly line: number;
  readonly externalRef: string;
  /** The row's amount; null when it could not be read. */
  readonly amount: number | null;
  readonly outcome: ImportOutcome;
}

export interface ImportReport {
  readonly mode: ImportMode;
  /** committed: the transaction was committed; refused: invalid rows, nothing written; failed: rolled back. */
  readonly status: 'committed' | 'refused' | 'failed';
  readonly message: string;
  readonly entries: readonly ImportEntry[];
  readonly counts: Readonly<Record<ImportOutcome['kind'], number>>;
}

export async function importPayments(db: Db, parsed: readonly ParsedPaymentRow[], options: ImportPaymentsOptions): Promise<ImportReport> {
  const mode = options.mode ?? 'all-or-nothing';
  const rows = parsed.map((row) => withDateChecked(row, options.now));
  const invalid = rows.filter((r) => !r.ok).length;
  if (mode === 'all-or-nothing' && invalid > 0) {
    return reportOf(mode, 'refused', `nothing was applied: ${invalid} of ${rows.length} row(s) are invalid (all-or-nothing)`, rows, new Map());
  }
  const valid = rows.flatMap((r) => (r.ok ? [r] : []));
  try {
    const outcomes = await db.transaction(async (tx) => {
      const recorded = new Map<ParsedPaymentRow, ImportOutcome>();
      const codes = new Map<string, string>();
      for (const [i, row] of valid.entries()) {
        recorded.set(row, await recordRow(tx, row.payment, options, codes));
        options.onProgress?.(i + 1, valid.length);
      }
      const counts = countsOf(rows.map((r) => recorded.get(r) ?? outcomeOf(r, null)));
      await writeAudit(tx, {
        actor: options.actor, action: 'payment.csv_imported', entity: 'payment_import', entityId: options.file ?? null,
        at: options.now, details: { mode, rows: rows.length, ...counts },
      });
      return recorded;
    });
    const message = invalid > 0 ? `the valid rows were recorded; ${invalid} invalid row(s) were not` : 'every row was recorded';
    return reportOf(mode, 'committed', message, rows, outcomes);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    return reportOf(mode, 'failed', `nothing was applied: the database failed (${cause}) and the import was rolled back`, rows, new Map());
  }
}

/** A row dated before 2015 or in the future (year 0001, 9999) is invalid, like a malformed one. */
function withDateChecked(row: ParsedPaymentRow, now: Date): ParsedPaymentRow {
  if (!row.ok) return row;
  const problem = paidAtProblem(row.payment.paidAt, now);
  return problem === null ? row : { ok: false, line: row.line, externalRef: row.externalRef, errors: [{ field: 'paid_at', message: problem }] };
}

async function recordRow(tx: Tx, row: PaymentCsvRow, options: ImportPaymentsOptions, codes: Map<string, string>): Promise<ImportOutcome> {
  const result = await recordPayment(tx, {
    externalRef: row.externalRef,
    amount: row.amount,
    paidAt: row.paidAt,
    source: 'csv',
    paymentCode: row.paymentCode,
    nik: row.nik,
    // No NIK here: raw is kept for an admin to read.
    raw: { file: options.file ?? null, line: row.line, payment_code: row.paymentCode, note: row.note },
  }, { secret: options.secret, actor: options.actor, now: options.now, receipts: options.receipts });
  if (result.duplicate) return { kind: 'duplicate', recordedAmount: (await findPaymentByExternalRef(tx, normalizeReference(row.externalRef)))?.amount ?? null };
  if (result.status === 'unmatched') return { kind: 'unmatched', reason: result.reason };
  if (result.status === 'conflict') return { kind: 'conflict', recordedAmount: result.recordedAmount };
  const { billId, applied, credit, outstanding, billPaid } = result;
  return { kind: 'applied', billCode: await billCodeOf(tx, billId, codes), applied, credit, outstanding, billPaid };
}

async function billCodeOf(tx: Tx, billId: string, codes: Map<string, string>): Promise<string> {
  const known = codes.get(billId);
  if (known !== undefined) return known;
  const [bill] = await tx.select({ code: bills.paymentCode }).from(bills).where(eq(bills.id, billId));
  const code = bill?.code ?? billId;
  codes.set(billId, code);
  return code;
}

function reportOf(
  mode: ImportMode, status: ImportReport['status'], message: string,
  rows: readonly ParsedPaymentRow[], outcomes: ReadonlyMap<ParsedPaymentRow, ImportOutcome>,
): ImportReport {
  const entries = rows.map((row) => ({
    line: row.line, externalRef: row.externalRef, amount: row.ok ? row.payment.amount : null, outcome: outcomeOf(row, outcomes.get(row) ?? null),
  }));
  return { mode, status, message, entries, counts: countsOf(entries.map((e) => e.outcome)) };
}

function outcomeOf(row: ParsedPaymentRow, recorded: ImportOutcome | null): ImportOutcome {
  if (!row.ok) return { kind: 'invalid', errors: row.errors };
  return recorded ?? { kind: 'not_applied' };
}

function countsOf(outcomes: readonly ImportOutcome[]): Record<ImportOutcome['kind'], number> {
  const counts = { applied: 0, duplicate: 0, unmatched: 0, conflict: 0, invalid: 0, not_applied: 0 };
  for (const outcome of outcomes) counts[outcome.kind] += 1;
  return counts;
}
