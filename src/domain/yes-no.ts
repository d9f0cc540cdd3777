import { normalizeText, wordsOf } from './normalize-text.ts';
import { fail, ok, type Parsed } from './parsed.ts';

/**
 * Reads a yes/no answer as vendors type it: "iya kak", "y", "ok 👍", "gak", "tidak setuju",
 * "ga mau". Anything else, including a mix like "iya tidak", is `yes_no.invalid`.
 */
export function parseYesNo(text: string): Parsed<boolean> {
  if (text.length > MAX_INPUT) return fail('yes_no.invalid');
  const all = wordsOf(normalizeText(replaceThumbs(text))).map(canonicalWord);
  const words = all.filter((w) => !FILLERS.has(w));
  if (words.length === 0 || words.length > 4) return fail('yes_no.invalid');
  if (words.every((w) => YES.has(w))) return ok(true);
  if (words.every((w) => NO.has(w))) return ok(false);
  // "gak mau", "tidak setuju", "ga jadi": a negation followed by what it negates.
  const [first, ...rest] = words;
  if (first !== undefined && NO.has(first) && rest.every((w) => NEGATABLE.has(w) || NO.has(w))) {
    return ok(false);
  }
  return fail('yes_no.invalid');
}

/**
 * A yes/no question shows "1. Ya / 2. Tidak": the option's number is an answer too ("1",
 * "no 2", "pilih 1"), in that order everywhere the engine offers yes and no.
 */
export function parseYesNoOption(text: string): Parsed<boolean> {
  const said = parseYesNo(text);
  if (said.ok) return said;
  const number = OPTION_NUMBER.exec(normalizeText(text));
  if (number?.[1] === '1') return ok(true);
  if (number?.[1] === '2') return ok(false);
  return said;
}

const OPTION_NUMBER = /^(?:no|nomor|nomer|nmr|pilih|pilihan|angka|opsi)?\s*\.?\s*([12])\s*\.?$/u;

const MAX_INPUT = 200;

const YES: ReadonlySet<string> = new Set([
  'ya', 'iya', 'iyaa', 'yaa', 'y', 'yes', 'yup', 'ok', 'oke', 'okey', 'okay', 'okee', 'boleh',
  'setuju', 'betul', 'benar', 'bener', 'sip', 'siap', 'mau', 'lanjut', 'lanjutkan', 'yoi',
  // "Sudah benar?" is answered "sudah", "udah bener", "ya sudah benar".
  'sudah', 'udah', 'sdh', 'dah', 'yaudah', 'yasudah',
]);

const NO: ReadonlySet<string> = new Set([
  'tidak', 'tdk', 'gak', 'ga', 'gk', 'nggak', 'ngga', 'enggak', 'engga', 'g', 'no', 'n', 'nope',
  'jangan', 'ndak', 'emoh', 'tak', 'nda',
]);

// Particles that soften an answer without changing it: "ok deh", "iya dong", "gak usah aja".
const FILLERS: ReadonlySet<string> = new Set(['deh', 'aja', 'saja', 'dong', 'sih', 'nih', 'lah', 'yah']);

// Words that a leading "tidak/gak" turns into a refusal. "jadi" only appears here: "gak jadi".
const NEGATABLE: ReadonlySet<string> = new Set([
  'mau', 'setuju', 'jadi', 'boleh', 'lanjut', 'usah', 'perlu', 'bisa', 'dulu',
]);

// "iyaaa", "okeee", "gakkk": collapse stretched letters when the word is not known as typed.
function canonicalWord(word: string): string {
  if (YES.has(word) || NO.has(word) || NEGATABLE.has(word)) return word;
  const collapsed = word.replace(/(\p{L})\1+/gu, '$1');
  if (YES.has(collapsed) || NO.has(collapsed) || NEGATABLE.has(collapsed)) return collapsed;
  const doubled = word.replace(/(\p{L})\1+/gu, '$1$1');
  return YES.has(doubled) || NO.has(doubled) ? doubled : word;
}

function replaceThumbs(text: string): string {
  return text.replace(/👍/gu, ' ok ').replace(/👎/gu, ' tidak ');
}
