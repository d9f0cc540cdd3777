import { addDays } from './calendar.ts';
import { isoToday } from './dates.ts';
import { localTime, nextAllowedSendTime, type SendWindow } from './quiet-hours.ts';
import { isRepeatRule, type ReminderRule, type ReminderRules } from './reminder-rules.ts';
import type { TimeZone } from './time-zones.ts';

/** The bill a reminder is about: due on `dueDate`, lapsed from `lapsesOn` if still unpaid. */
export interface RemindedBill {
  readonly id: string;
  readonly dueDate: string;
  /** First day of lapse (the day after coverage's `payBy`): nothing is sent on or after it. */
  readonly lapsesOn: string;
}

/** One reminder to queue; `dedupeKey` is the same on every run, so it is queued once. */
export interface ReminderTime {
  readonly ruleId: string;
  readonly localeKey: string;
  /** Days from the due date the rule meant (before quiet hours and holidays moved it). */
  readonly offsetDays: number;
  readonly dedupeKey: string;
  readonly sendAt: Date;
}

/**
 * Every reminder of an unpaid bill, in order: each rule's day at `sendHour` local in the vendor's
 * zone, moved into the quiet-hours window and off holidays. Reminders on or after the lapse day
 * are dropped (a lapsed member is told differently). When moving puts two reminders on one local
 * day, only the later rule is kept: its text is the more current ("due today" beats "due
 * tomorrow"). The caller drops those already past and cancels all of them when a payment arrives.
 * A repeating rule's key carries its day (`bill:7:mingguan:14`), a one-off rule's does not.
 */
export function reminderTimes(bill: RemindedBill, rules: Pick<ReminderRules, 'sendHour' | 'rules'>, zone: Pick<TimeZone, 'utcOffset'>, quiet: SendWindow, holidays: readonly string[]): ReminderTime[] {
  const planned = rules.rules.flatMap((rule) => occurrences(rule, bill))
    .sort((a, b) => a.offsetDays - b.offsetDays)
    .map((o) => {
      const wanted = localTime(addDays(bill.dueDate, o.offsetDays), rules.sendHour, zone.utcOffset);
      return { ...o, dedupeKey: dedupeKeyOf(bill.id, o), sendAt: nextAllowedSendTime(wanted, zone.utcOffset, quiet, holidays) };
    })
    .filter((r) => isoToday(r.sendAt, zone.utcOffset) < bill.lapsesOn);
  return planned.filter((r, i) => {
    const next = planned[i + 1];
    return next === undefined || isoToday(r.sendAt, zone.utcOffset) < isoToday(next.sendAt, zone.utcOffset);
  }).map(({ repeat: _repeat, ...r }) => r);
}

interface Occurrence {
  readonly ruleId: string;
  readonly localeKey: string;
  readonly offsetDays: number;
  readonly repeat: boolean;
}

// Weekly reminders are about three months long before a lapse; the cap only guards bad data.
const MAX_REPEATS = 60;

function occurrences(rule: ReminderRule, bill: RemindedBill): Occurrence[] {
  const base = { ruleId: rule.id, localeKey: rule.localeKey };
  if (!isRepeatRule(rule)) return [{ ...base, offsetDays: rule.offsetDays, repeat: false }];
  const list: Occurrence[] = [];
  for (let k = 1; k <= MAX_REPEATS; k++) {
    const offsetDays = rule.after + k * rule.everyDays;
    if (addDays(bill.dueDate, offsetDays) >= bill.lapsesOn) break;
    list.push({ ...base, offsetDays, repeat: true });
  }
  return list;
}

function dedupeKeyOf(billId: string, o: Occurrence): string {
  return o.repeat ? `bill:${billId}:${o.ruleId}:${o.offsetDays}` : `bill:${billId}:${o.ruleId}`;
}
