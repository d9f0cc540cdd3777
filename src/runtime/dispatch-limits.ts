/**
 * How fast the dispatcher may send, per channel: the one place the defaults live. Each process
 * counts its own channel bucket, so with several dispatcher processes give each its share
 * (e.g. 15/s each for two Telegram workers); the per-chat pace is checked in the database and
 * holds across processes.
 */
import type { BucketRate } from './token-bucket.ts';

export interface ChannelLimit extends BucketRate {
  /** The least time between two messages to one chat; 0 for none. */
  readonly perChatIntervalMs: number;
}

export type ChannelLimits = Readonly<Record<string, ChannelLimit>>;

export const defaultChannelLimits: ChannelLimits = Object.freeze({
  // Bot API: about 30 messages a second per bot, 1 a second per chat.
  telegram: { perSecond: 30, burst: 30, perChatIntervalMs: 1_000 },
  // Cloud API: 80 a second by default (higher tiers raise it); pair-rate errors (131056) are retried.
  'whatsapp-cloud': { perSecond: 80, burst: 80, perChatIntervalMs: 0 },
  // whatsapp-web.js is an unofficial client: numbers that send in bulk get banned. One message
  // every 5 s at most, and a pause between messages to the same chat.
  whatsapp: { perSecond: 0.2, burst: 1, perChatIntervalMs: 3_000 },
  simulator: { perSecond: 1_000, burst: 1_000, perChatIntervalMs: 0 },
});

/** A channel nobody configured gets this cautious limit. */
export const fallbackChannelLimit: ChannelLimit = Object.freeze({ perSecond: 1, burst: 1, perChatIntervalMs: 1_000 });

/** The defaults with the given channels replaced (a partial entry keeps the other fields). */
export function resolveLimits(overrides: Readonly<Record<string, Partial<ChannelLimit>>> = {}): ChannelLimits {
  const merged: Record<string, ChannelLimit> = { ...defaultChannelLimits };
  for (const [channel, limit] of Object.entries(overrides)) {
    merged[channel] = { ...(defaultChannelLimits[channel] ?? fallbackChannelLimit), ...limit };
  }
  return Object.freeze(merged);
}
