import type { MoneyWord } from './money-words.ts';

/**
 * Reads a stream of number words and units into the amounts it names, the way an Indonesian
 * speaker builds them: "dua ratus lima puluh ribu" = (2×100 + 5×10) × 1.000; "dua juta
 * setengah" = 2,5 juta; "2 juta 500 ribu" = 2.500.000. A unit no larger than the one before it
 * ("2 juta 3 juta"), a second bare number ("2 3"), or a separator ("atau", "-") starts another
 * amount; the caller decides what several amounts mean.
 */
export function readAmounts(items: readonly MoneyWord[]): AmountReading {
  const reader = new Reader();
  for (const item of items) reader.take(item);
  return reader.finish();
}

export interface AmountReading {
  readonly amounts: readonly number[];
  /** "3 juta 500": a bare number after juta could mean 3.000.500 or 3.500.000. */
  readonly unclear: boolean;
}

class Reader {
  private readonly amounts: number[] = [];
  private unclear = false;
  private total = 0;
  private group = 0;
  private pending: number | null = null;
  private lastBig = Number.POSITIVE_INFINITY;
  private justClosedBig = false;
  private started = false;

  take(item: MoneyWord): void {
    switch (item.kind) {
      case 'number': return this.number(item.value);
      case 'small': return this.small(item.unit);
      case 'big': return this.big(item.value);
      case 'half': return this.half();
      case 'separator': return this.close();
      case 'period': return;
    }
  }

  finish(): AmountReading {
    this.close();
    return { amounts: this.amounts, unclear: this.unclear };
  }

  private number(value: number): void {
    if (this.pending !== null) this.close();
    this.pending = value;
    this.started = true;
    this.justClosedBig = false;
  }

  private small(unit: 'puluh' | 'belas' | 'ratus'): void {
    const digit = this.pending ?? 1;
    if (unit === 'puluh') this.group += digit * 10;
    else if (unit === 'belas') this.group += digit + 10;
    else this.group += digit * 100;
    this.pending = null;
    this.started = true;
    this.justClosedBig = false;
  }

  private big(value: number): void {
    const count = this.group + (this.pending ?? 0);
    if (count === 0) return; // a unit with no number ("jutaan") adds nothing
    if (value >= this.lastBig) {
      // "2 juta 3 juta": the first amount is complete; this unit belongs to a new one.
      const carried = count;
      this.group = 0;
      this.pending = null;
      this.close();
      this.started = true;
      this.total = carried * value;
    } else {
      this.total += count * value;
    }
    this.group = 0;
    this.pending = null;
    this.lastBig = value;
    this.justClosedBig = true;
  }

  private half(): void {
    if (this.justClosedBig) {
      this.total += this.lastBig / 2; // "dua juta setengah"
      this.justClosedBig = false;
    } else {
      this.pending = (this.pending ?? 0) + 0.5; // "setengah juta", "dua setengah juta"
      this.started = true;
    }
  }

  private close(): void {
    if (!this.started) return;
    const rest = this.group + (this.pending ?? 0);
    // "seribu lima ratus" is 1.500, but "tiga juta lima ratus" is unclear in speech.
    if (rest > 0 && this.total > 0 && this.lastBig > 1_000) this.unclear = true;
    this.amounts.push(this.total + rest);
    this.total = 0;
    this.group = 0;
    this.pending = null;
    this.lastBig = Number.POSITIVE_INFINITY;
    this.justClosedBig = false;
    this.started = false;
  }
}
