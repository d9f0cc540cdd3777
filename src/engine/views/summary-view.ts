import { t } from '../../i18n/translate.ts';
import { answeredFields } from '../inputs/summary-input.ts';
import type { View } from './view.ts';

/**
 * `{ringkasan}`: the answers so far, one per line. Not numbered: under the summary the numbers
 * are its options (1 = sudah benar, 2 = ubah), and the `ubah` menu numbers the answers itself.
 */
export const summaryView: View = {
  prefix: 'ringkasan',
  fills: ['ringkasan'],
  render({ context, env, languages, labelledStates }) {
    const lines = answeredFields(context, labelledStates).map((s) => {
      const shown = context.shown[s.field] || t(env.catalogs, languages, 'sistem.dilewati');
      return `• ${t(env.catalogs, languages, s.label)}: ${shown}`;
    });
    return { ringkasan: lines.join('\n') };
  },
};
