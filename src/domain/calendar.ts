/**
 * Calendar arithmetic on ISO strings ('YYYY-MM-DD', 'YYYY-MM'). Uses `Date.UTC` only as a
 * calculator, never the clock, so results do not depend on the machine's time zone.
 */

/** Whether `year-month-day` exists in the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function toIsoMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** Splits 'YYYY-MM-DD' into numbers; throws on a malformed string (a programming error). */
export function splitIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`Not an ISO calendar date: ${iso}`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Splits 'YYYY-MM' into numbers; throws on a malformed string (a programming error). */
export function splitIsoMonth(iso: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new RangeError(`Not an ISO month: ${iso}`);
  return { year: Number(m[1]), month };
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isIsoMonth(text: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function addDays(iso: string, days: number): string {
  const { year, month, day } = splitIsoDate(iso);
  const d = utcDate(year, month, day + days);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addMonths(isoMonth: string, months: number): string {
  const { year, month } = splitIsoMonth(isoMonth);
  const index = year * 12 + (month - 1) + months;
  return toIsoMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** 0 = Sunday … 6 = Saturday, like `Date.prototype.getUTCDay`. */
export function weekdayOf(iso: string): number {
  const { year, month, day } = splitIsoDate(iso);
  return utcDate(year, month, day).getUTCDay();
}

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

// Date.UTC would map years 0–99 to 1900–1999; no date Payung handles is that old.
function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
