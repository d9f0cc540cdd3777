import { describe, expect, it } from 'vitest';
import { billAmounts, monthAfterBill, monthsOfBill } from '../../../src/domain/ledger.ts';

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
