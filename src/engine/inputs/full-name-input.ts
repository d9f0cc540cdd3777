import { invalid, type InputType } from './input-type.ts';

/** Letters of any script, spaces, and the marks names on a KTP carry: . , ' - */
const NAME = /^[\p{L}][\p{L}\p{M} .,'-]*$/u;

export const fullNameInput: InputType = {
  name: 'full_name',
  errors: ['nama.pendek', 'nama.panjang', 'nama.karakter'],
  parse({ text }) {
    const name = nameOnly(text.normalize('NFKC').replace(/\s+/g, ' ').trim());
    if (name.length < 3) return invalid('nama.pendek');
    if (name.length > 100) return invalid('nama.panjang', { max: 100 });
    if (!NAME.test(name) || !/\p{L}.*\p{L}/u.test(name)) return invalid('nama.karakter');
    // Names are kept as typed but in KTP capitals, which is how the card prints them.
    const display = name.toUpperCase();
    return { kind: 'answer', value: display, display };
  },
};

// "nama saya Siti", "nama lengkap saya: Siti", "namaku Siti", "saya Siti": the lead-in is not the name.
const LEAD_IN = /^(?:nama\s+(?:lengkap\s+)?(?:saya|aku|sy|gue|gw)|nama\s*(?:lengkap\s*)?:|namaku|nama\s+ku|saya|aku)\s*(?:adalah|ialah|yaitu)?\s*[:,-]?\s+/iu;

// Forms of address a vendor puts before their own or their mother's name ("ibu Sri Wahyuni").
// A KTP never prints them; name parts that happen to look like one ("Mas Agung") are rare
// enough that the summary, which shows the name before anything is saved, catches them.
const HONORIFICS: ReadonlySet<string> = new Set([
  'ibu', 'bu', 'bapak', 'pak', 'bpk', 'bp', 'mas', 'mbak', 'mba', 'kak', 'kakak', 'ka', 'bang', 'abang', 'dik', 'adik', 'ny', 'nyonya', 'tn', 'tuan', 'sdr', 'sdri',
]);

/** The name without "nama saya" before it and honorifics around it; as typed when nothing else is left. */
function nameOnly(typed: string): string {
  const words = typed.replace(LEAD_IN, '').split(' ');
  const bare = (w: string | undefined) => (w ?? '').toLowerCase().replace(/[.,]+$/u, '');
  while (words.length > 1 && HONORIFICS.has(bare(words[0]))) words.shift();
  while (words.length > 1 && HONORIFICS.has(bare(words[words.length - 1]))) words.pop();
  const name = words.join(' ').trim();
  return name.length > 0 ? name : typed;
}
