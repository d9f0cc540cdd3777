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
 * The first month a new member pays for. Registering on or before the cutoff day (the 15th)
 * starts with the current month; later, that month's due date has passed, so the next month.
 */
export function firstContributionMonth(registrationDate: string, table: Pick<RateTable, 'firstMonthCutoffDay'>): string {
  const { day } = splitIsoDate(registrationDate);
  const month = monthOf(registrationDate);
  return day <= table.firstMonthCutoffDay ? month : addMonths(month, 1);
}

function splitMonth(month: string): { year: number; month: number } {
  const [y, m] = month.split('-').map(Number);
  if (y === undefined || m === undefined || !isRealDate(y, m, 1)) throw new RangeError(`Not an ISO month: ${month}`);
  return { year: y, month: m };
}
