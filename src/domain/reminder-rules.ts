import { z } from 'zod';
import { isIsoDate } from './calendar.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9_+-]*$/, 'id: lower-case letters, digits, +, - and _ only');
const localeKey = z.string().regex(/^[a-z0-9_]+(?:\.[a-z0-9_]+)+$/, 'localeKey: dotted lower-case words, e.g. pengingat.h_min_7');

/** Once, `offsetDays` from the due date: -7 is H-7, 0 the due day, 3 is H+3. */
const onceRule = z.object({ id, offsetDays: z.number().int().min(-60).max(120), localeKey }).strict();

/**
 * Again and again: every `everyDays` days counted from `after` days past the due date (the first
 * at after + everyDays), until the bill lapses. `{ everyDays: 7, after: 7 }` is H+14, H+21, …
 */
const repeatRule = z.object({ id, everyDays: z.number().int().min(1).max(60), after: z.number().int().min(0).max(120), localeKey }).strict();

export type OnceRule = z.infer<typeof onceRule>;
export type RepeatRule = z.infer<typeof repeatRule>;
export type ReminderRule = OnceRule | RepeatRule;

/**
 * Schema of flows/data/pengingat.yaml, the reminder rules admins edit: the local hour reminders
 * are meant for, the quiet-hours window they must fall in, extra no-send days beyond the
 * holidays of iuran.yaml, and the rules, each with a locale key for its text.
 */
export const reminderRulesSchema = z.object({
  version: z.string().min(1),
  sendHour: z.number().int().min(0).max(23),
  quietHours: z.object({ startHour: z.number().int().min(0).max(23), endHour: z.number().int().min(1).max(24) }).strict()
    .refine((w) => w.startHour < w.endHour, { message: 'startHour must be before endHour', path: ['endHour'] }),
  holidays: z.array(z.string().refine(isIsoDate, 'expected a real date YYYY-MM-DD')).default([]),
  rules: z.array(z.union([onceRule, repeatRule])).min(1).superRefine(uniqueIds),
  /**
   * The reminders of a member's first bill, sent instead of `rules`: one who never paid was never
   * covered, so they are told a few times how to start, then left alone — no arrears, no lapse
   * warnings (issue #8). One-off rules only. Without it, the first bill gets `rules` too.
   */
  firstBillRules: z.array(onceRule).max(10).superRefine(uniqueIds).optional(),
}).strict().superRefine((file, ctx) => {
  const ids = new Set(file.rules.map((r) => r.id));
  file.firstBillRules?.forEach((r, i) => {
    // Timers name their rule by id: one id must mean one rule.
    if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['firstBillRules', i, 'id'], message: `rule id ${r.id} is also in rules` });
  });
});

function uniqueIds(rules: readonly { readonly id: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id ${r.id}` });
    seen.add(r.id);
  });
}

export type ReminderRules = z.infer<typeof reminderRulesSchema>;

export function isRepeatRule(rule: ReminderRule): rule is RepeatRule {
  return 'everyDays' in rule;
}

/** The rules a bill's reminders follow: the first bill's own, when the file has them. */
export function rulesForBill(file: Pick<ReminderRules, 'rules' | 'firstBillRules'>, firstBill: boolean): ReminderRule[] {
  return [...(firstBill && file.firstBillRules !== undefined ? file.firstBillRules : file.rules)];
}

/** Every rule of the file, both lists: what a planned timer's rule id may name. */
export function allRules(file: Pick<ReminderRules, 'rules' | 'firstBillRules'>): readonly ReminderRule[] {
  return [...file.rules, ...(file.firstBillRules ?? [])];
}
