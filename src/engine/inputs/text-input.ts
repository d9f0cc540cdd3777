import { invalid, type InputType } from './input-type.ts';

/** Free text, one line, up to 100 characters (mother's maiden name and the like). */
export const textInput: InputType = {
  name: 'text',
  errors: ['teks.kosong', 'teks.panjang'],
  parse({ text }) {
    const value = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (value.length === 0) return invalid('teks.kosong');
    if (value.length > 100) return invalid('teks.panjang', { max: 100 });
    return { kind: 'answer', value, display: value };
  },
};
