import { describe, expect, it } from 'vitest';
import { billStatuses, owedTotal } from '../../../src/domain/bill-status.ts';
import type { Bill } from '../../../src/domain/ledger.ts';
import { monthlyBills, plain } from './bill-fixture.ts';

function statuses(bills: Bill[], today: string): Record<string, string> {
  return Object.fromEntries(billStatuses(bills, today, plain).map((b) => [b.id, b.status]));
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
    expect(statuses(bills, '2026-04-16')).toEqual({ '2026-01': 'lapsed', '2026-02': 'lapsed', '2026-03': 'lapsed', '2026-04': 'lapsed' });
  });

  it('counts a month with no bill yet in the run', () => {
    expect(statuses(bills.slice(0, 1), '2026-04-16')).toEqual({ '2026-01': 'lapsed' });
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

  it('treats a partly paid three-month bill as covering none of its months', () => {
    const quarter: Bill = { id: 'q', startMonth: '2026-01', months: 3, amount: 50_400, dueDate: '2026-01-15', payments: [{ amount: 33_600, date: '2026-01-10' }] };
    expect(statuses([quarter], '2026-04-15')).toEqual({ q: 'overdue' });
    expect(statuses([quarter], '2026-04-16')).toEqual({ q: 'lapsed' });
  });

  it('lapses an unpaid twelve-month bill by its own months', () => {
    const year: Bill = { id: 'y', startMonth: '2026-01', months: 12, amount: 201_600, dueDate: '2026-01-15', payments: [] };
    expect(statuses([year], '2026-04-15')).toEqual({ y: 'overdue' });
    expect(statuses([year], '2026-04-16')).toEqual({ y: 'lapsed' });
  });

  it('keeps a bill for a future month unpaid', () => {
    expect(statuses(monthlyBills('2026-12', 1), '2026-11-25')).toEqual({ '2026-12': 'unpaid' });
  });
});

describe('owedTotal', () => {
  const bills = monthlyBills('2026-01', 4, { '2026-02': '2026-02-10' });

  it('adds what is left on every payable bill and counts them, paid ones left out', () => {
    expect(owedTotal(billStatuses(bills, '2026-04-15', plain))).toEqual({ amount: 3 * 16_800, bills: 3 });
  });

  it('counts a part-paid bill by what is left', () => {
    const part = [{ ...bills[0]!, payments: [{ amount: 10_000, date: '2026-01-05' }] }];
    expect(owedTotal(billStatuses(part, '2026-01-20', plain))).toEqual({ amount: 6_800, bills: 1 });
  });

  it('leaves lapsed months out: they can no longer be paid as arrears', () => {
    const unpaid = monthlyBills('2026-01', 5);
    expect(owedTotal(billStatuses(unpaid, '2026-05-10', plain))).toEqual({ amount: 16_800, bills: 1 });
  });
});
