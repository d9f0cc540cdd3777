import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isRepeatRule, reminderRulesSchema } from '../../../src/domain/reminder-rules.ts';

const file = parse(readFileSync('flows/data/pengingat.yaml', 'utf8')) as Record<string, unknown>;

describe('reminderRulesSchema', () => {
  it('reads flows/data/pengingat.yaml', () => {
    const rules = reminderRulesSchema.parse(file);
    expect(rules.sendHour).toBe(9);
    expect(rules.quietHours).toEqual({ startHour: 8, endHour: 20 });
    expect(rules.rules.map((r) => r.id)).toEqual(['h-7', 'h-3', 'h-1', 'h0', 'h+3', 'h+7', 'mingguan']);
    expect(rules.rules.filter(isRepeatRule)).toEqual([{ id: 'mingguan', everyDays: 7, after: 7, localeKey: 'pengingat.mingguan' }]);
  });

  it('refuses a duplicate rule id, naming it', () => {
    const result = reminderRulesSchema.safeParse({ ...file, rules: [{ id: 'h0', offsetDays: 0, localeKey: 'a.b' }, { id: 'h0', offsetDays: 1, localeKey: 'a.c' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['rules', 1, 'id'], message: 'duplicate rule id h0' });
  });

  it.each([
    ['a rule with both a day and a repeat', { id: 'x', offsetDays: 1, everyDays: 7, after: 7, localeKey: 'a.b' }],
    ['a rule with neither', { id: 'x', localeKey: 'a.b' }],
    ['a fractional day', { id: 'x', offsetDays: 1.5, localeKey: 'a.b' }],
    ['a locale key with no dot', { id: 'x', offsetDays: 1, localeKey: 'pengingat' }],
    ['an upper-case id', { id: 'H0', offsetDays: 0, localeKey: 'a.b' }],
    ['a repeat of 0 days', { id: 'x', everyDays: 0, after: 7, localeKey: 'a.b' }],
  ])('refuses %s', (_name, rule) => {
    expect(reminderRulesSchema.safeParse({ ...file, rules: [rule] }).success).toBe(false);
  });

  it('refuses quiet hours that end before they start, and a send hour past 23', () => {
    expect(reminderRulesSchema.safeParse({ ...file, quietHours: { startHour: 20, endHour: 8 } }).success).toBe(false);
    expect(reminderRulesSchema.safeParse({ ...file, sendHour: 24 }).success).toBe(false);
  });

  it('refuses a holiday that is not a real date', () => {
    expect(reminderRulesSchema.safeParse({ ...file, holidays: ['2027-02-29'] }).success).toBe(false);
  });

  it('refuses an unknown key, so a typo is not silently ignored', () => {
    expect(reminderRulesSchema.safeParse({ ...file, sendhour: 9 }).success).toBe(false);
  });
});
