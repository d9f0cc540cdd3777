import { normalizeText } from '../domain/normalize-text.ts';

/** Words that work in every state. Vendors type them loosely, so a few spellings each. */
export type GlobalCommand = 'help' | 'edit' | 'cancel' | 'restart';

const WORDS: Record<GlobalCommand, readonly string[]> = {
  help: ['bantuan', 'bantu', 'tolong', 'help', '?', 'bingung', 'gimana', 'bagaimana', 'info'],
  edit: ['ubah', 'ganti', 'koreksi', 'salah', 'edit', 'kembali', 'balik'],
  cancel: ['batal', 'batalkan', 'cancel', 'stop', 'berhenti', 'keluar'],
  restart: ['mulai', 'mulai lagi', 'mulai ulang', 'ulang', 'ulangi', 'restart', 'reset', 'dari awal'],
};

/** The command a whole message is, or null. "ubah 3" is not a global command: the summary reads it. */
export function globalCommandOf(text: string): GlobalCommand | null {
  const normalized = normalizeText(text);
  for (const [command, words] of Object.entries(WORDS) as [GlobalCommand, readonly string[]][]) {
    if (words.includes(normalized)) return command;
  }
  return null;
}

/** "DAFTAR AGEN123", "/start AGEN123", "daftar agen123 kak" → 'AGEN123'. */
export function referralCodeOf(text: string | undefined, keywords: readonly string[]): string | null {
  if (!text) return null;
  const words = text.trim().split(/\s+/);
  const [first, code] = words;
  if (!first || !code || !keywords.some((k) => k.toLowerCase() === first.toLowerCase())) return null;
  return /^[A-Za-z0-9_-]{3,32}$/.test(code) ? code.toUpperCase() : null;
}

/** Words that start a finished conversation again. */
export function isStartWord(text: string): boolean {
  return /^\s*(mulai|daftar|mulai lagi|start|\/start)\b/i.test(text);
}
