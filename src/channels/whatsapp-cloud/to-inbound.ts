import type { DeliveryError, DeliveryStatus, InboundMessage, MessageKind } from '../../runtime/ports/index.ts';

export interface DeliveryStatusUpdate {
  readonly providerMessageId: string;
  readonly status: DeliveryStatus;
  readonly at: Date;
  readonly error?: DeliveryError;
}

export interface CloudWebhookContent {
  readonly messages: readonly InboundMessage[];
  readonly statuses: readonly DeliveryStatusUpdate[];
  /** Things skipped because Payung does not know them, e.g. `message type: order` (to log once). */
  readonly unknown: readonly string[];
}

/**
 * Reads a Cloud API webhook body (already signature-checked and JSON-parsed): the messages
 * vendors sent, as InboundMessages, and the statuses of what we sent. Tolerant: anything it does
 * not recognise is skipped and named in `unknown`, never thrown.
 *
 * { entry: [{ changes: [{ field: 'messages', value: { metadata: { phone_number_id }, contacts,
 *   messages: [{ from, id, timestamp, type, text: { body } }], statuses: [{ id, status, timestamp, errors }] } }] }] }
 */
export function readCloudWebhook(body: unknown, phoneNumberId: string, now: Date): CloudWebhookContent {
  const messages: InboundMessage[] = [];
  const statuses: DeliveryStatusUpdate[] = [];
  const unknown: string[] = [];
  if (!isRecord(body) || body.object !== 'whatsapp_business_account') {
    return { messages, statuses, unknown: [`object: ${isRecord(body) ? String(body.object) : typeof body}`] };
  }
  for (const entry of list(body.entry)) {
    for (const change of list(isRecord(entry) ? entry.changes : undefined)) {
      if (!isRecord(change) || change.field !== 'messages' || !isRecord(change.value)) {
        unknown.push(`field: ${isRecord(change) ? String(change.field) : 'none'}`);
        continue;
      }
      const value = change.value;
      const metadata = isRecord(value.metadata) ? value.metadata : {};
      if (metadata.phone_number_id !== undefined && metadata.phone_number_id !== phoneNumberId) {
        unknown.push(`phone_number_id: ${String(metadata.phone_number_id)}`);
        continue;
      }
      const names = contactNames(value.contacts);
      for (const message of list(value.messages)) {
        const inbound = toInbound(message, names, now);
        if (typeof inbound === 'string') {
          if (inbound !== IGNORED) unknown.push(inbound);
        } else messages.push(inbound);
      }
      for (const status of list(value.statuses)) {
        const update = toStatus(status, now);
        if (typeof update === 'string') unknown.push(update);
        else statuses.push(update);
      }
    }
  }
  return { messages, statuses, unknown };
}

const IGNORED = '';
// Reactions (👍 on our message) and system notices need no answer; answering them would nag.
const SILENT_TYPES = new Set(['reaction', 'system']);
const OTHER_TYPES = new Set(['video', 'document', 'order', 'unsupported', 'unknown', 'request_welcome']);
const MEDIA_KINDS: Readonly<Record<string, MessageKind>> = {
  image: 'image',
  sticker: 'sticker',
  audio: 'voice',
  location: 'location',
  contacts: 'contact',
};

function toInbound(message: unknown, names: ReadonlyMap<string, string>, now: Date): InboundMessage | string {
  if (!isRecord(message) || typeof message.from !== 'string' || typeof message.id !== 'string') return 'message without from/id';
  const type = String(message.type);
  if (SILENT_TYPES.has(type)) return IGNORED;
  const read = readContent(type, message);
  if (read === undefined) return `message type: ${type}`;
  const name = names.get(message.from);
  return {
    channel: 'whatsapp-cloud',
    externalId: message.id,
    from: message.from,
    ...(read.text === undefined ? {} : { text: read.text }),
    kind: read.kind,
    receivedAt: unixTime(message.timestamp) ?? now,
    ...(name === undefined ? {} : { senderName: name }),
  };
}

function readContent(type: string, message: Record<string, unknown>): { kind: MessageKind; text?: string } | undefined {
  if (type === 'text') return textOf(isRecord(message.text) ? message.text.body : undefined);
  if (type === 'button') return textOf(isRecord(message.button) ? message.button.text : undefined); // template quick reply
  if (type === 'interactive') {
    const interactive = isRecord(message.interactive) ? message.interactive : {};
    const reply = interactive.button_reply ?? interactive.list_reply;
    return isRecord(reply) ? textOf(chosenText(reply)) : { kind: 'other' };
  }
  const kind = MEDIA_KINDS[type];
  if (kind !== undefined) return { kind };
  return OTHER_TYPES.has(type) ? { kind: 'other' } : undefined;
}

/**
 * A tapped button or list row: its id is the numbered choice in full ("2. JKK + JKM + JHT
 * (Rp53.400/bulan)", see cloudRequestBody), which the engine reads as that option; a row's title
 * may be cut short of it. Ids of another shape (older messages: "choice-1") give the title.
 */
function chosenText(reply: Record<string, unknown>): unknown {
  return typeof reply.id === 'string' && /^\d{1,3}\. \S/u.test(reply.id) ? reply.id : reply.title;
}

function textOf(value: unknown): { kind: MessageKind; text?: string } {
  return typeof value === 'string' ? { kind: 'text', text: value } : { kind: 'other' };
}

const STATUSES: ReadonlySet<string> = new Set(['sent', 'delivered', 'read', 'failed']);

function toStatus(status: unknown, now: Date): DeliveryStatusUpdate | string {
  if (!isRecord(status) || typeof status.id !== 'string') return 'status without id';
  const value = String(status.status);
  if (!STATUSES.has(value)) return `status: ${value}`;
  const first = list(status.errors)[0];
  const error = isRecord(first) ? deliveryError(first) : undefined;
  return {
    providerMessageId: status.id,
    status: value as DeliveryStatus,
    at: unixTime(status.timestamp) ?? now,
    ...(error === undefined ? {} : { error }),
  };
}

function deliveryError(error: Record<string, unknown>): DeliveryError {
  const data = isRecord(error.error_data) ? error.error_data : {};
  const details = typeof data.details === 'string' ? data.details : typeof error.message === 'string' ? error.message : undefined;
  return {
    code: typeof error.code === 'number' ? error.code : Number(error.code) || 0,
    title: typeof error.title === 'string' ? error.title : 'unknown error',
    ...(details === undefined ? {} : { details }),
  };
}

function contactNames(contacts: unknown): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const contact of list(contacts)) {
    if (!isRecord(contact) || typeof contact.wa_id !== 'string' || !isRecord(contact.profile)) continue;
    if (typeof contact.profile.name === 'string' && contact.profile.name.length > 0) names.set(contact.wa_id, contact.profile.name);
  }
  return names;
}

function unixTime(value: unknown): Date | undefined {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
