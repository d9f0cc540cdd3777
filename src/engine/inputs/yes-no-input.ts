import { parseYesNoOption } from '../../domain/yes-no.ts';
import { t } from '../../i18n/translate.ts';
import { invalid, type InputType } from './input-type.ts';

export const yesNoInput: InputType = {
  name: 'yes_no',
  errors: ['yes_no.invalid'],
  parse({ text, context, env }) {
    // "1" and "2" are the numbers of the options it shows, in this order.
    const parsed = parseYesNoOption(text);
    if (!parsed.ok) return invalid('yes_no.invalid');
    const key = parsed.value ? 'sistem.pilihan.ya' : 'sistem.pilihan.tidak';
    return { kind: 'answer', value: parsed.value, display: t(env.catalogs, [context.lang, 'id'], key) };
  },
  choices: () => [
    { value: true, labelKey: 'sistem.pilihan.ya' },
    { value: false, labelKey: 'sistem.pilihan.tidak' },
  ],
};
