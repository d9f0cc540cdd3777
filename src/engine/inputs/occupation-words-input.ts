import { OTHER_OCCUPATION, occupationsByScreenOrder } from '../../domain/occupations.ts';
import { invalid, type InputType } from './input-type.ts';
import { readOccupation } from './occupation-input.ts';

/**
 * After "Lainnya": the vendor describes their work in words. It is matched against the whole
 * occupation list (so the discount sector still applies: "ojek" is transport); what matches
 * nothing is kept as `lainnya` with the vendor's own words as its display, for the agent to read.
 */
export const occupationWordsInput: InputType = {
  name: 'occupation_words',
  errors: ['pekerjaan.kata', 'pekerjaan.penerima_upah'],
  parse({ text, env }) {
    const listed = occupationsByScreenOrder(env.data.occupations).filter((o) => o.code !== OTHER_OCCUPATION);
    const words = text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
    const own = { value: OTHER_OCCUPATION, display: words.charAt(0).toUpperCase() + words.slice(1) };
    const usable = (words.match(/\p{L}/gu) ?? []).length >= 3 && words.length <= MAX_LENGTH;
    const found = readOccupation(text, listed, usable ? own : null);
    if (found) return found;
    if (!usable) return invalid('pekerjaan.kata', { max: MAX_LENGTH });
    return { kind: 'answer', value: own.value, display: own.display };
  },
};

const MAX_LENGTH = 60;
