import { matchOccupation, occupationsByScreenOrder, shownOccupations, type Occupation } from '../../domain/occupations.ts';
import { invalid, type InputResult, type InputType } from './input-type.ts';

/**
 * An occupation from the list kept as data (flows/data/pekerjaan.yaml), each with its sector.
 * The question shows the short list (`shown: true`); a number picks from it, words are matched
 * against the whole list, aliases and typos included ("jukir", "tukang parkr").
 */
export const occupationInput: InputType = {
  name: 'occupation',
  errors: ['pekerjaan.invalid', 'pekerjaan.penerima_upah'],
  parse({ text, env }) {
    // Numbers refer to the rows on screen; no occupation name has a digit in it.
    const list = /\d/u.test(text) ? shownOccupations(env.data.occupations) : occupationsByScreenOrder(env.data.occupations);
    return readOccupation(text, list) ?? invalid('pekerjaan.invalid');
  },
  choices: ({ env }) => shownOccupations(env.data.occupations).map((o) => ({ value: o.code, text: o.label })),
};

/** The answer for a typed occupation, a pick between several, or null when nothing fits. */
export function readOccupation(text: string, occupations: readonly Occupation[]): InputResult | null {
  const match = matchOccupation(text, occupations);
  if (match.kind === 'match') {
    const { occupation } = match.option;
    // Not BPU work: say who registers it instead of enrolling the vendor under the wrong scheme.
    if (occupation.wageEarner) return invalid('pekerjaan.penerima_upah', { pekerjaan: occupation.label });
    return { kind: 'answer', value: occupation.code, display: occupation.label };
  }
  if (match.kind === 'ambiguous') {
    return { kind: 'pick', options: match.candidates.map((c) => ({ value: c.value, display: c.label })) };
  }
  return null;
}
