import { splitIsoDate } from './calendar.ts';
import { fail, ok, type Parsed } from './parsed.ts';

/**
 * Age in whole years on `today` (both 'YYYY-MM-DD'). Someone born on 29 February turns a year
 * older on 1 March in a year without one: on 28 February their birthday has not yet come.
 */
export function ageOn(birthDate: string, today: string): number {
  const birth = splitIsoDate(birthDate);
  const now = splitIsoDate(today);
  const hadBirthday = now.month > birth.month || (now.month === birth.month && now.day >= birth.day);
  return now.year - birth.year - (hadBirthday ? 0 : 1);
}

/** Age limits; `max` is exclusive: BPU enrolment is for those who have not reached 65. */
export interface AgeLimits {
  readonly min: number;
  readonly max: number;
}

/** The age on `today` when within limits, else age.too_young / age.too_old (params min, max, age). */
export function checkAge(birthDate: string, today: string, limits: AgeLimits): Parsed<number> {
  const age = ageOn(birthDate, today);
  const params = { min: limits.min, max: limits.max, age };
  if (age < limits.min) return fail('age.too_young', params);
  if (age >= limits.max) return fail('age.too_old', params);
  return ok(age);
}
