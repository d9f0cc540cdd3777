import type { OutboxPayload } from '../../store/schema.ts';
import { renderWhatsAppText } from '../whatsapp-web/render-whatsapp-text.ts';

/** WhatsApp's customer-service window: free-form messages only within 24 h of the contact's last one. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function isWindowOpen(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < SERVICE_WINDOW_MS;
}

/** Reply buttons: at most 3, titles at most 20 characters, body at most 1024. */
const MAX_BUTTONS = 3;
const MAX_BUTTON_TITLE = 20;
const MAX_INTERACTIVE_BODY = 1024;

export type CloudRequestBody = Readonly<Record<string, unknown>>;

/**
 * The Graph API `/messages` body for one outbox payload, or null when the window is closed and
 * the payload has no template (nothing may be sent). Inside the window: text, with up to three
 * short choices as reply buttons (a tap comes back as the button's title) and longer lists as
 * numbered text. Outside it: the approved template, its params as body parameters.
 *
 *   cloudRequestBody('6281…', { text: 'Lanjut?', choices: ['Ya', 'Tidak'] }, true)
 *   → { messaging_product: 'whatsapp', to: '6281…', type: 'interactive', interactive: { type: 'button', … } }
 */
export function cloudRequestBody(to: string, payload: OutboxPayload, windowOpen: boolean): CloudRequestBody | null {
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  if (!windowOpen) {
    if (payload.template === undefined) return null;
    const { name, language, params } = payload.template;
    const components = params.length === 0 ? [] : [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }];
    return { ...envelope, type: 'template', template: { name, language: { code: language }, ...(components.length ? { components } : {}) } };
  }
  const choices = payload.choices ?? [];
  if (fitsButtons(payload.text, choices)) {
    return {
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: payload.text },
        action: { buttons: choices.map((title, i) => ({ type: 'reply', reply: { id: `choice-${i + 1}`, title } })) },
      },
    };
  }
  return { ...envelope, type: 'text', text: { preview_url: false, body: renderWhatsAppText(payload) } };
}

function fitsButtons(text: string, choices: readonly string[]): boolean {
  return (
    choices.length > 0 &&
    choices.length <= MAX_BUTTONS &&
    text.trim().length > 0 &&
    text.length <= MAX_INTERACTIVE_BODY &&
    choices.every((c) => c.trim().length > 0 && [...c].length <= MAX_BUTTON_TITLE) &&
    new Set(choices).size === choices.length
  );
}
