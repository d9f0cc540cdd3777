import type { OutboxPayload } from '../../runtime/ports/index.ts';
import { numberedChoice } from '../../engine/reply.ts';
import { renderWhatsAppText } from '../whatsapp-web/render.ts';

/** WhatsApp's customer-service window: free-form messages only within 24 h of the contact's last one. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function isWindowOpen(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < SERVICE_WINDOW_MS;
}

/** Limits of the Cloud API's interactive messages (reply buttons and list messages). */
const MAX_BUTTONS = 3;
const MAX_BUTTON_TITLE = 20;
const MAX_BUTTON_ID = 256;
const MAX_ROWS = 10;
const MAX_ROW_TITLE = 24;
const MAX_ROW_DESCRIPTION = 72;
const MAX_ROW_ID = 200;
const MAX_LIST_BUTTON = 20;
const MAX_INTERACTIVE_BODY = 1024;

/** The list message's button, in the reply's language (English for 'en', else Indonesian). */
const LIST_BUTTON: Readonly<Record<string, string>> = { id: 'Lihat pilihan', en: 'See options' };

export type CloudRequestBody = Readonly<Record<string, unknown>>;

/**
 * The Graph API `/messages` body for one outbox payload, or null when the window is closed and
 * the payload has no template (nothing may be sent). Inside the window, choices are numbered as
 * on every channel ("1. Ya") and sent as:
 * - reply buttons, for 2–3 choices whose numbered titles fit in 20 characters;
 * - a list message, for up to 10 choices whose numbered titles fit in a row (24 characters; an
 *   amount in brackets goes to the row's description, 72);
 * - numbered text otherwise (longer lists, titles that would be cut).
 * Each button or row's id is its numbered choice in full, and comes back as the reply's text
 * (readCloudWebhook), which the engine reads as that option. Outside the window: the approved
 * template, its params as body parameters.
 *
 *   cloudRequestBody('6281…', { text: 'Lanjut?', choices: ['Ya', 'Tidak'] }, true)
 *   → { …, type: 'interactive', interactive: { type: 'button', action: { buttons: [
 *       { type: 'reply', reply: { id: '1. Ya', title: '1. Ya' } }, … ] } } }
 */
export function cloudRequestBody(to: string, payload: OutboxPayload, windowOpen: boolean): CloudRequestBody | null {
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  if (!windowOpen) {
    if (payload.template === undefined) return null;
    const { name, language, params } = payload.template;
    const components = params.length === 0 ? [] : [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }];
    return { ...envelope, type: 'template', template: { name, language: { code: language }, ...(components.length ? { components } : {}) } };
  }
  const interactive = interactiveOf(payload);
  if (interactive !== null) return { ...envelope, type: 'interactive', interactive };
  return { ...envelope, type: 'text', text: { preview_url: false, body: renderWhatsAppText(payload) } };
}

function interactiveOf(payload: OutboxPayload): Record<string, unknown> | null {
  const choices = payload.choices ?? [];
  const text = payload.text;
  if (choices.length === 0 || text.trim().length === 0 || text.length > MAX_INTERACTIVE_BODY) return null;
  if (choices.some((c) => c.trim().length === 0) || new Set(choices).size !== choices.length) return null;
  const numbered = choices.map(numberedChoice);
  if (choices.length <= MAX_BUTTONS && numbered.every((c) => length(c) <= MAX_BUTTON_TITLE && length(c) <= MAX_BUTTON_ID)) {
    return {
      type: 'button',
      body: { text },
      action: { buttons: numbered.map((title) => ({ type: 'reply', reply: { id: title, title } })) },
    };
  }
  if (choices.length > MAX_ROWS) return null;
  const rows = choices.map((choice, i) => rowOf(choice, i));
  if (rows.some((row) => row === null)) return null;
  const button = LIST_BUTTON[payload.language ?? 'id'] ?? LIST_BUTTON['id'] ?? '';
  return {
    type: 'list',
    body: { text },
    action: { button: [...button].slice(0, MAX_LIST_BUTTON).join(''), sections: [{ rows }] },
  };
}

// "JKK + JKM + JHT (Rp53.400/bulan)" → title "2. JKK + JKM + JHT", description "Rp53.400/bulan".
function rowOf(choice: string, index: number): { id: string; title: string; description?: string } | null {
  const id = numberedChoice(choice, index);
  if (length(id) > MAX_ROW_ID) return null;
  if (length(id) <= MAX_ROW_TITLE) return { id, title: id };
  const split = /^(.+?)\s*\((.+)\)\s*$/u.exec(choice) ?? /^(.+?):\s+(.+)$/u.exec(choice);
  if (!split) return null;
  const title = numberedChoice(split[1] ?? '', index);
  const description = split[2] ?? '';
  return length(title) <= MAX_ROW_TITLE && length(description) <= MAX_ROW_DESCRIPTION ? { id, title, description } : null;
}

function length(text: string): number {
  return [...text].length;
}
