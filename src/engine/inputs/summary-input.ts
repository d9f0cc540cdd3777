import { matchChoice } from '../../domain/choice.ts';
import { normalizeText } from '../../domain/normalize-text.ts';
import { parseYesNo } from '../../domain/yes-no.ts';
import { t } from '../../i18n/translate.ts';
import { editRequestOf } from '../edit-request.ts';
import type { FlowContext } from '../flow-context.ts';
import { invalid, type InputArgs, type InputType } from './input-type.ts';

/**
 * The summary question. Its numbers are its two options: 1 (or "ya") confirms, 2 (or "ubah",
 * "tidak") opens the `ubah` menu, where the answers are numbered. "ubah nama", "nik salah"
 * correct that answer at once and come back here; "ganti alamat" opens the menu.
 */
export const summaryInput: InputType = {
  name: 'summary',
  errors: ['ringkasan.invalid'],
  parse(args) {
    const languages = [args.context.lang, 'id'];
    const label = (key: string) => t(args.env.catalogs, languages, key);
    const option = matchChoice(args.text, [
      { value: 'confirm', label: label('sistem.pilihan.benar') },
      { value: 'edit', label: label('sistem.pilihan.ubah') },
    ]);
    if (option.kind === 'match') return option.value === 'confirm' ? { kind: 'answer', value: true, display: '' } : { kind: 'edit_menu' };
    const fields = answeredFields(args.context, args.labelledStates).map((f) => ({ state: f.state, label: label(f.label) }));
    const edit = editRequestOf(args.text, fields);
    if (edit === 'menu') return { kind: 'edit_menu' };
    if (edit !== null) return { kind: 'edit', state: edit.state };
    const yesNo = parseYesNo(normalizeText(args.text));
    if (yesNo.ok) return yesNo.value ? { kind: 'answer', value: true, display: '' } : { kind: 'edit_menu' };
    return invalid('ringkasan.invalid');
  },
  choices: () => [
    { value: true, labelKey: 'sistem.pilihan.benar' },
    { value: false, labelKey: 'sistem.pilihan.ubah' },
  ],
};

/** The labelled questions answered so far, in flow order: the `ubah` menu numbers them this way. */
export function answeredFields(context: FlowContext, labelled: InputArgs['labelledStates']) {
  return labelled.filter((s) => s.field in context.answers);
}
