import { billStatuses, isOwed, isPayable, type BillView } from '../../domain/bill-status.ts';
import { isoToday } from '../../domain/dates.ts';
import { groupBy } from '../../lib/group-by.ts';
import { billsOfMembers } from '../../store/repos/bills.ts';
import { paymentsOfBills } from '../../store/repos/payments.ts';
import { ledgerOf } from '../member-account.ts';
import type { ReferenceData } from '../../domain/reference-data-types.ts';
import { allRules } from '../../domain/reminder-rules.ts';
import { timeZoneOfProvince, type TimeZone } from '../../domain/time-zones.ts';
import type { Catalogs } from '../../i18n/catalog.ts';
import type { Tx } from '../../store/db-types.ts';
import { enqueueOutbox, OUTBOX_PRIORITY, type OutboxMessage } from '../../store/repos/outbox.ts';
import {
  claimDueTimers, lastRemindedAt, lockContactsForReminders, markTimersQueued, markTimersSkipped,
  rescheduleTimer, type ClaimedTimer,
} from '../../store/repos/reminder-timers.ts';
import { decideReminder } from './decide-reminder.ts';
import { reminderMessage } from './reminder-message.ts';

export interface FireBatch {
  /** Timers claimed in this batch. */
  readonly claimed: number;
  /** Turned into outbox rows. */
  readonly queued: number;
  /** Skipped for good, by reason. */
  readonly skipped: Readonly<Record<string, number>>;
  /** Pushed to the next allowed time (quiet hours, a holiday). */
  readonly waiting: number;
}

export interface FireDeps {
  readonly data: Pick<ReferenceData, 'rates' | 'reminders'>;
  /** The published locale catalogues, read inside the transaction. */
  readonly catalogs: (tx: Tx) => Promise<Catalogs>;
}

const DAY_MS = 86_400_000;

/**
 * Claims up to `limit` due timers (SKIP LOCKED: schedulers share them) and settles each in this
 * transaction: an outbox row with the timer's dedupe key and the timer 'queued', or skipped, or
 * pushed to a later fire_at. Reminder sends are serialised per contact, so two schedulers never
 * both remind one vendor on one day. If the transaction fails, nothing of it happened.
 */
export async function fireReminders(tx: Tx, deps: FireDeps, now: Date, limit: number): Promise<FireBatch> {
  const claimed = await claimDueTimers(tx, { now, limit });
  if (claimed.length === 0) return { claimed: 0, queued: 0, skipped: {}, waiting: 0 };
  const contactIds = claimed.map((c) => c.contactId);
  await lockContactsForReminders(tx, contactIds);
  const reminded = await lastRemindedAt(tx, contactIds, new Date(now.getTime() - DAY_MS));
  const { views, owed } = await billViews(tx, claimed, now, deps.data);
  const { quietHours, holidays: extraHolidays } = deps.data.reminders;
  // Timers were planned under the rules of their day: an admin may since have removed a rule
  // (its reminders stop) or given it another text (the new one is sent).
  const rules = new Map(allRules(deps.data.reminders).map((r) => [r.id, r]));
  const holidays = [...deps.data.rates.holidays, ...extraHolidays];
  let catalogs: Catalogs | null = null;
  const skipped = new Map<string, number[]>();
  const messages: OutboxMessage[] = [];
  const queued: number[] = [];
  let waiting = 0;

  // One reminder a day per contact: when two of a contact's bills are due a reminder at once, the
  // older bill's goes ("bayar yang paling lama dulu"), whatever order the claim returned them in.
  const inOrder = [...claimed].sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.bill.dueDate.localeCompare(b.bill.dueDate) || a.id - b.id);
  for (const timer of inOrder) {
    // Every claimed bill is in its member's ledger; were one missing, it is treated as paid: not sent.
    const view = views.get(timer.billId);
    const zone = zoneOf(timer);
    const rule = rules.get(timer.ruleId);
    const decision = decideReminder({
      ruleRemoved: rule === undefined,
      superseded: timer.superseded,
      billStatus: view?.status ?? 'paid',
      storedStatus: timer.bill.status,
      contactStopped: timer.contact.stoppedAt !== null,
      stopReason: timer.contact.stopReason,
      zone,
      lastRemindedAt: reminded.get(timer.contactId),
    }, now, quietHours, holidays);
    if (decision.action === 'skip') {
      const ids = skipped.get(decision.reason);
      if (ids === undefined) skipped.set(decision.reason, [timer.id]);
      else ids.push(timer.id);
    } else if (decision.action === 'wait') {
      await rescheduleTimer(tx, timer.id, decision.until);
      waiting += 1;
    } else {
      catalogs ??= await deps.catalogs(tx);
      const allOwed = owedWith(owed.get(timer.bill.memberId) ?? [], timer.billId, isoToday(now, zone.utcOffset));
      messages.push(reminderRow({ ...timer, localeKey: rule?.localeKey ?? timer.localeKey }, catalogs, view?.outstanding ?? timer.bill.amount, allOwed, now));
      queued.push(timer.id);
      reminded.set(timer.contactId, now);
    }
  }
  // One insert for the batch; a key queued already (by hand, say) keeps its row, and the timer
  // is queued with it all the same.
  await enqueueOutbox(tx, messages);
  const marked = await markTimersQueued(tx, queued, now);
  if (marked !== queued.length) throw new Error(`reminders: ${queued.length - marked} timer(s) found no outbox row under their dedupe key`);
  for (const [reason, ids] of skipped) await markTimersSkipped(tx, ids, reason, now);
  return { claimed: claimed.length, queued: queued.length, skipped: Object.fromEntries([...skipped].map(([r, ids]) => [r, ids.length])), waiting };
}

