import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { telegramUpdateToInbound, telegramUpdateType } from '../../../../src/channels/telegram/to-inbound.ts';

const chat = { id: 4242, type: 'private', first_name: 'Siti' } as const;
const from = { id: 4242, is_bot: false, first_name: 'Siti', last_name: 'Aminah' };

function update(message: Record<string, unknown>, extra: Record<string, unknown> = {}): Update {
  return { update_id: 900, message: { message_id: 17, date: 1_764_039_600, chat, from, ...message }, ...extra } as unknown as Update;
}

describe('telegramUpdateToInbound', () => {
  it('turns a text message into an InboundMessage keyed by chat and message id', () => {
    expect(telegramUpdateToInbound(update({ text: 'halo kak' }))).toEqual({
      channel: 'telegram', externalId: '4242:17', from: '4242', text: 'halo kak', kind: 'text',
      receivedAt: new Date('2025-11-25T03:00:00Z'), senderName: 'Siti Aminah',
    });
  });

  it('passes a /start deep link through unchanged for the flow to read', () => {
    expect(telegramUpdateToInbound(update({ text: '/start AGEN123' }))?.text).toBe('/start AGEN123');
  });

  it('keeps the same externalId when the same update comes again, whatever its update_id', () => {
    const first = telegramUpdateToInbound(update({ text: 'ya' }));
    const again = telegramUpdateToInbound({ ...update({ text: 'ya' }), update_id: 1 } as Update);
    expect(again?.externalId).toBe(first?.externalId);
  });

  it.each([
    [{ sticker: { file_id: 's' } }, 'sticker'],
    [{ photo: [{ file_id: 'p', width: 1, height: 1 }], caption: '3174015708850001' }, 'image'],
    [{ document: { file_id: 'd', mime_type: 'image/jpeg' } }, 'image'],
    [{ voice: { file_id: 'v', duration: 3 } }, 'voice'],
    [{ location: { latitude: -6.9, longitude: 107.6 } }, 'location'],
    [{ contact: { phone_number: '+628123', first_name: 'Budi' } }, 'contact'],
    [{ video: { file_id: 'x' } }, 'other'],
    [{ document: { file_id: 'd', mime_type: 'application/pdf' } }, 'other'],
  ])('maps %j to kind %s, without text', (content, kind) => {
    const message = telegramUpdateToInbound(update(content));
    expect(message?.kind).toBe(kind);
    expect(message).not.toHaveProperty('text');
  });

  it('leaves senderName out when the platform gives no name', () => {
    const message = telegramUpdateToInbound(update({ text: 'x', from: undefined }));
    expect(message).not.toHaveProperty('senderName');
  });

  it('ignores edited messages, other update types, service messages and group chats', () => {
    const edited = { update_id: 1, edited_message: { message_id: 1, date: 1, chat, text: 'x', edit_date: 2 } } as unknown as Update;
    const callback = { update_id: 2, callback_query: { id: '1', from, chat_instance: 'c', data: 'x' } } as unknown as Update;
    const service = update({ new_chat_title: 'x' });
    const group = update({ text: 'halo', chat: { id: -1, type: 'group', title: 'Pasar' } });
    for (const u of [edited, callback, service, group]) expect(telegramUpdateToInbound(u)).toBeNull();
    expect([edited, callback, service, group].map(telegramUpdateType)).toEqual(['edited_message', 'callback_query', 'message:service', 'message:group']);
    expect(telegramUpdateType(update({ text: 'x' }))).toBe('message');
  });
});
