import { formatRupiah } from '../../i18n/rupiah.ts';
import type { Validator } from './validator.ts';

/**
 * `{ penghasilan: { min: 100000 } }`: a monthly income below this is almost always a typo
 * ("1500" for 1,5 juta), so it is asked again rather than silently put in the lowest tier.
 */
export const incomeValidator: Validator = {
  name: 'penghasilan',
  errors: ['penghasilan.kecil'],
  check(value, params) {
    const min = Number(params['min'] ?? 100_000);
    if (typeof value === 'number' && value < min) return { error: 'penghasilan.kecil', params: { min: formatRupiah(min) } };
    return null;
  },
};
