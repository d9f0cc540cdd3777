import { readAmounts } from './money-reader.ts';
import { lookupMoneyWord, type MoneyWord } from './money-words.ts';
import { foldText } from './normalize-text.ts';
import { fail, ok, type Parsed } from './parsed.ts';

/**
 * Reads a monthly amount as vendors write it: "1,5 jt", "Rp2.000.000,-", "500rb", "dua juta
 * setengah", "sekitar 3jt per bulan", "± 2jt" → integer Rupiah. Indonesian writes thousands
 * with "." and decimals with ","; "1.5jt" (a decimal before a unit) is read as 1,5 juta.
 * Errors: money.empty, money.invalid, money.negative ("-2jt", "Rp -5 jt"), money.zero,
 * money.ambiguous ("2 atau 3 juta"), money.too_large (above Rp10 miliar), money.not_monthly
 * ("100rb sehari"; params.period).
 */
export function parseMoney(text: string): Parsed<number> {
  const folded = foldText(text);
  if (!/[\p{L}\p{N}]/u.test(folded)) return fail('money.empty');
  if (folded.length > MAX_INPUT) return fail('money.invalid');
  const tidied = tidy(folded);
  if (isNegative(tidied)) return fail('money.negative');

  const items = toItems(tidied);
  if (items === 'ambiguous') return fail('money.ambiguous');
  if (items === null) return fail('money.invalid');
  const period = items.find((i) => i.kind === 'period');
  const { amounts, unclear } = readAmounts(items);
  if (amounts.length === 0) return fail('money.invalid');
  if (unclear || new Set(amounts).size > 1) return fail('money.ambiguous');
  const amount = amounts[0] ?? 0;
  // "0" or "nol" is no income to put in a tier: the vendor is asked for a real amount.
  if (amount === 0) return fail('money.zero');
  if (amount > MAX_AMOUNT) return fail('money.too_large', { max: MAX_AMOUNT });
  if (Math.abs(amount - Math.round(amount)) > 1e-6) return fail('money.invalid');
  if (period?.kind === 'period') return fail('money.not_monthly', { period: period.period });
  return ok(Math.round(amount));
}

/** Above this a declared monthly amount is a typo, not an income. */
export const MAX_AMOUNT = 10_000_000_000;

const MAX_INPUT = 300;
const MINUS_BEFORE_NUMBER = /[-−–—]\s*(?:rp\.?\s*)?$/u;

// A minus sign before the first number is a sign wherever the currency sits: "-2jt", "Rp -5 jt",
// "rp-5.000.000", "kira-kira -2 juta". After a number it is a range ("2-3 juta"), read elsewhere.
function isNegative(text: string): boolean {
  if (/\bminus\b/u.test(text)) return true;
  const firstDigit = text.search(/\d/u);
  return firstDigit > 0 && MINUS_BEFORE_NUMBER.test(text.slice(0, firstDigit));
}

// Strips the Rupiah trimmings that carry no number: "rp 2.000.000,-", "3 juta/bln", "±".
function tidy(text: string): string {
  return text
    .replace(/(\d)[.,]-+/gu, '$1 ')
    .replace(/\+\s*\/?\s*-|±/gu, ' ')
    .replace(/\bs\s*\/\s*d\b/gu, ' sampai ')
    .replace(/\/\s*(?:bln|bulan|bl|bulanan)\b/gu, ' ')
    .replace(/\/\s*(hari|hr|minggu|mgg|tahun|thn|th)\b/gu, ' per $1 ')
    // "1 500 000": spaces as thousands separators, only with at least two full groups.
    .replace(/\b\d{1,3}(?: \d{3}){2,}\b/gu, (m) => m.replace(/ /gu, ''));
}

const TOKEN = /\d+(?:[.,]\d+)*|\p{L}+|[-–—~/,]/gu;

function toItems(text: string): MoneyWord[] | 'ambiguous' | null {
  const tokens = text.match(TOKEN) ?? [];
  const items: MoneyWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (/^\d/u.test(token)) {
      const value = readDigits(token, nextUnit(tokens[i + 1]));
      if (value === null || value === 'ambiguous') return value;
      items.push({ kind: 'number', value });
    } else if (/^[-–—~/,]$/u.test(token)) {
      items.push({ kind: 'separator' });
    } else {
      items.push(...(lookupMoneyWord(token) ?? []));
    }
  }
  return items;
}

function nextUnit(token: string | undefined): number | null {
  const word = token === undefined ? undefined : lookupMoneyWord(token)?.[0];
  return word?.kind === 'big' ? word.value : null;
}

/**
 * "2.000.000" and "1,500,000" are grouped thousands; "2.000.000,50" has decimals; "1,5" and
 * "1.5" are decimals. A single three-digit group before juta ("1.500 jt") could be either.
 */
function readDigits(token: string, unit: number | null): number | 'ambiguous' | null {
  if (/^\d+$/u.test(token)) return Number(token);
  if (/^\d{1,3}[.,]\d{3}$/u.test(token)) {
    if (unit !== null && (unit >= 1_000_000 || token.includes(','))) return 'ambiguous';
    return Number(token.replace(/[.,]/gu, ''));
  }
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u.test(token)) {
    return Number(token.replace(/\./gu, '').replace(',', '.'));
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u.test(token)) return Number(token.replace(/,/gu, ''));
  if (/^\d+[.,]\d+$/u.test(token)) return Number(token.replace(',', '.'));
  return null;
}
