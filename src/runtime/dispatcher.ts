/**
 * The dispatcher: sends outbox rows through the channels' senders. Each round, per channel with
 * a sender, it claims the heads of due chats (FOR UPDATE SKIP LOCKED: any number of workers on
 * one PostgreSQL share the rows and none is claimed twice), as many as the channel's token bucket
 * allows, sends them, and records each result: sent, retried later with backoff, or dead.
 */
import type { ChannelSender, OutboundMessage, SendResult } from './ports/index.ts';
import type { Clock } from '../lib/clock.ts';
import { createJobLoop, type BackgroundJob } from '../lib/job-loop.ts';
import type { Logger } from '../lib/logger.ts';
import type { Db } from '../store/db-types.ts';
import { markStopped } from '../store/repos/contacts.ts';
import {
  buryStoppedContactRows, claimOutboxHeads, CONTACT_STOPPED, deferOutbox, DEFAULT_LEASE_MS, LEASE_EXPIRED, markDead, markFailed, recordSent, SEND_TIMEOUT_MS, type ClaimedOutboxRow,
} from '../store/repos/outbox.ts';
import { fallbackChannelLimit, resolveLimits, type ChannelLimit } from './dispatch-limits.ts';
import { defaultRetryPolicy, nextRetryAt, type RetryPolicy } from './retry-policy.ts';
import { TokenBucket } from './token-bucket.ts';

export interface DispatcherOptions {
  readonly db: Db;
  readonly senders: readonly ChannelSender[];
  readonly clock: Clock;
  /** Per channel; missing channels and fields take the defaults of dispatch-limits.ts. */
  readonly limits?: Readonly<Record<string, Partial<ChannelLimit>>>;
  /** Missing fields take defaultRetryPolicy; `random` defaults to Math.random. */
  readonly retry?: Partial<RetryPolicy>;
  readonly logger?: Logger;
  /** Names this worker in logs. */
  readonly workerId?: string;
  /** Rows claimed per channel per round, at most; default 100. */
  readonly batchSize?: number;
  /**
   * How long a claim holds before a crashed worker's row is due again; default DEFAULT_LEASE_MS
   * (30 s). Keep it above sendTimeoutMs, or a slow send may be claimed and sent again.
   */
  readonly leaseMs?: number;
  /** A send that has not answered after this is given up as a retryable failure; default SEND_TIMEOUT_MS (20 s). */
  readonly sendTimeoutMs?: number;
  /** The pause of start()'s loop after a round with nothing to do; default 200 ms. */
  readonly idleMs?: number;
  /** How start() waits; tests pass one that returns at once or advances a manual clock. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface DispatchRound {
  readonly sent: number;
  /** Failed and to be retried later. */
  readonly failed: number;
  /** Buried: out of attempts, not retryable, or a stopped contact's reminders and campaigns. */
  readonly dead: number;
  /** Claimed, but put back because the channel's rate did not allow it yet. */
  readonly deferred: number;
}

export type Dispatcher = BackgroundJob<DispatchRound>;

export { CONTACT_STOPPED } from '../store/repos/outbox.ts';

const MAX_ERROR_PAUSE_MS = 60_000;

