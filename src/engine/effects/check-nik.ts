import type { EffectBuilder } from './effect-builder.ts';

/**
 * Asks whether a NIK is already a member, early, so the vendor is not told at the very end.
 * Error `nik_taken`; the result never says whose it is.
 * Example: { type: 'checkNik', payload: { nik: '3174015708850001' } }
 */
export const checkNik: EffectBuilder = {
  name: 'checkNik',
  requires: ['nik'],
  errors: ['nik_taken'],
  build: (context) => ({ nik: nikOf(context.answers['nik']) }),
};

export function nikOf(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'nik' in value) return String((value as { nik: unknown }).nik);
  return '';
}
