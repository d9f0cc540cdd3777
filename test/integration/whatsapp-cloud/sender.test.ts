import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/runtime/ports/index.ts';
import { createWhatsAppCloudSender, WINDOW_CLOSED_NO_TEMPLATE } from '../../../src/channels/whatsapp-cloud/sender.ts';
import { manualClock } from '../../../src/lib/clock.ts';
import { startFakeGraphApi, type FakeGraphApi } from '../../helpers/fake-graph-api.ts';

const NOW = new Date('2025-08-17T03:00:00Z');
const HOUR = 3_600_000;
const VENDOR = '6281234567890';
const template = { name: 'pengingat_iuran', language: 'id', params: ['Bu Sri'] };

const message = (fields: Partial<OutboundMessage> = {}): OutboundMessage => ({
  outboxId: 7,
  address: VENDOR,
  kind: 'reply',
  payload: { text: 'Lanjut daftar?', choices: ['Ya', 'Tidak'] },
  lastInboundAt: new Date(NOW.getTime() - HOUR),
  ...fields,
});

describe('WhatsApp Cloud API sender against a fake Graph API', () => {
  let graph: FakeGraphApi;
  let sender: ReturnType<typeof createWhatsAppCloudSender>;

  beforeAll(async () => {
    graph = await startFakeGraphApi();
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    graph.requests.length = 0;
    sender = createWhatsAppCloudSender({
      config: { accessToken: 'EAAtoken', appSecret: 's', verifyToken: 'v', phoneNumberId: '106540352242922', graphBaseUrl: `${graph.baseUrl}/`, graphVersion: 'v21.0' },
      clock: manualClock(NOW),
    });
  });

  it('sends inside the window as free-form interactive buttons with the bearer token and returns the wamid', async () => {
    expect(await sender.send(message())).toEqual({ ok: true, providerMessageId: 'wamid.FAKE1' });
    expect(graph.requests).toHaveLength(1);
    const [request] = graph.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v21.0/106540352242922/messages', authorization: 'Bearer EAAtoken' });
    expect(request?.body).toMatchObject({ messaging_product: 'whatsapp', to: VENDOR, type: 'interactive' });
  });

  it('sends a template when the window is closed and the row has one', async () => {
    const result = await sender.send(message({ kind: 'reminder', lastInboundAt: new Date(NOW.getTime() - 25 * HOUR), payload: { text: 'Iuran jatuh tempo', template } }));
    expect(result.ok).toBe(true);
    expect(graph.requests[0]?.body).toMatchObject({
      type: 'template',
      template: { name: 'pengingat_iuran', language: { code: 'id' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Bu Sri' }] }] },
    });
  });

  it('refuses, for good and without calling Graph, when the window is closed and there is no template', async () => {
    expect(await sender.send(message({ lastInboundAt: null }))).toEqual({ ok: false, retryable: false, error: WINDOW_CLOSED_NO_TEMPLATE });
    expect(await sender.send(message({ lastInboundAt: new Date(NOW.getTime() - 24 * HOUR) }))).toMatchObject({ retryable: false });
    expect(graph.requests).toHaveLength(0);
  });

  it('turns throttling into a retryable result with retryAfterMs', async () => {
    graph.answerNext({ status: 400, body: graph.graphError(130429, '(#130429) Rate limit hit') });
    expect(await sender.send(message())).toEqual({ ok: false, retryable: true, error: 'graph 130429: (#130429) Rate limit hit', retryAfterMs: 2_000 });
    graph.answerNext({ status: 400, body: graph.graphError(131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit') });
    expect(await sender.send(message())).toMatchObject({ ok: false, retryable: true, retryAfterMs: 6_000 });
    graph.answerNext({ status: 429, body: graph.graphError(80007, 'Rate limit issues'), headers: { 'retry-after': '30' } });
    expect(await sender.send(message())).toMatchObject({ ok: false, retryable: true, retryAfterMs: 30_000 });
    expect(await sender.send(message())).toMatchObject({ ok: true }); // the retry goes through
  });

  it('retries a server error and an unreachable Graph API', async () => {
    graph.answerNext({ status: 500, body: { error: { message: 'An unknown error occurred', code: 1 } } });
    expect(await sender.send(message())).toMatchObject({ ok: false, retryable: true });
    const offline = createWhatsAppCloudSender({
      config: { accessToken: 't', appSecret: 's', verifyToken: 'v', phoneNumberId: '1', graphBaseUrl: 'http://127.0.0.1:9' },
      clock: manualClock(NOW),
    });
    expect(await offline.send(message())).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining('graph unreachable') });
  });

  it('does not retry re-engagement (131047) or an undeliverable message (131026)', async () => {
    graph.answerNext({ status: 400, body: graph.graphError(131047, 'Re-engagement message', 'Message failed to send because more than 24 hours have passed') });
    expect(await sender.send(message())).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('re-engagement') });
    graph.answerNext({ status: 400, body: graph.graphError(131026, 'Message Undeliverable') });
    expect(await sender.send(message())).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('undeliverable') });
  });
});
