import { normalizePhone } from '../../domain/phone.ts';
import { invalid, type InputType } from './input-type.ts';

export const phoneInput: InputType = {
  name: 'phone',
  errors: ['phone.invalid', 'phone.not_mobile'],
  parse({ text }) {
    const parsed = normalizePhone(text);
    if (!parsed.ok) return invalid(parsed.error, parsed.params);
    return { kind: 'answer', value: parsed.value, display: parsed.value };
  },
};
