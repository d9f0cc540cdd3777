import { lapseDayIfUnpaid } from '../../domain/contribution-months.ts';
import type { ReferenceData } from '../../domain/reference-data-types.ts';
import { rulesForBill } from '../../domain/reminder-rules.ts';
import { reminderTimes } from '../../domain/reminder-schedule.ts';
import { timeZoneOfProvince } from '../../domain/time-zones.ts';
import type { Tx } from '../../store/db-types.ts';
import { insertReminderTimers, lockBillsWithoutTimers, type BillToPlan, type NewReminderTimer } from '../../store/repos/reminder-timers.ts';

export interface PlanBatch {
  /** Bills taken in this batch: fewer than asked for means none are left. */
  readonly locked: number;
  /** Of them, bills planned here (the others another planner finished meanwhile). */
  readonly bills: number;
  /** Timer rows inserted (pending ones and the already past ones, kept as skipped). */
  readonly timers: number;
  /** Of them, pending: reminders still to send. */
  readonly pending: number;
}

/** Why a planned reminder was never pending. */
export const PAST_WHEN_PLANNED = 'past when planned';
export const NOTHING_BEFORE_LAPSE = 'no reminder before the lapse day';

/**
 * Plans up to `limit` bills that have no timer yet: each reminder of the rules, in the member's
 * zone, moved into quiet hours and off holidays, up to the lapse day the bill's first month
 * reaches when left unpaid. A member's first bill follows `firstBillRules` (a few reminders to
 * start, then none: one who never paid is not chased for arrears). Those already past are kept as skipped rows, so a bill with rows is
 * planned and never picked again; a bill with no reminder at all gets one skipped marker row.
 */
export async function planReminders(tx: Tx, data: Pick<ReferenceData, 'rates' | 'reminders'>, now: Date, limit: number): Promise<PlanBatch> {
  const { bills, locked } = await lockBillsWithoutTimers(tx, limit);
  const rows = bills.flatMap((bill) => timersOf(bill, data, now));
  const timers = await insertReminderTimers(tx, rows);
  return { locked, bills: bills.length, timers, pending: rows.filter((r) => r.status === 'pending').length };
}

function timersOf(bill: BillToPlan, data: Pick<ReferenceData, 'rates' | 'reminders'>, now: Date): NewReminderTimer[] {
  const { rates, reminders } = data;
  const zone = timeZoneOfProvince(bill.provinceCode);
  const lapsesOn = lapseDayIfUnpaid(bill.startMonth, rates);
  const holidays = [...rates.holidays, ...reminders.holidays];
  const rules = { sendHour: reminders.sendHour, rules: rulesForBill(reminders, bill.firstBill) };
  const times = reminderTimes({ id: bill.billId, dueDate: bill.dueDate, lapsesOn }, rules, zone, reminders.quietHours, holidays);
  const common = { billId: bill.billId, contactId: bill.contactId };
  if (times.length === 0) {
    return [{ ...common, ruleId: '-', localeKey: '-', dedupeKey: `bill:${bill.billId}:-`, fireAt: now, status: 'skipped', reason: NOTHING_BEFORE_LAPSE, handledAt: now }];
  }
  return times.map((time) => {
    const past = time.sendAt.getTime() < now.getTime();
    return {
      ...common, ruleId: time.ruleId, localeKey: time.localeKey, dedupeKey: time.dedupeKey, fireAt: time.sendAt,
      ...(past ? { status: 'skipped', reason: PAST_WHEN_PLANNED, handledAt: now } : { status: 'pending' }),
    };
  });
}
