import type { Clock } from '../../lib/clock.ts';

export interface PacingOptions {
  /** Least time between two sends. */
  readonly minIntervalMs: number;
  /** A random extra wait of up to this much after each send, so the rhythm looks human. */
  readonly jitterMs: number;
  /** Most sends in any 24 hours. */
  readonly dailyCap: number;
}

export type PaceDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'interval' | 'daily cap'; readonly retryAfterMs: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Decides whether a send may go now. It never sleeps: a refusal says how long to wait, and the
 * dispatcher re-queues. `take()` books the slot when it says yes. The daily cap is a rolling
 * 24 hours (memory: one timestamp per send, at most dailyCap). State is per process: a restart
 * forgets it, so keep the cap well under what the number can bear.
 */
export function createSendPacer(options: PacingOptions, random: () => number, clock: Clock) {
  const sent: number[] = [];
  let nextAllowedAt = 0;

  return {
    take(): PaceDecision {
      const now = clock().getTime();
      while (sent.length > 0 && (sent[0] ?? 0) <= now - DAY_MS) sent.shift();
      if (sent.length >= options.dailyCap) {
        const oldest = sent[0] ?? now;
        return { ok: false, reason: 'daily cap', retryAfterMs: Math.max(1, oldest + DAY_MS - now) };
      }
      if (now < nextAllowedAt) return { ok: false, reason: 'interval', retryAfterMs: nextAllowedAt - now };
      sent.push(now);
      nextAllowedAt = now + options.minIntervalMs + Math.floor(random() * options.jitterMs);
      return { ok: true };
    },
  };
}

export type SendPacer = ReturnType<typeof createSendPacer>;
