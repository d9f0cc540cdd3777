/**
 * Reminder timers: one row per reminder of a bill, planned by the scheduler with a dedupe key
 * (bill + rule), so planning twice or in two processes inserts each once. Due rows are claimed
 * with FOR UPDATE SKIP LOCKED and settled in the claiming transaction: queued (an outbox row was
 * written), skipped (no longer made sense), cancelled (a payment), or pushed to a later fire_at.
 */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { inJsonList, jsonInsert, executeRows } from '../json-rows.ts';
import { bills, contacts, members, outbox, reminderTimers, type BillRow, type ReminderTimerRow } from '../schema.ts';

export type { ReminderTimerRow } from '../schema.ts';
export type NewReminderTimer = typeof reminderTimers.$inferInsert;

/** Inserts the timers whose dedupe key is new; returns how many were. Sorted so concurrent planners take key locks in one order. */
export async function insertReminderTimers(x: Executor, timers: readonly NewReminderTimer[]): Promise<number> {
  const sorted = [...timers].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  let inserted = 0;
  for (let i = 0; i < sorted.length; i += INSERT_CHUNK) {
    const { columns, select } = jsonInsert(reminderTimers, sorted.slice(i, i + INSERT_CHUNK), TIMER_KEYS, { status: sql`'pending'` });
    const rows = await executeRows<{ id: unknown }>(x, sql`insert into ${reminderTimers} ${columns} ${select}
      on conflict (${sql.identifier(reminderTimers.dedupeKey.name)}) do nothing returning ${reminderTimers.id}`);
    inserted += rows.length;
  }
  return inserted;
}

const TIMER_KEYS = ['billId', 'contactId', 'ruleId', 'localeKey', 'dedupeKey', 'fireAt', 'status', 'reason', 'handledAt'] as const;
/** Rows a statement: one jsonb parameter however many, but a bounded one (about 2 MB). */
const INSERT_CHUNK = 8_000;

/** A bill still owed that has no timer yet, with what planning needs from its member. */
export interface BillToPlan {
  readonly billId: string;
  readonly startMonth: string;
  readonly dueDate: string;
  readonly contactId: string;
  readonly provinceCode: string;
  /** The member's first bill: the one that starts their cover, reminded by firstBillRules. */
  readonly firstBill: boolean;
}

/**
 * Up to `limit` unpaid or overdue bills without any timer row, locked (SKIP LOCKED): planners
 * share the bills, and a payment of a bill being planned waits for the plan, then cancels it.
 * `locked` counts the rows taken, including any another planner finished meanwhile (not in `bills`).
 */
export async function lockBillsWithoutTimers(x: Executor, limit: number): Promise<{ readonly bills: BillToPlan[]; readonly locked: number }> {
  const planned = x.select({ one: sql`1` }).from(reminderTimers).where(eq(reminderTimers.billId, bills.id));
  // The (member_id, start_month) unique index answers this without a scan.
  const earlier = sql`not exists (select 1 from ${bills} as earlier where earlier.member_id = ${bills.memberId} and earlier.start_month < ${bills.startMonth})`;
  const locked = await x.select({
    billId: bills.id, startMonth: bills.startMonth, dueDate: bills.dueDate,
    contactId: members.contactId, provinceCode: members.provinceCode, firstBill: sql<boolean>`${earlier}`.mapWith(Boolean),
  }).from(bills)
    .innerJoin(members, eq(members.id, bills.memberId))
    .where(and(inArray(bills.status, ['unpaid', 'overdue']), sql`not exists (${planned})`))
    .orderBy(asc(bills.id))
    .limit(limit)
    .for('update', { of: bills, skipLocked: true });
  if (locked.length === 0) return { bills: [], locked: 0 };
  // The select judged "no timer yet" on its own snapshot, taken before it waited for nothing but
  // locks: another planner may have committed this bill's timers between that snapshot and our
  // lock (its lock ended at its commit). A new statement sees that commit, so ask again.
  const nowPlanned = await x.selectDistinct({ billId: reminderTimers.billId }).from(reminderTimers)
    .where(inJsonList(reminderTimers.billId, locked.map((b) => b.billId)));
  const taken = new Set(nowPlanned.map((r) => r.billId));
  return { bills: locked.filter((b) => !taken.has(b.billId)), locked: locked.length };
}

