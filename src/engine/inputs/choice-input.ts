import { matchChoice } from '../../domain/choice.ts';
import { normalizeText } from '../../domain/normalize-text.ts';
import { renderText } from '../render-text.ts';
import type { FlowContext } from '../flow-context.ts';
import type { FlowEnv } from '../flow-env.ts';
import type { AskSpec } from '../flow-script.ts';
import { invalid, type InputArgs, type InputType } from './input-type.ts';

/** One of the options the script lists, by number, by words of its label, or by an alias. */
export const choiceInput: InputType = {
  name: 'choice',
  errors: ['pilihan.invalid'],
  needsOptions: true,
  parse({ text, ask, context, env, labelledStates }) {
    const options = labelled(ask, context, env, labelledStates);
    // A tapped button sends its whole label, amounts included: that is an exact answer.
    const tapped = options.find((o) => normalizeText(o.full) === normalizeText(text));
    if (tapped) return { kind: 'answer', value: tapped.value, display: tapped.label };
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

function labelled(ask: AskSpec, context: FlowContext, env: FlowEnv, labelledStates: InputArgs['labelledStates']) {
  return (ask.options ?? []).map((o) => {
    const full = renderText(o.label, { context, env, languages: [context.lang, 'id'], labelledStates });
    // Labels may carry amounts ("Rp8.400/bulan"); matching words uses only the part before them.
    return { value: o.value, full, label: full.split(/[:(—-]/)[0]?.trim() ?? o.value, aliases: o.aliases ?? [] };
  });
}
