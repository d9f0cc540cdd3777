import { normalizeText } from '../domain/normalize-text.ts';
import { DIRECT_LANGUAGE_WORDS } from './language-command.ts';

/**
 * Words that work in every state. Vendors type them loosely, so a few spellings each. `status`
 * ("cek iuran") answers from the member's ledger wherever the vendor is, then asks again.
 */
export type GlobalCommand = 'help' | 'edit' | 'cancel' | 'restart' | 'status' | 'greet' | 'language';

const WORDS: Record<GlobalCommand, readonly string[]> = {
  help: ['bantuan', 'bantu', 'tolong', 'help', '?', 'bingung', 'gimana', 'bagaimana', 'info'],
  edit: ['ubah', 'ganti', 'koreksi', 'salah', 'edit', 'kembali', 'balik'],
  cancel: ['batal', 'batalkan', 'cancel', 'stop', 'berhenti', 'keluar'],
  restart: ['mulai', 'mulai lagi', 'mulai ulang', 'ulang', 'ulangi', 'restart', 'reset', 'dari awal'],
  // A greeting mid-conversation is answered with a greeting and the question, never an error.
  greet: ['halo', 'hallo', 'helo', 'hello', 'hai', 'hi', 'hey', 'hay', 'p', 'permisi', 'assalamualaikum', 'assalamu alaikum', 'salam', 'pagi', 'siang', 'sore', 'malam', 'selamat pagi', 'selamat siang', 'selamat sore', 'selamat malam'],
  // `bahasa` opens the menu; "english" / "bahasa indonesia" switch at once.
  language: ['bahasa', 'language', 'ganti bahasa', 'ubah bahasa', 'pilih bahasa', 'change language', 'bahasa language', ...Object.keys(DIRECT_LANGUAGE_WORDS)],
  status: ['cek iuran', 'cek', 'status', 'cek status', 'status saya', 'cek tagihan', 'tagihan saya', 'iuran saya', 'cek iuran saya', 'cek bpjs'],
};

/**
 * The command a whole message is, or null. "ubah 3" is not a global command: the summary reads
 * it. `ownWords` are words the flow's own questions read (the reminder menu reads "berhenti" as
 * the opt-out, not as "cancel this conversation").
 */
export function globalCommandOf(text: string, ownWords: readonly string[] = []): GlobalCommand | null {
  const normalized = normalizeText(text);
  if (ownWords.some((w) => normalizeText(w) === normalized)) return null;
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
