/**
 * The outbox: rows written in the same transaction as the state that caused them, then claimed
 * by dispatchers with FOR UPDATE SKIP LOCKED so any number of workers share the work and no row
 * is sent twice.
 */
import { and, asc, desc, eq, getTableColumns, gt, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db-types.ts';
import { executeRows, jsonInsert } from '../json-rows.ts';
import { contacts, outbox, type OutboxPayload, type OutboxRow } from '../schema.ts';

export type { OutboxRow, OutboxPayload } from '../schema.ts';

export interface OutboxMessage {
  readonly contactId: string;
  readonly channel: string;
  readonly address: string;
  readonly kind: OutboxRow['kind'];
  readonly payload: OutboxPayload;
  /** Higher is sent first; replies should outrank campaigns. Default 0. */
  readonly priority?: number;
  /** e.g. 'bill:123:H-3'. A row whose key exists already is skipped. */
  readonly dedupeKey?: string | null;
  readonly inboundId?: number | null;
  /** Default: now (the database's clock). */
  readonly nextAttemptAt?: Date;
}

const OUTBOX_MESSAGE_KEYS = ['contactId', 'channel', 'address', 'kind', 'priority', 'payload', 'dedupeKey', 'inboundId', 'nextAttemptAt'] as const satisfies readonly (keyof OutboxMessage)[];

/** Ids of the rows inserted, in order; rows skipped for an existing dedupe key have none. */
export async function enqueueOutbox(x: Executor, messages: readonly OutboxMessage[]): Promise<number[]> {
  if (messages.length === 0) return [];
  // One jsonb parameter for the batch (see json-rows.ts): a reminder round inserts 500 at a time.
  const { columns, select } = jsonInsert(outbox, messages, OUTBOX_MESSAGE_KEYS, { priority: sql`0`, nextAttemptAt: sql`now()` });
  const rows = await executeRows<{ id: string | number }>(x, sql`insert into ${outbox} ${columns} ${select}
    on conflict (${sql.identifier(outbox.dedupeKey.name)}) do nothing returning ${outbox.id}`);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export interface ClaimOptions {
  readonly channel?: string;
  /** With channel: only this chat's rows (the simulator pulls its own). */
  readonly address?: string;
  readonly limit: number;
  readonly now: Date;
  /** How long a claim holds (see claimOutboxHeads); default DEFAULT_LEASE_MS. */
  readonly leaseMs?: number;
}

/**
 * The longest a send may take: the dispatcher gives up on a send after this (the Cloud API
 * sender's own request timeout is 15 s).
 */
export const SEND_TIMEOUT_MS = 20_000;
/**
 * How long a claim holds: a bit longer than a send may take, so a live worker's row is never
 * claimed twice, while a crashed worker's chat waits at most this long (it was 5 minutes).
 */
export const DEFAULT_LEASE_MS = SEND_TIMEOUT_MS + 10_000;
/** Kept in last_error of a row claimed again after its lease ran out: it may have been sent already. */
export const LEASE_EXPIRED = 'lease expired: claimed again, may have been sent already';

/** Marks up to `limit` due rows as 'sending' (attempts + 1) and returns them, highest priority first. */
export async function claimOutbox(x: Executor, options: ClaimOptions): Promise<OutboxRow[]> {
  const due = x.select({ id: outbox.id }).from(outbox)
    .where(and(...claimFilters(options)))
    .orderBy(desc(outbox.priority), asc(outbox.id))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  const rows = await x.update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseEnd(options) })
    .where(inArray(outbox.id, due))
    .returning();
  // UPDATE … RETURNING does not keep the subquery's order.
  return rows.sort((a, b) => b.priority - a.priority || a.id - b.id);
}

function claimFilters(options: ClaimOptions): SQL[] {
  const filters = [eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, options.now)];
  if (options.channel !== undefined) filters.push(eq(outbox.channel, options.channel));
  if (options.address !== undefined) filters.push(eq(outbox.address, options.address));
  return filters;
}

/**
 * A reply that repeats a vendor's personal answer (payload.personal) has its text emptied when
 * it is sent or given up: nothing reads a reply's text after that, and a copy kept sealed would
 * still be a copy (UU PDP: keep no more than needed). Pending rows keep it until then — seconds,
 * normally. Other rows are left as they are.
 */
const clearedIfPersonal = sql<OutboxPayload>`case when ${outbox.payload} ->> 'personal' = 'true'
  then jsonb_set(${outbox.payload}, '{text}', '""'::jsonb) - 'choices' else ${outbox.payload} end`;

export async function markSent(x: Executor, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await x.update(outbox).set({ status: 'sent', sentAt: at, lastError: null, payload: clearedIfPersonal }).where(inArray(outbox.id, [...ids]));
}

const MAX_ERROR_LENGTH = 2000;

