import { editDistance } from './fuzzy.ts';

/**
 * Month number (1–12) of an Indonesian or English month name or abbreviation: "agustus",
 * "agt", "ags", "aug", "peb", "nop", "sept". Long names tolerate a typo ("febuari",
 * "agustud"); null when the word is not a month.
 */
export function monthNumber(word: string): number | null {
  const exact = MONTHS.get(word);
  if (exact !== undefined) return exact;
  if (word.length < 5) return null;
  let best: number | null = null;
  let bestDistance = 2;
  for (const [name, month] of LONG_NAMES) {
    const d = editDistance(word, name, 1);
    if (d < bestDistance) {
      best = month;
      bestDistance = d;
    }
  }
  return best;
}

/** Indonesian month names for display, January first. */
export const MONTH_NAMES_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

const NAMES: readonly (readonly string[])[] = [
  ['januari', 'jan', 'january', 'janu'],
  ['februari', 'feb', 'peb', 'pebruari', 'february', 'febr', 'pebr'],
  ['maret', 'mar', 'march', 'mrt'],
  ['april', 'apr', 'aprl'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agu', 'agt', 'ags', 'agus', 'agst', 'aug', 'august', 'agustu'],
  ['september', 'sep', 'sept', 'spt'],
  ['oktober', 'okt', 'oct', 'october', 'oktbr'],
  ['november', 'nov', 'nop', 'nopember', 'nov'],
  ['desember', 'des', 'dec', 'december', 'dsember'],
];

const MONTHS: ReadonlyMap<string, number> = new Map(
  NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);

// Only names of five letters or more are fuzzy-matched: "juni" and "juli" are one edit apart.
const LONG_NAMES = [...MONTHS].filter(([name]) => name.length >= 5);
