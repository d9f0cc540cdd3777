import { describe, expect, it } from 'vitest';
import { billAmounts, monthAfterBill, monthsOfBill, monthsPaidOn } from '../../../src/domain/ledger.ts';

describe('billAmounts', () => {
  const bill = { amount: 25_200, payments: [{ amount: 10_000, date: '2026-11-10' }, { amount: 15_201, date: '2026-11-20' }] };

  it('keeps a partial payment as an amount', () => {
    expect(billAmounts(bill, '2026-11-15')).toEqual({ paidAmount: 10_000, outstanding: 15_200, credit: 0, paidOn: null });
  });

  it('keeps a one-rupiah over-payment as credit and dates the payment that completed it', () => {
    expect(billAmounts(bill)).toEqual({ paidAmount: 25_201, outstanding: 0, credit: 1, paidOn: '2026-11-20' });
  });

  it('sums payments in date order whatever order they arrive in', () => {
    const unordered = { amount: 100, payments: [{ amount: 60, date: '2026-03-02' }, { amount: 60, date: '2026-03-01' }] };
    expect(billAmounts(unordered).paidOn).toBe('2026-03-02');
  });

  it('counts a payment on the asOf day itself', () => {
    expect(billAmounts(bill, '2026-11-20').paidOn).toBe('2026-11-20');
  });

  it('is unpaid with no payments', () => {
    expect(billAmounts({ amount: 8_400, payments: [] })).toEqual({ paidAmount: 0, outstanding: 8_400, credit: 0, paidOn: null });
  });
});

describe('monthsOfBill', () => {
  it('runs across the end of the year', () => {
    expect(monthsOfBill({ startMonth: '2026-11', months: 3 })).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthAfterBill({ startMonth: '2026-11', months: 3 })).toBe('2027-02');
    expect(monthAfterBill({ startMonth: '2026-01', months: 12 })).toBe('2027-01');
  });
});

describe('monthsPaidOn', () => {
  const quarter = { amount: 42_000, months: 3, monthAmounts: [8_400, 16_800, 16_800], payments: [] as { amount: number; date: string }[] };

  it('pays the months oldest first, each once its own price is reached', () => {
    const payments = [{ amount: 10_000, date: '2026-12-10' }, { amount: 20_000, date: '2027-01-05' }];
    expect(monthsPaidOn({ ...quarter, payments })).toEqual(['2026-12-10', '2027-01-05', null]);
    expect(monthsPaidOn({ ...quarter, payments }, '2026-12-31')).toEqual(['2026-12-10', null, null]);
  });

  it('pays nothing with less than the first month', () => {
    expect(monthsPaidOn({ ...quarter, payments: [{ amount: 8_399, date: '2026-12-10' }] })).toEqual([null, null, null]);
  });

  it('splits evenly when the breakdown does not add up to the amount', () => {
    const odd = { amount: 50_400, months: 3, monthAmounts: [1, 2, 3], payments: [{ amount: 33_600, date: '2026-12-10' }] };
    expect(monthsPaidOn(odd)).toEqual(['2026-12-10', '2026-12-10', null]);
  });
});
