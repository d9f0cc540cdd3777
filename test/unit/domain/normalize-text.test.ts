import { describe, expect, it } from 'vitest';
import { foldText, normalizeText, wordsOf } from '../../../src/domain/normalize-text.ts';

describe('normalizeText', () => {
  it.each([
    ['  IYA  Kak!! ', 'iya'],
    ['Ok kak 👍', 'ok'],
    ['gak bang', 'gak'],
    ['Jawa   Barat', 'jawa barat'],
    ['Café', 'cafe'],
    ['ＪＡＷＡ　ＢＡＲＡＴ', 'jawa barat'], // full-width letters and ideographic space
    ['１２３', '123'],
    ['ya\u200b', 'ya'], // zero-width space
    ['ya\u00a0kak', 'ya'], // no-break space
    ['"bogor".', 'bogor'],
    ['🙏🙏 siap pak 🙏🏽', 'siap'],
    ['iya kak mas', 'iya'],
    ['ya\n\tkak', 'ya'],
    ['1.', '1'],
    ['1️⃣', '1'],
    ['rp 2.000.000,-', 'rp 2.000.000'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps a lone polite word: it is the answer', () => {
    expect(normalizeText('Mas')).toBe('mas');
    expect(normalizeText('kak!')).toBe('kak');
  });

  it('keeps polite words when asked (a place named "Gunung Mas")', () => {
    expect(normalizeText('Gunung Mas', { keepPoliteWords: true })).toBe('gunung mas');
    expect(normalizeText('Gunung Mas')).toBe('gunung');
  });

  it('keeps punctuation inside the text', () => {
    expect(normalizeText('17-08-1985')).toBe('17-08-1985');
    expect(normalizeText('Toli-Toli')).toBe('toli-toli');
  });

  it('returns an empty string for only emoji, punctuation or spaces', () => {
    expect(normalizeText('👍')).toBe('');
    expect(normalizeText(' ?! ')).toBe('');
    expect(normalizeText('')).toBe('');
  });

  it('handles 10,000 characters quickly', () => {
    const start = performance.now();
    expect(normalizeText(`${'a '.repeat(5000)}kak`)).toHaveLength(9999);
    expect(normalizeText(`a${'!'.repeat(10_000)}a`)).toHaveLength(10_002); // a `[…]+$` regex is quadratic here
    expect(normalizeText(`${'!'.repeat(10_000)}ya${'?'.repeat(10_000)}`)).toBe('ya');
    expect(normalizeText('\u0301'.repeat(10_000))).toBe('');
    // A guard against quadratic regexes (seconds at this length), not a speed target: loose on purpose.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('foldText and wordsOf', () => {
  it('folds without trimming punctuation at the ends', () => {
    expect(foldText(' -2 JT ')).toBe('-2 jt');
  });

  it('splits on any punctuation', () => {
    expect(wordsOf('kab.bogor, jawa-barat')).toEqual(['kab', 'bogor', 'jawa', 'barat']);
    expect(wordsOf('...')).toEqual([]);
  });
});
