import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importPayments, type ImportPaymentsOptions } from '../../../src/admin/import-payments.ts';
import { parsePaymentsCsv, type ParsedPaymentRow } from '../../../src/admin/payments-csv.ts';
import { formatImportReport } from '../../../src/cli/commands/payments-import-report.ts';
import { auditLog, bills, payments } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { testReceipts } from './receipt-deps.ts';

const NOW = new Date('2026-12-05T03:00:00Z');
const HEADER = 'external_ref;payment_code;nik;amount;paid_at;note';

describe('importPayments', () => {
  const database = useTestDatabase();

  /** A vendor enrolled through the chat, as in the README: a Rp53.600 bill for 3 months. */
  async function enrolledBill() {
    const { app, say } = await openTestApp(database());
    for (const answer of enrolmentAnswers(testNik(0))) await say('siti', answer);
    await app.close();
    const [bill] = await database().db.select().from(bills);
    if (bill === undefined) throw new Error('the enrolment made no bill');
    expect(bill.amount).toBe(53_600);
    return bill;
  }

  const options = async (overrides: Partial<ImportPaymentsOptions> = {}): Promise<ImportPaymentsOptions> => ({
    secret: TEST_SECRET, actor: 'admin:siti', now: NOW, file: 'bri-desember.csv', receipts: await testReceipts(), ...overrides,
  });
  const run = async (text: string, overrides: Partial<ImportPaymentsOptions> = {}) =>
    importPayments(database().db, parsePaymentsCsv(text), await options(overrides));
  const file = (...lines: string[]) => [HEADER, ...lines].join('\r\n');
  const storedPayments = () => database().db.select().from(payments).orderBy(asc(payments.paidAt));
  const billStatus = async (id: string) => (await database().db.select().from(bills).where(eq(bills.id, id)))[0]?.status;

  it('applies a good file in one go: the bill is paid, every row reported with its amounts', async () => {
    const bill = await enrolledBill();
    const progress: string[] = [];
    const report = await run(file(
      `TRX-1;${bill.paymentCode};;Rp40.000;2026-12-03T09:00:00+07:00;setoran pertama`,
      `TRX-2;;${testNik(0)};13.600;2026-12-04;`,
    ), { onProgress: (done, total) => progress.push(`${done}/${total}`) });

    expect(report).toMatchObject({ status: 'committed', mode: 'all-or-nothing', counts: { applied: 2, duplicate: 0, unmatched: 0, invalid: 0 } });
    expect(report.entries).toEqual([
      { line: 2, externalRef: 'TRX-1', amount: 40_000, outcome: { kind: 'applied', billCode: bill.paymentCode, applied: 40_000, credit: 0, outstanding: 13_600, billPaid: false } },
      { line: 3, externalRef: 'TRX-2', amount: 13_600, outcome: { kind: 'applied', billCode: bill.paymentCode, applied: 13_600, credit: 0, outstanding: 0, billPaid: true } },
    ]);
    expect(progress).toEqual(['1/2', '2/2']);
    expect(await billStatus(bill.id)).toBe('paid');
    const rows = await storedPayments();
    expect(rows.map((p) => [p.externalRef, p.source, p.amount, p.billId, p.status])).toEqual([
      ['TRX-1', 'csv', 40_000, bill.id, 'applied'],
      ['TRX-2', 'csv', 13_600, bill.id, 'applied'],
    ]);
    // The NIK row is matched by its keyed hash; the clear NIK is nowhere in what was stored.
    expect(JSON.stringify(rows)).not.toContain(testNik(0));
    expect(rows[0]?.raw).toMatchObject({ file: 'bri-desember.csv', line: 2, note: 'setoran pertama' });
    const audit = await database().db.select().from(auditLog).where(eq(auditLog.action, 'payment.csv_imported'));
    expect(audit).toEqual([expect.objectContaining({ actor: 'admin:siti', entityId: 'bri-desember.csv', details: expect.objectContaining({ applied: 2, rows: 2 }) })]);
  });

  it('reports the same file imported twice as duplicates and records nothing twice', async () => {
    const bill = await enrolledBill();
    const text = file(`TRX-1;${bill.paymentCode};;53600;2026-12-03;`, 'TRX-2;PY00000000000;;5000;2026-12-03;');
    await run(text);
    const again = await run(text);
    expect(again.status).toBe('committed');
    expect(again.entries.map((e) => e.outcome)).toEqual([
      { kind: 'duplicate', recordedAmount: 53_600 }, { kind: 'duplicate', recordedAmount: 5_000 },
    ]);
    expect(again.counts).toMatchObject({ applied: 0, duplicate: 2 });
    const rows = await storedPayments();
    expect(rows).toHaveLength(2);
    expect(rows.reduce((sum, p) => sum + p.appliedAmount + p.creditAmount, 0)).toBe(53_600);
  });

  it('writes nothing when a row is bad in all-or-nothing mode, and the valid rows in apply-valid mode', async () => {
    const bill = await enrolledBill();
    const text = file(`TRX-1;${bill.paymentCode};;53600;2026-12-03;`, `TRX-2;${bill.paymentCode};;53600,50;2026-12-03;`);

    const refused = await run(text);
    expect(refused.status).toBe('refused');
    expect(refused.message).toBe('nothing was applied: 1 of 2 row(s) are invalid (all-or-nothing)');
    expect(refused.entries.map((e) => [e.line, e.outcome.kind])).toEqual([[2, 'not_applied'], [3, 'invalid']]);
    expect(refused.entries[1]?.outcome).toEqual({ kind: 'invalid', errors: [{ field: 'amount', message: expect.stringContaining('has decimals') }] });
    expect(await storedPayments()).toEqual([]);
    expect(await billStatus(bill.id)).toBe('unpaid');

    const partial = await run(text, { mode: 'apply-valid' });
    expect(partial).toMatchObject({ status: 'committed', counts: { applied: 1, invalid: 1 } });
    expect((await storedPayments()).map((p) => [p.externalRef, p.amount])).toEqual([['TRX-1', 53_600]]);
    expect(await billStatus(bill.id)).toBe('paid');
  });

  it('reports a reference imported before with another amount as a conflict, kept for review, nothing applied', async () => {
    const bill = await enrolledBill();
    await run(file(`trx-1;${bill.paymentCode};;40000;2026-12-03;`));
    // In one file, "TRX-1" and "Trx-1 " are the same reference: the second row repeats the first.
    const refused = await run(file(`TRX-1;${bill.paymentCode};;53600;2026-12-03;`, `Trx-1 ;${bill.paymentCode};;40000;2026-12-03;`));
    expect(refused.entries.map((e) => e.outcome)).toEqual([{ kind: 'not_applied' }, { kind: 'invalid', errors: [{ field: 'external_ref', message: 'repeats line 2: a reference is one payment' }] }]);
    const partial = await run(file(`TRX-1;${bill.paymentCode};;53600;2026-12-03;`, `Trx-1 ;${bill.paymentCode};;40000;2026-12-03;`), { mode: 'apply-valid' });
    expect(formatImportReport(partial)).toContain('2     TRX-1      Rp53.600  conflict  this reference was recorded with Rp40.000: not applied, kept for review (payung payments review)');
    expect(partial.counts).toMatchObject({ applied: 0, conflict: 1, invalid: 1 });
    const rows = await storedPayments();
    expect(rows.map((p) => [p.amount, p.status, p.unmatchedReason, p.billId])).toEqual([[40_000, 'applied', null, bill.id], [53_600, 'unmatched', 'reference_conflict', null]]);
    expect(await billStatus(bill.id)).toBe('unpaid');
  });

  it('refuses paid_at in year 0001 or 9999 as an invalid row naming paid_at', async () => {
    const bill = await enrolledBill();
    const report = await run(file(`TRX-1;${bill.paymentCode};;53600;0001-01-01;`, `TRX-2;${bill.paymentCode};;53600;9999-12-31;`, `TRX-3;${bill.paymentCode};;53600;2026-12-03;`));
    expect(report.status).toBe('refused');
    expect(report.entries.map((e) => e.outcome)).toEqual([
      { kind: 'invalid', errors: [{ field: 'paid_at', message: '0001-01-01 00:00 WIB is before 2015-01-01: a payment date must be between 2015-01-01 and one day from now' }] },
      { kind: 'invalid', errors: [{ field: 'paid_at', message: `9999-12-31 00:00 WIB is more than a day after now (${NOW.toISOString()}): a payment date must be between 2015-01-01 and one day from now` }] },
      { kind: 'not_applied' },
    ]);
    expect(await storedPayments()).toEqual([]);
  });

  it('keeps a row with an unknown payment code on the unmatched list', async () => {
    await enrolledBill();
    const report = await run(file('TRX-9;PY 9999-9999-99 9;;13400;2026-12-03;'));
    expect(report.entries[0]?.outcome).toEqual({ kind: 'unmatched', reason: 'unknown_code' });
    expect(report.counts).toMatchObject({ unmatched: 1, applied: 0 });
    const [row] = await storedPayments();
    expect(row).toMatchObject({ externalRef: 'TRX-9', status: 'unmatched', unmatchedReason: 'unknown_code', paymentCode: 'PY99999999999', amount: 13_400, billId: null });
  });

  it('shows partial and over-payments exactly, the excess kept as credit', async () => {
    const bill = await enrolledBill();
    const report = await run(file(`P-1;${bill.paymentCode};;40.001;2026-12-03;`, `P-2;${bill.paymentCode};;Rp30.000;2026-12-04;`));
    expect(report.entries.map((e) => e.outcome)).toEqual([
      { kind: 'applied', billCode: bill.paymentCode, applied: 40_001, credit: 0, outstanding: 13_599, billPaid: false },
      { kind: 'applied', billCode: bill.paymentCode, applied: 13_599, credit: 16_401, outstanding: 0, billPaid: true },
    ]);
    expect((await storedPayments()).map((p) => [p.amount, p.appliedAmount, p.creditAmount])).toEqual([[40_001, 40_001, 0], [30_000, 13_599, 16_401]]);
  });

  it('rolls everything back when the database fails half-way', async () => {
    const bill = await enrolledBill();
    const good = parsePaymentsCsv(file(`OK-1;${bill.paymentCode};;53600;2026-12-03;`));
    const first = good[0];
    if (first === undefined || !first.ok) throw new Error('fixture row is invalid');
    // PostgreSQL refuses a NUL character in text: the second insert fails inside the transaction.
    const poisoned: ParsedPaymentRow = { ...first, line: 3, externalRef: 'BAD\u0000REF', payment: { ...first.payment, line: 3, externalRef: 'BAD\u0000REF' } };
    const report = await importPayments(database().db, [first, poisoned], await options());
    expect(report.status).toBe('failed');
    expect(report.message).toMatch(/^nothing was applied: the database failed \(.+\) and the import was rolled back$/s);
    expect(report.entries.map((e) => e.outcome.kind)).toEqual(['not_applied', 'not_applied']);
    expect(await storedPayments()).toEqual([]);
    expect(await billStatus(bill.id)).toBe('unpaid');
    expect(await database().db.select().from(auditLog).where(eq(auditLog.entity, 'payment'))).toEqual([]);
  });
});
