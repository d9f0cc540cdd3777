/**
 * When a failed send is tried again: exponential backoff with jitter, never sooner than the
 * platform asked (retryAfterMs), and never again after `maxAttempts`. Pure: the randomness is
 * passed in.
 */
export interface RetryPolicy {
  /** Attempts in all (the first send included) before a row is dead. */
  readonly maxAttempts: number;
  /** The delay after the first failure, before jitter; doubles with each further attempt. */
  readonly baseDelayMs: number;
  /** The longest delay, before jitter. */
  readonly maxDelayMs: number;
  /** A number in [0, 1); Math.random in production, fixed in tests. */
  readonly random: () => number;
}

// 16 attempts from 5 s doubling to 30 min span about four hours: a platform outage of an
// afternoon delays replies but does not bury them.
export const defaultRetryPolicy: Omit<RetryPolicy, 'random'> = Object.freeze({
  maxAttempts: 16,
  baseDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
});

/**
 * The retry time after failed attempt number `attempts` (1 for the first send), or null when the
 * row has had all its attempts. "Equal jitter": half the exponential delay is fixed, the other
 * half random, so workers that failed together do not retry together, yet none retries at once.
 */
export function nextRetryAt(policy: RetryPolicy, attempts: number, now: Date, retryAfterMs?: number): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential / 2 + (exponential / 2) * policy.random();
  const delay = Math.max(Math.round(jittered), retryAfterMs ?? 0);
  return new Date(now.getTime() + delay);
}
