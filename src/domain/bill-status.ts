import { monthOf } from './calendar.ts';
import { contributionMonths, MAX_ARREARS_MONTHS, overdueRuns, type DueCalendar } from './contribution-months.ts';
import { billAmounts, monthsOfBill, type Bill, type BillAmounts } from './ledger.ts';

export type BillStatus = 'paid' | 'unpaid' | 'overdue' | 'lapsed';

export interface BillView extends BillAmounts {
  readonly id: string;
  readonly status: BillStatus;
}

/** Still owed and payable: lapsed months can no longer be paid as arrears, so they are not asked for. */
export function isPayable(bill: Pick<BillView, 'outstanding' | 'status'>): boolean {
  return bill.outstanding > 0 && bill.status !== 'lapsed';
}

/** What a member owes in all: the amounts left on their payable bills, and how many bills. */
export function owedTotal(bills: readonly Pick<BillView, 'outstanding' | 'status'>[]): { readonly amount: number; readonly bills: number } {
  const payable = bills.filter(isPayable);
  return { amount: payable.reduce((sum, b) => sum + b.outstanding, 0), bills: payable.length };
}

/**
 * The status of every bill as of `today` (the vendor's local date), derived from the same
 * contribution months the coverage status uses, so the two never disagree:
 * - paid: payments up to today reach the amount (an over-payment shows as `credit`);
 * - unpaid: not paid, and the due date is today or later (paying on the due date is on time);
 * - lapsed: not paid, and one of its months is in a run of more than 3 consecutive overdue months;
 * - overdue: otherwise — past due, still payable as arrears.
 */
export function billStatuses(bills: readonly Bill[], today: string, calendar: DueCalendar): BillView[] {
  const months = contributionMonths(bills, monthOf(today), today, calendar);
  const lapsedMonths = new Set(overdueRuns(months, today)
    .filter((run) => run.length > MAX_ARREARS_MONTHS)
    .flatMap((run) => run.map((m) => m.month)));
  return bills.map((bill) => {
    const amounts = billAmounts(bill, today);
    return { id: bill.id, ...amounts, status: statusOf(bill, amounts, today, lapsedMonths) };
  });
}

function statusOf(bill: Bill, amounts: BillAmounts, today: string, lapsedMonths: ReadonlySet<string>): BillStatus {
  if (amounts.paidOn !== null) return 'paid';
  if (today <= bill.dueDate) return 'unpaid';
  return monthsOfBill(bill).some((m) => lapsedMonths.has(m)) ? 'lapsed' : 'overdue';
}
