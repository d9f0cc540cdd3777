import { describe, expect, it } from 'vitest';
import { billStatuses, owedTotal } from '../../../src/domain/bill-status.ts';
import type { Bill } from '../../../src/domain/ledger.ts';
import { afterAPaidMonth, monthlyBills, plain, STARTED } from './bill-fixture.ts';

function statuses(bills: Bill[], today: string): Record<string, string> {
  return Object.fromEntries(billStatuses(bills, today, plain).filter((b) => b.id !== STARTED).map((b) => [b.id, b.status]));
}

describe('billStatuses', () => {
  const bills = monthlyBills('2026-01', 4);

  it('is unpaid up to and including the due date, overdue the day after', () => {
    expect(statuses(bills.slice(0, 1), '2026-01-15')).toEqual({ '2026-01': 'unpaid' });
    expect(statuses(bills.slice(0, 1), '2026-01-16')).toEqual({ '2026-01': 'overdue' });
  });

  it('keeps three overdue months payable on the 4th month\'s due date', () => {
    expect(statuses(bills, '2026-04-15')).toEqual({ '2026-01': 'overdue', '2026-02': 'overdue', '2026-03': 'overdue', '2026-04': 'unpaid' });
  });

  it('lapses all four the day the 4th consecutive month becomes unpaid', () => {
    expect(statuses(afterAPaidMonth(bills), '2026-04-16')).toEqual({ '2026-01': 'lapsed', '2026-02': 'lapsed', '2026-03': 'lapsed', '2026-04': 'lapsed' });
  });

  it('counts a month with no bill yet in the run', () => {
    expect(statuses(afterAPaidMonth(bills.slice(0, 1)), '2026-04-16')).toEqual({ '2026-01': 'lapsed' });
  });

  it('never lapses the bill of a registrant who never paid: it stays payable, to start (issue #8)', () => {
    expect(statuses(bills.slice(0, 1), '2026-09-16')).toEqual({ '2026-01': 'overdue' });
  });

  it('does not lapse a run broken by a paid month', () => {
    const broken = monthlyBills('2026-01', 5, { '2026-04': '2026-04-10' });
    expect(statuses(broken, '2026-05-16')).toEqual({ '2026-01': 'overdue', '2026-02': 'overdue', '2026-03': 'overdue', '2026-04': 'paid', '2026-05': 'overdue' });
  });

  it('is paid even when paid late, and the paid month breaks the run', () => {
    const late = monthlyBills('2026-01', 4, { '2026-01': '2026-04-15' });
    expect(statuses(late, '2026-04-16')).toEqual({ '2026-01': 'paid', '2026-02': 'overdue', '2026-03': 'overdue', '2026-04': 'overdue' });
  });

  it('reads the ledger as it stood on a past day: a later payment is ignored', () => {
    const paidLater = monthlyBills('2026-01', 1, { '2026-01': '2026-02-01' });
    expect(statuses(paidLater, '2026-01-20')).toEqual({ '2026-01': 'overdue' });
    expect(statuses(paidLater, '2026-02-01')).toEqual({ '2026-01': 'paid' });
  });

  it('shows partial and over-payments as amounts', () => {
    const [partial] = billStatuses([{ ...bills[0]!, payments: [{ amount: 10_000, date: '2026-01-10' }] }], '2026-01-20', plain);
    expect(partial).toMatchObject({ status: 'overdue', paidAmount: 10_000, outstanding: 6_800, credit: 0 });
    const [over] = billStatuses([{ ...bills[0]!, payments: [{ amount: 20_000, date: '2026-01-10' }] }], '2026-01-20', plain);
    expect(over).toMatchObject({ status: 'paid', paidAmount: 20_000, outstanding: 0, credit: 3_200 });
  });

  it('lapses a partly paid three-month bill only by its unpaid months', () => {
    const quarter: Bill = { id: 'q', startMonth: '2026-01', months: 3, amount: 50_400, dueDate: '2026-01-15', payments: [{ amount: 33_600, date: '2026-01-10' }] };
    // January and February are paid; March is unpaid from 16 March, with April, May, June after it.
    expect(statuses([quarter], '2026-06-15')).toEqual({ q: 'overdue' });
    expect(statuses([quarter], '2026-06-16')).toEqual({ q: 'lapsed' });
  });

  it('lapses an unpaid twelve-month bill by its own months', () => {
    const year: Bill = { id: 'y', startMonth: '2026-01', months: 12, amount: 201_600, dueDate: '2026-01-15', payments: [] };
    expect(statuses(afterAPaidMonth([year]), '2026-04-15')).toEqual({ y: 'overdue' });
    expect(statuses(afterAPaidMonth([year]), '2026-04-16')).toEqual({ y: 'lapsed' });
  });

  it('keeps a bill for a future month unpaid', () => {
    expect(statuses(monthlyBills('2026-12', 1), '2026-11-25')).toEqual({ '2026-12': 'unpaid' });
  });
});

describe('owedTotal', () => {
  const bills = monthlyBills('2026-01', 4, { '2026-02': '2026-02-10' });

  it('adds what is left on every payable bill and counts them, paid ones left out', () => {
    expect(owedTotal(billStatuses(bills, '2026-04-15', plain), '2026-04-15')).toEqual({ amount: 3 * 16_800, bills: 3 });
  });

  it('counts a part-paid bill by what is left', () => {
    const part = [{ ...bills[0]!, payments: [{ amount: 10_000, date: '2026-01-05' }] }];
    expect(owedTotal(billStatuses(part, '2026-01-20', plain), '2026-01-20')).toEqual({ amount: 6_800, bills: 1 });
  });

  it('leaves lapsed months out: they can no longer be paid as arrears', () => {
    const unpaid = afterAPaidMonth(monthlyBills('2026-01', 5));
    expect(owedTotal(billStatuses(unpaid, '2026-05-10', plain), '2026-05-10')).toEqual({ amount: 0, bills: 0 });
    expect(owedTotal(billStatuses(unpaid, '2026-05-15', plain), '2026-05-15')).toEqual({ amount: 16_800, bills: 1 });
  });

  // Issue #8, Rp1 jt income: the first bill from December 2026 (Rp8.400 with the PP 50/2025
  // discount, Rp16.800 a month from January 2027), unpaid on its due date, 15 December 2026;
  // the bill upkeep has made the next one that day. Only the first is owed.
  it('counts only bills whose due date has come: a 12-month bill owes Rp193.200, not Rp394.800', () => {
    const year: Bill = { id: 'y1', startMonth: '2026-12', months: 12, amount: 193_200, dueDate: '2026-12-15', payments: [] };
    const next: Bill = { id: 'y2', startMonth: '2027-12', months: 12, amount: 201_600, dueDate: '2027-12-15', payments: [] };
    expect(owedTotal(billStatuses([year, next], '2026-12-15', plain), '2026-12-15')).toEqual({ amount: 193_200, bills: 1 });
  });

  it('counts only bills whose due date has come: a 3-month bill owes Rp42.000, not Rp92.400', () => {
    const quarter: Bill = { id: 'q1', startMonth: '2026-12', months: 3, amount: 42_000, dueDate: '2026-12-15', payments: [] };
    const next: Bill = { id: 'q2', startMonth: '2027-03', months: 3, amount: 50_400, dueDate: '2027-03-15', payments: [] };
    expect(owedTotal(billStatuses([quarter, next], '2026-12-15', plain), '2026-12-15')).toEqual({ amount: 42_000, bills: 1 });
    expect(owedTotal(billStatuses([quarter, next], '2026-12-14', plain), '2026-12-14')).toEqual({ amount: 0, bills: 0 });
  });
});
