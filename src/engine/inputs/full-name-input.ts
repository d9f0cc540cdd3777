import { invalid, type InputType } from './input-type.ts';

/** Letters of any script, spaces, and the marks names on a KTP carry: . , ' - */
const NAME = /^[\p{L}][\p{L}\p{M} .,'-]*$/u;

export const fullNameInput: InputType = {
  name: 'full_name',
  errors: ['nama.pendek', 'nama.panjang', 'nama.karakter'],
  parse({ text }) {
    const name = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (name.length < 3) return invalid('nama.pendek');
    if (name.length > 100) return invalid('nama.panjang', { max: 100 });
    if (!NAME.test(name) || !/\p{L}.*\p{L}/u.test(name)) return invalid('nama.karakter');
    // Names are kept as typed but in KTP capitals, which is how the card prints them.
    const display = name.toUpperCase();
    return { kind: 'answer', value: display, display };
  },
};
