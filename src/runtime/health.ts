/**
 * What `GET /healthz` reports: whether the database answers (a `select 1` with a short timeout)
 * and how long the oldest due outbox row of a channel this process sends has been waiting. A
 * load balancer or a monitor reads the status (200 ok, 503 not); a person reads `problems`.
 */
import { and, inArray, lte, min, sql } from 'drizzle-orm';
import type { Clock } from '../lib/clock.ts';
import type { Db } from '../store/db-types.ts';
import { outbox } from '../store/schema.ts';

export interface HealthOptions {
  readonly db: Db;
  readonly clock: Clock;
  /** The channels with a sender here; other channels' rows are not ours to wait for. */
  readonly channels: () => readonly string[];
  /** The database must answer within this; default 2 s. */
  readonly timeoutMs?: number;
  /** A due outbox row older than this makes the service degraded; default 5 minutes. */
  readonly maxBacklogAgeMs?: number;
}

export interface HealthReport {
  readonly status: 'ok' | 'degraded' | 'down';
  readonly database: 'ok' | 'down';
  /** Seconds the oldest due, unsent row has waited; null when none (or the database is down). */
  readonly oldestQueuedSeconds: number | null;
  readonly problems: readonly string[];
}

export const DEFAULT_MAX_BACKLOG_AGE_MS = 5 * 60_000;

export async function checkHealth(options: HealthOptions): Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const maxAge = options.maxBacklogAgeMs ?? DEFAULT_MAX_BACKLOG_AGE_MS;
  try {
    await withTimeout(options.db.execute(sql`select 1`), timeoutMs);
  } catch (error) {
    const why = error instanceof TimeoutError ? `no answer within ${timeoutMs} ms` : reason(error);
    return { status: 'down', database: 'down', oldestQueuedSeconds: null, problems: [`database: ${why}`] };
  }
  const channels = options.channels();
  if (channels.length === 0) return { status: 'ok', database: 'ok', oldestQueuedSeconds: null, problems: [] };
  const now = options.clock();
  try {
    const [row] = await withTimeout(options.db.select({ oldest: min(outbox.createdAt) }).from(outbox)
      .where(and(inArray(outbox.status, ['pending', 'sending']), inArray(outbox.channel, [...channels]), lte(outbox.nextAttemptAt, now))), timeoutMs);
    const oldest = row?.oldest ?? null;
    const age = oldest === null ? null : Math.max(0, Math.round((now.getTime() - new Date(oldest).getTime()) / 1000));
    if (age !== null && age * 1000 > maxAge) {
      return { status: 'degraded', database: 'ok', oldestQueuedSeconds: age, problems: [`outbox: the oldest queued message has waited ${age} s (more than ${Math.round(maxAge / 1000)} s): is a channel down?`] };
    }
    return { status: 'ok', database: 'ok', oldestQueuedSeconds: age, problems: [] };
  } catch (error) {
    const why = error instanceof TimeoutError ? `no answer within ${timeoutMs} ms` : reason(error);
    return { status: 'down', database: 'down', oldestQueuedSeconds: null, problems: [`database: ${why}`] };
  }
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new TimeoutError()), ms); });
  // The query may still settle after the timeout: its rejection is not ours to report then.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  // drizzle's own message holds the query and its parameters: say the driver's reason instead.
  const root = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = root instanceof Error ? root.message : String(root);
  return message.split('\n')[0]?.replace(/^Failed query:.*/u, 'query failed') ?? 'unknown error';
}
