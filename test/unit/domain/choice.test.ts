import { describe, expect, it } from 'vitest';
import { matchChoice, type ChoiceMatch } from '../../../src/domain/choice.ts';

const WORKPLACE = [
  { value: 'pkl', label: 'Pedagang kaki lima' },
  { value: 'keliling', label: 'Pedagang keliling' },
  { value: 'pasar', label: 'Pedagang pasar', aliases: ['los pasar', 'kios'] },
  { value: 'warung', label: 'Warung makan', aliases: ['warteg', 'angkringan'] },
];

const PERIODS = [
  { value: '1', label: '1 bulan' },
  { value: '3', label: '3 bulan' },
  { value: '6', label: '6 bulan' },
  { value: '12', label: '12 bulan' },
];

function pick(m: ChoiceMatch): string {
  if (m.kind === 'match') return m.value;
  if (m.kind === 'ambiguous') return `?${m.candidates.map((c) => c.value).join('|')}`;
  return '-';
}

describe('matchChoice by number', () => {
  it.each([
    ['1', 'pkl'], ['1.', 'pkl'], ['2)', 'keliling'], ['no 1', 'pkl'], ['no. 2', 'keliling'], ['nomor 2', 'keliling'],
    ['nomer 3', 'pasar'], ['pilih 3', 'pasar'], ['yg 2', 'keliling'], ['yang ke 4', '-'], ['4 kak', 'warung'],
    ['#3', 'pasar'], ['１', 'pkl'], ['1️⃣', 'pkl'], ['dua', 'keliling'], ['yang kedua', 'keliling'], ['pertama', 'pkl'],
    ['5', '-'], ['0', '-'], ['99', '-'], ['1 2', '-'],
  ])('%j → %s', (text, value) => {
    expect(pick(matchChoice(text, WORKPLACE))).toBe(value);
  });

  it('reads a number as the option shown with it, and only a number no option has as a label', () => {
    expect(pick(matchChoice('3', PERIODS))).toBe('6'); // "3. 6 bulan" is what the vendor sees
    expect(pick(matchChoice('1', PERIODS))).toBe('1'); // both readings agree
    expect(pick(matchChoice('12', PERIODS))).toBe('12'); // no twelfth item
    expect(pick(matchChoice('3 bulan', PERIODS))).toBe('3');
    expect(pick(matchChoice('12 bln', PERIODS))).toBe('12');
  });

  it('never reads another number as a typo: a period that is not offered is not chosen', () => {
    for (const text of ['5 bulan', '2 bulan', '4 bln', '10 bulan', '24 bulan']) expect(pick(matchChoice(text, PERIODS))).toBe('-');
  });
});

describe('matchChoice by words', () => {
  it.each([
    ['Pedagang kaki lima', 'pkl'], ['pedagang kaki lima kak', 'pkl'], ['kaki lima', 'pkl'], ['kaki 5', '-'],
    ['keliling', 'keliling'], ['pedagang keliling', 'keliling'], ['pedagan keliling', 'keliling'], ['pasar', 'pasar'],
    ['los pasar', 'pasar'], ['kios', 'pasar'], ['warteg', 'warung'], ['angkringan', 'warung'], ['warung', 'warung'],
    ['saya pedagang kaki lima', 'pkl'], ['saya jualan di pasar', '-'], ['pedagang', '?pkl|keliling|pasar'],
    ['kaki lma', 'pkl'], ['keliing', 'keliling'], ['PEDAGANG PASAR!!', 'pasar'], ['ped kel', 'keliling'],
    ['xyz', '-'], ['', '-'], ['🙏', '-'],
  ])('%j → %s', (text, value) => {
    expect(pick(matchChoice(text, WORKPLACE))).toBe(value);
  });

  it('returns the option itself with the match', () => {
    expect(matchChoice('warteg', WORKPLACE)).toEqual({ kind: 'match', value: 'warung', option: WORKPLACE[3] });
  });

  it('handles no options and very long input', () => {
    expect(matchChoice('1', [])).toEqual({ kind: 'none' });
    const start = performance.now();
    expect(matchChoice('pedagang '.repeat(1_200), WORKPLACE)).toEqual({ kind: 'none' });
    expect(matchChoice('a'.repeat(10_000), WORKPLACE)).toEqual({ kind: 'none' });
    // A guard against quadratic work on long input (seconds), not a speed target: loose on purpose.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
