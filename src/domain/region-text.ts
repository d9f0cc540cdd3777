import { normalizeText, wordsOf } from './normalize-text.ts';

/** A place name reduced for comparison: "Kab. Bogor" → kind 'kabupaten', words ['bogor']. */
export interface RegionKey {
  readonly kind: 'kota' | 'kabupaten' | null;
  readonly words: readonly string[];
  /** The words run together, so "Gunung Kidul" meets "Gunungkidul" and "Toli-Toli" "tolitoli". */
  readonly compact: string;
}

export interface RegionKeyOptions {
  readonly keepPoliteWords?: boolean;
  /** Keep a leading "kota" as a word: "kota baru" is also Kotabaru, "kota mobagu" Kotamobagu. */
  readonly keepKind?: boolean;
}

/**
 * Reduces a typed answer or a data name to a RegionKey. Words that only say what kind of
 * region it is ("kab.", "kotamadya", "administrasi", "provinsi") are taken off the front, and
 * the abbreviation "kep." is read as "kepulauan" ("kep. riau" is Kepulauan Riau, not Riau).
 */
export function regionKey(text: string, options: RegionKeyOptions = {}): RegionKey {
  const words = wordsOf(normalizeText(text, options)).map((w) => ABBREVIATIONS.get(w) ?? w);
  let kind: RegionKey['kind'] = null;
  while (words.length > 1 && !options.keepKind) {
    const first = words[0] ?? '';
    if (KABUPATEN.has(first)) kind = 'kabupaten';
    else if (KOTA.has(first)) kind = 'kota';
    else if (!NOISE.has(first)) break;
    words.shift();
  }
  return { kind, words, compact: words.join('') };
}

const KABUPATEN = new Set(['kabupaten', 'kab', 'kb', 'kabu', 'kabupatan', 'kbptn', 'kabupten']);
const KOTA = new Set(['kota', 'kot', 'kodya', 'kotamadya', 'kotma', 'kt']);
const NOISE = new Set(['administrasi', 'adm', 'admin', 'provinsi', 'prov', 'propinsi', 'prop', 'di', 'daerah']);
// Only "kepulauan" is shortened inside official names (Kep. Seribu, Kep. Riau, Kep. Meranti …).
const ABBREVIATIONS = new Map([['kep', 'kepulauan'], ['kepl', 'kepulauan']]);
