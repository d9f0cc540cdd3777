import { describe, expect, it } from 'vitest';
import { editDistance, typoBudget } from '../../../src/domain/fuzzy.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['bandung', 'bandung', 0],
    ['bandunh', 'bandung', 1], // substitution
    ['surabya', 'surabaya', 1], // deletion
    ['bandungg', 'bandung', 1], // insertion
    ['jawa barta', 'jawa barat', 1], // swap of neighbours counts once
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment, not full Damerau
  ])('%j ↔ %j = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(editDistance('a😀b', 'ab')).toBe(1);
    expect(editDistance('😀', '😁')).toBe(1);
  });

  it('stops early above max, returning max + 1', () => {
    expect(editDistance('bandung', 'surabaya', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('bandunh', 'bandung', 2)).toBe(1);
    expect(editDistance('abc', 'abd', 0)).toBe(1);
  });

  it('gives the same answer with and without a max, whenever it is within the max', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const word = () => Array.from({ length: next() % 9 }, () => 'abc'[next() % 3]).join('');
    for (let n = 0; n < 2_000; n++) {
      const [a, b, max] = [word(), word(), next() % 4];
      const full = editDistance(a, b);
      expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
    }
  });

  it('is fast on 10,000 characters with a max', () => {
    const long = 'x'.repeat(10_000);
    const start = performance.now();
    expect(editDistance(long, 'bandung', 2)).toBe(3);
    expect(editDistance(long, `${'x'.repeat(9_999)}y`, 2)).toBe(1);
    // A guard against quadratic work on long input (seconds), not a speed target: loose on purpose.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('typoBudget', () => {
  it('gives short words no typos and long words a few', () => {
    expect([1, 3, 4, 5, 6, 10, 11, 30].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
