import { describe, expect, it } from 'vitest';
import { wwebMessageToInbound, type WwebMessageLike } from '../../../../src/channels/whatsapp-web/to-inbound.ts';

const FALLBACK = new Date('2025-08-17T03:00:00Z');

const message = (fields: Partial<WwebMessageLike>): WwebMessageLike => ({
  id: { _serialized: 'false_6281234567890@c.us_3EB0ABC' },
  from: '6281234567890@c.us',
  fromMe: false,
  body: 'halo kak',
  type: 'chat',
  timestamp: 1_755_400_000,
  ...fields,
});

describe('wwebMessageToInbound', () => {
  it('turns a chat message into a text InboundMessage with the chat id, message id and time', () => {
    expect(wwebMessageToInbound(message({ _data: { notifyName: 'Bu Sri' } }), FALLBACK)).toEqual({
      channel: 'whatsapp',
      externalId: 'false_6281234567890@c.us_3EB0ABC',
      from: '6281234567890@c.us',
      text: 'halo kak',
      kind: 'text',
      receivedAt: new Date(1_755_400_000 * 1000),
      senderName: 'Bu Sri',
    });
  });

  it.each([
    ['sticker', 'sticker'],
    ['image', 'image'],
    ['ptt', 'voice'],
    ['audio', 'voice'],
    ['location', 'location'],
    ['vcard', 'contact'],
    ['multi_vcard', 'contact'],
    ['video', 'other'],
    ['document', 'other'],
    ['poll_creation', 'other'],
  ])('maps type %s to kind %s without text', (type, kind) => {
    const inbound = wwebMessageToInbound(message({ type, body: 'caption or base64' }), FALLBACK);
    expect(inbound?.kind).toBe(kind);
    expect(inbound).not.toHaveProperty('text');
  });

  it.each([
    ['our own message', { fromMe: true }],
    ['a status update', { isStatus: true, from: 'status@broadcast' }],
    ['a broadcast', { broadcast: true }],
    ['a group', { from: '120363025246125486@g.us' }],
    ['a channel', { from: '120363025246125486@newsletter' }],
    ['a security-code notice', { type: 'e2e_notification' }],
    ['a deleted message', { type: 'revoked' }],
    ['a missed call', { type: 'call_log' }],
    ['a reaction', { type: 'reaction' }],
  ])('ignores %s', (_label, fields) => {
    expect(wwebMessageToInbound(message(fields), FALLBACK)).toBeNull();
  });

  it('accepts WhatsApp linked ids (@lid) as a personal chat', () => {
    expect(wwebMessageToInbound(message({ from: '123456789012345@lid' }), FALLBACK)?.from).toBe('123456789012345@lid');
  });

  it('uses the fallback time when the message has none', () => {
    expect(wwebMessageToInbound(message({ timestamp: 0 }), FALLBACK)?.receivedAt).toEqual(FALLBACK);
  });
});
