import { addMonths } from './calendar.ts';
import { dueDateOf } from './due-date.ts';
import type { Sector } from './occupations.ts';
import type { DiscountRule, Funding, RateTable } from './rate-table.ts';

export { dueDateOf, firstBillDueDate, firstContributionMonth } from './due-date.ts';

/** A row of the income table: 1-based index, lowest income, dasar penghasilan. */
export interface Tier {
  readonly index: number;
  readonly from: number;
  readonly base: number;
}

/** The tier a declared monthly income falls in; incomes below the first bound use the first. */
export function tierFor(income: number, table: Pick<RateTable, 'tiers'>): Tier {
  let index = 0;
  table.tiers.forEach((row, i) => {
    if (income >= row.from) index = i;
  });
  const row = table.tiers[index] ?? { from: 0, base: 0 };
  return { index: index + 1, from: row.from, base: row.base };
}

export interface ContributionInput {
  readonly income: number;
  readonly jht: boolean;
  /** The contribution month, 'YYYY-MM': discounts are dated by it. */
  readonly month: string;
  readonly sector: Sector;
  readonly funding: Funding;
}

export interface AppliedDiscount {
  readonly ruleId: string;
  readonly percent: number;
  readonly jkkOff: number;
  readonly jkmOff: number;
  /** Last discounted month of the rule, 'YYYY-MM'. */
  readonly validTo: string;
}

/** One month's contribution. jkk, jkm and jht are before any discount; `total` is after it. */
export interface MonthlyContribution {
  readonly month: string;
  readonly tier: number;
  readonly base: number;
  readonly jkk: number;
  readonly jkm: number;
  /** 0 when JHT was not chosen. */
  readonly jht: number;
  readonly discount: AppliedDiscount | null;
  readonly total: number;
  readonly totalWithoutDiscount: number;
}

/**
 * JKK = jkkPercent × base, JHT = jhtPercent × base, JKM flat; a discount takes its percent off
 * JKK and JKM only, never JHT. All amounts are integer Rupiah.
 */
export function monthlyContribution(input: ContributionInput, table: RateTable): MonthlyContribution {
  const tier = tierFor(input.income, table);
  const jkk = percentOf(tier.base, table.jkkPercent);
  const jkm = table.jkmMonthly;
  const jht = input.jht ? percentOf(tier.base, table.jhtPercent) : 0;
  const rule = discountRuleFor(input, table);
  const discount = rule === null ? null : {
    ruleId: rule.id,
    percent: rule.percent,
    jkkOff: rule.programmes.includes('JKK') ? percentOf(jkk, rule.percent) : 0,
    jkmOff: rule.programmes.includes('JKM') ? percentOf(jkm, rule.percent) : 0,
    validTo: rule.validTo,
  };
  const totalWithoutDiscount = jkk + jkm + jht;
  const total = totalWithoutDiscount - (discount ? discount.jkkOff + discount.jkmOff : 0);
  return { month: input.month, tier: tier.index, base: tier.base, jkk, jkm, jht, discount, total, totalWithoutDiscount };
}

export interface PeriodQuoteInput extends Omit<ContributionInput, 'month'> {
  readonly startMonth: string;
  /** Whole months paid at once, at least 1. */
  readonly months: number;
}

export interface PeriodQuote {
  readonly months: readonly MonthlyContribution[];
  readonly total: number;
  /** Due date of the first month. */
  readonly dueDate: string;
  /** The last discounted month when the discount stops within the quote or right after it. */
  readonly discountEnds: string | null;
}

/** Several months paid at once, each priced by its own month: a discount may end midway. */
export function periodQuote(input: PeriodQuoteInput, table: RateTable): PeriodQuote {
  if (!Number.isInteger(input.months) || input.months < 1) throw new RangeError(`months must be a positive integer, got ${input.months}`);
  const { startMonth, months: count, ...rest } = input;
  const months = Array.from({ length: count }, (_, i) => monthlyContribution({ ...rest, month: addMonths(startMonth, i) }, table));
  const total = months.reduce((sum, m) => sum + m.total, 0);
  const lastDiscounted = months.filter((m) => m.discount !== null).at(-1);
  const next = lastDiscounted && monthlyContribution({ ...rest, month: addMonths(lastDiscounted.month, 1) }, table);
  const discountEnds = lastDiscounted && next?.discount === null ? lastDiscounted.month : null;
  return { months, total, dueDate: dueDateOf(startMonth, table), discountEnds };
}

/**
 * Where several rules apply to one month the largest percent wins (they do not stack).
 */
function discountRuleFor(input: ContributionInput, table: RateTable): DiscountRule | null {
  const applicable = table.discounts.filter((r) =>
    r.validFrom <= input.month && input.month <= r.validTo
    && r.sectors.includes(input.sector)
    && !r.excludedFunding.includes(input.funding));
  return applicable.reduce<DiscountRule | null>((best, r) => (best === null || r.percent > best.percent ? r : best), null);
}

// The table's bases are multiples of Rp50.000, so 1%, 2% and a 50% discount never leave half a
// rupiah; should a future table do so, round half up (Math.round on a positive amount).
function percentOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}
