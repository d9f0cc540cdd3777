import type { Catalogs } from '../i18n/catalog.ts';
import type { FlowScript } from './flow-script.ts';
import { inputTypes } from './inputs/index.ts';

/** A line of a text that numbers something: "1. JKK + JKM", " 2) Tidak". */
const NUMBERED_LINE = /^[ \t]*\d{1,2}[.)][ \t]+\S.*$/mu;

/**
 * One rule for lists: a question's text never lists its options. The options are shown once,
 * below the text, numbered on every channel (Telegram buttons "1. Ya", WhatsApp rows and
 * buttons, numbered text); what the text would say of each option (a price, a description)
 * belongs in its label. Returns one problem per text and language that breaks it.
 */
export function listedOptions(script: FlowScript, catalogs: Catalogs): { state: string; key: string; lang: string; line: string }[] {
  const problems = [];
  for (const [state, s] of Object.entries(script.states)) {
    if (!s.ask || !inputTypes.get(s.ask.type)?.choices) continue;
    for (const key of typeof s.say === 'string' ? [s.say] : s.say ?? []) {
      for (const [lang, catalog] of Object.entries(catalogs)) {
        const line = NUMBERED_LINE.exec(catalog[key] ?? '')?.[0].trim();
        if (line !== undefined) problems.push({ state, key, lang, line });
      }
    }
  }
  return problems;
}