type Outcome = keyof DispatchRound;
/** What became of a claimed row, and how many more of its contact's rows were buried with it. */
type RowOutcome = { readonly outcome: Outcome; readonly buried?: number };

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, clock } = options;
  const limits = resolveLimits(options.limits);
  const retry: RetryPolicy = { ...defaultRetryPolicy, random: Math.random, ...options.retry };
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const sendTimeoutMs = options.sendTimeoutMs ?? SEND_TIMEOUT_MS;
  let possibleDuplicates = 0;
  const log = options.logger?.child({ component: 'dispatcher', worker: options.workerId ?? 'dispatcher' });
  const channels = options.senders.map((sender) => {
    const limit = limits[sender.channel] ?? fallbackChannelLimit;
    // pausedUntil: a platform that said "retry after" (Telegram 429, Cloud API 130429) mostly
    // means the whole bot or number, so the channel waits, not only the row.
    return { sender, limit, bucket: new TokenBucket(limit, clock()), pausedUntil: 0 };
  });

  async function runChannel(channel: (typeof channels)[number]): Promise<RowOutcome[]> {
    const now = clock();
    if (now.getTime() < channel.pausedUntil) return [];
    const limit = Math.min(batchSize, channel.bucket.available(now));
    if (limit <= 0) return [];
    const rows = await db.transaction((tx) => claimOutboxHeads(tx, {
      channel: channel.sender.channel, limit, now, leaseMs, perChatIntervalMs: channel.limit.perChatIntervalMs,
    }));
    // One row per chat in a batch: the rows go out side by side. Every row is settled before a
    // failure (the database, say) is thrown, so stop() never returns with a send still running;
    // a row whose result could not be recorded is sent again when its lease runs out.
    const settled = await Promise.allSettled(rows.map((row) => dispatchRow(channel, row)));
    return settled.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
  }

  async function dispatchRow(channel: (typeof channels)[number], row: ClaimedOutboxRow): Promise<RowOutcome> {
    // A stopped contact still gets replies (the confirmation of "berhenti"), nothing else.
    if (row.contactStoppedAt !== null && row.kind !== 'reply') {
      await markDead(db, [row.id], CONTACT_STOPPED);
      return { outcome: 'dead', buried: await buryStoppedContactRows(db, row.contactId, CONTACT_STOPPED) };
    }
    if (!channel.bucket.tryTake(clock())) {
      await deferOutbox(db, [row.id], channel.bucket.nextTokenAt(clock()));
      return { outcome: 'deferred' };
    }
    if (row.lastError === LEASE_EXPIRED) {
      possibleDuplicates += 1;
      log?.warn({ outboxId: row.id, channel: row.channel, attempts: row.attempts, possibleDuplicates },
        'outbox row claimed again after its lease ran out (a worker crashed or a send hung): it may reach the vendor twice');
    }
    const result = await sendSafely(channel.sender, toOutbound(row), sendTimeoutMs);
    const at = clock();
    if (result.ok) {
      await recordSent(db, row.id, at, result.providerMessageId);
      return { outcome: 'sent' };
    }
    if (!result.retryable) {
      await markFailed(db, row.id, result.error, null);
      log?.warn({ outboxId: row.id, channel: row.channel, error: result.error, blocked: result.blocked === true }, 'outbox row dead: not retryable');
      if (result.blocked !== true) return { outcome: 'dead' };
      await markStopped(db, row.contactId, at);
      return { outcome: 'dead', buried: await buryStoppedContactRows(db, row.contactId, CONTACT_STOPPED) };
    }
    if (result.retryAfterMs !== undefined) channel.pausedUntil = Math.max(channel.pausedUntil, at.getTime() + result.retryAfterMs);
    const retryAt = nextRetryAt(retry, row.attempts, at, result.retryAfterMs);
    await markFailed(db, row.id, result.error, retryAt);
    if (retryAt === null) {
      log?.warn({ outboxId: row.id, channel: row.channel, attempts: row.attempts, error: result.error }, 'outbox row dead: out of attempts');
      return { outcome: 'dead' };
    }
    return { outcome: 'failed' };
  }

  async function runOnce(): Promise<DispatchRound> {
    const counts = { sent: 0, failed: 0, dead: 0, deferred: 0 };
    for (const channel of channels) {
      for (const { outcome, buried } of await runChannel(channel)) {
        counts[outcome] += 1;
        counts.dead += buried ?? 0;
      }
    }
    return counts;
  }

  const loop = createJobLoop({
    name: 'dispatch', runOnce, idleMs: options.idleMs ?? 200, maxErrorPauseMs: MAX_ERROR_PAUSE_MS, ...(options.sleep ? { sleep: options.sleep } : {}), ...(log ? { logger: log } : {}),
    busy: (round) => round.sent + round.failed + round.dead + round.deferred > 0,
  });
  return {
    runOnce,
    start: loop.start,
    stop: loop.stop,
  };
}

/**
 * A sender that throws has met a network error or a bug, and one that does not answer within
 * the send timeout is hung: both are retryable failures. The timeout keeps every send shorter
 * than the lease, so a live worker's row is never claimed by another.
 */
async function sendSafely(sender: ChannelSender, message: OutboundMessage, timeoutMs: number): Promise<SendResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<SendResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, retryable: true, error: `send timed out after ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([sender.send(message), timedOut]);
  } catch (error) {
    return { ok: false, retryable: true, error: `sender threw: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

function toOutbound(row: ClaimedOutboxRow): OutboundMessage {
  return { outboxId: row.id, address: row.address, kind: row.kind, payload: row.payload, lastInboundAt: row.lastInboundAt };
}
