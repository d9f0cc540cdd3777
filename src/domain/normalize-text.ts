/**
 * Puts a vendor's free text into one comparable shape: "  IYA Kak!! 👍 " → "iya".
 * Every parser starts here, so odd Unicode (full-width digits, accents, zero-width joiners)
 * and chat habits (trailing "kak", emoji, "!!!") never reach the grammar.
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const folded = foldText(text);
  const trimmed = trimEdges(folded);
  return options.keepPoliteWords ? trimmed : dropPoliteWords(trimmed);
}

export interface NormalizeOptions {
  /** Keep trailing "kak", "mas" …: a place name like "Gunung Mas" ends in one. */
  readonly keepPoliteWords?: boolean;
}

/** Forms of address vendors append to any answer ("iya kak", "gak bang"). */
export const POLITE_WORDS: ReadonlySet<string> = new Set([
  'kak', 'ka', 'kakak', 'bang', 'pak', 'bu', 'mas', 'mbak', 'mba', 'min', 'gan', 'sis', 'om',
]);

/** NFKC, lower case, accents and invisible characters removed, whitespace collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{Cf}\p{Cc}]/gu, (ch) => (/\s/.test(ch) ? ' ' : ''))
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Splits folded text into words, treating punctuation inside it as a space. */
export function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

// Punctuation and symbols at either end; emoji and skin tones are symbols, and foldText has
// already removed variation selectors and joiners. Scanned by hand: a `[…]+$` regex is
// quadratic on "a!!!…!a".
const EDGE_CHAR = /^[\p{P}\p{S}\p{Z}\p{Extended_Pictographic}\s]$/u;

function trimEdges(text: string): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && EDGE_CHAR.test(chars[start] ?? '')) start++;
  while (end > start && EDGE_CHAR.test(chars[end - 1] ?? '')) end--;
  return start === 0 && end === chars.length ? text : chars.slice(start, end).join('');
}

function dropPoliteWords(text: string): string {
  const words = text.split(' ');
  // Keep at least one word: "mas" alone is an answer, not a courtesy.
  while (words.length > 1 && POLITE_WORDS.has(trimEdges(words[words.length - 1] ?? ''))) {
    words.pop();
  }
  return trimEdges(words.join(' '));
}
