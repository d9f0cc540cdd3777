import { t } from '../i18n/translate.ts';
import { languageLabels } from './language-command.ts';
import { contextOf, languagesOf, prompt, type Conversation } from './prompt.ts';

/**
 * The options the vendor sees below the last question, in their numbered order: those of a
 * question the engine asked itself (confirm, pick, `ubah` menu, language) when one is pending,
 * else the flow question's. A tapped button ("2. Tidak") is read against these.
 */
export function shownChoices(c: Conversation): readonly string[] | undefined {
  const pending = contextOf(c).pending;
  const languages = languagesOf(c);
  switch (pending?.kind) {
    case undefined:
      return prompt.choices(c);
    case 'cancel':
    case 'restart':
      return [t(c.env.catalogs, languages, 'sistem.pilihan.ya'), t(c.env.catalogs, languages, 'sistem.pilihan.tidak')];
    case 'pick':
      return pending.options.map((o) => o.display);
    case 'edit_menu':
      return pending.states.map((state) => {
        const labelled = c.flow.labelledStates.find((s) => s.state === state);
        return labelled ? t(c.env.catalogs, languages, labelled.label) : state;
      });
    case 'language':
      return languageLabels(c);
    default:
      return undefined;
  }
}
