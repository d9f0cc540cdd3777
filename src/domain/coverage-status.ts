import { addMonths, monthOf } from './calendar.ts';
import { contributionMonths, firstLapse, isOverdueOn, MAX_ARREARS_MONTHS, type ContributionMonth, type DueCalendar } from './contribution-months.ts';
import { dueDateOf } from './due-date.ts';

import { hasPaidAnything, type Bill } from './ledger.ts';

/**
 * A member's cover on a day:
 * - pending: no cover yet: no contribution month has begun (no bill, or the first starts after
 *   this month), or nothing was ever paid (such a member was never covered, so never lapses;
 *   `firstMonth` is then their first bill's month, which may be past);
 * - active: the current contribution month is paid (older arrears, if any, are listed);
 * - grace: the current month is unpaid but the membership has not lapsed; `payBy` is the last day
 *   the oldest month of the current unpaid run can be paid before more than 3 are overdue;
 * - lapsed: more than 3 consecutive months were overdue at some point; membership is inactive.
 */
export type CoverageStatus =
  | { readonly status: 'pending'; readonly firstMonth: string | null }
  | { readonly status: 'active'; readonly paidThrough: string; readonly overdueMonths: readonly string[] }
  | {
    readonly status: 'grace';
    /** Every month up to the current one not paid yet, oldest first. */
    readonly unpaidMonths: readonly string[];
    /** Those of them past their due date. */
    readonly overdueMonths: readonly string[];
    /** Due date of the oldest unpaid month: what a reminder asks for. */
    readonly dueDate: string;
    /** Last day to pay before the membership lapses (it lapses the day after). */
    readonly payBy: string;
  }
  | { readonly status: 'lapsed'; readonly since: string; readonly months: readonly string[] };

/** The coverage status as of `today`, the vendor's local date. */
export function coverageStatus(bills: readonly Bill[], today: string, calendar: DueCalendar): CoverageStatus {
  const current = monthOf(today);
  const months = contributionMonths(bills, current, today, calendar);
  const first = months[0];
  if (first === undefined || first.month > current || !hasPaidAnything(bills, today)) return { status: 'pending', firstMonth: first?.month ?? null };
  const lapse = firstLapse(months, today);
  if (lapse !== null) return { status: 'lapsed', since: lapse.on, months: lapse.months };
  const upToNow = months.filter((m) => m.month <= current);
  const overdueMonths = upToNow.filter((m) => isOverdueOn(m, today)).map((m) => m.month);
  const now = upToNow.at(-1);
  if (now !== undefined && isPaidBy(now, today)) {
    return { status: 'active', paidThrough: paidThrough(months, current, today), overdueMonths };
  }
  const unpaid = upToNow.filter((m) => !isPaidBy(m, today));
  const oldest = unpaid[0] ?? first;
  return {
    status: 'grace',
    unpaidMonths: unpaid.map((m) => m.month),
    overdueMonths,
    dueDate: oldest.dueDate,
    payBy: dueDateOf(addMonths(runStart(upToNow, today).month, MAX_ARREARS_MONTHS), calendar),
  };
}

function isPaidBy(entry: ContributionMonth, today: string): boolean {
  return entry.paidOn !== null && entry.paidOn <= today;
}

/** The last month of the paid streak that includes the current month (paying ahead counts). */
function paidThrough(months: readonly ContributionMonth[], current: string, today: string): string {
  let through = current;
  for (const m of months) {
    if (m.month > through && m.month === addMonths(through, 1) && isPaidBy(m, today)) through = m.month;
  }
  return through;
}

/** The oldest month of the unpaid run that ends at the current (last) month. */
function runStart(upToNow: readonly ContributionMonth[], today: string): ContributionMonth {
  let start = upToNow.at(-1);
  for (let i = upToNow.length - 1; i >= 0; i--) {
    const m = upToNow[i];
    if (m === undefined || isPaidBy(m, today)) break;
    start = m;
  }
  if (start === undefined) throw new RangeError('runStart needs at least one month');
  return start;
}
