/**
 * What comes in at the edge, end to end on the database: a NUL (or any control character) in a
 * message or a webhook field used to fail its transaction on every redelivery — a poison message
 * that answered 5xx for ever and stuck the web chat's queue. It is cleaned once, at the runtime's
 * entry (and in the payments webhook's fields), so every channel answers 2xx and replies.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPaymentsWebhook } from '../../../src/admin/payments-webhook.ts';
import { createWebChatApp } from '../../../src/channels/simulator/web-chat.ts';
import { createWhatsAppCloudChannel } from '../../../src/channels/whatsapp-cloud/channel.ts';
import { inboundMessages, outbox, payments } from '../../../src/store/schema.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { testReceipts } from '../payments/receipt-deps.ts';

const database = useTestDatabase();
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('a NUL in what comes in', () => {
  it('POST /api/sim/messages with "ya\\u0000" answers 200 with the reply, and the next message goes on', async () => {
    const { app } = await openTestApp(database());
    const chat = createWebChatApp({ handler: app.runtime, outbox: app.runtime, logError: () => {} });
    const post = (body: unknown) => chat.request('/api/sim/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    expect((await post({ contact: 'a', id: 'm0', text: 'halo' })).status).toBe(200);
    const res = await post({ contact: 'a', id: 'm1', text: 'ya\u0000' });
    expect(res.status).toBe(200);
    const body = await res.json() as { replies: { text: string }[] };
    // "ya" to the consent question: the name question comes.
    expect(body.replies.map((r) => r.text).join('\n')).toContain('nama lengkap');
    const next = await post({ contact: 'a', id: 'm2', text: 'Siti\u200b Aminah\u0007' });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n')).toContain('NIK');

    const stored = await database().db.select().from(inboundMessages);
    expect(stored.find((m) => m.externalId === 'm1')?.text).toBe('ya');
  });

  it('refuses a contact id with a NUL with 400, not 500', async () => {
    const { app } = await openTestApp(database());
    const chat = createWebChatApp({ handler: app.runtime, outbox: app.runtime, logError: () => {} });
    const res = await chat.request('/api/sim/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contact: 'a\u0000', text: 'halo' }) });
    expect(res.status).toBe(400);
    expect((await chat.request('/api/sim/messages?contact=a%00')).status).toBe(400);
  });

  it('the WhatsApp Cloud webhook answers 200 to a text with a NUL and queues the reply', async () => {
    const { app } = await openTestApp(database());
    const appSecret = 'meta-app-secret';
    const channel = createWhatsAppCloudChannel({
      config: { accessToken: 'EAAtoken', appSecret, verifyToken: 'v', phoneNumberId: '1065', graphBaseUrl: 'http://127.0.0.1:9' },
      handler: app.runtime, statusSink: { record: async () => {} }, logger: silent,
    });
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '6221000', phone_number_id: '1065' },
        contacts: [{ profile: { name: 'Bu\u0000 Sri' }, wa_id: '6281234567890' }],
        messages: [{ from: '6281234567890', id: 'wamid.1', timestamp: '1755400000', type: 'text', text: { body: 'halo\u0000' } }],
      } }] }],
    });
    const res = await channel.app.request('/webhooks/whatsapp', {
      method: 'POST', body: raw,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}` },
    });
    expect(res.status).toBe(200);
    const queued = await database().db.select().from(outbox);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued[0]?.address).toBe('6281234567890');
  });

  it('the payments webhook answers 200 to fields with a NUL and records the reference cleaned', async () => {
    const secret = 'partner-shared-secret';
    const webhook = createPaymentsWebhook({ db: database().db, secret, nikSecret: 'a-nik-secret-of-at-least-thirty-two-characters', clock: () => new Date('2026-12-01T03:00:00Z'), logger: silent, receipts: await testReceipts() });
    const raw = JSON.stringify({ reference: 'TRX\u0000-77\u200b', amount: 67_000, paid_at: '2026-12-01T02:00:00+07:00', payment_code: 'X\u0000' });
    const res = await webhook.request('/api/payments', { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'X-Payung-Signature': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'unmatched' });
    const [payment] = await database().db.select().from(payments);
    expect(payment?.externalRef).toBe('TRX-77');
  });
});
