import { numberedChoice } from '../../engine/reply.ts';
import type { OutboxPayload } from '../../runtime/ports/index.ts';

/**
 * A reply as plain WhatsApp text: choices become a numbered list the vendor answers by number or
 * by word ("1" or "Ya"), since whatsapp-web.js has no reliable buttons.
 *
 *   renderWhatsAppText({ text: 'Lanjut?', choices: ['Ya', 'Tidak'] }) === 'Lanjut?\n\n1. Ya\n2. Tidak'
 */
export function renderWhatsAppText(payload: Pick<OutboxPayload, 'text' | 'choices'>): string {
  const choices = payload.choices ?? [];
  if (choices.length === 0) return payload.text;
  const list = choices.map(numberedChoice).join('\n');
  return payload.text.length === 0 ? list : `${payload.text}\n\n${list}`;
}
