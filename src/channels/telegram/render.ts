import type { ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'telegraf/types';
import { numberedChoice, type Reply } from '../../engine/reply.ts';

export interface TelegramReply {
  readonly text: string;
  readonly extra: { readonly reply_markup: ReplyKeyboardMarkup | ReplyKeyboardRemove };
}

/** A numbered choice longer than this gets a row of its own; shorter ones sit two to a row. */
export const PAIRED_CHOICE_MAX_LENGTH = 16;

/**
 * A channel-neutral reply as sendMessage's text and extra. Choices become a reply keyboard of
 * numbered buttons ("1. Ya"), so "ketik nomornya" matches what the vendor sees; tapping one sends
 * its text, which the engine reads as that option. Rows of one or two buttons, resized to fit and hidden after one tap. A reply without choices removes any
 * keyboard left from an earlier question. Plain text: no parse_mode, so nothing to escape.
 *
 * ```
 * renderTelegramReply({ text: 'Lanjut?', choices: ['Ya', 'Tidak'] })
 * // { text: 'Lanjut?', extra: { reply_markup: { keyboard: [[{ text: '1. Ya' }, { text: '2. Tidak' }]],
 * //   resize_keyboard: true, one_time_keyboard: true } } }
 * ```
 */
export function renderTelegramReply(reply: Reply): TelegramReply {
  const choices = reply.choices ?? [];
  if (choices.length === 0) return { text: reply.text, extra: { reply_markup: { remove_keyboard: true } } };
  return {
    text: reply.text,
    extra: { reply_markup: { keyboard: keyboardRows(choices.map(numberedChoice)), resize_keyboard: true, one_time_keyboard: true } },
  };
}

function keyboardRows(choices: readonly string[]): { text: string }[][] {
  const rows: { text: string }[][] = [];
  let open: { text: string }[] | null = null;
  for (const choice of choices) {
    const button = { text: choice };
    if (choice.length > PAIRED_CHOICE_MAX_LENGTH) {
      rows.push([button]);
      open = null;
    } else if (open === null) {
      open = [button];
      rows.push(open);
    } else {
      open.push(button);
      open = null;
    }
  }
  return rows;
}
