import { checkAge } from '../../domain/age.ts';
import { vendorToday } from '../flow-env.ts';
import type { Validator } from './validator.ts';

/** `{ usia: { min: 15, max: 65 } }`: BPU members are under 65 at registration (max is exclusive). */
export const ageValidator: Validator = {
  name: 'usia',
  errors: ['age.too_young', 'age.too_old'],
  check(value, params, context, env) {
    if (typeof value !== 'string') return null;
    const min = Number(params['min'] ?? 15);
    const max = Number(params['max'] ?? 65);
    const result = checkAge(value, vendorToday(context, env), { min, max });
    return result.ok ? null : { error: result.error, params: { min, max } };
  },
};
