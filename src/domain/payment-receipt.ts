import { addDays, addMonths, monthOf } from './calendar.ts';
import { contributionMonths, type DueCalendar } from './contribution-months.ts';
import { coverageStatus } from './coverage-status.ts';
import { dueDateOf } from './due-date.ts';
import { billAmounts, monthAfterBill, type Bill } from './ledger.ts';

/**
 * What a receipt tells the vendor about one payment, from their ledger before and after it. Months
 * are told as paid only when the ledger (contributionMonths, coverage-status.ts) counts them paid
 * after this payment and did not before: a receipt never calls a month covered that is not paid.
 */
export interface ReceiptFacts {
  /** Integer Rupiah received. */
  readonly amount: number;
  /** The contribution months this payment paid, 'YYYY-MM', oldest first; empty for a part that paid no month. */
  readonly paidMonths: readonly string[];
  /** The last day of the paid streak through the current month, when the member is active after it; else null. */
  readonly coveredUntil: string | null;
  /** What is still owed on the bill this payment went to, when it did not pay the bill in full. */
  readonly missing: { readonly amount: number; readonly dueDate: string } | null;
  /**
   * The next thing to pay after this payment: an existing bill's outstanding amount and the due
   * date of its first unpaid month, or only the due date of the month after the last bill
   * (the bill is created later). Null when the membership has lapsed: nothing more is billed.
   */
  readonly nextDue: { readonly amount: number | null; readonly dueDate: string; readonly billId: string | null } | null;
  /** Paid beyond what the bill asked: kept, never dropped. */
  readonly credit: number;
}

export interface ReceiptInput {
  /** The member's bills without this payment, and with it. */
  readonly before: readonly Bill[];
  readonly after: readonly Bill[];
  /** The bill the payment was applied to. */
  readonly billId: string;
  readonly amount: number;
  readonly credit: number;
  /** The vendor's local date. */
  readonly today: string;
}

// Every payment counts, whatever its date: a receipt is about what the payment did.
const ALL_PAYMENTS = '9999-12-31';

export function receiptFacts(input: ReceiptInput, calendar: DueCalendar): ReceiptFacts {
  const current = monthOf(input.today);
  const paidBefore = new Set(contributionMonths(input.before, current, ALL_PAYMENTS, calendar).filter((m) => m.paidOn !== null).map((m) => m.month));
  const monthsAfter = contributionMonths(input.after, current, ALL_PAYMENTS, calendar);
  const paidMonths = monthsAfter.filter((m) => m.paidOn !== null && !paidBefore.has(m.month)).map((m) => m.month);
  const coverage = coverageStatus(input.after, input.today, calendar);
  const coveredUntil = coverage.status === 'active' ? lastDayOf(coverage.paidThrough) : null;

  const bill = input.after.find((b) => b.id === input.billId);
  const firstUnpaid = monthsAfter.find((m) => m.paidOn === null);
  const unpaidOfBill = monthsAfter.find((m) => m.paidOn === null && m.billId === input.billId);
  const outstanding = bill === undefined ? 0 : billAmounts(bill).outstanding;
  const missing = outstanding > 0 ? { amount: outstanding, dueDate: unpaidOfBill?.dueDate ?? bill?.dueDate ?? input.today } : null;
  return { amount: input.amount, paidMonths, coveredUntil, missing, nextDue: nextDueOf(input.after, firstUnpaid, coverage.status, calendar), credit: input.credit };
}

function nextDueOf(
  bills: readonly Bill[], firstUnpaid: { billId: string | null; dueDate: string; month: string } | undefined,
  status: string, calendar: DueCalendar,
): ReceiptFacts['nextDue'] {
  if (status === 'lapsed') return null;
  if (firstUnpaid !== undefined) {
    const bill = bills.find((b) => b.id === firstUnpaid.billId);
    return { amount: bill === undefined ? null : billAmounts(bill).outstanding, dueDate: firstUnpaid.dueDate, billId: bill?.id ?? null };
  }
  const last = [...bills].sort((a, b) => (a.startMonth < b.startMonth ? -1 : 1)).at(-1);
  if (last === undefined) return null;
  return { amount: null, dueDate: dueDateOf(monthAfterBill(last), calendar), billId: null };
}

/** '2027-02' → '2027-02-28'. */
function lastDayOf(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}