/** A claimed due timer with its bill, member and contact. */
export type ClaimedTimer = ReminderTimerRow & {
  /** A later timer of the same bill is due too (the scheduler was down): this one is not sent. */
  readonly superseded: boolean;
  readonly bill: Pick<BillRow, 'memberId' | 'status' | 'dueDate' | 'paymentCode' | 'amount'>;
  readonly member: { readonly fullName: string; readonly provinceCode: string };
  readonly contact: {
    readonly channel: string; readonly address: string; readonly language: string;
    readonly stoppedAt: Date | null; readonly stopReason: string | null;
  };
};

/**
 * Up to `limit` pending timers due at `now`, oldest first, locked FOR UPDATE SKIP LOCKED, each
 * told whether a later timer of its bill is due as well (claimed or not).
 */
export async function claimDueTimers(x: Executor, options: { readonly now: Date; readonly limit: number }): Promise<ClaimedTimer[]> {
  const rows = await x.select({
    timer: reminderTimers,
    bill: { memberId: bills.memberId, status: bills.status, dueDate: bills.dueDate, paymentCode: bills.paymentCode, amount: bills.amount },
    member: { fullName: members.fullName, provinceCode: members.provinceCode },
    contact: {
      channel: contacts.channel, address: contacts.address, language: contacts.language,
      stoppedAt: contacts.stoppedAt, stopReason: contacts.stopReason,
    },
  }).from(reminderTimers)
    .innerJoin(bills, eq(bills.id, reminderTimers.billId))
    .innerJoin(members, eq(members.id, bills.memberId))
    .innerJoin(contacts, eq(contacts.id, reminderTimers.contactId))
    .where(and(eq(reminderTimers.status, 'pending'), lte(reminderTimers.fireAt, options.now)))
    .orderBy(asc(reminderTimers.fireAt), asc(reminderTimers.id))
    .limit(options.limit)
    .for('update', { of: reminderTimers, skipLocked: true });
  const newest = await newestDueOfBills(x, rows.map((r) => r.timer.billId), options.now);
  return rows.map((r) => ({ ...r.timer, superseded: isBefore(r.timer, newest.get(r.timer.billId) ?? r.timer), bill: r.bill, member: r.member, contact: r.contact }));
}

type TimerOrder = Pick<ReminderTimerRow, 'fireAt' | 'id'>;

/**
 * The latest due pending timer of each bill. One query for the batch rather than a subquery per
 * timer: PostgreSQL tends to answer that from the due index, reading every due row per timer.
 */
async function newestDueOfBills(x: Executor, billIds: readonly string[], now: Date): Promise<Map<string, TimerOrder>> {
  if (billIds.length === 0) return new Map();
  const due = await x.select({ billId: reminderTimers.billId, id: reminderTimers.id, fireAt: reminderTimers.fireAt }).from(reminderTimers)
    .where(and(inJsonList(reminderTimers.billId, billIds), eq(reminderTimers.status, 'pending'), lte(reminderTimers.fireAt, now)));
  const newest = new Map<string, TimerOrder>();
  for (const t of due) {
    const known = newest.get(t.billId);
    if (known === undefined || isBefore(known, t)) newest.set(t.billId, t);
  }
  return newest;
}

function isBefore(a: TimerOrder, b: TimerOrder): boolean {
  return a.fireAt.getTime() < b.fireAt.getTime() || (a.fireAt.getTime() === b.fireAt.getTime() && a.id < b.id);
}

/**
 * Marks timers queued, each with the outbox row that carries its dedupe key (just inserted, or
 * there already). Returns how many were: fewer than asked means a row is missing.
 */
