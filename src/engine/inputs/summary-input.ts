import { normalizeText } from '../../domain/normalize-text.ts';
import { parseYesNo } from '../../domain/yes-no.ts';
import { t } from '../../i18n/translate.ts';
import type { FlowContext } from '../flow-context.ts';
import { invalid, type InputArgs, type InputType } from './input-type.ts';

/**
 * The summary question: "ya" confirms; a number ("3", "ubah 3", "no 3") corrects that field
 * and comes back here afterwards.
 */
export const summaryInput: InputType = {
  name: 'summary',
  errors: ['ringkasan.invalid', 'ringkasan.nomor'],
  parse(args) {
    const text = normalizeText(args.text);
    const fields = answeredFields(args.context, args.labelledStates);
    const number = /^(?:ubah|ganti|koreksi|no|nomor|nmr)?\s*\.?\s*(\d{1,2})\.?$/.exec(text);
    if (number) {
      const chosen = fields[Number(number[1]) - 1];
      return chosen ? { kind: 'edit', state: chosen.state } : invalid('ringkasan.nomor', { max: fields.length });
    }
    const confirmLabel = normalizeText(t(args.env.catalogs, [args.context.lang, 'id'], 'sistem.pilihan.benar'));
    if (text === confirmLabel) return { kind: 'answer', value: true, display: '' };
    const yesNo = parseYesNo(text);
    if (yesNo.ok && yesNo.value) return { kind: 'answer', value: true, display: '' };
    return invalid('ringkasan.invalid', { max: fields.length });
  },
  choices: () => [
    { value: true, labelKey: 'sistem.pilihan.benar' },
    { value: false, labelKey: 'sistem.pilihan.ubah' },
  ],
};

/** The labelled questions answered so far, in flow order: the summary numbers them this way. */
export function answeredFields(context: FlowContext, labelled: InputArgs['labelledStates']) {
  return labelled.filter((s) => s.field in context.answers);
}
