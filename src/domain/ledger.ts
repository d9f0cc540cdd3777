import { addMonths } from './calendar.ts';

/** A payment received for a bill: integer Rupiah, on the vendor's local calendar date. */
export interface ReceivedPayment {
  readonly amount: number;
  readonly date: string;
}

/**
 * One bill of the ledger: `months` contribution months from `startMonth`, priced at `amount`,
 * due on `dueDate` (the due date of its first month).
 */
export interface Bill {
  readonly id: string;
  readonly startMonth: string;
  readonly months: number;
  readonly amount: number;
  readonly dueDate: string;
  readonly payments: readonly ReceivedPayment[];
  /**
   * The price of each month, in order (the bill's breakdown), summing to `amount`. Without it
   * the amount is split evenly. It says how far a part payment reaches: months are paid oldest
   * first.
   */
  readonly monthAmounts?: readonly number[];
}

/** What has been paid on a bill by a day; nothing is rounded, so partial and over-payments show. */
export interface BillAmounts {
  readonly paidAmount: number;
  /** amount − paidAmount, never below 0. */
  readonly outstanding: number;
  /** paidAmount − amount, never below 0: an over-payment kept for an admin or the next bill. */
  readonly credit: number;
  /** The day the payments first reached the amount, or null while they have not. */
  readonly paidOn: string | null;
}

/**
 * Sums the payments made on or before `asOf` (all of them when omitted). A payment dated after
 * `asOf` is ignored so that a ledger can be read as it stood on any past day.
 */
export function billAmounts(bill: Pick<Bill, 'amount' | 'payments'>, asOf?: string): BillAmounts {
  const payments = [...bill.payments]
    .filter((p) => asOf === undefined || p.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let paidAmount = 0;
  let paidOn: string | null = null;
  for (const p of payments) {
    paidAmount += p.amount;
    if (paidOn === null && paidAmount >= bill.amount) paidOn = p.date;
  }
  return {
    paidAmount,
    outstanding: Math.max(0, bill.amount - paidAmount),
    credit: Math.max(0, paidAmount - bill.amount),
    paidOn,
  };
}

/** The contribution months a bill covers, 'YYYY-MM', in order. */
export function monthsOfBill(bill: Pick<Bill, 'startMonth' | 'months'>): string[] {
  return Array.from({ length: bill.months }, (_, i) => addMonths(bill.startMonth, i));
}

/** The month after the last one a bill covers: where the next bill starts. */
export function monthAfterBill(bill: Pick<Bill, 'startMonth' | 'months'>): string {
  return addMonths(bill.startMonth, bill.months);
}

/**
 * The day each month of a bill was paid, as of `asOf`, or null: payments pay the bill's months
 * oldest first, each month once its own price is reached, so a 3-month bill paid for one month
 * covers that month (issue #8). A month is never counted paid before the whole of its price is.
 */
export function monthsPaidOn(bill: Pick<Bill, 'amount' | 'months' | 'payments' | 'monthAmounts'>, asOf?: string): (string | null)[] {
  const thresholds = cumulativePrices(bill);
  const payments = [...bill.payments]
    .filter((p) => asOf === undefined || p.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const paidOn: (string | null)[] = thresholds.map(() => null);
  let paid = 0;
  let next = 0;
  for (const p of payments) {
    paid += p.amount;
    while (next < thresholds.length && paid >= (thresholds[next] ?? Infinity)) paidOn[next++] = p.date;
  }
  return paidOn;
}

/** Whether any payment reached the member's bills on or before `asOf`: a member who never paid was never covered. */
export function hasPaidAnything(bills: readonly Pick<Bill, 'payments'>[], asOf: string): boolean {
  return bills.some((b) => b.payments.some((p) => p.amount > 0 && p.date <= asOf));
}

/** What must be paid in all for months 1..i of the bill: the breakdown's running sum, ending at the amount. */
function cumulativePrices(bill: Pick<Bill, 'amount' | 'months' | 'monthAmounts'>): number[] {
  const given = bill.monthAmounts;
  const usable = given !== undefined && given.length === bill.months && given.reduce((s, a) => s + a, 0) === bill.amount;
  const sums: number[] = [];
  let sum = 0;
  for (let i = 0; i < bill.months; i++) {
    sum = usable ? sum + (given[i] ?? 0) : Math.round((bill.amount * (i + 1)) / bill.months);
    sums.push(sum);
  }
  return sums;
}
