import { ageOn } from './age.ts';
import { isRealDate, toIsoDate } from './calendar.ts';
import { foldText } from './normalize-text.ts';
import { fail, ok, type Parsed } from './parsed.ts';

/** What a NIK (PP KK CC DDMMYY SSSS) says about its holder. The sex and date are hints only. */
export interface NikInfo {
  /** 16 digits. */
  readonly nik: string;
  readonly provinceCode: string;
  /** "31.74" */
  readonly regencyCode: string;
  /** "31.74.01" */
  readonly districtCode: string;
  readonly birthDate: string;
  readonly sex: 'L' | 'P';
  /** False when the regency code is not in today's list: NIKs keep the codes of their issue. */
  readonly regencyKnown: boolean;
}

export interface KnownRegionCodes {
  readonly provinceCodes: ReadonlySet<string>;
  readonly regencyCodes: ReadonlySet<string>;
}

/**
 * Checks the format of a NIK; only Dukcapil can say it exists. Errors, in order: nik.empty,
 * nik.not_digits, nik.length (params.got), nik.province, nik.regency, nik.district, nik.birth_date,
 * nik.serial.
 * The century of the birth year is a guess: among 19YY and 20YY not after `today`, the more
 * recent one that makes the holder at least `adultAge` (default 15), else the more recent one.
 */
export function parseNik(
  text: string,
  today: string,
  known: KnownRegionCodes,
  options: { readonly adultAge?: number } = {},
): Parsed<NikInfo> {
  const nik = normalizeNik(text);
  if (nik.length === 0) return fail('nik.empty');
  if (!/^\d+$/u.test(nik)) return fail('nik.not_digits');
  if (nik.length !== 16) return fail('nik.length', { got: nik.length });
  const provinceCode = nik.slice(0, 2);
  if (!known.provinceCodes.has(provinceCode)) return fail('nik.province', { code: provinceCode });
  // Kemendagri numbers regencies and districts from 01: "00" is never issued, whatever the year.
  if (nik.slice(2, 4) === '00') return fail('nik.regency');
  if (nik.slice(4, 6) === '00') return fail('nik.district');
  const birth = birthOf(nik, today, options.adultAge ?? 15);
  if (birth === null) return fail('nik.birth_date');
  if (nik.slice(12) === '0000') return fail('nik.serial');
  const regencyCode = `${provinceCode}.${nik.slice(2, 4)}`;
  return ok({
    nik,
    provinceCode,
    regencyCode,
    districtCode: `${regencyCode}.${nik.slice(4, 6)}`,
    birthDate: birth.date,
    sex: birth.sex,
    regencyKnown: known.regencyCodes.has(regencyCode),
  });
}

/**
 * A NIK as typed, reduced to what should be its digits: full-width digits folded, invisible
 * characters dropped, and the separators people put between groups removed — spaces (any
 * number), dots, underscores, hyphens and dashes (‐ ‑ ‒ – — ―, −): "3174_0101—0101 0001".
 */
export function normalizeNik(text: string): string {
  return foldText(text).replace(/[\s.\-‐-―−_·•]/gu, '');
}

/**
 * "************0001": the last four digits, enough for a vendor or an agent to tell their own
 * NIK from another, too few to reuse. The first four would add the region, which with a name
 * narrows a person down further than needed.
 */
export function maskNik(nik: string): string {
  if (nik.length < 9) return '*'.repeat(nik.length);
  return '*'.repeat(nik.length - 4) + nik.slice(-4);
}

/**
 * Whether the stated birth date agrees with the NIK's DDMMYY. The NIK holds only two year
 * digits, so the century it was given is a guess and is not compared.
 */
export function nikBirthDateMatches(info: NikInfo, birthDate: string): boolean {
  return info.birthDate.slice(2) === birthDate.slice(2);
}

function birthOf(nik: string, today: string, adultAge: number): { date: string; sex: 'L' | 'P' } | null {
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  // Women's NIKs add 40 to the day of birth.
  const sex = rawDay > 40 ? 'P' : 'L';
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  if (rawDay > 71 || (rawDay > 31 && rawDay < 41)) return null;
  const candidates = [2000 + yy, 1900 + yy]
    .filter((year) => isRealDate(year, month, day))
    .map((year) => toIsoDate(year, month, day))
    .filter((iso) => iso <= today);
  const date = candidates.find((iso) => ageOn(iso, today) >= adultAge) ?? candidates[0];
  return date === undefined ? null : { date, sex };
}
