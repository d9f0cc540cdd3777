import { matchChoice } from '../../domain/choice.ts';
import { t } from '../../i18n/translate.ts';
import type { FlowContext } from '../flow-context.ts';
import type { FlowEnv } from '../flow-env.ts';
import type { AskSpec } from '../flow-script.ts';
import { invalid, type InputType } from './input-type.ts';

/** One of the options the script lists, by number, by words of its label, or by an alias. */
export const choiceInput: InputType = {
  name: 'choice',
  errors: ['pilihan.invalid'],
  needsOptions: true,
  parse({ text, ask, context, env }) {
    const options = labelled(ask, context, env);
    const match = matchChoice(text, options);
    if (match.kind === 'match') {
      const chosen = options.find((o) => o.value === match.value);
      return { kind: 'answer', value: match.value, display: chosen?.label ?? match.value };
    }
    if (match.kind === 'ambiguous') {
      return { kind: 'pick', options: match.candidates.map((c) => ({ value: c.value, display: c.label })) };
    }
    return invalid('pilihan.invalid', { count: options.length });
  },
  choices: ({ ask }) => (ask.options ?? []).map((o) => ({ value: o.value, labelKey: o.label })),
};

function labelled(ask: AskSpec, context: FlowContext, env: FlowEnv) {
  return (ask.options ?? []).map((o) => ({
    value: o.value,
    // Labels may carry amounts ("Rp8.400/bulan"); matching uses only the words before them.
    label: t(env.catalogs, [context.lang, 'id'], o.label).split(/[:(—-]/)[0]?.trim() ?? o.value,
    aliases: o.aliases ?? [],
  }));
}
