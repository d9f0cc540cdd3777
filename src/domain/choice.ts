import { editDistance, typoBudget } from './fuzzy.ts';
import { normalizeText, wordsOf } from './normalize-text.ts';

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  readonly aliases?: readonly string[];
}

export type ChoiceMatch<O extends ChoiceOption = ChoiceOption> =
  | { readonly kind: 'match'; readonly value: string; readonly option: O }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly O[] }
  | { readonly kind: 'none' };

/**
 * Finds the option a vendor means: by its number ("2", "2.", "no 2", "nomor 2", "pilih 3",
 * "yg 2", "dua"), or by words of its label or aliases, loosely ("kaki lima" → "Pedagang kaki
 * lima", "ojol", "pedagan pasar"). Several equally good options are `ambiguous`.
 */
export function matchChoice<O extends ChoiceOption>(text: string, options: readonly O[]): ChoiceMatch<O> {
  if (text.length > MAX_INPUT) return NONE;
  const words = wordsOf(normalizeText(text));
  if (words.length === 0 || words.length > MAX_WORDS) return NONE;
  const byNumber = numberOf(words);
  if (byNumber !== null) return chooseByNumber(byNumber, options);
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return byWords(content.length > 0 ? content : words, options);
}

const MAX_INPUT = 300;
const MAX_WORDS = 12;
const NONE = { kind: 'none' } as const;

const NUMBER_PREFIX = new Set(['no', 'nomor', 'nomer', 'nmr', 'nmor', 'pilih', 'pilihan', 'yg', 'yang', 'angka', 'opsi', 'saya', 'aku', 'sy']);
const NUMBER_WORDS = new Map([
  ['satu', 1], ['dua', 2], ['tiga', 3], ['empat', 4], ['lima', 5], ['enam', 6], ['tujuh', 7],
  ['delapan', 8], ['sembilan', 9], ['sepuluh', 10],
  ['pertama', 1], ['kedua', 2], ['ketiga', 3], ['keempat', 4], ['kelima', 5], ['keenam', 6],
]);
const STOP_WORDS = new Set(['saya', 'aku', 'sy', 'gue', 'gw', 'jadi', 'sebagai', 'adalah', 'yg', 'yang', 'itu', 'ini', 'pilih', 'dong', 'deh', 'aja', 'saja']);

// "no 2", "pilih 3", "yg kedua" → 2, 3, 2; anything with other words is not a number answer.
function numberOf(words: readonly string[]): { n: number; digits: string | null } | null {
  const rest = words.filter((w, i) => !(i < words.length - 1 && NUMBER_PREFIX.has(w)));
  if (rest.length !== 1) return null;
  const word = rest[0] ?? '';
  if (/^\d{1,3}$/u.test(word)) return { n: Number(word), digits: String(Number(word)) };
  const named = NUMBER_WORDS.get(word);
  return named === undefined ? null : { n: named, digits: null };
}

// A number means the option shown with that number: "3" in "1 bulan / 3 bulan / 6 bulan /
// 12 bulan" is the third, "6 bulan" (one meaning per number on screen; "3 bulan" in words is
// the label). Only a number no option is shown with may name a label: "12" → "12 bulan".
function chooseByNumber<O extends ChoiceOption>(number: { n: number; digits: string | null }, options: readonly O[]): ChoiceMatch<O> {
  const byIndex = options[number.n - 1];
  if (byIndex) return toMatch([byIndex]);
  const byLabel = number.digits === null ? [] : options.filter((o) => wordsOf(normalizeText(o.label)).includes(number.digits ?? ''));
  return toMatch(byLabel);
}

type Tier = (typed: readonly string[], name: readonly string[]) => boolean;

const TIERS: readonly Tier[] = [
  (typed, name) => typed.join('') === name.join(''),
  (typed, name) => typed.every((w) => name.some((n) => wordMatches(w, n))),
  (typed, name) => name.length > 0 && name.every((n) => typed.some((w) => wordMatches(w, n))),
  (typed, name) => {
    const budget = typoBudget(name.join('').length);
    return editDistance(typed.join(''), name.join(''), budget) <= budget;
  },
];

// The numbers in what was typed must be the numbers of the option ("5 bulan" names no option).
function sameNumbers(typed: readonly string[], name: readonly string[]): boolean {
  const numbers = (words: readonly string[]) => words.join(' ').match(/\d+/gu)?.join(' ') ?? '';
  return numbers(typed) === numbers(name);
}

function byWords<O extends ChoiceOption>(typed: readonly string[], options: readonly O[]): ChoiceMatch<O> {
  const names = options.map((option) => ({
    option,
    names: [option.label, ...(option.aliases ?? [])].map((n) => wordsOf(normalizeText(n, { keepPoliteWords: true }))),
  }));
  for (const tier of TIERS) {
    const hits = names.filter((o) => o.names.some((name) => sameNumbers(typed, name) && tier(typed, name))).map((o) => o.option);
    if (hits.length > 0) return toMatch(hits);
  }
  return NONE;
}

// A typed word names a label word when equal, when it begins it ("pedag"), or within a typo or two.
// Numbers never match loosely: "5 bulan" is not "1 bulan", and a wrong period costs money.
function wordMatches(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (/\d/u.test(typed) || /\d/u.test(word)) return false;
  if (typed.length >= 3 && word.startsWith(typed)) return true;
  const budget = typoBudget(word.length);
  return budget > 0 && editDistance(typed, word, budget) <= budget;
}

function toMatch<O extends ChoiceOption>(candidates: readonly O[]): ChoiceMatch<O> {
  const [only, ...rest] = candidates;
  if (only === undefined) return NONE;
  return rest.length === 0 ? { kind: 'match', value: only.value, option: only } : { kind: 'ambiguous', candidates };
}
