import { billAmounts, monthAfterBill, type Bill } from './ledger.ts';
import { periodQuote, type PeriodQuote } from './contribution.ts';
import type { Sector } from './occupations.ts';
import type { Funding, RateTable } from './rate-table.ts';

/** What the next bill depends on: the member's declared income, programmes and chosen period. */
export interface BillingMember {
  readonly income: number;
  readonly jht: boolean;
  readonly sector: Sector;
  readonly funding: Funding;
  /** Months paid at once: one of the rate table's periods (1, 3, 6, 12). */
  readonly period: number;
}

/** A bill to create; the caller gives it an id and a payment reference. */
export interface NewBill {
  readonly startMonth: string;
  readonly months: number;
  readonly amount: number;
  readonly dueDate: string;
  /** Month by month, so a message can say where a discount ends. */
  readonly quote: PeriodQuote;
}

/**
 * The next bill is created once the previous one is paid or falls due (on its due date), so a
 * vendor who pays early sees the next amount at once and one who does not still gets a bill for
 * the next months.
 */
export function isTimeForNextBill(lastBill: Pick<Bill, 'amount' | 'payments' | 'dueDate'>, today: string): boolean {
  return today >= lastBill.dueDate || billAmounts(lastBill, today).paidOn !== null;
}

/**
 * The bill after `lastBill`: from the month after its period, for the member's period at their
 * income and programmes, each month priced by `periodQuote` (discounts are dated by contribution
 * month), due on the first month's due date. Null while it is not yet time for it.
 * A period the rate table does not offer is the caller's bug: it throws.
 */
export function nextBill(member: BillingMember, lastBill: Bill, rates: RateTable, today: string): NewBill | null {
  if (!rates.periods.includes(member.period)) throw new RangeError(`period ${member.period} is not one of ${rates.periods.join(', ')}`);
  if (!isTimeForNextBill(lastBill, today)) return null;
  const startMonth = monthAfterBill(lastBill);
  const quote = periodQuote({ income: member.income, jht: member.jht, sector: member.sector, funding: member.funding, startMonth, months: member.period }, rates);
  return { startMonth, months: member.period, amount: quote.total, dueDate: quote.dueDate, quote };
}
