/**
 * A token bucket: `burst` tokens at most, refilled at `perSecond`. Pure: it never reads the clock
 * or sets a timer; every call is handed the time, so a manual clock drives it in tests.
 */
export interface BucketRate {
  /** Tokens added per second (0.2 = one every 5 s). */
  readonly perSecond: number;
  /** The most tokens the bucket holds: how many may go at once after a quiet spell. */
  readonly burst: number;
}

// Refills add fractions (0.1 + 0.1 + … is 0.9999999999999999): compare with a little slack.
const EPSILON = 1e-9;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  /** Starts full at `now`. */
  constructor(private readonly rate: BucketRate, now: Date) {
    if (!(rate.perSecond > 0) || !(rate.burst >= 1)) {
      throw new RangeError(`token bucket needs perSecond > 0 and burst >= 1, got ${rate.perSecond}/s burst ${rate.burst}`);
    }
    this.tokens = rate.burst;
    this.updatedAt = now.getTime();
  }

  /** Whole tokens available at `now`. */
  available(now: Date): number {
    this.refill(now);
    return Math.floor(this.tokens + EPSILON);
  }

  /** Takes one token when there is one; false (and nothing taken) when there is not. */
  tryTake(now: Date): boolean {
    this.refill(now);
    if (this.tokens + EPSILON < 1) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  /** When the next whole token is there: `now` when one is available already. */
  nextTokenAt(now: Date): Date {
    this.refill(now);
    if (this.tokens + EPSILON >= 1) return new Date(now.getTime());
    return new Date(now.getTime() + Math.ceil(((1 - this.tokens) * 1000) / this.rate.perSecond));
  }

  private refill(now: Date): void {
    const at = now.getTime();
    // A clock that steps back adds nothing and takes nothing.
    if (at <= this.updatedAt) return;
    this.tokens = Math.min(this.rate.burst, this.tokens + ((at - this.updatedAt) / 1000) * this.rate.perSecond);
    this.updatedAt = at;
  }
}
