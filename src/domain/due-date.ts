import { addDays, addMonths, isRealDate, monthOf, splitIsoDate, toIsoDate, weekdayOf } from './calendar.ts';
import type { RateTable } from './rate-table.ts';

type Calendar = Pick<RateTable, 'dueDay' | 'nonWorkingWeekdays' | 'holidays'>;

/**
 * The due date of a contribution month: its `dueDay` (the 15th), moved to the next working day
 * when that is a weekend or a listed holiday.
 */
export function dueDateOf(month: string, table: Calendar): string {
  const { year, month: m } = splitMonth(month);
  let date = toIsoDate(year, m, table.dueDay);
  const holidays = new Set(table.holidays);
  // A run of non-working days is at most a few weeks long; the bound only guards bad data.
  for (let i = 0; i < 60 && (table.nonWorkingWeekdays.includes(weekdayOf(date)) || holidays.has(date)); i++) {
    date = addDays(date, 1);
  }
  return date;
}

/**
 * The first month a new member pays for: the month they register in. Only when the rate table
 * names a cutoff day (no source has been found for one) does registering after it start with
 * the next month.
 */
export function firstContributionMonth(registrationDate: string, table: Pick<RateTable, 'firstMonthCutoffDay'>): string {
  const { day } = splitIsoDate(registrationDate);
  const month = monthOf(registrationDate);
  const cutoff = table.firstMonthCutoffDay;
  return cutoff === undefined || day <= cutoff ? month : addMonths(month, 1);
}

/**
 * When a new member's first bill is due: its first month's due date, unless that has passed by
 * the day they register (registering on the 20th for this month); then the next due date, so
 * nobody is overdue on the day they join. A Payung convention, to be checked with BPJS.
 */
export function firstBillDueDate(registrationDate: string, startMonth: string, table: Calendar): string {
  let month = startMonth;
  let due = dueDateOf(month, table);
  // The first month is at most a month before registration: one or two steps.
  for (let i = 0; i < 24 && due < registrationDate; i++) {
    month = addMonths(month, 1);
    due = dueDateOf(month, table);
  }
  return due;
}

function splitMonth(month: string): { year: number; month: number } {
  const [y, m] = month.split('-').map(Number);
  if (y === undefined || m === undefined || !isRealDate(y, m, 1)) throw new RangeError(`Not an ISO month: ${month}`);
  return { year: y, month: m };
}
