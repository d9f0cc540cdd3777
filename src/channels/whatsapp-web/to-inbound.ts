import type { InboundMessage, MessageKind } from '../../runtime/ports/index.ts';

/** The fields of a whatsapp-web.js `Message` the converter reads (the real class has many more). */
export interface WwebMessageLike {
  readonly id: { readonly _serialized: string };
  readonly from: string;
  readonly fromMe: boolean;
  readonly body: string;
  readonly type: string;
  /** Unix seconds. */
  readonly timestamp: number;
  readonly isStatus?: boolean;
  readonly broadcast?: boolean;
  /** The raw message; `notifyName` is the display name WhatsApp gives the sender. */
  readonly _data?: { readonly notifyName?: unknown };
}

/**
 * A whatsapp-web.js message as an InboundMessage, or null for what Payung must not answer:
 * our own messages, status updates, broadcasts, groups, channels. `from` stays the chat id
 * ("6281234567890@c.us", or "…@lid" for WhatsApp's linked ids) so replies go back to that chat.
 *
 *   chat → text · sticker · image · ptt/audio → voice · location · vcard/multi_vcard → contact ·
 *   anything else (video, document, poll…) → other. System notices (security code changed,
 *   revoked messages, call logs, reactions…) are not the vendor talking: null.
 */
export function wwebMessageToInbound(message: WwebMessageLike, receivedAtFallback: Date): InboundMessage | null {
  if (message.fromMe || message.isStatus === true || message.broadcast === true) return null;
  if (!PERSONAL_CHAT.test(message.from) || SYSTEM_TYPES.has(message.type)) return null;
  const kind = KINDS[message.type] ?? 'other';
  const text = kind === 'text' ? message.body : undefined;
  const name = message._data?.notifyName;
  const seconds = message.timestamp;
  const receivedAt = Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : receivedAtFallback;
  return {
    channel: 'whatsapp',
    externalId: message.id._serialized,
    from: message.from,
    ...(text === undefined ? {} : { text }),
    kind,
    receivedAt,
    ...(typeof name === 'string' && name.length > 0 ? { senderName: name } : {}),
  };
}

// Person-to-person chats only: groups are @g.us, statuses status@broadcast, channels @newsletter.
const PERSONAL_CHAT = /^\d+@(?:c\.us|lid)$/u;

// whatsapp-web.js emits these through `message` too; answering them would nag the vendor.
const SYSTEM_TYPES: ReadonlySet<string> = new Set([
  'e2e_notification', 'notification', 'notification_template', 'gp2', 'group_notification', 'protocol',
  'revoked', 'call_log', 'ciphertext', 'debug', 'broadcast_notification', 'reaction',
]);

const KINDS: Readonly<Record<string, MessageKind>> = {
  chat: 'text',
  sticker: 'sticker',
  image: 'image',
  ptt: 'voice',
  audio: 'voice',
  location: 'location',
  vcard: 'contact',
  multi_vcard: 'contact',
};
