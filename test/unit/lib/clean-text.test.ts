import { describe, expect, it } from 'vitest';
import { cleanJson, cleanText } from '../../../src/lib/clean-text.ts';

describe('cleanText', () => {
  it.each([
    ['a NUL', 'ya\u0000', 'ya'],
    ['other control characters', 'ha\u0007lo\u001b\u007f\u0085', 'halo'],
    ['zero-width and direction marks, a BOM, a soft hyphen', '\ufeff3174\u200b01\u200c57\u200e08\u2060\u00ad85', '317401570885'],
    ['full-width digits and letters', '３１７４ ＡＢＣ', '3174 ABC'],
    ['an ideographic space', 'a\u3000b', 'a b'],
    ['a decomposed accent (NFC)', 'Jose\u0301', 'José'],
    ['a lone surrogate (a cut emoji)', 'ok\ud83d', 'ok\ufffd'],
  ])('removes or folds %s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('keeps newlines, tabs, emoji sequences and symbols NFKC would change', () => {
    const text = 'halo\n\tkak 👩🏽‍🍳 👍🏿 m² ﬁ';
    expect(cleanText(text)).toBe(text);
  });

  it('cleans every string of a JSON value, keys included', () => {
    expect(cleanJson({ 'ref\u0000': ['a\u0000', 1, null, { b: 'c\u200b' }] })).toEqual({ ref: ['a', 1, null, { b: 'c' }] });
  });
});
