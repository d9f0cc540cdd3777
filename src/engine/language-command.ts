import { matchChoice } from '../domain/choice.ts';
import { normalizeText } from '../domain/normalize-text.ts';
import { t } from '../i18n/translate.ts';
import { languagesOf, type Conversation } from './prompt.ts';
import type { MessageOutcome } from './handle-message.ts';
import type { Reply } from './reply.ts';

/** The languages a vendor may choose, in menu order: "1" is Indonesian, "2" English. */
export const LANGUAGES = [
  { code: 'id', labelKey: 'sistem.bahasa.id', aliases: ['indonesia', 'bahasa indonesia', 'indo', 'indonesian', 'id', 'bhs indonesia'] },
  { code: 'en', labelKey: 'sistem.bahasa.en', aliases: ['english', 'inggris', 'bahasa inggris', 'en', 'eng', 'bhs inggris', 'in english'] },
] as const;

/** Global command words that name the language too: "english" switches at once, no menu. */
export const DIRECT_LANGUAGE_WORDS: Readonly<Record<string, string>> = {
  english: 'en', 'in english': 'en', 'bahasa inggris': 'en', 'language english': 'en', 'english please': 'en',
  'bahasa indonesia': 'id', 'language indonesian': 'id', 'indonesian': 'id', 'in indonesian': 'id',
};

/**
 * What `bahasa` / `language` (or "english" straight away) answers: the switch itself when the
 * words name a language, else the menu, whose answer `answerLanguageMenu` reads.
 */
export function languageCommand(c: Conversation, text: string): { lang: string } | { menu: Reply } {
  const direct = DIRECT_LANGUAGE_WORDS[normalizeText(text)];
  return direct === undefined ? { menu: languageMenu(c) } : { lang: direct };
}

/** "Pilih bahasa / Choose a language" with one option per language, each named in itself. */
export function languageMenu(c: Conversation, lead = 'sistem.bahasa.tanya'): Reply {
  return { text: t(c.env.catalogs, languagesOf(c), lead), choices: languageLabels(c) };
}

/** The language a menu answer names ("2", "english", "inggris"), or null. */
export function chosenLanguage(c: Conversation, text: string): string | null {
  const labels = languageLabels(c);
  const options = LANGUAGES.map((l, i) => ({ value: l.code, label: labels[i] ?? l.code, aliases: [...l.aliases] }));
  const match = matchChoice(text, options);
  return match.kind === 'match' ? match.value : null;
}

export function languageLabels(c: Conversation): string[] {
  return LANGUAGES.map((l) => t(c.env.catalogs, languagesOf(c), l.labelKey));
}

/** `bahasa` at a question: the switch (an event) or the menu (pending until answered). */
export function runLanguageCommand(c: Conversation, text: string): MessageOutcome {
  const result = languageCommand(c, text);
  return 'lang' in result
    ? { kind: 'event', event: { type: 'SET_LANG', lang: result.lang } }
    : { kind: 'pending', pending: { kind: 'language' }, replies: [result.menu] };
}

/** The answer to the language menu; anything else shows the menu again (nothing changes). */
export function answerLanguageMenu(c: Conversation, text: string): MessageOutcome {
  const lang = chosenLanguage(c, text);
  if (lang === null) return { kind: 'reply', replies: [languageMenu(c, 'galat.bahasa.invalid')] };
  return { kind: 'event', event: { type: 'SET_LANG', lang } };
}
