import { matchOccupation, namesOccupationOutright, occupationsByScreenOrder, shownOccupations, type Occupation } from '../../domain/occupations.ts';
import type { Json } from '../json.ts';
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
    const occupations = env.data.occupations;
    // Numbers refer to the rows on screen; no occupation name has a digit in it.
    const byNumber = /\d/u.test(text);
    const list = byNumber ? shownOccupations(occupations) : occupationsByScreenOrder(occupations);
    const other = occupations.find((o) => o.code === 'lainnya');
    const otherwise = other ? { value: other.code, display: other.label } : null;
    return readOccupation(text, list, byNumber ? null : otherwise) ?? invalid('pekerjaan.invalid');
  },
  choices: ({ env }) => shownOccupations(env.data.occupations).map((o) => ({ value: o.code, text: o.label })),
};

/**
 * The answer for a typed occupation, a pick between several, or null when nothing fits. A match
 * only through a near miss of the whole phrase is offered for confirmation beside `otherwise`
 * (Lainnya, or the vendor's own words), never kept unasked.
 */
export function readOccupation(text: string, occupations: readonly Occupation[], otherwise: { value: Json; display: string } | null): InputResult | null {
  const match = matchOccupation(text, occupations);
  if (match.kind === 'match') {
    const { occupation } = match.option;
    // Not BPU work: say who registers it instead of enrolling the vendor under the wrong scheme.
    if (occupation.wageEarner) return invalid('pekerjaan.penerima_upah', { pekerjaan: occupation.label });
    if (otherwise && !isNumberWord(text) && !namesOccupationOutright(text, occupation)) {
      return { kind: 'pick', options: [{ value: occupation.code, display: occupation.label }, otherwise] };
    }
    return { kind: 'answer', value: occupation.code, display: occupation.label };
  }
  if (match.kind === 'ambiguous') {
    const options = match.candidates.filter((c) => !c.occupation.wageEarner).map((c) => ({ value: c.value as Json, display: c.label }));
    return { kind: 'pick', options: otherwise ? [...options, otherwise] : options };
  }
  return null;
}

// "dua", "ketiga": a row on screen by its number in words.
function isNumberWord(text: string): boolean {
  return /^\s*(?:(?:no|nomor|pilih|yg|yang)\s+)?(?:ke)?(?:satu|pertama|dua|tiga|empat|lima|enam|tujuh|delapan)\s*$/iu.test(text);
}
