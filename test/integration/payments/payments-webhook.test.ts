import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPaymentsWebhook } from '../../../src/admin/payments-webhook.ts';
import { formatPaymentsReview } from '../../../src/admin/payments-review.ts';
import { paymentCode } from '../../../src/domain/payment-code.ts';
import { nikHash } from '../../../src/lib/secrets.ts';
import { billsOfMember, insertBill, type NewBill } from '../../../src/store/repos/bills.ts';
import { listUnmatchedPayments, paymentsOfBill } from '../../../src/store/repos/payments.ts';
import { auditLog, payments } from '../../../src/store/schema.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { aContact, aMemberId } from '../store/fixtures.ts';
import { testReceipts } from './receipt-deps.ts';

const WEBHOOK_SECRET = 'partner-shared-secret';
const NIK_SECRET = 'a-nik-secret-of-at-least-thirty-two-characters';
const NIK = '3174010101900001';
const NOW = new Date('2025-03-10T03:00:00Z');
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('POST /api/payments', () => {
  const database = useTestDatabase();

  const app = async () => createPaymentsWebhook({ db: database().db, secret: WEBHOOK_SECRET, nikSecret: NIK_SECRET, clock: () => NOW, logger: silent, receipts: await testReceipts() });

  const sign = (body: string, secret = WEBHOOK_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  async function post(payload: unknown, headers: Record<string, string> | 'signed' = 'signed'): Promise<{ status: number; body: Record<string, unknown> }> {
    const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const h = headers === 'signed' ? { 'X-Payung-Signature': sign(raw) } : headers;
    const response = await (await app()).request('/api/payments', { method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: raw });
    return { status: response.status, body: await response.json() as Record<string, unknown> };
  }

  const CODE_MARCH = paymentCode('1234567890');
  const CODE_APRIL = paymentCode('1234567891');

  /** A member with NIK and two unpaid bills: March (16,800) and April (16,800). */
  async function aMemberWithBills() {
    const { db } = database();
    const memberId = await aMemberId(db, (await aContact(db)).id, { nikHash: nikHash(NIK_SECRET, NIK) });
    const bill = (overrides: Partial<NewBill>): NewBill => ({
      memberId, startMonth: '2025-03', months: 1, amount: 16_800, breakdown: {}, dueDate: '2025-03-15', paymentCode: CODE_MARCH, ...overrides,
    });
    const april = await insertBill(db, bill({ startMonth: '2025-04', dueDate: '2025-04-15', paymentCode: CODE_APRIL }));
    const march = await insertBill(db, bill({}));
    return { memberId, march: march.id, april: april.id };
  }

  const payment = (overrides: Record<string, unknown> = {}) => ({
    reference: 'TRX-0001', amount: 16_800, paid_at: '2025-03-10T10:00:00+07:00', payment_code: CODE_MARCH, ...overrides,
  });

  const statusOf = async (memberId: string, billId: string) =>
    (await billsOfMember(database().db, memberId)).find((b) => b.id === billId)?.status;

  it('applies a signed payment to the bill of its code and marks the bill paid', async () => {
    const { memberId, march, april } = await aMemberWithBills();
    const { status, body } = await post(payment());
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'applied', bill_id: march, applied: 16_800, credit: 0, outstanding: 0, bill_paid: true });
    expect(await statusOf(memberId, march)).toBe('paid');
    expect(await statusOf(memberId, april)).toBe('unpaid');
    const [row] = await paymentsOfBill(database().db, march);
    expect(row).toMatchObject({ externalRef: 'TRX-0001', amount: 16_800, source: 'webhook', memberId, appliedAmount: 16_800, creditAmount: 0 });
    const audit = await database().db.select().from(auditLog);
    expect(audit).toEqual([expect.objectContaining({ actor: 'system:payments-webhook', action: 'payment.applied', entity: 'payment', entityId: row?.id })]);
  });

  it('keeps a partial payment: the bill stays unpaid until the rest arrives, amounts unrounded', async () => {
    const { memberId, march } = await aMemberWithBills();
    const first = await post(payment({ amount: 10_001, payment_code: 'py 1234-5678 90' + CODE_MARCH.slice(-1) }));
    expect(first.body).toMatchObject({ status: 'applied', bill_id: march, applied: 10_001, outstanding: 6_799, bill_paid: false });
    expect(await statusOf(memberId, march)).toBe('unpaid');
    const rest = await post(payment({ reference: 'TRX-0002', amount: 6_799 }));
    expect(rest.body).toMatchObject({ status: 'applied', applied: 6_799, outstanding: 0, bill_paid: true });
    expect(await statusOf(memberId, march)).toBe('paid');
    expect((await paymentsOfBill(database().db, march)).map((p) => p.amount)).toEqual([10_001, 6_799]);
  });

  it('keeps the excess of an over-payment as credit', async () => {
    const { memberId, march } = await aMemberWithBills();
    const { body } = await post(payment({ amount: 20_000 }));
    expect(body).toMatchObject({ status: 'applied', applied: 16_800, credit: 3_200, outstanding: 0, bill_paid: true });
    expect(await statusOf(memberId, march)).toBe('paid');
    expect((await paymentsOfBill(database().db, march))[0]).toMatchObject({ amount: 20_000, appliedAmount: 16_800, creditAmount: 3_200 });
  });

  it('records the same webhook delivered twice once', async () => {
    const { march } = await aMemberWithBills();
    expect((await post(payment({ amount: 8_000 }))).body).toMatchObject({ status: 'applied' });
    const again = await post(payment({ amount: 8_000 }));
    expect(again).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(await paymentsOfBill(database().db, march)).toHaveLength(1);
    expect(await database().db.select().from(auditLog)).toHaveLength(1);
  });

  it('refuses the same reference with another amount with 409 and keeps it for review, applying nothing', async () => {
    const { memberId, march } = await aMemberWithBills();
    expect((await post(payment({ amount: 8_000 }))).body).toMatchObject({ status: 'applied', outstanding: 8_800 });
    const other = await post(payment({ amount: 16_800 }));
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ status: 'conflict', reason: 'reference_conflict', reference: 'TRX-0001' });
    expect(String(other.body['error'])).toBe('reference TRX-0001 was recorded with Rp8.000: this payment was not applied and is kept for review');
    // Redelivered, it is refused again and still kept once.
    expect((await post(payment({ amount: 16_800 }))).status).toBe(409);
    expect((await paymentsOfBill(database().db, march)).map((p) => p.amount)).toEqual([8_000]);
    expect(await statusOf(memberId, march)).toBe('unpaid');
    const review = formatPaymentsReview({ unmatched: await listUnmatchedPayments(database().db, 10), claims: [] });
    expect(review).toContain('Rp16.800  TRX-0001  code PY');
    expect(review).toContain('(webhook): this reference was recorded with another amount: not applied, check which is right (recorded: Rp8.000)');
    expect((await listUnmatchedPayments(database().db, 10)).map((p) => p.unmatchedReason)).toEqual(['reference_conflict']);
  });

  it('reads a reference however it is written: "trx-001", "TRX-001" and " Trx-001 " are one payment', async () => {
    const { march } = await aMemberWithBills();
    expect((await post(payment({ reference: 'trx-001', amount: 8_000 }))).body).toMatchObject({ status: 'applied' });
    expect((await post(payment({ reference: 'TRX-001', amount: 8_000 }))).body).toEqual({ status: 'duplicate' });
    expect((await post(payment({ reference: ' Trx-001 ', amount: 8_000 }))).body).toEqual({ status: 'duplicate' });
    expect((await paymentsOfBill(database().db, march)).map((p) => [p.externalRef, p.amount])).toEqual([['TRX-001', 8_000]]);
  });

  it('refuses a paid_at in year 0001 or 9999, or before 2015, or more than a day ahead, with 400 naming paid_at', async () => {
    await aMemberWithBills();
    for (const paidAt of ['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '2014-12-31T10:00:00+07:00', '2025-03-11T04:00:00Z']) {
      const refused = await post(payment({ paid_at: paidAt }));
      expect(refused.status).toBe(400);
      expect(String(refused.body['error'])).toMatch(/^paid_at: .* a payment date must be between 2015-01-01 and one day from now$/u);
    }
    // A day ahead of the clock is still accepted (clocks and zones differ).
    expect((await post(payment({ paid_at: '2025-03-11T02:00:00Z' }))).status).toBe(200);
    expect(await database().db.select().from(payments)).toHaveLength(1);
  });

  it('refuses a bad signature with 401 and records nothing', async () => {
    const { memberId, march } = await aMemberWithBills();
    const raw = JSON.stringify(payment());
    const wrongKey = await post(raw, { 'X-Payung-Signature': sign(raw, 'not-the-secret') });
    const tampered = await post(JSON.stringify(payment({ amount: 1 })), { 'X-Payung-Signature': sign(raw) });
    expect([wrongKey.status, tampered.status]).toEqual([401, 401]);
    expect(await database().db.select().from(payments)).toEqual([]);
    expect(await statusOf(memberId, march)).toBe('unpaid');
  });

  it('refuses a missing signature with 401', async () => {
    await aMemberWithBills();
    expect((await post(payment(), {})).status).toBe(401);
    expect(await database().db.select().from(payments)).toEqual([]);
  });

  it('answers 400 to malformed JSON and to an invalid body, naming the field', async () => {
    const malformed = await post('{"reference": "TRX-1", amount');
    expect(malformed.status).toBe(400);
    expect(String(malformed.body['error'])).toMatch(/JSON/u);
    const invalid = await post(payment({ amount: 1500.5 }));
    expect(invalid.status).toBe(400);
    expect(String(invalid.body['error'])).toMatch(/^amount:/u);
    const noDate = await post({ reference: 'TRX-1', amount: 100 });
    expect(String(noDate.body['error'])).toMatch(/paid_at/u);
    const shortNik = await post(payment({ payment_code: undefined, nik: '31740101' }));
    expect([shortNik.status, shortNik.body['error']]).toEqual([400, 'nik: must be a 16-digit NIK']);
    expect(await database().db.select().from(payments)).toEqual([]);
  });

  it('keeps a payment with an unknown code on the unmatched list, without its NIK', async () => {
    await aMemberWithBills();
    const { status, body } = await post(payment({ payment_code: paymentCode('9999999999'), nik: undefined }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'unmatched', reason: 'unknown_code' });
    const unknownNik = await post(payment({ reference: 'TRX-0002', payment_code: undefined, nik: '3174010101900002' }));
    expect(unknownNik.body).toMatchObject({ status: 'unmatched', reason: 'unknown_nik' });
    const unmatched = await listUnmatchedPayments(database().db, 10);
    expect(unmatched.map((p) => [p.externalRef, p.unmatchedReason, p.billId]).sort()).toEqual([
      ['TRX-0001', 'unknown_code', null], ['TRX-0002', 'unknown_nik', null],
    ]);
    expect(JSON.stringify(unmatched)).not.toContain('3174010101900002');
    const audit = await database().db.select().from(auditLog);
    expect(audit.map((a) => a.action)).toEqual(['payment.unmatched', 'payment.unmatched']);
  });

  it('applies a payment by NIK to the oldest unpaid bill', async () => {
    const { memberId, march, april } = await aMemberWithBills();
    const first = await post(payment({ payment_code: undefined, nik: NIK }));
    expect(first.body).toMatchObject({ status: 'applied', bill_id: march, bill_paid: true });
    const second = await post(payment({ reference: 'TRX-0002', payment_code: undefined, nik: '3174-0101-0190-0001' }));
    expect(second.body).toMatchObject({ status: 'applied', bill_id: april, bill_paid: true });
    expect([await statusOf(memberId, march), await statusOf(memberId, april)]).toEqual(['paid', 'paid']);
    const [row] = await paymentsOfBill(database().db, march);
    expect(row?.nikHash).toBe(nikHash(NIK_SECRET, NIK));
    expect(row?.raw).not.toHaveProperty('nik');
    const third = await post(payment({ reference: 'TRX-0003', payment_code: undefined, nik: NIK }));
    expect(third.body).toMatchObject({ status: 'unmatched', reason: 'no_unpaid_bill' });
  });
});
