import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../src/runtime/token-bucket.ts';

const t0 = new Date('2030-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('TokenBucket', () => {
  it('starts full: a burst goes at once, then nothing', () => {
    const bucket = new TokenBucket({ perSecond: 30, burst: 30 }, t0);
    const taken = Array.from({ length: 40 }, () => bucket.tryTake(t0)).filter(Boolean);
    expect(taken).toHaveLength(30);
    expect(bucket.available(t0)).toBe(0);
  });

  it('refills at its rate and never above the burst', () => {
    const bucket = new TokenBucket({ perSecond: 10, burst: 5 }, t0);
    for (let i = 0; i < 5; i++) bucket.tryTake(t0);
    expect(bucket.available(at(99))).toBe(0);
    expect(bucket.available(at(100))).toBe(1);
    expect(bucket.available(at(350))).toBe(3);
    expect(bucket.available(at(60_000))).toBe(5);
  });

  it('says when the next token comes', () => {
    const bucket = new TokenBucket({ perSecond: 0.2, burst: 1 }, t0);
    expect(bucket.nextTokenAt(t0)).toEqual(t0);
    expect(bucket.tryTake(t0)).toBe(true);
    expect(bucket.nextTokenAt(t0)).toEqual(at(5_000));
    expect(bucket.nextTokenAt(at(2_000))).toEqual(at(5_000));
    expect(bucket.tryTake(at(4_999))).toBe(false);
    expect(bucket.tryTake(at(5_000))).toBe(true);
  });

  it('in any stretch of simulated time lets through at most burst + rate × time', () => {
    const bucket = new TokenBucket({ perSecond: 7, burst: 3 }, t0);
    let taken = 0;
    for (let ms = 0; ms <= 10_000; ms += 37) {
      while (bucket.tryTake(at(ms))) taken += 1;
    }
    expect(taken).toBeLessThanOrEqual(3 + 7 * 10);
    expect(taken).toBeGreaterThanOrEqual(7 * 10);
  });

  it('counts a token refilled in many small steps as whole', () => {
    const bucket = new TokenBucket({ perSecond: 0.2, burst: 1 }, t0);
    expect(bucket.tryTake(t0)).toBe(true);
    for (let ms = 500; ms < 5_000; ms += 500) expect(bucket.tryTake(at(ms))).toBe(false);
    expect(bucket.tryTake(at(5_000))).toBe(true);
  });

  it('gains nothing from a clock that steps back', () => {
    const bucket = new TokenBucket({ perSecond: 1, burst: 1 }, at(10_000));
    expect(bucket.tryTake(at(10_000))).toBe(true);
    expect(bucket.tryTake(at(0))).toBe(false);
    expect(bucket.tryTake(at(10_999))).toBe(false);
    expect(bucket.tryTake(at(11_000))).toBe(true);
  });

  it('refuses a rate that could never send', () => {
    expect(() => new TokenBucket({ perSecond: 0, burst: 1 }, t0)).toThrow(RangeError);
    expect(() => new TokenBucket({ perSecond: 1, burst: 0 }, t0)).toThrow(RangeError);
  });
});
