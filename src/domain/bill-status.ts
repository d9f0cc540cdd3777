import { monthOf } from './calendar.ts';
import { contributionMonths, MAX_ARREARS_MONTHS, overdueRuns, type DueCalendar } from './contribution-months.ts';
import { billAmounts, hasPaidAnything, monthsOfBill, type Bill, type BillAmounts } from './ledger.ts';

export type BillStatus = 'paid' | 'unpaid' | 'overdue' | 'lapsed';

export interface BillView extends BillAmounts {
  readonly id: string;
  readonly status: BillStatus;
  readonly dueDate: string;
}

/**
 * Still to be paid and payable, due or not: lapsed months can no longer be paid as arrears, so
 * they are not asked for. The bill a vendor pays next is the oldest of these.
 */
export function isPayable(bill: Pick<BillView, 'outstanding' | 'status'>): boolean {
  return bill.outstanding > 0 && bill.status !== 'lapsed';
}

/** Owed on `today`: payable and its due date has come. A bill made ahead of its months is not owed yet. */
export function isOwed(bill: Pick<BillView, 'outstanding' | 'status' | 'dueDate'>, today: string): boolean {
  return isPayable(bill) && bill.dueDate <= today;
}

/**
 * What a member owes on `today`: the amounts left on their payable bills whose due date has come,
 * and how many bills. A 12-month bill unpaid on its due date is owed; the next one, made that
 * day for the following year, is not (issue #8: Rp193.200, not Rp394.800).
 */
export function owedTotal(bills: readonly Pick<BillView, 'outstanding' | 'status' | 'dueDate'>[], today: string): { readonly amount: number; readonly bills: number } {
  const owed = bills.filter((b) => isOwed(b, today));
  return { amount: owed.reduce((sum, b) => sum + b.outstanding, 0), bills: owed.length };
}

/**
 * The status of every bill as of `today` (the vendor's local date), derived from the same
 * contribution months the coverage status uses, so the two never disagree:
 * - paid: payments up to today reach the amount (an over-payment shows as `credit`);
 * - unpaid: not paid, and the due date is today or later (paying on the due date is on time);
 * - lapsed: not paid, and one of its months is in a run of more than 3 consecutive overdue months
 *   after the member's first payment (one who never paid was never covered, so never lapses: their
 *   first bill stays payable, to start);
 * - overdue: otherwise — past due, still payable as arrears.
 */
export function billStatuses(bills: readonly Bill[], today: string, calendar: DueCalendar): BillView[] {
  const months = hasPaidAnything(bills, today) ? contributionMonths(bills, monthOf(today), today, calendar) : [];
  const lapsedMonths = new Set(overdueRuns(months, today)
    .filter((run) => run.length > MAX_ARREARS_MONTHS)
    .flatMap((run) => run.map((m) => m.month)));
  return bills.map((bill) => {
    const amounts = billAmounts(bill, today);
    return { id: bill.id, dueDate: bill.dueDate, ...amounts, status: statusOf(bill, amounts, today, lapsedMonths) };
  });
}

function statusOf(bill: Bill, amounts: BillAmounts, today: string, lapsedMonths: ReadonlySet<string>): BillStatus {
  if (amounts.paidOn !== null) return 'paid';
  if (today <= bill.dueDate) return 'unpaid';
  return monthsOfBill(bill).some((m) => lapsedMonths.has(m)) ? 'lapsed' : 'overdue';
}
