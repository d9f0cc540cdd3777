import { numberedChoice, type Reply } from '../../engine/reply.ts';

const PREFIX = 'Payung> ';
const INDENT = ' '.repeat(PREFIX.length);

/**
 * One bot reply as terminal lines, without a trailing newline:
 * ```
 * Payung> Apakah data ini benar?
 *         Nama: Budi
 *   1. Ya
 *   2. Tidak
 * ```
 * Continuation lines are indented under the text so a multi-line reply reads as one message.
 */
export function renderReplyForTerminal(reply: Reply): string {
  const [first = '', ...rest] = reply.text.split(/\r?\n/);
  const lines = [`${PREFIX}${first}`.trimEnd(), ...rest.map((line) => (line === '' ? '' : INDENT + line))];
  (reply.choices ?? []).forEach((choice, i) => lines.push(`  ${numberedChoice(choice, i)}`));
  return lines.join('\n');
}
