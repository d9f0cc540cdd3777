import { describe, expect, it } from 'vitest';
import { readCloudWebhook } from '../../../../src/channels/whatsapp-cloud/to-inbound.ts';

const NOW = new Date('2025-08-17T03:00:00Z');
const PHONE_ID = '106540352242922';
const VENDOR = '6281234567890';

const webhook = (value: Record<string, unknown>, field = 'messages') => ({
  object: 'whatsapp_business_account',
  entry: [{ id: 'WABA', changes: [{ field, value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6221000', phone_number_id: PHONE_ID }, ...value } }] }],
});
const incoming = (message: Record<string, unknown>) =>
  webhook({
    contacts: [{ profile: { name: 'Bu Sri' }, wa_id: VENDOR }],
    messages: [{ from: VENDOR, id: 'wamid.IN1', timestamp: '1755400000', ...message }],
  });

describe('readCloudWebhook', () => {
  it('reads a text message with the wa_id, message id, time and profile name', () => {
    expect(readCloudWebhook(incoming({ type: 'text', text: { body: 'daftar' } }), PHONE_ID, NOW)).toEqual({
      messages: [{
        channel: 'whatsapp-cloud', externalId: 'wamid.IN1', from: VENDOR, text: 'daftar', kind: 'text',
        receivedAt: new Date(1_755_400_000_000), senderName: 'Bu Sri',
      }],
      statuses: [],
      unknown: [],
    });
  });

  it.each([
    ['a reply button', { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: '1. Ya', title: '1. Ya' } } }, '1. Ya'],
    ['a list row, as its id (the numbered choice in full)', { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: '4. 12 bulan (Rp201.600)', title: '4. 12 bulan', description: 'Rp201.600' } } }, '4. 12 bulan (Rp201.600)'],
    ['an older reply button, as its title', { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'choice-1', title: 'Ya' } } }, 'Ya'],
    ['an older list row, as its title', { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r2', title: 'Rp 16.800', description: '' } } }, 'Rp 16.800'],
    ['a template quick reply', { type: 'button', button: { payload: 'STOP', text: 'Berhenti' } }, 'Berhenti'],
  ])('reads %s as text of its title', (_label, message, text) => {
    expect(readCloudWebhook(incoming(message), PHONE_ID, NOW).messages[0]).toMatchObject({ kind: 'text', text });
  });

  it.each([
    ['image', 'image'], ['sticker', 'sticker'], ['audio', 'voice'], ['location', 'location'],
    ['contacts', 'contact'], ['video', 'other'], ['document', 'other'], ['unsupported', 'other'],
  ])('maps type %s to kind %s without text', (type, kind) => {
    const [message] = readCloudWebhook(incoming({ type, [type]: { id: 'media' } }), PHONE_ID, NOW).messages;
    expect(message?.kind).toBe(kind);
    expect(message).not.toHaveProperty('text');
  });

  it('skips reactions and system notices silently, and names unknown types', () => {
    expect(readCloudWebhook(incoming({ type: 'reaction', reaction: { emoji: '👍' } }), PHONE_ID, NOW)).toEqual({ messages: [], statuses: [], unknown: [] });
    expect(readCloudWebhook(incoming({ type: 'hologram' }), PHONE_ID, NOW)).toEqual({ messages: [], statuses: [], unknown: ['message type: hologram'] });
  });

  it('reads statuses, with the error of a failed one', () => {
    const body = webhook({
      statuses: [
        { id: 'wamid.OUT1', status: 'delivered', timestamp: '1755400100', recipient_id: VENDOR },
        { id: 'wamid.OUT2', status: 'failed', timestamp: '1755400200', recipient_id: VENDOR,
          errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours have passed' } }] },
        { id: 'wamid.OUT3', status: 'deleted', timestamp: '1755400300' },
      ],
    });
    expect(readCloudWebhook(body, PHONE_ID, NOW)).toEqual({
      messages: [],
      statuses: [
        { providerMessageId: 'wamid.OUT1', status: 'delivered', at: new Date(1_755_400_100_000) },
        { providerMessageId: 'wamid.OUT2', status: 'failed', at: new Date(1_755_400_200_000),
          error: { code: 131047, title: 'Re-engagement message', details: 'More than 24 hours have passed' } },
      ],
      unknown: ['status: deleted'],
    });
  });

  it('ignores other fields, other phone numbers and other objects', () => {
    expect(readCloudWebhook(webhook({}, 'account_update'), PHONE_ID, NOW).unknown).toEqual(['field: account_update']);
    expect(readCloudWebhook(incoming({ type: 'text', text: { body: 'x' } }), 'another-number', NOW)).toEqual({
      messages: [], statuses: [], unknown: [`phone_number_id: ${PHONE_ID}`],
    });
    expect(readCloudWebhook({ object: 'page', entry: [] }, PHONE_ID, NOW).unknown).toEqual(['object: page']);
    expect(readCloudWebhook([1, 2], PHONE_ID, NOW).unknown).toEqual(['object: object']);
  });

  it('uses the current time when a message has no timestamp', () => {
    const body = webhook({ messages: [{ from: VENDOR, id: 'wamid.X', type: 'text', text: { body: 'hi' } }] });
    expect(readCloudWebhook(body, PHONE_ID, NOW).messages[0]?.receivedAt).toEqual(NOW);
  });
});
