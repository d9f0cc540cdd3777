import { addMonths } from '../../../src/domain/calendar.ts';
import type { DueCalendar } from '../../../src/domain/contribution-months.ts';
import { dueDateOf } from '../../../src/domain/due-date.ts';
import type { Bill } from '../../../src/domain/ledger.ts';

/** The 15th every month, no weekends or holidays: edges fall on round dates. */
export const plain: DueCalendar = { dueDay: 15, nonWorkingWeekdays: [], holidays: [] };

/** Monthly bills of Rp16.800 from `start`; `paid` maps a month to the day it was paid in full. */
export function monthlyBills(start: string, count: number, paid: Record<string, string> = {}, calendar: DueCalendar = plain): Bill[] {
  return Array.from({ length: count }, (_, i) => {
    const month = addMonths(start, i);
    const date = paid[month];
    return {
      id: month,
      startMonth: month,
      months: 1,
      amount: 16_800,
      dueDate: dueDateOf(month, calendar),
      payments: date === undefined ? [] : [{ amount: 16_800, date }],
    };
  });
}

/**
 * The same bills after one month paid on time before them: a member who has started paying.
 * One who never paid was never covered and never lapses, so lapse tests start from here.
 */
export function afterAPaidMonth(bills: readonly Bill[], calendar: DueCalendar = plain): Bill[] {
  const first = bills[0];
  if (first === undefined) throw new RangeError('afterAPaidMonth needs a bill');
  const month = addMonths(first.startMonth, -1);
  const dueDate = dueDateOf(month, calendar);
  return [{ id: STARTED, startMonth: month, months: 1, amount: 16_800, dueDate, payments: [{ amount: 16_800, date: dueDate }] }, ...bills];
}

/** The id of the paid bill afterAPaidMonth adds. */
export const STARTED = 'started';
