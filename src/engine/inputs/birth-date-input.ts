import { parseDate } from '../../domain/dates.ts';
import { longDate } from '../views/month-name.ts';
import { vendorToday } from '../flow-env.ts';
import { invalid, type InputType } from './input-type.ts';

export const birthDateInput: InputType = {
  name: 'birth_date',
  errors: ['date.invalid', 'date.not_real', 'date.future'],
  parse({ text, context, env }) {
    const parsed = parseDate(text, vendorToday(context, env));
    if (!parsed.ok) return invalid(parsed.error, parsed.params);
    return { kind: 'answer', value: parsed.value, display: longDate(env.catalogs, [context.lang, 'id'], parsed.value) };
  },
};
