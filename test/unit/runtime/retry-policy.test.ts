import { describe, expect, it } from 'vitest';
import { nextRetryAt, type RetryPolicy } from '../../../src/runtime/retry-policy.ts';
import { resolveLimits, defaultChannelLimits } from '../../../src/runtime/dispatch-limits.ts';

const now = new Date('2030-01-01T00:00:00Z');
const policy = (random: number, overrides: Partial<RetryPolicy> = {}): RetryPolicy =>
  ({ maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => random, ...overrides });
const delay = (p: RetryPolicy, attempts: number, retryAfterMs?: number) => {
  const at = nextRetryAt(p, attempts, now, retryAfterMs);
  return at === null ? null : at.getTime() - now.getTime();
};

describe('nextRetryAt', () => {
  it('doubles the delay with each attempt, half of it jitter', () => {
    expect([1, 2, 3, 4].map((n) => delay(policy(0), n))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => delay(policy(0.5), n))).toEqual([750, 1_500, 3_000, 6_000]);
    expect([1, 2, 3, 4].map((n) => delay(policy(0.999_999), n))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('stops growing at the longest delay', () => {
    expect(delay(policy(0.5, { maxAttempts: 30 }), 20)).toBe(45_000);
  });

  it('never retries sooner than the platform asked', () => {
    expect(delay(policy(0.5), 1, 30_000)).toBe(30_000);
    expect(delay(policy(0.5), 4, 10)).toBe(6_000);
  });

  it('gives up after the last attempt', () => {
    expect(delay(policy(0.5), 7)).not.toBeNull();
    expect(delay(policy(0.5), 8)).toBeNull();
    expect(delay(policy(0.5, { maxAttempts: 1 }), 1)).toBeNull();
  });
});

describe('resolveLimits', () => {
  it('keeps the defaults and replaces only what is given', () => {
    const limits = resolveLimits({ telegram: { perSecond: 10 }, custom: { burst: 4 } });
    expect(limits.telegram).toEqual({ perSecond: 10, burst: 30, perChatIntervalMs: 1_000 });
    expect(limits['whatsapp-cloud']).toEqual(defaultChannelLimits['whatsapp-cloud']);
    expect(limits.custom).toEqual({ perSecond: 1, burst: 4, perChatIntervalMs: 1_000 });
  });
});
