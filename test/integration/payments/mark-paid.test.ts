import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { markPaid, MarkPaidError, type MarkPaidRequest } from '../../../src/admin/mark-paid.ts';
import { insertAgent } from '../../../src/store/repos/agents.ts';
import { agents, auditLog, bills, payments } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { testReceipts } from './receipt-deps.ts';

const NOW = new Date('2026-12-05T03:00:00Z');

describe('markPaid', () => {
  const database = useTestDatabase();

  /** A vendor enrolled through the chat (first message "DAFTAR AGEN123" when referred): a Rp53.600 bill. */
  async function enrolledBill(referredBy?: string) {
    const { app, say } = await openTestApp(database());
    const answers = enrolmentAnswers(testNik(0));
    if (referredBy !== undefined) answers[0] = `DAFTAR ${referredBy}`;
    for (const answer of answers) await say('siti', answer);
    await app.close();
    const [bill] = await database().db.select().from(bills);
    if (bill === undefined) throw new Error('the enrolment made no bill');
    return bill;
  }

  const mark = async (request: MarkPaidRequest) => markPaid(database().db, request, { secret: TEST_SECRET, now: NOW, receipts: await testReceipts() });
  const refusal = async (request: MarkPaidRequest) => {
    const error = await mark(request).then(() => null, (e: unknown) => e);
    if (!(error instanceof MarkPaidError)) throw new Error(`expected a MarkPaidError, got ${String(error)}`);
    return error;
  };
  const stored = () => database().db.select().from(payments);
  const audits = (action: string) => database().db.select().from(auditLog).where(eq(auditLog.action, action));

  it('lets an admin mark a bill paid, recorded as a manual payment with an audit row', async () => {
    const bill = await enrolledBill();
    const result = await mark({
      paymentCode: bill.paymentCode.toLowerCase(), amount: 53_600, reference: 'KWITANSI-7',
      note: `tunai di kantor, NIK ${testNik(0)}`, by: { kind: 'admin', name: 'siti' },
    });
    expect(result).toMatchObject({ duplicate: false, externalRef: 'MANUAL:KWITANSI-7', billCode: bill.paymentCode, applied: 53_600, credit: 0, outstanding: 0, billPaid: true });

    const [payment] = await stored();
    expect(payment).toMatchObject({ externalRef: 'MANUAL:KWITANSI-7', source: 'manual', amount: 53_600, billId: bill.id, status: 'applied', paidAt: NOW });
    expect((await database().db.select().from(bills))[0]?.status).toBe('paid');
    const [audit] = await audits('payment.marked_paid');
    expect(audit).toMatchObject({
      actor: 'admin:siti', entity: 'payment', entityId: payment?.id,
      details: { by: 'admin:siti', paymentCode: bill.paymentCode, amount: 53_600, reference: 'KWITANSI-7', note: 'tunai di kantor, NIK ************0001' },
    });
    // Never a clear NIK in the audit log or the stored payment.
    expect(JSON.stringify([await database().db.select().from(auditLog), payment])).not.toContain(testNik(0));

    // The same reference again is recorded once.
    expect(await mark({ paymentCode: bill.paymentCode, amount: 53_600, reference: 'KWITANSI-7', by: { kind: 'admin', name: 'siti' } }))
      .toEqual({ duplicate: true, externalRef: 'MANUAL:KWITANSI-7' });
    expect(await stored()).toHaveLength(1);
    expect(await audits('payment.marked_paid')).toHaveLength(1);
  });

  it('records "kw-7" and " KW-7 " once, and keeps the same reference with another amount for review, applying nothing', async () => {
    const bill = await enrolledBill();
    const by = { kind: 'admin', name: 'siti' } as const;
    expect(await mark({ paymentCode: bill.paymentCode, amount: 20_000, reference: 'kw-7', by })).toMatchObject({ duplicate: false, conflict: false, externalRef: 'MANUAL:KW-7' });
    expect(await mark({ paymentCode: bill.paymentCode, amount: 20_000, reference: ' KW-7 ', by })).toEqual({ duplicate: true, externalRef: 'MANUAL:KW-7' });
    expect(await mark({ paymentCode: bill.paymentCode, amount: 47_000, reference: 'Kw-7', by }))
      .toEqual({ duplicate: false, conflict: true, externalRef: 'MANUAL:KW-7', recordedAmount: 20_000 });
    expect((await stored()).map((p) => [p.amount, p.status, p.unmatchedReason]).sort()).toEqual([[20_000, 'applied', null], [47_000, 'unmatched', 'reference_conflict']]);
    expect((await database().db.select().from(bills))[0]?.status).toBe('unpaid');
  });

  it('lets the agent who referred the vendor mark a partial payment, kept exactly', async () => {
    await insertAgent(database().db, { code: 'AGEN123', name: 'Pak Budi' });
    const bill = await enrolledBill('agen123');
    const result = await mark({ paymentCode: bill.paymentCode, amount: 20_001, by: { kind: 'agent', code: 'agen123' } });
    expect(result).toMatchObject({ duplicate: false, externalRef: `MANUAL:${bill.paymentCode}:${NOW.toISOString()}`, applied: 20_001, outstanding: 33_599, billPaid: false });
    expect((await stored()).map((p) => [p.amount, p.appliedAmount, p.creditAmount])).toEqual([[20_001, 20_001, 0]]);
    expect((await database().db.select().from(bills))[0]?.status).toBe('unpaid');
    expect(await audits('payment.marked_paid')).toEqual([expect.objectContaining({ actor: 'agent:AGEN123', details: expect.objectContaining({ amount: 20_001 }) })]);
  });

  it('refuses another agent, an inactive one and an unknown one, recording nothing', async () => {
    await insertAgent(database().db, { code: 'AGEN123', name: 'Pak Budi' });
    await insertAgent(database().db, { code: 'AGEN999', name: 'Bu Ani' });
    const bill = await enrolledBill('AGEN123');
    await database().db.update(agents).set({ active: false }).where(eq(agents.code, 'AGEN999'));
    await insertAgent(database().db, { code: 'AGEN777', name: 'Pak Joko' });
    const as = (code: string) => refusal({ paymentCode: bill.paymentCode, amount: 53_600, by: { kind: 'agent', code } });

    const other = await as('AGEN777');
    expect(other.reason).toBe('not_agents_vendor');
    expect(other.message).toBe('agent AGEN777 did not refer this vendor: only their agent or an admin can mark the bill paid');
    expect((await as('AGEN999')).reason).toBe('inactive_agent');
    expect((await as('NOPE')).message).toBe('there is no agent with code "NOPE"');
    expect(await stored()).toEqual([]);
    expect(await audits('payment.marked_paid')).toEqual([]);
    expect((await database().db.select().from(bills))[0]?.status).toBe('unpaid');
  });

  it('refuses an unknown code instead of keeping it unmatched, and a bad amount', async () => {
    const bill = await enrolledBill();
    const admin = { kind: 'admin', name: 'siti' } as const;
    const unknown = await refusal({ paymentCode: 'PY00000000000', amount: 53_600, by: admin });
    expect(unknown.reason).toBe('unknown_code');
    expect(unknown.message).toBe('no bill has payment code PY00000000000: nothing was recorded');
    expect((await refusal({ paymentCode: 'PY123', amount: 53_600, by: admin })).message).toMatch(/^"PY123" is not a payment code/);
    expect((await refusal({ paymentCode: bill.paymentCode, amount: 0, by: admin })).reason).toBe('invalid_amount');
    expect((await refusal({ paymentCode: bill.paymentCode, amount: 670.5, by: admin })).reason).toBe('invalid_amount');
    expect(await stored()).toEqual([]);
  });
});
