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
