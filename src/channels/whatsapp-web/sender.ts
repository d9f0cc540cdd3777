import type { ChannelSender, SendResult } from '../../runtime/ports/index.ts';
import { renderWhatsAppText } from './render.ts';
import type { SendPacer } from './send-pacer.ts';
import type { WwebClient } from './wweb-client.ts';

/** How long to ask the dispatcher to wait while the client is not connected. */
export const NOT_CONNECTED_RETRY_MS = 30_000;

/**
 * Sends outbox rows through the linked WhatsApp account as numbered text, paced: a send the pacer
 * refuses comes back retryable with retryAfterMs, and nothing is sent. `connectedClient()` gives
 * the client while it is ready, else null.
 */
export function createWhatsAppWebSender(connectedClient: () => WwebClient | null, pacer: SendPacer): ChannelSender {
  return {
    channel: 'whatsapp',
    async send(message): Promise<SendResult> {
      const client = connectedClient();
      if (client === null) {
        return { ok: false, retryable: true, error: 'whatsapp-web not connected', retryAfterMs: NOT_CONNECTED_RETRY_MS };
      }
      const pace = pacer.take();
      if (!pace.ok) return { ok: false, retryable: true, error: `paced (${pace.reason})`, retryAfterMs: pace.retryAfterMs };
      try {
        const sent = await client.sendMessage(toChatId(message.address), renderWhatsAppText(message.payload));
        return { ok: true, providerMessageId: sent.id._serialized };
      } catch (error) {
        // whatsapp-web.js gives no error codes: treat every failure as passing; the dispatcher
        // dead-letters a row after its last attempt.
        return { ok: false, retryable: true, error: `whatsapp-web send failed: ${describe(error)}` };
      }
    },
  };
}

/** Contacts are addressed by chat id ("628…@c.us"); a bare or +-prefixed number is made one. */
export function toChatId(address: string): string {
  const number = /^\+?(\d{6,15})$/u.exec(address.trim());
  return number ? `${number[1]}@c.us` : address;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
