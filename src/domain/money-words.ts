import { editDistance } from './fuzzy.ts';

/** What one word of an amount means to the reader in money-reader.ts. */
export type MoneyWord =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'small'; readonly unit: 'puluh' | 'belas' | 'ratus' }
  | { readonly kind: 'big'; readonly value: number }
  | { readonly kind: 'half' }
  | { readonly kind: 'separator' }
  | { readonly kind: 'period'; readonly period: 'day' | 'week' | 'year' };

/** Looks a word up, allowing one typo in long unit words ("jtua", "ribuu"); null if unknown. */
export function lookupMoneyWord(word: string): readonly MoneyWord[] | null {
  const known = WORDS.get(word);
  if (known) return known;
  if (word.length < 4) return null;
  for (const unit of TYPO_TOLERANT) {
    if (editDistance(word, unit, 1) <= 1) return WORDS.get(unit) ?? null;
  }
  return null;
}

const n = (value: number): MoneyWord => ({ kind: 'number', value });
const big = (value: number): MoneyWord => ({ kind: 'big', value });
const RIBU = big(1_000);
const JUTA = big(1_000_000);
const MILIAR = big(1_000_000_000);
const SEP: MoneyWord = { kind: 'separator' };

const entries: [string, MoneyWord[]][] = [
  ['nol', [n(0)]], ['kosong', [n(0)]], ['satu', [n(1)]], ['dua', [n(2)]], ['tiga', [n(3)]],
  ['empat', [n(4)]], ['lima', [n(5)]], ['enam', [n(6)]], ['tujuh', [n(7)]], ['delapan', [n(8)]],
  ['sembilan', [n(9)]], ['sepuluh', [n(10)]], ['sebelas', [n(11)]],
  ['puluh', [{ kind: 'small', unit: 'puluh' }]], ['belas', [{ kind: 'small', unit: 'belas' }]],
  ['ratus', [{ kind: 'small', unit: 'ratus' }]], ['seratus', [n(1), { kind: 'small', unit: 'ratus' }]],
  ['ribu', [RIBU]], ['rb', [RIBU]], ['rbu', [RIBU]], ['rebu', [RIBU]], ['k', [RIBU]], ['ribuan', [RIBU]],
  ['rban', [RIBU]], ['rbuan', [RIBU]], ['seribu', [n(1), RIBU]], ['rib', [RIBU]],
  ['juta', [JUTA]], ['jt', [JUTA]], ['jta', [JUTA]], ['jutaan', [JUTA]], ['jtan', [JUTA]],
  ['jtaan', [JUTA]], ['sejuta', [n(1), JUTA]], ['jut', [JUTA]],
  ['miliar', [MILIAR]], ['milyar', [MILIAR]], ['myr', [MILIAR]], ['semiliar', [n(1), MILIAR]],
  ['semilyar', [n(1), MILIAR]], ['triliun', [big(1e12)]],
  ['setengah', [{ kind: 'half' }]], ['stengah', [{ kind: 'half' }]],
  ['atau', [SEP]], ['ato', [SEP]], ['sampai', [SEP]], ['sampe', [SEP]], ['hingga', [SEP]],
  ['sd', [SEP]],
  ...periodWords('day', ['hari', 'sehari', 'harian', 'perhari', 'hr']),
  ...periodWords('week', ['minggu', 'seminggu', 'mingguan', 'perminggu', 'mgg']),
  ...periodWords('year', ['tahun', 'setahun', 'tahunan', 'pertahun', 'thn', 'th']),
];

const WORDS: ReadonlyMap<string, readonly MoneyWord[]> = new Map(entries);

// Only long words that cannot be mistaken for one another get typo tolerance.
const TYPO_TOLERANT = ['juta', 'ribu', 'ratus', 'puluh', 'belas', 'miliar', 'milyar', 'setengah', 'sembilan', 'delapan'];

function periodWords(period: 'day' | 'week' | 'year', words: string[]): [string, MoneyWord[]][] {
  return words.map((w) => [w, [{ kind: 'period', period }]]);
}
