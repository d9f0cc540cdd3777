import { addDays, splitIsoDate } from './calendar.ts';

/** Local hours when a reminder may go out: from `startHour` (inclusive) to `endHour` (exclusive). */
export interface SendWindow {
  readonly startHour: number;
  readonly endHour: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The instant itself when it falls inside the window on a day that is not a holiday, in the zone
 * `zoneOffset` hours east of UTC (Indonesia has no daylight saving, so an offset is the whole
 * zone); otherwise the next `startHour`:00 local on a day that is not a holiday. 20:00 sharp is
 * already outside a window ending at 20.
 */
export function nextAllowedSendTime(instant: Date, zoneOffset: number, window: SendWindow, holidays: readonly string[]): Date {
  checkWindow(window);
  const local = instant.getTime() + zoneOffset * HOUR_MS;
  const date = new Date(local - mod(local, DAY_MS)).toISOString().slice(0, 10);
  const hourOfDay = mod(local, DAY_MS) / HOUR_MS;
  const off = new Set(holidays);
  if (!off.has(date) && hourOfDay >= window.startHour && hourOfDay < window.endHour) return instant;
  let day = hourOfDay < window.startHour ? date : addDays(date, 1);
  // Holiday lists hold days, not months of them; the bound only guards bad data.
  for (let i = 0; i < 366 && off.has(day); i++) day = addDays(day, 1);
  return localTime(day, window.startHour, zoneOffset);
}

/** The instant of `hour`:00 local on `date` in the zone `zoneOffset` hours east of UTC. */
export function localTime(date: string, hour: number, zoneOffset: number): Date {
  const { year, month, day } = splitIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day, hour) - zoneOffset * HOUR_MS);
}

function checkWindow(window: SendWindow): void {
  const { startHour, endHour } = window;
  if (!(Number.isInteger(startHour) && Number.isInteger(endHour) && startHour >= 0 && startHour < endHour && endHour <= 24)) {
    throw new RangeError(`send window must be whole hours with 0 <= start < end <= 24, got ${startHour}–${endHour}`);
  }
}

// The remainder with the sign of the divisor: instants before 1970 stay on the right day.
function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
