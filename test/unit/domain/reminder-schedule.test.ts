import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lapseDayIfUnpaid } from '../../../src/domain/contribution-months.ts';
import { rateTableSchema } from '../../../src/domain/rate-table.ts';
import { reminderRulesSchema, type ReminderRules } from '../../../src/domain/reminder-rules.ts';
import { reminderTimes, type RemindedBill } from '../../../src/domain/reminder-schedule.ts';
import { WIB, WIT, WITA } from '../../../src/domain/time-zones.ts';

const config: ReminderRules = reminderRulesSchema.parse(parse(readFileSync('flows/data/pengingat.yaml', 'utf8')));
const rates = rateTableSchema.parse(parse(readFileSync('flows/data/iuran.yaml', 'utf8')));
const quiet = config.quietHours;
// December 2026 is due Tuesday the 15th; unpaid, it lapses after March 2027 is due (Monday the 15th).
const december: RemindedBill = { id: '42', dueDate: '2026-12-15', lapsesOn: '2027-03-16' };

function localDays(times: ReturnType<typeof reminderTimes>, offset: number): string[] {
  return times.map((t) => new Date(t.sendAt.getTime() + offset * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
}

describe('reminderTimes', () => {
  it('plans every rule at 09:00 WIB, then weekly until the day before lapse', () => {
    const times = reminderTimes(december, config, WIB, quiet, []);
    expect(times.slice(0, 7).map((t) => [t.ruleId, t.dedupeKey, t.sendAt.toISOString()])).toEqual([
      ['h-7', 'bill:42:h-7', '2026-12-08T02:00:00.000Z'],
      ['h-3', 'bill:42:h-3', '2026-12-12T02:00:00.000Z'],
      ['h-1', 'bill:42:h-1', '2026-12-14T02:00:00.000Z'],
      ['h0', 'bill:42:h0', '2026-12-15T02:00:00.000Z'],
      ['h+3', 'bill:42:h+3', '2026-12-18T02:00:00.000Z'],
      ['h+7', 'bill:42:h+7', '2026-12-22T02:00:00.000Z'],
      ['mingguan', 'bill:42:mingguan:14', '2026-12-29T02:00:00.000Z'],
    ]);
    const weekly = times.filter((t) => t.ruleId === 'mingguan');
    expect(weekly.map((t) => t.offsetDays)).toEqual([14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84]);
    expect(localDays(weekly, 7).at(-1)).toBe('2027-03-09 09:00');
    expect(times.every((t) => t.localeKey.startsWith('pengingat.'))).toBe(true);
  });

  it('uses the lapse day a bill would have with no older arrears', () => {
    expect(lapseDayIfUnpaid('2026-12', rates)).toBe('2027-03-16');
    // May 2026 lapses after August is due: Saturday 15th, holiday Monday 17th → Tuesday 18th.
    expect(lapseDayIfUnpaid('2026-05', rates)).toBe('2026-08-19');
  });

  it.each([
    ['WITA', WITA, '2026-12-08T01:00:00.000Z'],
    ['WIT', WIT, '2026-12-08T00:00:00.000Z'],
  ])('sends at 09:00 %s', (_name, zone, first) => {
    expect(reminderTimes(december, config, zone, quiet, [])[0]?.sendAt.toISOString()).toBe(first);
  });

  it('moves a reminder off a holiday to 08:00 the next day', () => {
    const times = reminderTimes(december, config, WIB, quiet, ['2026-12-12']);
    expect(times.find((t) => t.ruleId === 'h-3')?.sendAt.toISOString()).toBe('2026-12-13T01:00:00.000Z');
  });

  it('keeps only the later rule when a holiday moves one onto the next one\'s day', () => {
    const times = reminderTimes(december, config, WIB, quiet, ['2026-12-14']);
    expect(times.map((t) => t.ruleId).slice(0, 4)).toEqual(['h-7', 'h-3', 'h0', 'h+3']);
  });

  it('moves a send hour outside quiet hours into them', () => {
    const early = reminderTimes(december, { ...config, sendHour: 6 }, WIB, quiet, []);
    expect(localDays(early, 7)[0]).toBe('2026-12-08 08:00');
    const late = reminderTimes(december, { ...config, sendHour: 21 }, WIT, quiet, []);
    expect(localDays(late, 9).slice(0, 3)).toEqual(['2026-12-09 08:00', '2026-12-13 08:00', '2026-12-15 08:00']);
  });

  it('drops a weekly reminder that a holiday pushes onto the lapse day', () => {
    const soon: RemindedBill = { ...december, lapsesOn: '2027-03-10' };
    expect(reminderTimes(soon, config, WIB, quiet, []).at(-1)?.dedupeKey).toBe('bill:42:mingguan:84');
    expect(reminderTimes(soon, config, WIB, quiet, ['2027-03-09']).at(-1)?.dedupeKey).toBe('bill:42:mingguan:77');
  });

  it('sends nothing on or after the lapse day, even one-off rules', () => {
    const lapsing: RemindedBill = { id: '7', dueDate: '2026-12-15', lapsesOn: '2026-12-18' };
    expect(reminderTimes(lapsing, config, WIB, quiet, []).map((t) => t.ruleId)).toEqual(['h-7', 'h-3', 'h-1', 'h0']);
  });

  it('gives the same keys on every run, whatever the holidays', () => {
    const a = reminderTimes(december, config, WIB, quiet, []).map((t) => t.dedupeKey);
    const b = reminderTimes(december, config, WIB, quiet, ['2026-12-22']).map((t) => t.dedupeKey);
    expect(new Set(a).size).toBe(a.length);
    expect(b).toEqual(a);
  });

  it('runs across the end of February in a leap year', () => {
    const feb: RemindedBill = { id: 'f', dueDate: '2028-02-29', lapsesOn: '2028-06-16' };
    const times = reminderTimes(feb, { ...config, rules: config.rules.filter((r) => r.id === 'h+3' || r.id === 'h-1') }, WIB, quiet, []);
    expect(localDays(times, 7)).toEqual(['2028-02-28 09:00', '2028-03-03 09:00']);
  });

  it('keeps reminders in order of sending', () => {
    const times = reminderTimes(december, config, WITA, quiet, rates.holidays);
    const instants = times.map((t) => t.sendAt.getTime());
    expect(instants).toEqual([...instants].sort((x, y) => x - y));
  });
});