/** Back to 'pending' until `retryAt`; with `retryAt` null the row is 'dead' and never retried. */
export async function markFailed(x: Executor, id: number, error: string, retryAt: Date | null): Promise<void> {
  await x.update(outbox)
    .set({
      status: retryAt === null ? 'dead' : 'pending',
      lastError: error.slice(0, MAX_ERROR_LENGTH),
      ...(retryAt === null ? { payload: clearedIfPersonal } : { nextAttemptAt: retryAt }),
    })
    .where(eq(outbox.id, id));
}

const leaseEnd = (options: { now: Date; leaseMs?: number }) => new Date(options.now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));

export interface HeadClaimOptions {
  readonly channel: string;
  readonly limit: number;
  readonly now: Date;
  /** How long a claim holds before another worker may take the row again; default DEFAULT_LEASE_MS. */
  readonly leaseMs?: number;
  /** A chat that was sent a message less than this long ago gets nothing now; default 0. */
  readonly perChatIntervalMs?: number;
}

/** A claimed row with what the sender needs from its contact. */
export type ClaimedOutboxRow = OutboxRow & {
  readonly contactStoppedAt: Date | null;
  readonly lastInboundAt: Date | null;
};

/**
 * The dispatcher's claim: up to `limit` due rows of one channel, at most one per chat — the
 * chat's head — marked 'sending' (attempts + 1) and returned highest priority first, oldest first.
 *
 * A chat's rows go one at a time and in order: a row is its chat's head when no other unsent row
 * of the chat comes before it, where a row in 'sending' comes first (one message in flight), then
 * higher priority, then the older id. So replies keep their order, and a vendor's reply does not
 * wait behind a campaign message of the same chat that is backing off.
 *
 * A claim is a lease: `next_attempt_at` is set to now + leaseMs, and a row still 'sending' after
 * that is due again, so a worker that crashed between claim and result loses nothing. Such a row
 * may then be sent twice (the crashed worker may have sent it): it comes back with last_error
 * LEASE_EXPIRED, and the dispatcher counts it as a possible duplicate. The outbox id, passed to
 * the sender as `outboxId`, is the idempotency key for a platform that has one.
 *
 * Cost: with no index in claim order, each claim sorts every due row of the channel (about
 * 500 ms with 200,000 pending rows on PostgreSQL); a partial index
 * `outbox (channel, priority desc, id) where status in ('pending', 'sending')` brought it to
 * about 15 ms in the same measurement. It is not in the schema yet.
 */
export async function claimOutboxHeads(x: Executor, options: HeadClaimOptions): Promise<ClaimedOutboxRow[]> {
  const due = x.select({ id: outbox.id }).from(outbox)
    .where(and(...headFilters(x, options)))
    .orderBy(desc(outbox.priority), asc(outbox.id))
    .limit(options.limit)
    .for('update', { of: outbox, skipLocked: true });
  const rows = await x.update(outbox)
    // SET sees the row as it was: one still 'sending' is a claim whose lease ran out.
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseEnd(options), lastError: sql`case when ${outbox.status} = 'sending' then ${LEASE_EXPIRED} else ${outbox.lastError} end` })
    .from(contacts)
    .where(and(eq(outbox.contactId, contacts.id), inArray(outbox.id, due)))
    .returning({ ...getTableColumns(outbox), contactStoppedAt: contacts.stoppedAt, lastInboundAt: contacts.lastInboundAt });
  return rows.sort((a, b) => b.priority - a.priority || a.id - b.id);
}

const unsent = ['pending', 'sending'] as const;

function headFilters(x: Executor, options: HeadClaimOptions): SQL[] {
  const ahead = alias(outbox, 'ahead');
  // 'sending' before 'pending', then higher priority, then older: a row tuple compared in SQL.
  const order = (t: typeof outbox | typeof ahead) => sql`(case when ${t.status} = 'sending' then 0 else 1 end, -${t.priority}, ${t.id})`;
  const filters = [
    eq(outbox.channel, options.channel),
    // A literal, not parameters: a partial index `where status in ('pending', 'sending')` matches
    // it even under a generic prepared plan.
    sql`${outbox.status} in ('pending', 'sending')`,
    // Pending and due, or 'sending' with its lease run out.
    lte(outbox.nextAttemptAt, options.now),
    sql`not exists (${x.select({ one: sql`1` }).from(ahead).where(and(
      eq(ahead.channel, outbox.channel), eq(ahead.address, outbox.address), inArray(ahead.status, [...unsent]),
      sql`${order(ahead)} < ${order(outbox)}`,
    ))})`,
  ];
  if ((options.perChatIntervalMs ?? 0) > 0) {
    const recent = alias(outbox, 'recent');
    const since = new Date(options.now.getTime() - (options.perChatIntervalMs ?? 0));
    filters.push(sql`not exists (${x.select({ one: sql`1` }).from(recent).where(and(
      eq(recent.channel, outbox.channel), eq(recent.address, outbox.address), eq(recent.status, 'sent'),
      gt(recent.sentAt, since),
    ))})`);
  }
  return filters;
}

