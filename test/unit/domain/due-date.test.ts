import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dueDateOf, firstBillDueDate, firstContributionMonth } from '../../../src/domain/due-date.ts';
import { rateTableSchema, type RateTable } from '../../../src/domain/rate-table.ts';

const table: RateTable = rateTableSchema.parse(parse(readFileSync('flows/data/iuran.yaml', 'utf8')));

describe('dueDateOf', () => {
  it.each([
    ['2026-01', '2026-01-15'], // Thursday
    ['2026-02', '2026-02-16'], // Sunday → Monday
    ['2026-05', '2026-05-15'], // Friday
    ['2026-08', '2026-08-18'], // Saturday → Sunday → Monday 17 August (holiday) → Tuesday
    ['2026-11', '2026-11-16'], // Sunday → Monday
    ['2026-12', '2026-12-15'], // Tuesday
    ['2027-05', '2027-05-17'], // Saturday → Monday
    ['2027-08', '2027-08-16'], // Sunday → Monday
  ])('%s is due %s', (month, due) => {
    expect(dueDateOf(month, table)).toBe(due);
  });

  it('skips a holiday on the day itself and after a weekend', () => {
    const calendar = { dueDay: 15, nonWorkingWeekdays: [0, 6], holidays: ['2026-04-15', '2026-04-16', '2026-02-16'] };
    expect(dueDateOf('2026-04', calendar)).toBe('2026-04-17'); // Wed, Thu holidays → Fri
    expect(dueDateOf('2026-02', calendar)).toBe('2026-02-17'); // Sun → Mon holiday → Tue
  });

  it('moves across the end of February differently in leap years', () => {
    const calendar = { dueDay: 28, nonWorkingWeekdays: [0, 6], holidays: ['2028-02-28'] };
    expect(dueDateOf('2028-02', calendar)).toBe('2028-02-29');
    expect(dueDateOf('2027-02', calendar)).toBe('2027-03-01'); // Sunday 28th → Monday 1 March
  });

  it('moves across the end of the year', () => {
    const calendar = { dueDay: 28, nonWorkingWeekdays: [0, 6], holidays: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'] };
    expect(dueDateOf('2026-12', calendar)).toBe('2027-01-04'); // … Fri 1 Jan holiday, weekend → Monday
  });

  it('gives the day as is with no non-working days', () => {
    expect(dueDateOf('2026-08', { dueDay: 15, nonWorkingWeekdays: [], holidays: [] })).toBe('2026-08-15');
  });

  it('refuses a malformed month', () => {
    expect(() => dueDateOf('2026-13', table)).toThrow(RangeError);
    expect(() => dueDateOf('Agustus', table)).toThrow(RangeError);
  });
});

describe('firstContributionMonth', () => {
  // No source gives a cutoff day (domain.md): registering after the 15th must not cost a month of discount.
  it.each([
    ['2026-05-01', '2026-05'], ['2026-05-15', '2026-05'], ['2026-05-16', '2026-05'], ['2026-12-16', '2026-12'],
    ['2026-12-31', '2026-12'], ['2024-02-29', '2024-02'], ['2024-02-15', '2024-02'],
  ])('registering on %s starts with %s', (date, month) => {
    expect(firstContributionMonth(date, {})).toBe(month);
  });

  it('follows the cutoff day in the data', () => {
    expect(firstContributionMonth('2026-05-10', { firstMonthCutoffDay: 10 })).toBe('2026-05');
    expect(firstContributionMonth('2026-05-11', { firstMonthCutoffDay: 10 })).toBe('2026-06');
  });
});

describe('firstBillDueDate', () => {
  it('is the first month\'s due date while it has not passed', () => {
    expect(firstBillDueDate('2026-12-01', '2026-12', table)).toBe('2026-12-15');
    expect(firstBillDueDate('2026-12-15', '2026-12', table)).toBe('2026-12-15');
  });

  it('after it has passed, is the next due date, so a new member is not overdue on day one', () => {
    // 15 Nov 2026 is a Sunday: November's due date is Monday 16 Nov.
    expect(firstBillDueDate('2026-11-25', '2026-11', table)).toBe('2026-12-15');
    expect(firstBillDueDate('2026-11-16', '2026-11', table)).toBe('2026-11-16');
    expect(firstBillDueDate('2026-11-17', '2026-11', table)).toBe('2026-12-15');
    expect(firstBillDueDate('2026-12-20', '2026-12', table)).toBe('2027-01-15');
  });
});
