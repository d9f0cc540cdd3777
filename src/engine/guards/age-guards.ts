import { ageOn } from '../../domain/age.ts';
import { vendorToday } from '../flow-env.ts';
import type { Guard } from './guard.ts';

/**
 * `{ under_age: { years: 18 } }`: the birth date answered (field `date`, default tanggal_lahir)
 * makes the vendor younger than `years` today, in their own time zone. Under UU PDP a child's
 * data is processed with a parent's or guardian's consent, so the flow asks for it.
 */
export const underAgeGuard: Guard = {
  name: 'under_age',
  params: ['years'],
  test: (c, p, env) => {
    const date = c.answers[String(p['date'] ?? 'tanggal_lahir')];
    if (typeof date !== 'string' || env.now === undefined) return false;
    return ageOn(date, vendorToday(c, { ...env, now: env.now })) < Number(p['years']);
  },
};