/**
 * Ends every running lease at once: for a process that knows it is the only worker (PGlite,
 * whose folder it holds locked), rows left 'sending' at start-up are a crashed run's, and their
 * chats need not wait for the lease. Returns how many.
 */
export async function expireLeases(x: Executor, now: Date): Promise<number> {
  const rows = await x.update(outbox).set({ nextAttemptAt: now }).where(and(eq(outbox.status, 'sending'), gt(outbox.nextAttemptAt, now))).returning({ id: outbox.id });
  return rows.length;
}

/** A send the platform accepted: 'sent', with the platform's message id for its status webhooks. */
export async function recordSent(x: Executor, id: number, at: Date, providerMessageId?: string): Promise<void> {
  await x.update(outbox)
    .set({ status: 'sent', sentAt: at, lastError: null, providerMessageId: providerMessageId ?? null, deliveryStatus: 'sent', deliveryUpdatedAt: at, payload: clearedIfPersonal })
    .where(eq(outbox.id, id));
}

/** A claimed row that may not go yet (rate limit): pending again until `until`, the claim not counted as an attempt. */
export async function deferOutbox(x: Executor, ids: readonly number[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  await x.update(outbox)
    .set({ status: 'pending', nextAttemptAt: until, attempts: sql`greatest(${outbox.attempts} - 1, 0)` })
    .where(and(inArray(outbox.id, [...ids]), eq(outbox.status, 'sending')));
}

/** Rows never to be sent (e.g. 'contact stopped'), the reason kept in last_error. */
export async function markDead(x: Executor, ids: readonly number[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await x.update(outbox).set({ status: 'dead', lastError: error.slice(0, MAX_ERROR_LENGTH), payload: clearedIfPersonal }).where(inArray(outbox.id, [...ids]));
}

export type DeliveryStatus = NonNullable<OutboxRow['deliveryStatus']>;

// Statuses only move forward: sent → delivered → read; 'failed' replaces only 'sent'.
const deliveryRank: Readonly<Record<DeliveryStatus, number>> = { sent: 1, delivered: 2, failed: 2, read: 3 };
const currentRank = sql`case ${outbox.deliveryStatus} when 'sent' then 1 when 'delivered' then 2 when 'failed' then 2 when 'read' then 3 else 0 end`;

/**
 * What a platform's status webhook says about a sent message (WhatsApp Cloud API). A status
 * that would move the row backwards (delivered after read, a late duplicate) changes nothing.
 * Returns the number of rows updated (0 for an unknown id or a stale status).
 */
export async function recordDeliveryStatus(x: Executor, providerMessageId: string, status: DeliveryStatus, at: Date, error?: string): Promise<number> {
  const rows = await x.update(outbox)
    .set({
      deliveryStatus: status,
      deliveryUpdatedAt: at,
      ...(status === 'failed' && error !== undefined ? { lastError: error.slice(0, MAX_ERROR_LENGTH) } : {}),
    })
    .where(and(eq(outbox.providerMessageId, providerMessageId), sql`${currentRank} < ${deliveryRank[status]}`))
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * Which outbox rows go first when several are due: a reply to a vendor who is waiting, then
 * reminders, then campaign messages.
 */
export const OUTBOX_PRIORITY: Readonly<Record<OutboxRow['kind'], number>> = { reply: 10, reminder: 5, campaign: 0 };

/** The error kept on reminder and campaign rows of a contact who said "berhenti" or blocked us. */
export const CONTACT_STOPPED = 'contact stopped';

/**
 * A stopped contact's waiting reminders and campaign messages, buried at once (replies are kept:
 * the confirmation of "berhenti" still goes). Rows another worker is sending are left to it.
 * Returns how many were buried.
 */
export async function buryStoppedContactRows(x: Executor, contactId: string, error: string): Promise<number> {
  const rows = await x.update(outbox)
    .set({ status: 'dead', lastError: error.slice(0, MAX_ERROR_LENGTH), payload: clearedIfPersonal })
    .where(and(eq(outbox.contactId, contactId), eq(outbox.status, 'pending'), ne(outbox.kind, 'reply')))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Whether any outbox row carries this platform message id (a status can overtake the send's commit). */
export async function hasProviderMessage(x: Executor, providerMessageId: string): Promise<boolean> {
  const rows = await x.select({ id: outbox.id }).from(outbox).where(eq(outbox.providerMessageId, providerMessageId)).limit(1);
  return rows.length > 0;
}
