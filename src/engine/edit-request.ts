import { matchChoice } from '../domain/choice.ts';
import { normalizeText, wordsOf } from '../domain/normalize-text.ts';

/** One answered question as the vendor names it: its label in the vendor's language. */
export interface EditableField {
  readonly state: string;
  readonly label: string;
}

/**
 * What "ubah nama", "ganti tanggal lahir", "nama salah", "nik keliru", "ubah 3" asks to correct:
 * the field it names (by the words of its label, or its number in the `ubah` menu), `menu` when
 * it asks to correct something it does not name ("ganti alamat"), null when it is no request to
 * correct at all. A caller that cannot open the menu treats `menu` as null.
 */
export function editRequestOf(text: string, fields: readonly EditableField[]): { state: string } | 'menu' | null {
  const words = wordsOf(normalizeText(text));
  if (words.length === 0 || words.length > MAX_WORDS || !words.some((w) => EDIT_WORDS.has(w))) return null;
  const named = words.filter((w) => !EDIT_WORDS.has(w) && !FILLERS.has(w));
  if (named.length === 0) return 'menu';
  const match = matchChoice(named.join(' '), fields.map((f) => ({ value: f.state, label: f.label })));
  return match.kind === 'match' ? { state: match.value } : 'menu';
}

const MAX_WORDS = 6;
const EDIT_WORDS: ReadonlySet<string> = new Set(['ubah', 'ganti', 'koreksi', 'perbaiki', 'betulkan', 'benarkan', 'edit', 'salah', 'keliru', 'revisi', 'change']);
const FILLERS: ReadonlySet<string> = new Set(['mau', 'ingin', 'pengen', 'saya', 'aku', 'sy', 'yang', 'yg', 'data', 'di', 'nya', 'itu', 'ini', 'tolong', 'dong', 'mohon', 'ada', 'tulis', 'ketik', 'the', 'my']);
