import { prompt, type Conversation } from './prompt.ts';

/**
 * The options the vendor sees below the last question, in their numbered order: those of a
 * question the engine asked itself (confirm, pick, `ubah` menu, language) when one is pending,
 * else the flow question's. A tapped button ("2. Tidak") is read against these. One source with
 * what was shown (prompt.choices), so a new kind of question cannot be shown one way and read another.
 */
export function shownChoices(c: Conversation): readonly string[] | undefined {
  return prompt.choices(c);
}
