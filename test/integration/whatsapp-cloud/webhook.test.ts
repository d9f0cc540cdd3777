import { createHmac } from 'node:crypto';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryStatusSink, InboundMessage, MessageHandler } from '../../../src/runtime/ports/index.ts';
import type { ChannelLogger } from '../../../src/lib/channel-logger.ts';
import { createWhatsAppCloudChannel } from '../../../src/channels/whatsapp-cloud/channel.ts';
import { manualClock } from '../../../src/lib/clock.ts';
import { startFakeGraphApi, type FakeGraphApi } from '../../helpers/fake-graph-api.ts';

const NOW = new Date('2025-08-17T03:00:00Z');
const APP_SECRET = 'meta-app-secret';
const PHONE_ID = '106540352242922';
const VENDOR = '6281234567890';

const sign = (raw: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

const webhook = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6221000', phone_number_id: PHONE_ID }, ...value } }] }],
});
const textMessage = (id: string, body: string) =>
  webhook({
    contacts: [{ profile: { name: 'Bu Sri' }, wa_id: VENDOR }],
    messages: [{ from: VENDOR, id, timestamp: '1755400000', type: 'text', text: { body } }],
  });

describe('WhatsApp Cloud API webhook, served over HTTP', () => {
  let graph: FakeGraphApi;
  let server: ReturnType<typeof serve>;
  let url: string;
  const received: InboundMessage[] = [];
  const statuses: unknown[][] = [];
  const handler: MessageHandler = { handle: vi.fn(async (m: InboundMessage) => { received.push(m); return { duplicate: false, replies: [] }; }) };
  const statusSink: DeliveryStatusSink = { record: vi.fn(async (...args: unknown[]) => { statuses.push(args); }) };
  const logger: ChannelLogger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

  beforeAll(async () => {
    graph = await startFakeGraphApi();
    const channel = createWhatsAppCloudChannel({
      config: { accessToken: 'EAAtoken', appSecret: APP_SECRET, verifyToken: 'payung-verify', phoneNumberId: PHONE_ID, graphBaseUrl: graph.baseUrl },
      handler,
      statusSink,
      clock: manualClock(NOW),
      logger,
    });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: channel.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/webhooks/whatsapp`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await graph.close();
  });
  beforeEach(() => {
    received.length = 0;
    statuses.length = 0;
    vi.clearAllMocks();
  });

  const post = (raw: string, signature: string | null = sign(raw)) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) }, body: raw });

  describe('verification (GET)', () => {
    it('echoes hub.challenge when the verify token matches', async () => {
      const res = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=payung-verify&hub.challenge=1158201444`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('1158201444');
    });

    it.each([
      ['a wrong token', 'hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1'],
      ['no token', 'hub.mode=subscribe&hub.challenge=1'],
      ['another mode', 'hub.mode=unsubscribe&hub.verify_token=payung-verify&hub.challenge=1'],
    ])('answers 403 to %s', async (_label, query) => {
      const res = await fetch(`${url}?${query}`);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('1');
    });
  });

  describe('signature', () => {
    const raw = JSON.stringify(textMessage('wamid.SIG', 'daftar'));

    it.each([
      ['unsigned', null],
      ['signed with another secret', sign(raw, 'not-the-secret')],
      ['signed over another body', sign(`${raw} `)],
      ['garbage', 'sha256=zz'],
    ])('rejects a webhook that is %s with 401 and hands nothing on', async (_label, signature) => {
      const res = await post(raw, signature);
      expect(res.status).toBe(401);
      expect(handler.handle).not.toHaveBeenCalled();
      expect(statusSink.record).not.toHaveBeenCalled();
    });

    it('checks the raw bytes: the same JSON re-serialised differently no longer matches', async () => {
      const spaced = JSON.stringify(JSON.parse(raw), null, 2);
      expect((await post(spaced, sign(raw))).status).toBe(401);
      expect((await post(spaced, sign(spaced))).status).toBe(200);
    });
  });

  it('hands a signed message to the runtime as an InboundMessage and answers 200', async () => {
    const res = await post(JSON.stringify(textMessage('wamid.IN1', 'daftar')));
    expect(res.status).toBe(200);
    expect(received).toEqual([{
      channel: 'whatsapp-cloud', externalId: 'wamid.IN1', from: VENDOR, text: 'daftar', kind: 'text',
      receivedAt: new Date(1_755_400_000_000), senderName: 'Bu Sri',
    }]);
  });

  it('reads a reply-button tap as the text of the button', async () => {
    const body = webhook({ messages: [{ from: VENDOR, id: 'wamid.BTN', timestamp: '1755400001', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'choice-1', title: 'Ya' } } }] });
    expect((await post(JSON.stringify(body))).status).toBe(200);
    expect(received[0]).toMatchObject({ kind: 'text', text: 'Ya', externalId: 'wamid.BTN' });
  });

  it('records sent, delivered, read and failed statuses in the sink', async () => {
    const body = webhook({
      statuses: [
        { id: 'wamid.OUT1', status: 'sent', timestamp: '1755400100', recipient_id: VENDOR },
        { id: 'wamid.OUT1', status: 'delivered', timestamp: '1755400101', recipient_id: VENDOR },
        { id: 'wamid.OUT1', status: 'read', timestamp: '1755400102', recipient_id: VENDOR },
        { id: 'wamid.OUT2', status: 'failed', timestamp: '1755400103', recipient_id: VENDOR,
          errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'Receiver is incapable of receiving this message' } }] },
      ],
    });
    expect((await post(JSON.stringify(body))).status).toBe(200);
    expect(statuses).toEqual([
      ['wamid.OUT1', 'sent', new Date(1_755_400_100_000), undefined],
      ['wamid.OUT1', 'delivered', new Date(1_755_400_101_000), undefined],
      ['wamid.OUT1', 'read', new Date(1_755_400_102_000), undefined],
      ['wamid.OUT2', 'failed', new Date(1_755_400_103_000), { code: 131026, title: 'Message undeliverable', details: 'Receiver is incapable of receiving this message' }],
    ]);
    expect(received).toEqual([]);
  });

  it('answers 400 to a signed body that is not JSON', async () => {
    const res = await post('{"object": "whatsapp_business_account", ');
    expect(res.status).toBe(400);
    expect(handler.handle).not.toHaveBeenCalled();
  });

  it('answers 200 to unknown types and fields, and logs each kind once', async () => {
    const odd = JSON.stringify(webhook({ messages: [{ from: VENDOR, id: 'wamid.ODD', timestamp: '1', type: 'hologram' }] }));
    expect((await post(odd)).status).toBe(200);
    expect((await post(odd)).status).toBe(200);
    const other = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'message_template_status_update', value: {} }] }] });
    expect((await post(other)).status).toBe(200);
    expect(handler.handle).not.toHaveBeenCalled();
    const logged = vi.mocked(logger.info).mock.calls.map(([fields]) => (fields as { what: string }).what);
    expect(logged).toEqual(['message type: hologram', 'field: message_template_status_update']);
  });

  it('answers 503 when the runtime fails, so Meta redelivers (the runtime dedupes by message id)', async () => {
    vi.mocked(handler.handle).mockRejectedValueOnce(new Error('database down'));
    const raw = JSON.stringify(textMessage('wamid.RETRY', '3174010101010001'));
    expect((await post(raw)).status).toBe(503);
    const [fields] = vi.mocked(logger.error).mock.calls[0] ?? [];
    expect(JSON.stringify(fields)).not.toContain('3174010101010001');
    expect((await post(raw)).status).toBe(200);
  });

  it('sends through the fake Graph API with the same channel object', async () => {
    // Ties the two halves: the webhook's InboundMessage time is what opens the window for a reply.
    const channel = createWhatsAppCloudChannel({
      config: { accessToken: 'EAAtoken', appSecret: APP_SECRET, verifyToken: 'v', phoneNumberId: PHONE_ID, graphBaseUrl: graph.baseUrl },
      handler,
      statusSink,
      clock: manualClock(NOW),
    });
    const result = await channel.sender.send({ outboxId: 1, address: VENDOR, kind: 'reply', payload: { text: 'Halo Bu Sri' }, lastInboundAt: new Date(NOW.getTime() - 60_000) });
    expect(result).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^wamid\.FAKE/) });
    expect(graph.requests.at(-1)?.body).toMatchObject({ type: 'text', text: { body: 'Halo Bu Sri' } });
  });
});
