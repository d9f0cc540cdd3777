/**
 * The outbox: rows written in the same transaction as the state that caused them, then claimed
 * by dispatchers with FOR UPDATE SKIP LOCKED so any number of workers share the work and no row
 * is sent twice.
 */
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { outbox, type OutboxPayload, type OutboxRow } from '../schema.ts';

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

/** Ids of the rows inserted, in order; rows skipped for an existing dedupe key have none. */
export async function enqueueOutbox(x: Executor, messages: readonly OutboxMessage[]): Promise<number[]> {
  if (messages.length === 0) return [];
  const rows = await x.insert(outbox)
    .values(messages.map((m) => ({ ...m })))
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export interface ClaimOptions {
  readonly channel?: string;
  /** With channel: only this chat's rows (the simulator pulls its own). */
  readonly address?: string;
  readonly limit: number;
  readonly now: Date;
}

/** Marks up to `limit` due rows as 'sending' (attempts + 1) and returns them, highest priority first. */
export async function claimOutbox(x: Executor, options: ClaimOptions): Promise<OutboxRow[]> {
  const due = x.select({ id: outbox.id }).from(outbox)
    .where(and(...claimFilters(options)))
    .orderBy(desc(outbox.priority), asc(outbox.id))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  const rows = await x.update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1` })
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

export async function markSent(x: Executor, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await x.update(outbox).set({ status: 'sent', sentAt: at, lastError: null }).where(inArray(outbox.id, [...ids]));
}

const MAX_ERROR_LENGTH = 2000;

/** Back to 'pending' until `retryAt`; with `retryAt` null the row is 'dead' and never retried. */
export async function markFailed(x: Executor, id: number, error: string, retryAt: Date | null): Promise<void> {
  await x.update(outbox)
    .set({
      status: retryAt === null ? 'dead' : 'pending',
      lastError: error.slice(0, MAX_ERROR_LENGTH),
      ...(retryAt === null ? {} : { nextAttemptAt: retryAt }),
    })
    .where(eq(outbox.id, id));
}
