import { isRealDate, splitIsoDate, toIsoDate } from './calendar.ts';
import { MONTH_NAMES_ID, monthNumber } from './month-names.ts';
import { normalizeText, wordsOf } from './normalize-text.ts';
import { fail, ok, type Parsed } from './parsed.ts';

/**
 * Reads a birth date: "17-08-1985", "17/8/85", "17.08.1985", "17 Agustus 1985", "tgl 17 agt 85",
 * "1985-08-17", "17081985". Day first, as Indonesians write it. A two-digit year is the most
 * recent one that puts the date on or before `today`, because a birth date is in the past.
 * Errors: date.invalid (cannot read it), date.not_real (31-02-1990), date.future.
 */
export function parseDate(text: string, today: string): Parsed<string> {
  const cleaned = normalizeText(text);
  if (cleaned.length === 0 || cleaned.length > MAX_INPUT) return fail('date.invalid');
  const parts = dateParts(cleaned);
  if (parts === null) return fail('date.invalid');
  const year = parts.year.length === 2 ? pastYear(parts, today) : Number(parts.year);
  if (!isRealDate(year, parts.month, parts.day)) return fail('date.not_real');
  const iso = toIsoDate(year, parts.month, parts.day);
  return iso > today ? fail('date.future') : ok(iso);
}

/** Today's calendar date where the vendor is: UTC+7 (WIB), +8 (WITA) or +9 (WIT). */
export function isoToday(instant: Date, utcOffsetHours: number): string {
  return new Date(instant.getTime() + utcOffsetHours * 3_600_000).toISOString().slice(0, 10);
}

/** "17 Agustus 1985" ('long') or "17-08-1985" ('short'). */
export function formatDateId(iso: string, style: 'long' | 'short'): string {
  const { year, month, day } = splitIsoDate(iso);
  if (style === 'short') return `${pad2(day)}-${pad2(month)}-${year}`;
  return `${day} ${MONTH_NAMES_ID[month - 1]} ${year}`;
}

interface DateParts {
  readonly day: number;
  readonly month: number;
  /** As written: two or four digits. */
  readonly year: string;
}

const MAX_INPUT = 100;
const FILLER = new Set(['tgl', 'tanggal', 'tangal', 'lahir', 'tahun', 'thn', 'th', 'bulan', 'bln', 'bl', 'lhr']);

function dateParts(text: string): DateParts | null {
  const words = wordsOf(text).filter((w) => !FILLER.has(w)).flatMap(splitDigitsFromLetters);
  if (words.length === 1) return compactDigits(words[0] ?? '');
  if (words.length !== 3) return null;
  const [a = '', b = '', c = ''] = words;
  if (/^\d{4}$/u.test(a)) return partsOf(c, b, a); // 1985-08-17
  if (/^\d{1,2}$/u.test(a)) return partsOf(a, b, c); // 17 8 1985, 17 agustus 1985
  if (/^\d{1,2}$/u.test(b)) return partsOf(b, a, c); // August 17 1985
  return null;
}

function partsOf(day: string, month: string, year: string): DateParts | null {
  if (!/^\d{1,2}$/u.test(day) || !/^(?:\d{2}|\d{4})$/u.test(year)) return null;
  const m = /^\d{1,2}$/u.test(month) ? Number(month) : monthNumber(month);
  if (m === null) return null;
  return { day: Number(day), month: m, year };
}

// "17081985" (DDMMYYYY), "19850817" (YYYYMMDD) or "170885" (DDMMYY).
function compactDigits(word: string): DateParts | null {
  if (/^\d{6}$/u.test(word)) return partsOf(word.slice(0, 2), word.slice(2, 4), word.slice(4));
  if (!/^\d{8}$/u.test(word)) return null;
  const dayFirst = partsOf(word.slice(0, 2), word.slice(2, 4), word.slice(4));
  if (dayFirst && isRealDate(Number(dayFirst.year), dayFirst.month, dayFirst.day)) return dayFirst;
  const yearFirst = partsOf(word.slice(6), word.slice(4, 6), word.slice(0, 4));
  if (yearFirst && isRealDate(Number(yearFirst.year), yearFirst.month, yearFirst.day)) return yearFirst;
  return dayFirst;
}

// "17agustus1985" → "17", "agustus", "1985".
function splitDigitsFromLetters(word: string): string[] {
  return word.match(/\d+|\p{L}+/gu) ?? [];
}

function pastYear(parts: DateParts, today: string): number {
  const { year: thisYear } = splitIsoDate(today);
  const candidate = Math.floor(thisYear / 100) * 100 + Number(parts.year);
  const iso = toIsoDate(candidate, parts.month, parts.day);
  return iso > today ? candidate - 100 : candidate;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
