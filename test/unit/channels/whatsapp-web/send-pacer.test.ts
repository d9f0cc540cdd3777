import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/lib/clock.ts';
import { createSendPacer } from '../../../../src/channels/whatsapp-web/send-pacer.ts';

const START = new Date('2025-08-17T03:00:00Z');
const HOUR = 60 * 60 * 1000;

describe('createSendPacer', () => {
  it('keeps the minimum interval plus jitter between sends and says how long to wait', () => {
    const clock = manualClock(START);
    const pacer = createSendPacer({ minIntervalMs: 5_000, jitterMs: 2_000, dailyCap: 100 }, () => 0.5, clock);
    expect(pacer.take()).toEqual({ ok: true });
    expect(pacer.take()).toEqual({ ok: false, reason: 'interval', retryAfterMs: 6_000 });
    clock.advance(5_999);
    expect(pacer.take()).toEqual({ ok: false, reason: 'interval', retryAfterMs: 1 });
    clock.advance(1);
    expect(pacer.take()).toEqual({ ok: true });
  });

  it('draws a new jitter for each send', () => {
    const clock = manualClock(START);
    const draws = [0, 0.999];
    const pacer = createSendPacer({ minIntervalMs: 1_000, jitterMs: 1_000, dailyCap: 100 }, () => draws.shift() ?? 0, clock);
    pacer.take();
    clock.advance(1_000);
    expect(pacer.take()).toEqual({ ok: true });
    expect(pacer.take()).toMatchObject({ ok: false, retryAfterMs: 1_999 });
  });

  it('stops at the daily cap until the oldest send is 24 hours old', () => {
    const clock = manualClock(START);
    const pacer = createSendPacer({ minIntervalMs: 0, jitterMs: 0, dailyCap: 3 }, () => 0, clock);
    for (let i = 0; i < 3; i += 1) {
      expect(pacer.take().ok).toBe(true);
      clock.advance(HOUR);
    }
    expect(pacer.take()).toEqual({ ok: false, reason: 'daily cap', retryAfterMs: 21 * HOUR });
    clock.advance(21 * HOUR);
    expect(pacer.take()).toEqual({ ok: true });
    expect(pacer.take()).toEqual({ ok: false, reason: 'daily cap', retryAfterMs: HOUR });
  });
});