export async function markTimersQueued(x: Executor, ids: readonly number[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await x.update(reminderTimers)
    .set({ status: 'queued', outboxId: sql`${outbox.id}`, handledAt: at, reason: null })
    .from(outbox)
    .where(and(eq(outbox.dedupeKey, reminderTimers.dedupeKey), inJsonList(reminderTimers.id, ids)))
    .returning({ id: reminderTimers.id });
  return rows.length;
}

export async function markTimersSkipped(x: Executor, ids: readonly number[], reason: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await x.update(reminderTimers).set({ status: 'skipped', reason, handledAt: at }).where(inJsonList(reminderTimers.id, ids));
}

/** Not now (quiet hours, a holiday): pending again until `fireAt`. */
export async function rescheduleTimer(x: Executor, id: number, fireAt: Date): Promise<void> {
  await x.update(reminderTimers).set({ fireAt }).where(eq(reminderTimers.id, id));
}

/**
 * Serialises reminder sending per contact until the transaction ends (an advisory lock, so the
 * contact row stays free for inbound messages). Locks are taken in one order: no deadlock.
 */
export async function lockContactsForReminders(x: Executor, contactIds: readonly string[]): Promise<void> {
  const keys = [...new Set(contactIds)].map((id) => sql`(${`reminder:${id}`}::text)`);
  if (keys.length === 0) return;
  // A sorted subquery is not flattened into the outer one: the locks are taken in its order.
  await x.execute(sql`select pg_advisory_xact_lock(k) from (
    select distinct hashtextextended(v, 0) as k from (values ${sql.join(keys, sql`, `)}) as t(v) order by k
  ) as s`);
}

/** The last time each of these contacts was queued a reminder at or after `since`. */
export async function lastRemindedAt(x: Executor, contactIds: readonly string[], since: Date): Promise<Map<string, Date>> {
  if (contactIds.length === 0) return new Map();
  // Through members and bills: their indexes find a contact's timers without a scan.
  const rows = await x.select({ contactId: members.contactId, at: sql<Date>`max(${reminderTimers.handledAt})`.mapWith(reminderTimers.handledAt) })
    .from(members)
    .innerJoin(bills, eq(bills.memberId, members.id))
    .innerJoin(reminderTimers, eq(reminderTimers.billId, bills.id))
    .where(and(inJsonList(members.contactId, contactIds), eq(reminderTimers.status, 'queued'), gte(reminderTimers.handledAt, since)))
    .groupBy(members.contactId);
  return new Map(rows.filter((r) => r.at !== null).map((r) => [r.contactId, r.at]));
}

/**
 * A bill is paid: its pending timers are cancelled and its reminders still waiting in the outbox
 * are buried ('dead', last_error `reason`). Rows a dispatcher is already sending are left to it.
 * The outbox rows are found through the bill's timers (an indexed path; a LIKE on the dedupe key
 * would scan the outbox under most collations) and must carry the bill's key prefix.
 */
export async function cancelPendingRemindersOfBill(x: Executor, billId: string, reason: string, now: Date): Promise<{ timers: number; outbox: number }> {
  const timers = await x.update(reminderTimers)
    .set({ status: 'cancelled', reason, handledAt: now })
    .where(and(eq(reminderTimers.billId, billId), eq(reminderTimers.status, 'pending')))
    .returning({ id: reminderTimers.id });
  const queued = x.select({ id: reminderTimers.outboxId }).from(reminderTimers)
    .where(and(eq(reminderTimers.billId, billId), eq(reminderTimers.status, 'queued')));
  const buried = await x.update(outbox)
    .set({ status: 'dead', lastError: reason })
    .where(and(
      sql`${outbox.id} in (${queued})`, eq(outbox.status, 'pending'), eq(outbox.kind, 'reminder'),
      sql`starts_with(${outbox.dedupeKey}, ${`bill:${billId}:`})`,
    ))
    .returning({ id: outbox.id });
  return { timers: timers.length, outbox: buried.length };
}
