import { t } from '../../i18n/translate.ts';
import { answeredFields } from '../inputs/summary-input.ts';
import type { View } from './view.ts';

/** `{ringkasan}`: the answers so far, numbered as the summary question reads them. */
export const summaryView: View = {
  prefix: 'ringkasan',
  fills: ['ringkasan'],
  render({ context, env, languages, labelledStates }) {
    const lines = answeredFields(context, labelledStates).map((s, i) => {
      const shown = context.shown[s.field] || t(env.catalogs, languages, 'sistem.dilewati');
      return `${i + 1}. ${t(env.catalogs, languages, s.label)}: ${shown}`;
    });
    return { ringkasan: lines.join('\n') };
  },
};
