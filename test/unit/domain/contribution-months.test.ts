import { describe, expect, it } from 'vitest';
import { contributionMonths, firstLapse, isOverdueOn, overdueRuns } from '../../../src/domain/contribution-months.ts';
import type { Bill } from '../../../src/domain/ledger.ts';
import { monthlyBills, plain } from './bill-fixture.ts';

describe('contributionMonths', () => {
  it('fills months with no bill through the given month, unpaid', () => {
    const months = contributionMonths(monthlyBills('2026-11', 1, { '2026-11': '2026-11-02' }), '2027-01', '2027-01-20', plain);
    expect(months).toEqual([
      { month: '2026-11', dueDate: '2026-11-15', billId: '2026-11', paidOn: '2026-11-02' },
      { month: '2026-12', dueDate: '2026-12-15', billId: null, paidOn: null },
      { month: '2027-01', dueDate: '2027-01-15', billId: null, paidOn: null },
    ]);
  });

  it('runs on past the given month when a bill pays ahead', () => {
    const year: Bill = { id: 'y', startMonth: '2026-11', months: 12, amount: 1, dueDate: '2026-11-16', payments: [] };
    const months = contributionMonths([year], '2026-11', '2026-11-20', plain);
    expect(months.map((m) => m.month).at(-1)).toBe('2027-10');
    // The first month keeps the bill's own due date; the others get their own.
    expect(months.slice(0, 2).map((m) => m.dueDate)).toEqual(['2026-11-16', '2026-12-15']);
  });

  it('ignores payments after the asOf day', () => {
    const [month] = contributionMonths(monthlyBills('2026-11', 1, { '2026-11': '2026-11-20' }), '2026-11', '2026-11-19', plain);
    expect(month?.paidOn).toBeNull();
  });

  it('lets a paid bill win when two bills cover one month', () => {
    const bills = [...monthlyBills('2026-11', 1), { ...monthlyBills('2026-11', 1, { '2026-11': '2026-11-03' })[0]!, id: 'again' }];
    expect(contributionMonths(bills, '2026-11', '2026-11-20', plain)[0]).toMatchObject({ billId: 'again', paidOn: '2026-11-03' });
  });

  it('is empty with no bills', () => {
    expect(contributionMonths([], '2026-11', '2026-11-20', plain)).toEqual([]);
  });
});

describe('isOverdueOn and overdueRuns', () => {
  const entry = { month: '2026-11', dueDate: '2026-11-15', billId: 'b', paidOn: null };

  it('is overdue only after the due date', () => {
    expect(isOverdueOn(entry, '2026-11-15')).toBe(false);
    expect(isOverdueOn(entry, '2026-11-16')).toBe(true);
  });

  it('is not overdue on the day it is paid', () => {
    expect(isOverdueOn({ ...entry, paidOn: '2026-11-20' }, '2026-11-20')).toBe(false);
    expect(isOverdueOn({ ...entry, paidOn: '2026-11-21' }, '2026-11-20')).toBe(true);
  });

  it('splits runs at a paid month', () => {
    const months = contributionMonths(monthlyBills('2026-01', 5, { '2026-03': '2026-03-01' }), '2026-05', '2026-05-20', plain);
    expect(overdueRuns(months, '2026-05-20').map((run) => run.map((m) => m.month))).toEqual([['2026-01', '2026-02'], ['2026-04', '2026-05']]);
  });
});

describe('firstLapse', () => {
  it('finds the earliest lapse, not a later one', () => {
    const months = contributionMonths(monthlyBills('2026-01', 6), '2026-06', '2026-06-20', plain);
    expect(firstLapse(months, '2026-06-20')).toEqual({ on: '2026-04-16', months: ['2026-01', '2026-02', '2026-03', '2026-04'] });
  });

  it('is null before the lapse day', () => {
    const months = contributionMonths(monthlyBills('2026-01', 4), '2026-04', '2026-04-15', plain);
    expect(firstLapse(months, '2026-04-15')).toBeNull();
  });

  it('counts a payment on the lapse day as too late', () => {
    const months = contributionMonths(monthlyBills('2026-01', 4, { '2026-02': '2026-04-16' }), '2026-04', '2026-04-16', plain);
    expect(firstLapse(months, '2026-04-16')?.on).toBe('2026-04-16');
  });
});
