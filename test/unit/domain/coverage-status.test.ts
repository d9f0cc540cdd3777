import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DueCalendar } from '../../../src/domain/contribution-months.ts';
import { coverageStatus } from '../../../src/domain/coverage-status.ts';
import type { Bill } from '../../../src/domain/ledger.ts';
import { rateTableSchema } from '../../../src/domain/rate-table.ts';
import { afterAPaidMonth, monthlyBills, plain } from './bill-fixture.ts';

const rates: DueCalendar = rateTableSchema.parse(parse(readFileSync('flows/data/iuran.yaml', 'utf8')));

describe('coverageStatus', () => {
  it('is pending with no bill, or before the first contribution month', () => {
    expect(coverageStatus([], '2026-11-25', plain)).toEqual({ status: 'pending', firstMonth: null });
    expect(coverageStatus(monthlyBills('2026-12', 1, { '2026-12': '2026-11-20' }), '2026-11-25', plain))
      .toEqual({ status: 'pending', firstMonth: '2026-12' });
  });

  it('is active when the current month is paid', () => {
    const bills = monthlyBills('2026-01', 1, { '2026-01': '2026-01-10' });
    expect(coverageStatus(bills, '2026-01-31', plain)).toEqual({ status: 'active', paidThrough: '2026-01', overdueMonths: [] });
  });

  it('is active from the day of payment, not before', () => {
    const bills = monthlyBills('2026-01', 1, { '2026-01': '2026-01-10' });
    expect(coverageStatus(bills, '2026-01-09', plain).status).toBe('pending');
    expect(coverageStatus(bills, '2026-01-10', plain).status).toBe('active');
  });

  it('says how far ahead a twelve-month bill pays', () => {
    const year: Bill = { id: 'y', startMonth: '2026-04', months: 12, amount: 100, dueDate: '2026-04-15', payments: [{ amount: 100, date: '2026-04-01' }] };
    expect(coverageStatus([year], '2026-11-25', plain)).toEqual({ status: 'active', paidThrough: '2027-03', overdueMonths: [] });
  });

  it('is active with arrears listed when an older month is unpaid', () => {
    const bills = monthlyBills('2026-01', 2, { '2026-02': '2026-02-10' });
    expect(coverageStatus(bills, '2026-02-20', plain)).toEqual({ status: 'active', paidThrough: '2026-02', overdueMonths: ['2026-01'] });
  });

  it('is pending, never lapsed, for a registrant who never paid (issue #8: never covered)', () => {
    const bills = monthlyBills('2026-01', 1);
    expect(coverageStatus(bills, '2026-01-02', plain)).toEqual({ status: 'pending', firstMonth: '2026-01' });
    expect(coverageStatus(bills, '2026-06-20', plain)).toEqual({ status: 'pending', firstMonth: '2026-01' });
  });

  it('is in grace before a due date once paying, with three months to lapse', () => {
    expect(coverageStatus(afterAPaidMonth(monthlyBills('2026-01', 1)), '2026-01-02', plain)).toEqual({
      status: 'grace', unpaidMonths: ['2026-01'], overdueMonths: [], dueDate: '2026-01-15', payBy: '2026-04-15',
    });
  });

  it('counts months with no bill yet as unpaid', () => {
    const bills = monthlyBills('2026-01', 1, { '2026-01': '2026-01-10' });
    expect(coverageStatus(bills, '2026-03-20', plain)).toEqual({
      status: 'grace', unpaidMonths: ['2026-02', '2026-03'], overdueMonths: ['2026-02', '2026-03'], dueDate: '2026-02-15', payBy: '2026-05-15',
    });
  });

  describe('the edge of the grace period', () => {
    const bills = afterAPaidMonth(monthlyBills('2026-01', 4));

    it('is grace on the due date of the 4th unpaid month', () => {
      expect(coverageStatus(bills, '2026-04-15', plain)).toEqual({
        status: 'grace',
        unpaidMonths: ['2026-01', '2026-02', '2026-03', '2026-04'],
        overdueMonths: ['2026-01', '2026-02', '2026-03'],
        dueDate: '2026-01-15',
        payBy: '2026-04-15',
      });
    });

    it('is lapsed the next day', () => {
      expect(coverageStatus(bills, '2026-04-16', plain)).toEqual({ status: 'lapsed', since: '2026-04-16', months: ['2026-01', '2026-02', '2026-03', '2026-04'] });
    });

    it('stays lapsed when the arrears are paid afterwards (reactivation is not automatic)', () => {
      const paidLate = monthlyBills('2026-01', 5, { '2026-01': '2026-04-16', '2026-02': '2026-04-16', '2026-03': '2026-04-16', '2026-04': '2026-04-16', '2026-05': '2026-04-16' });
      expect(coverageStatus(paidLate, '2026-05-20', plain)).toMatchObject({ status: 'lapsed', since: '2026-04-16' });
    });

    it('moves on when the oldest month is paid on the last day', () => {
      const saved = monthlyBills('2026-01', 4, { '2026-01': '2026-04-15' });
      expect(coverageStatus(saved, '2026-04-16', plain)).toEqual({
        status: 'grace',
        unpaidMonths: ['2026-02', '2026-03', '2026-04'],
        overdueMonths: ['2026-02', '2026-03', '2026-04'],
        dueDate: '2026-02-15',
        payBy: '2026-05-15',
      });
    });
  });

  it('runs the grace period across the end of the year', () => {
    const bills = afterAPaidMonth(monthlyBills('2026-10', 4));
    expect(coverageStatus(bills, '2027-01-15', plain)).toMatchObject({ status: 'grace', payBy: '2027-01-15' });
    expect(coverageStatus(bills, '2027-01-16', plain)).toMatchObject({ status: 'lapsed', since: '2027-01-16', months: ['2026-10', '2026-11', '2026-12', '2027-01'] });
  });

  it('lapses a day later when the 4th due date moves past a weekend and a holiday', () => {
    // August 2026: the 15th is a Saturday, Monday the 17th a holiday: due Tuesday the 18th.
    const bills = afterAPaidMonth(monthlyBills('2026-05', 4, {}, rates), rates);
    expect(coverageStatus(bills, '2026-08-18', rates)).toMatchObject({ status: 'grace', payBy: '2026-08-18' });
    expect(coverageStatus(bills, '2026-08-19', rates)).toMatchObject({ status: 'lapsed', since: '2026-08-19' });
  });

  it('crosses the end of February differently in leap and common years', () => {
    const late: DueCalendar = { dueDay: 28, nonWorkingWeekdays: [0, 6], holidays: ['2028-02-28'] };
    // 2028 is a leap year: the holiday moves the 28th to the 29th; lapse on 1 March.
    const leap = afterAPaidMonth(monthlyBills('2027-11', 4, {}, late), late);
    expect(coverageStatus(leap, '2028-02-29', late)).toMatchObject({ status: 'grace', payBy: '2028-02-29' });
    expect(coverageStatus(leap, '2028-03-01', late)).toMatchObject({ status: 'lapsed', since: '2028-03-01' });
    // 2027: Sunday 28 February moves to Monday 1 March; lapse on 2 March.
    const common = afterAPaidMonth(monthlyBills('2026-11', 4, {}, late), late);
    expect(coverageStatus(common, '2027-03-01', late)).toMatchObject({ status: 'grace', payBy: '2027-03-01' });
    expect(coverageStatus(common, '2027-03-02', late)).toMatchObject({ status: 'lapsed', since: '2027-03-02' });
  });

  it('does not lapse three unpaid months then a paid one', () => {
    const bills = monthlyBills('2026-01', 5, { '2026-04': '2026-04-01' });
    expect(coverageStatus(bills, '2026-05-16', plain)).toMatchObject({
      status: 'grace', unpaidMonths: ['2026-01', '2026-02', '2026-03', '2026-05'], dueDate: '2026-01-15', payBy: '2026-08-15',
    });
  });

  it('does not lapse on a partly paid quarter before its 4th month is due', () => {
    const quarter: Bill = { id: 'q', startMonth: '2026-01', months: 3, amount: 50_400, dueDate: '2026-01-15', payments: [{ amount: 50_000, date: '2026-01-10' }] };
    expect(coverageStatus([quarter], '2026-03-20', plain)).toMatchObject({ status: 'grace', unpaidMonths: ['2026-03'] });
  });

  describe('a part-paid bill covers the months paid, oldest first (issue #8)', () => {
    // Rp1 jt income, from December 2026: Rp8.400 (PP 50/2025 discount), then Rp16.800.
    const quarter: Bill = {
      id: 'q', startMonth: '2026-12', months: 3, amount: 42_000, dueDate: '2026-12-15', monthAmounts: [8_400, 16_800, 16_800],
      payments: [{ amount: 8_400, date: '2026-12-10' }],
    };

    it('is active for the month paid', () => {
      expect(coverageStatus([quarter], '2026-12-20', plain)).toEqual({ status: 'active', paidThrough: '2026-12', overdueMonths: [] });
    });

    it('is in grace, not lapsed, for the months after, with December never listed as unpaid', () => {
      expect(coverageStatus([quarter], '2027-01-20', plain)).toMatchObject({ status: 'grace', unpaidMonths: ['2027-01'], dueDate: '2027-01-15' });
      expect(coverageStatus([quarter], '2027-04-15', plain)).toMatchObject({ status: 'grace', unpaidMonths: ['2027-01', '2027-02', '2027-03', '2027-04'] });
    });

    it('lapses only when four months after the paid one are unpaid, and names only those', () => {
      expect(coverageStatus([quarter], '2027-04-16', plain)).toEqual({ status: 'lapsed', since: '2027-04-16', months: ['2027-01', '2027-02', '2027-03', '2027-04'] });
    });

    it('pays two months with two months\' worth, and splits evenly without a breakdown', () => {
      const two = { ...quarter, payments: [{ amount: 8_400, date: '2026-12-10' }, { amount: 16_800, date: '2027-01-12' }] };
      expect(coverageStatus([two], '2027-01-20', plain)).toMatchObject({ status: 'active', paidThrough: '2027-01' });
      const even: Bill = { id: 'e', startMonth: '2026-12', months: 3, amount: 50_400, dueDate: '2026-12-15', payments: [{ amount: 16_800, date: '2026-12-10' }] };
      expect(coverageStatus([even], '2026-12-20', plain)).toMatchObject({ status: 'active', paidThrough: '2026-12' });
      const short = { ...even, payments: [{ amount: 16_799, date: '2026-12-10' }] };
      expect(coverageStatus([short], '2026-12-20', plain)).toMatchObject({ status: 'grace', unpaidMonths: ['2026-12'] });
    });
  });
});
