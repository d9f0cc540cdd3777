import { describe, expect, it } from 'vitest';
import { allocatePayment, type PayableBill } from '../../../src/domain/payment-allocation.ts';

const nik = '3171234567890001';
const bill = (id: string, startMonth: string, paid: number, code: string | null = null): PayableBill => ({
  id, startMonth, amount: 16_800, nik, paymentCode: code, payments: paid > 0 ? [{ amount: paid, date: '2026-01-01' }] : [],
});
const ledger: PayableBill[] = [
  bill('jan', '2026-01', 16_800, 'PY12345678903'),
  bill('mar', '2026-03', 0),
  bill('feb', '2026-02', 10_000),
  { ...bill('other', '2025-12', 0, 'PY00000000000'), nik: '3171234567890002' },
];

describe('allocatePayment', () => {
  it('pays the bill a code names, forgiving case, spaces and dashes', () => {
    const coded = [bill('first', '2026-01', 0, 'PY12345678903')];
    expect(allocatePayment(coded, { amount: 16_800, ref: { kind: 'code', code: 'py 1234-5678 903' } }))
      .toEqual({ unmatched: false, billId: 'first', applied: 16_800, outstanding: 0, credit: 0 });
  });

  it('keeps all of a payment on an already paid bill as credit', () => {
    expect(allocatePayment(ledger, { amount: 16_800, ref: { kind: 'code', code: 'PY12345678903' } }))
      .toEqual({ unmatched: false, billId: 'jan', applied: 0, outstanding: 0, credit: 16_800 });
  });

  it('pays the oldest bill with something outstanding for a NIK, whatever the list order', () => {
    expect(allocatePayment(ledger, { amount: 5_000, ref: { kind: 'nik', nik } }))
      .toEqual({ unmatched: false, billId: 'feb', applied: 5_000, outstanding: 1_800, credit: 0 });
  });

  it('keeps an over-payment by NIK as credit on that bill', () => {
    expect(allocatePayment(ledger, { amount: 10_000, ref: { kind: 'nik', nik: '3171 2345 6789 0001' } }))
      .toEqual({ unmatched: false, billId: 'feb', applied: 6_800, outstanding: 0, credit: 3_200 });
  });

  it('does not pay another member\'s bill', () => {
    expect(allocatePayment(ledger, { amount: 16_800, ref: { kind: 'nik', nik: '3171234567890002' } })).toMatchObject({ billId: 'other' });
  });

  it.each([
    ['an unknown code', { amount: 16_800, ref: { kind: 'code', code: 'PY99999999990' } }, 'unknown_code'],
    ['an unknown NIK', { amount: 16_800, ref: { kind: 'nik', nik: '3171234567890009' } }, 'unknown_nik'],
    ['a zero amount', { amount: 0, ref: { kind: 'nik', nik } }, 'invalid_amount'],
    ['a fractional amount', { amount: 16_800.5, ref: { kind: 'nik', nik } }, 'invalid_amount'],
  ] as const)('leaves %s unmatched', (_name, payment, reason) => {
    expect(allocatePayment(ledger, payment)).toEqual({ unmatched: true, reason });
  });

  it('leaves a NIK payment unmatched when nothing is owed, for an admin to place', () => {
    expect(allocatePayment([bill('jan', '2026-01', 16_800)], { amount: 16_800, ref: { kind: 'nik', nik } }))
      .toEqual({ unmatched: true, reason: 'no_unpaid_bill' });
  });

  it('matches nothing on an empty ledger', () => {
    expect(allocatePayment([], { amount: 1, ref: { kind: 'code', code: 'PY12345678903' } })).toEqual({ unmatched: true, reason: 'unknown_code' });
  });
});