function reminderRow(timer: ClaimedTimer, catalogs: Catalogs, outstanding: number, allOwed: Owed | undefined, now: Date): OutboxMessage {
  const payload = reminderMessage(catalogs, timer.contact.language, {
    localeKey: timer.localeKey, fullName: timer.member.fullName, outstanding, dueDate: timer.bill.dueDate, paymentCode: timer.bill.paymentCode,
    ...(allOwed ? { allOwed } : {}),
  });
  return {
    contactId: timer.contactId, channel: timer.contact.channel, address: timer.contact.address, kind: 'reminder',
    priority: OUTBOX_PRIORITY.reminder, payload, dedupeKey: timer.dedupeKey, nextAttemptAt: now,
  };
}

interface Owed { readonly amount: number; readonly bills: number }

/**
 * The total under a reminder: the member's bills whose due date has come (owedTotal's rule) and
 * the bill reminded about, due or not. A bill made ahead of its months is not added (issue #8).
 */
function owedWith(statuses: readonly BillView[], billId: string, today: string): Owed {
  const owed = statuses.filter((b) => isOwed(b, today) || (b.id === billId && isPayable(b)));
  return { amount: owed.reduce((sum, b) => sum + b.outstanding, 0), bills: owed.length };
}

/**
 * Each claimed bill's status and outstanding amount on its vendor's local date, from the
 * member's whole ledger, and each member's bill views (for the total owed).
 */
async function billViews(tx: Tx, claimed: readonly ClaimedTimer[], now: Date, data: Pick<ReferenceData, 'rates'>): Promise<{ views: Map<string, BillView>; owed: Map<string, BillView[]> }> {
  const rows = await billsOfMembers(tx, claimed.map((c) => c.bill.memberId));
  const paymentsOf = groupBy(await paymentsOfBills(tx, rows.map((b) => b.id)), (p) => p.billId);
  const zones = new Map(claimed.map((c) => [c.bill.memberId, zoneOf(c)]));
  const views = new Map<string, BillView>();
  const owed = new Map<string, BillView[]>();
  for (const [memberId, memberBills] of groupBy(rows, (b) => b.memberId)) {
    const zone = zones.get(memberId);
    if (zone === undefined) continue;
    const ledger = ledgerOf(memberBills, memberBills.flatMap((b) => paymentsOf.get(b.id) ?? []), zone);
    const statuses = billStatuses(ledger, isoToday(now, zone.utcOffset), data.rates);
    for (const view of statuses) views.set(view.id, view);
    owed.set(memberId, statuses);
  }
  return { views, owed };
}

function zoneOf(timer: ClaimedTimer): TimeZone {
  return timeZoneOfProvince(timer.member.provinceCode);
}
