import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../../src/domain/yes-no.ts';

const YES = [
  'ya', 'iya', 'iyaa', 'yaa', 'y', 'yes', 'ok', 'oke', 'okey', 'okay', 'boleh', 'setuju', 'betul',
  'benar', 'bener', 'sip', 'siap', 'mau', 'lanjut', '👍', '👍🏽', 'Iya kak', 'ok kak', 'OK KAK!!',
  'iyaaaa', 'okeee', 'ya, boleh', 'iya mau', 'ok deh', 'siap pak 🙏', 'Ya.', ' ya ', 'ya\u200b',
  'ＹＡ', 'iya bang', 'boleh mbak', 'oke min', 'sudah', 'udah bener', 'ya sudah benar', 'Ya, sudah benar', 'yaudah',
];
const NO = [
  'tidak', 'tdk', 'gak', 'ga', 'gk', 'nggak', 'ngga', 'enggak', 'engga', 'g', 'no', 'n', 'jangan',
  'ndak', 'emoh', 'tidak setuju', 'ga mau', 'gak jadi', 'gak kak', 'Tidak, kak',
  'nggak mau kak', 'gakkk', 'tidak mau', 'gak usah', '👎', 'Ga jadi deh', 'tidak boleh',
];
const INVALID = [
  '', '   ', '?', 'mungkin', 'ya tidak', 'iya gak', 'nanti', 'tidak tahu ya', 'batal', 'jadi',
  'yaya ya ya ya ya', 'a', '123', 'x'.repeat(10_000), 'ya '.repeat(5_000),
];

describe('parseYesNo', () => {
  it.each(YES)('%j is yes', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: true });
  });

  it.each(NO)('%j is no', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: false });
  });

  it.each(INVALID.map((t) => [t.slice(0, 20), t]))('%j is neither', (_label, text) => {
    expect(parseYesNo(text)).toEqual({ ok: false, error: 'yes_no.invalid' });
  });

  it('does not let a typo turn yes into no', () => {
    // "ga" and "ya" are one letter apart: no fuzzy matching for short words.
    expect(parseYesNo('yq')).toEqual({ ok: false, error: 'yes_no.invalid' });
  });
});
