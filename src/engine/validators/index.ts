import type { Validator } from './validator.ts';
import { ageValidator } from './age-validator.ts';
import { incomeValidator } from './income-validator.ts';

/** Every validator a flow script may name in `ask.validate`. */
export const validators: ReadonlyMap<string, Validator> = new Map([ageValidator, incomeValidator].map((v) => [v.name, v]));
