import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, daysInMonth, isIsoDate, isIsoMonth, isLeapYear, isRealDate, weekdayOf,
} from '../../../src/domain/calendar.ts';

describe('calendar', () => {
  it('knows leap years', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
  });

  it('tells real dates', () => {
    expect(isRealDate(1990, 2, 31)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 1, 0)).toBe(false);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoMonth('2026-12')).toBe(true);
    expect(isIsoMonth('2026-13')).toBe(false);
  });

  it('adds days and months across year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-04', 12)).toBe('2027-04');
  });

  it('gives weekdays with Sunday = 0', () => {
    expect(weekdayOf('2026-08-15')).toBe(6); // Saturday
    expect(weekdayOf('2026-08-17')).toBe(1); // Monday
    expect(weekdayOf('2026-11-15')).toBe(0); // Sunday
  });

  it('refuses malformed strings (programming errors)', () => {
    expect(() => addDays('17-08-1985', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-00', 1)).toThrow(RangeError);
  });
});
