import { firstBillDueDate, firstContributionMonth, periodQuote, type PeriodQuote } from '../domain/contribution.ts';
import type { FlowContext } from './flow-context.ts';
import { vendorToday, type FlowEnv } from './flow-env.ts';

/**
 * The contribution quote for what the vendor has answered so far, from the rate table (data).
 * Fields read: penghasilan (money), pekerjaan (occupation code → sector), program
 * ('dasar' = JKK+JKM, 'lengkap' = +JHT), periode (months), pendanaan ('mandiri' | 'bantuan').
 * Null while the income is not known yet.
 */
export function quoteOf(context: FlowContext, env: FlowEnv, overrides: { jht?: boolean; months?: number } = {}): PeriodQuote | null {
  const income = context.answers['penghasilan'];
  if (typeof income !== 'number') return null;
  const occupation = env.data.occupations.find((o) => o.code === context.answers['pekerjaan']);
  const months = overrides.months ?? Number(context.answers['periode'] ?? 1);
  const today = vendorToday(context, env);
  const startMonth = firstContributionMonth(today, env.data.rates);
  const quote = periodQuote({
    income,
    jht: overrides.jht ?? context.answers['program'] === 'lengkap',
    sector: occupation?.sector ?? 'other',
    funding: context.answers['pendanaan'] === 'bantuan' ? 'sponsor' : 'mandiri',
    startMonth,
    months: Number.isInteger(months) && months > 0 ? months : 1,
  }, env.data.rates);
  // The first bill: registering after this month's due date leaves until the next one to pay.
  return { ...quote, dueDate: firstBillDueDate(today, startMonth, env.data.rates) };
}
