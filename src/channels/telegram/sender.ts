import type { Telegram } from 'telegraf';
import type { ChannelSender, OutboundMessage, SendResult } from '../../runtime/ports/index.ts';
import { renderTelegramReply } from './render.ts';
import { telegramSendResult } from './send-result.ts';

/**
 * The sending half of the Telegram channel: one outbox row, one sendMessage. It never retries or
 * sleeps; the dispatcher decides from the SendResult. Reminder templates are a WhatsApp matter:
 * Telegram has no 24-hour window, so the payload's text is always sent.
 */
export function createTelegramSender(telegram: Pick<Telegram, 'sendMessage'>): ChannelSender {
  return {
    channel: 'telegram',
    async send(message: OutboundMessage): Promise<SendResult> {
      const { text, extra } = renderTelegramReply(message.payload);
      try {
        const sent = await telegram.sendMessage(message.address, text, extra);
        return { ok: true, providerMessageId: String(sent.message_id) };
      } catch (error) {
        return telegramSendResult(error);
      }
    },
  };
}
