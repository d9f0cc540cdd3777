import type { PeriodQuote } from '../domain/contribution.ts';
import type { BillingMember } from '../domain/next-bill.ts';
import type { MemberRow } from '../store/schema.ts';

/** What the calculator needs of a member: declared income, JHT or not, sector, funding, period. */
export function billingMemberOf(member: MemberRow): BillingMember {
  return {
    income: member.declaredIncome,
    jht: member.programmes.includes('JHT'),
    sector: member.sector,
    // A request for sponsorship is priced like a sponsor (as the enrolment quote does).
    funding: member.funding === 'sponsor_request' ? 'sponsor' : 'mandiri',
    period: member.paymentPeriodMonths,
  };
}

/** A bill's stored breakdown, month by month: what a part payment is measured against (ledgerOf). */
export function breakdownOf(quote: PeriodQuote): { month: string; jkk: number; jkm: number; jht: number; total: number; discount: string | null }[] {
  return quote.months.map((m) => ({ month: m.month, jkk: m.jkk, jkm: m.jkm, jht: m.jht, total: m.total, discount: m.discount?.ruleId ?? null }));
}
