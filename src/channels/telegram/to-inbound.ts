import type { Message, Update } from 'telegraf/types';
import type { InboundMessage, MessageKind } from '../../runtime/ports/index.ts';

/**
 * One Telegram update as an InboundMessage, or null when Payung ignores it: edited messages,
 * channel posts, callback queries and other update types, service messages (a member joined, a
 * title changed), and chats that are not private (a group would mix several people's NIKs in one
 * conversation). `telegramUpdateType` names what was ignored, for a log line.
 *
 * externalId is `${chat.id}:${message_id}`, not update_id: Telegram redelivers an update with
 * the same message id, while update ids restart at random after a week without updates (Bot API,
 * getUpdates) and would then collide with ids already stored as handled.
 *
 * The text goes through unchanged — `/start AGEN123` is read as a referral by the flow itself.
 */
export function telegramUpdateToInbound(update: Update): InboundMessage | null {
  if (!('message' in update) || update.message === undefined) return null;
  const message: Message = update.message;
  if (message.chat.type !== 'private') return null;
  const kind = messageKind(message);
  if (kind === null) return null;
  const senderName = [message.from?.first_name, message.from?.last_name].filter(Boolean).join(' ').trim();
  return {
    channel: 'telegram',
    externalId: `${message.chat.id}:${message.message_id}`,
    from: String(message.chat.id),
    ...(kind === 'text' && 'text' in message ? { text: message.text } : {}),
    kind,
    receivedAt: new Date(message.date * 1000),
    ...(senderName === '' ? {} : { senderName }),
  };
}

/** What kind of update this is, as a log line names it: 'edited_message', 'message:service', 'message:group' … */
export function telegramUpdateType(update: Update): string {
  const type = Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
  if (type !== 'message' || !('message' in update)) return type;
  if (update.message.chat.type !== 'private') return `message:${update.message.chat.type}`;
  return messageKind(update.message) === null ? 'message:service' : 'message';
}

/** Content a person sends that Payung does not read: it answers them politely as 'other'. */
const otherContent = ['animation', 'audio', 'document', 'video', 'video_note', 'poll', 'dice', 'game', 'story', 'invoice'] as const;

function messageKind(message: Message): MessageKind | null {
  if ('text' in message) return 'text';
  if ('sticker' in message) return 'sticker';
  if ('photo' in message) return 'image';
  if ('document' in message && message.document.mime_type?.startsWith('image/')) return 'image';
  if ('voice' in message) return 'voice';
  if ('location' in message || 'venue' in message) return 'location';
  if ('contact' in message) return 'contact';
  if (otherContent.some((key) => key in message)) return 'other';
  return null;
}
