import { currentAnswer, type Guard } from './guard.ts';

export const yesGuard: Guard = { name: 'yes', test: (c, p) => currentAnswer(c, p) === true };
export const noGuard: Guard = { name: 'no', test: (c, p) => currentAnswer(c, p) === false };

/** `{ equals: { field: pendanaan, value: mandiri } }`; without `field`, the answer just given. */
export const equalsGuard: Guard = {
  name: 'equals',
  params: ['value'],
  test: (c, p) => {
    const field = p['field'];
    const actual = typeof field === 'string' ? c.answers[field] : currentAnswer(c, p);
    return actual === p['value'];
  },
};

export const hasReferralGuard: Guard = { name: 'has_referral', test: (c) => c.referral !== null };

/** The region code in the NIK is in today's list (a missing one is valid but asked about). */
export const nikRegionKnownGuard: Guard = {
  name: 'nik_region_known',
  test: (c, p) => nikInfo(c.answers[String(p['nik'] ?? 'nik')])?.regencyKnown === true,
};

/** The birth date typed matches the one in the NIK (a mismatch is a soft warning, never a refusal). */
export const birthDateMatchesNikGuard: Guard = {
  name: 'birth_date_matches_nik',
  test: (c, p) => {
    const info = nikInfo(c.answers[String(p['nik'] ?? 'nik')]);
    const date = c.answers[String(p['date'] ?? 'tanggal_lahir')];
    return info !== null && info.birthDate === date;
  },
};

function nikInfo(value: unknown): { birthDate: string; regencyKnown: boolean } | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  return typeof v['birthDate'] === 'string' ? { birthDate: v['birthDate'], regencyKnown: v['regencyKnown'] === true } : null;
}
