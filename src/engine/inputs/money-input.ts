import { parseMoney } from '../../domain/money.ts';
import { formatRupiah } from '../../i18n/rupiah.ts';
import { invalid, type InputType } from './input-type.ts';

export const moneyInput: InputType = {
  name: 'money',
  errors: ['money.empty', 'money.invalid', 'money.negative', 'money.zero', 'money.ambiguous', 'money.too_large', 'money.not_monthly'],
  parse({ text }) {
    const parsed = parseMoney(text);
    if (!parsed.ok) return invalid(parsed.error, parsed.params);
    return { kind: 'answer', value: parsed.value, display: formatRupiah(parsed.value) };
  },
};
