import { matchChoice } from '../../domain/choice.ts';
import { invalid, type InputType } from './input-type.ts';

/** An occupation from the list kept as data (flows/data/pekerjaan.yaml), each with its sector. */
export const occupationInput: InputType = {
  name: 'occupation',
  errors: ['pekerjaan.invalid'],
  parse({ text, env }) {
    const options = env.data.occupations.map((o) => ({ value: o.code, label: o.label, aliases: o.aliases }));
    const match = matchChoice(text, options);
    if (match.kind === 'match') {
      const occupation = env.data.occupations.find((o) => o.code === match.value);
      return { kind: 'answer', value: match.value, display: occupation?.label ?? match.value };
    }
    if (match.kind === 'ambiguous') {
      return { kind: 'pick', options: match.candidates.map((c) => ({ value: c.value, display: c.label })) };
    }
    return invalid('pekerjaan.invalid');
  },
  choices: ({ env }) => env.data.occupations.map((o) => ({ value: o.code, text: o.label })),
};
