import { addDays, addMonths } from './calendar.ts';
import { dueDateOf } from './due-date.ts';
import { monthsOfBill, monthsPaidOn, type Bill } from './ledger.ts';
import type { RateTable } from './rate-table.ts';

/** What a due date depends on: the due day, non-working weekdays and holidays. */
export type DueCalendar = Pick<RateTable, 'dueDay' | 'nonWorkingWeekdays' | 'holidays'>;

/**
 * More than this many consecutive unpaid contribution months end the membership; up to this
 * many can still be paid as arrears (domain.md, firm).
 */
export const MAX_ARREARS_MONTHS = 3;

/** One contribution month of a member, as the ledger stood on `asOf`. */
export interface ContributionMonth {
  readonly month: string;
  readonly dueDate: string;
  /** The bill covering the month, or null when none was created for it. */
  readonly billId: string | null;
  /** The day the month was paid, or null: a part-paid bill pays its months oldest first. */
  readonly paidOn: string | null;
}

/**
 * Every contribution month from the first bill's start through `throughMonth`, each with its due
 * date and the day it was paid as of `asOf`. A month with no bill is unpaid: the next bill should
 * have been created for it. A part payment pays the bill's months oldest first, each once its
 * own price (the bill's breakdown) is reached: a vendor is never told "lapsed" for a month they
 * paid, and a month paid only in part stays uncovered (domain.md: not covered until paid).
 * The first month of a bill uses the bill's own due date, so a bill and its months never disagree.
 */
export function contributionMonths(bills: readonly Bill[], throughMonth: string, asOf: string, calendar: DueCalendar): ContributionMonth[] {
  const byMonth = new Map<string, ContributionMonth>();
  for (const bill of bills) {
    const paid = monthsPaidOn(bill, asOf);
    monthsOfBill(bill).forEach((month, i) => {
      const paidOn = paid[i] ?? null;
      const entry = { month, dueDate: i === 0 ? bill.dueDate : dueDateOf(month, calendar), billId: bill.id, paidOn };
      const known = byMonth.get(month);
      // Two bills for one month should not happen; if they do, a paid one covers it.
      if (known === undefined || (known.paidOn === null && paidOn !== null)) byMonth.set(month, entry);
    });
  }
  const first = [...byMonth.keys()].sort()[0];
  if (first === undefined) return [];
  const last = [...byMonth.keys()].sort().at(-1) ?? first;
  const end = last > throughMonth ? last : throughMonth;
  const months: ContributionMonth[] = [];
  for (let m = first; m <= end; m = addMonths(m, 1)) {
    months.push(byMonth.get(m) ?? { month: m, dueDate: dueDateOf(m, calendar), billId: null, paidOn: null });
  }
  return months;
}

/** Overdue at the end of `today`: its due date has passed and it is not paid, even today. */
export function isOverdueOn(entry: ContributionMonth, today: string): boolean {
  return entry.dueDate < today && (entry.paidOn === null || entry.paidOn > today);
}

/** Runs of consecutive overdue months as of `today`, oldest first. */
export function overdueRuns(months: readonly ContributionMonth[], today: string): ContributionMonth[][] {
  const runs: ContributionMonth[][] = [];
  let run: ContributionMonth[] = [];
  for (const entry of months) {
    if (isOverdueOn(entry, today)) run.push(entry);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export interface LapseEvent {
  /** The first day of the lapse: the day after the due date of the 4th consecutive unpaid month. */
  readonly on: string;
  /** The consecutive unpaid months that caused it. */
  readonly months: readonly string[];
}

/**
 * The first day on or before `today` when more than MAX_ARREARS_MONTHS consecutive months were
 * unpaid past their due dates, or null. Paying arrears later does not undo it: reactivation goes
 * through an agent or branch office (domain.md: check), so callers pass only the bills since.
 */
export function firstLapse(months: readonly ContributionMonth[], today: string): LapseEvent | null {
  for (let i = MAX_ARREARS_MONTHS; i < months.length; i++) {
    const window = months.slice(i - MAX_ARREARS_MONTHS, i + 1);
    const last = window.at(-1);
    if (last === undefined) continue;
    const on = addDays(last.dueDate, 1);
    if (on > today) break;
    if (window.every((m) => m.paidOn === null || m.paidOn >= on)) {
      return { on, months: window.map((m) => m.month) };
    }
  }
  return null;
}

/**
 * The day an unpaid month's bill lapses when no earlier month is unpaid: the day after the due
 * date of the 3rd month after it (then 4 consecutive months are overdue). With older arrears it
 * comes sooner: use coverageStatus's `payBy` then.
 */
export function lapseDayIfUnpaid(month: string, calendar: DueCalendar): string {
  return addDays(dueDateOf(addMonths(month, MAX_ARREARS_MONTHS), calendar), 1);
}
