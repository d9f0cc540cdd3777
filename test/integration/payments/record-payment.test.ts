import { describe, expect, it } from 'vitest';
import { paymentCode } from '../../../src/domain/payment-code.ts';
import { PaymentRefusedError, recordPayment, type PaymentInput, type RecordPaymentDeps } from '../../../src/runtime/record-payment.ts';
import { billsOfMember, insertBill } from '../../../src/store/repos/bills.ts';
import { paymentsOfBill } from '../../../src/store/repos/payments.ts';
import { payments } from '../../../src/store/schema.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { aContact, aMemberId } from '../store/fixtures.ts';

const CODE = paymentCode('5555555555');
const deps: RecordPaymentDeps = { secret: 'a-nik-secret-of-at-least-thirty-two-characters', actor: 'admin:siti', now: new Date('2025-03-10T03:00:00Z') };

describe('recordPayment', () => {
  const database = useTestDatabase();

  async function aBill(amount = 16_800) {
    const { db } = database();
    const memberId = await aMemberId(db, (await aContact(db)).id);
    const bill = await insertBill(db, { memberId, startMonth: '2025-03', months: 1, amount, breakdown: {}, dueDate: '2025-03-15', paymentCode: CODE });
    return { memberId, billId: bill.id };
  }

  const input = (overrides: Partial<PaymentInput> = {}): PaymentInput => ({
    externalRef: 'MANUAL-1', amount: 16_800, paidAt: new Date('2025-03-10T02:00:00Z'), source: 'manual', paymentCode: CODE, ...overrides,
  });

  const record = (i: PaymentInput, d: RecordPaymentDeps = deps) => database().db.transaction((tx) => recordPayment(tx, i, d));

  it('calls onBillPaid in the same transaction once the bill is fully paid, and not before', async () => {
    const { billId } = await aBill();
    const paidBills: string[] = [];
    const withHook: RecordPaymentDeps = { ...deps, onBillPaid: async (_tx, id) => { paidBills.push(id); } };
    await record(input({ externalRef: 'A', amount: 800 }), withHook);
    expect(paidBills).toEqual([]);
    await record(input({ externalRef: 'B', amount: 16_000 }), withHook);
    await record(input({ externalRef: 'C', amount: 5 }), withHook);
    expect(paidBills).toEqual([billId]);
  });

  it('refuses, for every path alike, a paid_at in year 0001 or 9999 and an empty reference, writing nothing', async () => {
    await aBill();
    for (const paidAt of [new Date('0001-01-01T00:00:00Z'), new Date('9999-12-31T00:00:00Z')]) {
      await expect(record(input({ paidAt }))).rejects.toThrow(expect.objectContaining({ name: 'PaymentRefusedError', field: 'paid_at' }));
    }
    await expect(record(input({ externalRef: ' \u200B ' }))).rejects.toThrow(PaymentRefusedError);
    expect(await database().db.select().from(payments)).toEqual([]);
  });

  it('rolls the payment back with the transaction when the hook fails', async () => {
    const { memberId } = await aBill();
    const failing: RecordPaymentDeps = { ...deps, onBillPaid: () => Promise.reject(new Error('scheduler down')) };
    await expect(record(input(), failing)).rejects.toThrow('scheduler down');
    expect(await database().db.select().from(payments)).toEqual([]);
    expect((await billsOfMember(database().db, memberId))[0]?.status).toBe('unpaid');
  });

  it('keeps a payment with neither code nor NIK as unmatched, and never stores a NIK in raw', async () => {
    const result = await record(input({ paymentCode: null, raw: { note: 'cash at the office', nik: '3174010101900001' } }));
    expect(result).toMatchObject({ duplicate: false, status: 'unmatched', reason: 'unknown_code' });
    const [row] = await database().db.select().from(payments);
    expect(row).toMatchObject({ source: 'manual', status: 'unmatched', raw: { note: 'cash at the office' } });
  });

  it('applies concurrent deliveries of one payment once, and concurrent halves of a bill both', async () => {
    const { billId, memberId } = await aBill(10_000);
    const results = await Promise.all([
      record(input({ externalRef: 'X', amount: 5_000 })),
      record(input({ externalRef: 'X', amount: 5_000 })),
      record(input({ externalRef: 'Y', amount: 5_000 })),
      record(input({ externalRef: 'Y', amount: 5_000 })),
    ]);
    expect(results.filter((r) => r.duplicate)).toHaveLength(2);
    const rows = await paymentsOfBill(database().db, billId);
    expect(rows.map((r) => r.appliedAmount)).toEqual([5_000, 5_000]);
    expect(rows.map((r) => r.creditAmount)).toEqual([0, 0]);
    expect((await billsOfMember(database().db, memberId))[0]?.status).toBe('paid');
  });
});
