import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/lib/clock.ts';
import { createDispatcher, type DispatcherOptions } from '../../../src/runtime/dispatcher.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { fakeSender, outboxRows, queue, type SentCall } from './fake-sender.ts';

const t0 = new Date('2030-01-01T00:00:00Z');

/** The most calls in any window of `windowMs` (windows start at each call). */
function busiestWindow(calls: readonly SentCall[], windowMs: number): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

/** The shortest gap between two calls to the same chat. */
function shortestChatGap(calls: readonly SentCall[]): number {
  const last = new Map<string, number>();
  let shortest = Infinity;
  for (const call of calls) {
    const previous = last.get(call.message.address);
    if (previous !== undefined) shortest = Math.min(shortest, call.at - previous);
    last.set(call.message.address, call.at);
  }
  return shortest;
}

describe('dispatcher rate limits (counted on a manual clock)', () => {
  const database = useTestDatabase();

  /** Runs a round every `tickMs` for `seconds` simulated seconds. */
  async function simulate(channel: 'telegram' | 'whatsapp', seconds: number, tickMs: number, limits?: DispatcherOptions['limits']) {
    const clock = manualClock(t0);
    const sender = fakeSender(channel, clock);
    const dispatcher = createDispatcher({ db: database().db, senders: [sender], clock, ...(limits ? { limits } : {}) });
    for (let at = 0; at < seconds * 1_000; at += tickMs) {
      await dispatcher.runOnce();
      clock.advance(tickMs);
    }
    return sender.calls;
  }

  it('holds a channel to its bucket and each chat to its interval', async () => {
    const { db } = database();
    for (let chat = 0; chat < 20; chat++) await queue(db, 'telegram', `chat-${chat}`, Array.from({ length: 10 }, () => 'reply' as const));
    const calls = await simulate('telegram', 30, 50, { telegram: { perSecond: 10, burst: 5, perChatIntervalMs: 1_000 } });
    // burst + rate × window, in any second and over the whole run.
    expect(busiestWindow(calls, 1_000)).toBeLessThanOrEqual(5 + 10);
    expect(busiestWindow(calls, 5_000)).toBeLessThanOrEqual(5 + 50);
    expect(shortestChatGap(calls)).toBeGreaterThanOrEqual(1_000);
    // And the limit is a pace, not a stall: everything went within the 30 simulated seconds.
    expect(calls).toHaveLength(200);
    expect(new Set(calls.map((c) => c.message.outboxId)).size).toBe(200);
    expect((await outboxRows(db)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('sends one chat at most once per interval even when the channel has room', async () => {
    const { db } = database();
    await queue(db, 'telegram', 'ana', Array.from({ length: 10 }, () => 'reply' as const));
    const calls = await simulate('telegram', 5, 100);
    // The Telegram defaults: 1 message a second per chat.
    expect(calls.map((c) => c.at - t0.getTime())).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
  });

  it('paces whatsapp-web.js slowly by default: one message every 5 s at most', async () => {
    const { db } = database();
    for (let chat = 0; chat < 30; chat++) await queue(db, 'whatsapp', `62812000${chat}`, ['reminder']);
    const calls = await simulate('whatsapp', 60, 500);
    expect(calls.length).toBeLessThanOrEqual(1 + 60 / 5);
    expect(calls.length).toBeGreaterThanOrEqual(60 / 5);
    expect(busiestWindow(calls, 5_000)).toBe(1);
  });

  it('puts a claimed row it may not send yet back, due when the bucket has a token, the claim not counted', async () => {
    const { db } = database();
    for (let chat = 0; chat < 10; chat++) await queue(db, 'telegram', `chat-${chat}`, ['campaign']);
    const clock = manualClock(t0);
    const sender = fakeSender('telegram', clock);
    const dispatcher = createDispatcher({ db, senders: [sender], clock, limits: { telegram: { perSecond: 10, burst: 5 } } });
    // Two rounds at once in one process both see 5 tokens; only 5 sends may happen.
    const rounds = await Promise.all([dispatcher.runOnce(), dispatcher.runOnce()]);
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(5);
    expect(rounds.reduce((n, r) => n + r.deferred, 0)).toBe(5);
    expect(sender.calls).toHaveLength(5);
    const waiting = (await outboxRows(db)).filter((r) => r.status === 'pending');
    expect(waiting.map((r) => [r.attempts, r.nextAttemptAt.getTime() - t0.getTime()])).toEqual(Array.from({ length: 5 }, () => [0, 100]));
    clock.advance(99);
    expect((await dispatcher.runOnce()).sent).toBe(0);
    clock.advance(1);
    expect((await dispatcher.runOnce()).sent).toBe(1);
  });
});
