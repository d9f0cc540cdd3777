/**
 * For tests until the dispatcher exists: claims a channel's due outbox rows with the repository
 * functions and sends them one by one through a ChannelSender, oldest first, until none is left.
 * No rate limits, no backoff beyond what markFailed records; a failed row is left for the test
 * to look at (pending with its next attempt time, or dead).
 */
import type { ChannelSender, SendResult } from '../../src/runtime/ports/index.ts';
import type { Executor } from '../../src/store/db-types.ts';
import { claimOutbox, markFailed, markSent } from '../../src/store/repos/outbox.ts';

export interface DrainedRow {
  readonly outboxId: number;
  readonly result: SendResult;
}

export async function drainOutbox(db: Executor, sender: ChannelSender, now: () => Date = () => new Date()): Promise<DrainedRow[]> {
  const drained: DrainedRow[] = [];
  for (;;) {
    const rows = await claimOutbox(db, { channel: sender.channel, limit: 50, now: now() });
    if (rows.length === 0) return drained;
    for (const row of rows) {
      const result = await sender.send({ outboxId: row.id, address: row.address, kind: row.kind, payload: row.payload, lastInboundAt: null });
      drained.push({ outboxId: row.id, result });
      if (result.ok) await markSent(db, [row.id], now());
      else await markFailed(db, row.id, result.error, result.retryable ? new Date(now().getTime() + (result.retryAfterMs ?? 1_000)) : null);
    }
  }
}
