import { describe, expect, it, vi } from 'vitest';
import type { InboundMessage, MessageHandler } from '../../../src/runtime/ports/index.ts';
import type { ChannelLogger } from '../../../src/lib/channel-logger.ts';
import { assertBrowserExists, createWwebClient } from '../../../src/channels/whatsapp-web/create-wweb-client.ts';
import { createWhatsAppWebChannel, type WhatsAppWebChannelOptions } from '../../../src/channels/whatsapp-web/channel.ts';
import { NOT_CONNECTED_RETRY_MS } from '../../../src/channels/whatsapp-web/sender.ts';
import { ConfigError } from '../../../src/lib/errors.ts';
import { manualClock } from '../../../src/lib/clock.ts';
import { fakeWwebClients } from '../../helpers/fake-wweb-client.ts';

const START = new Date('2025-08-17T03:00:00Z');
const VENDOR = '6281234567890@c.us';

function setup(overrides: Partial<WhatsAppWebChannelOptions> = {}) {
  const received: InboundMessage[] = [];
  const handler: MessageHandler = {
    handle: vi.fn(async (message: InboundMessage) => {
      received.push(message);
      return { duplicate: false, replies: [] };
    }),
  };
  const fakes = fakeWwebClients();
  const clock = manualClock(START);
  const qrs: string[] = [];
  const logger: ChannelLogger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const channel = createWhatsAppWebChannel({
    handler,
    dataDir: '/var/lib/payung',
    createClient: fakes.createClient,
    pacing: { minIntervalMs: 10_000, jitterMs: 5_000, dailyCap: 2 },
    random: () => 0,
    clock,
    logger,
    onQr: (qr) => qrs.push(qr),
    reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
  return { channel, handler, received, fakes, clock, qrs, logger };
}

const outbound = (payload: { text: string; choices?: string[] }, outboxId = 1) => ({
  outboxId,
  address: VENDOR,
  kind: 'reply' as const,
  payload,
  lastInboundAt: START,
});

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('WhatsApp through whatsapp-web.js (fake Client)', () => {
  it('keeps the LocalAuth session under the data folder and uses the configured browser', async () => {
    const { channel, fakes } = setup({ executablePath: '/opt/chromium/chrome' });
    await channel.start();
    expect(fakes.latest().options).toEqual({ dataPath: '/var/lib/payung/whatsapp-web', clientId: 'payung', executablePath: '/opt/chromium/chrome' });
    expect(fakes.latest().initialized).toBe(1);
    await channel.stop();
    expect(fakes.latest().destroyed).toBe(true);
  });

  it('shows the QR to the operator and keeps it for the admin page until the account is ready', async () => {
    const { channel, fakes, qrs, clock } = setup();
    await channel.start();
    expect(channel.latestQr()).toBeNull();
    fakes.latest().emit('qr', '2@abc,def');
    clock.advance(20_000);
    fakes.latest().emit('qr', '2@ghi,jkl');
    expect(qrs).toEqual(['2@abc,def', '2@ghi,jkl']);
    expect(channel.latestQr()).toEqual({ qr: '2@ghi,jkl', at: new Date(START.getTime() + 20_000) });
    expect(channel.state()).toBe('waiting for QR scan');
    fakes.latest().emit('ready');
    expect(channel.latestQr()).toBeNull();
    expect(channel.state()).toBe('ready');
    await channel.stop();
  });

  it('hands a vendor message to the runtime and ignores groups, statuses and our own messages', async () => {
    const { channel, fakes, received } = setup();
    await channel.start();
    const client = fakes.latest();
    client.emit('ready');
    client.receive({ from: VENDOR, body: 'daftar', id: { _serialized: 'false_628_A1' } });
    client.receive({ from: '120363025246125486@g.us', body: 'halo grup' });
    client.receive({ from: 'status@broadcast', isStatus: true });
    client.receive({ from: VENDOR, fromMe: true, body: 'balasan kita' });
    client.receive({ from: VENDOR, type: 'ptt' });
    await until(() => received.length === 2);
    expect(received[0]).toMatchObject({ channel: 'whatsapp', externalId: 'false_628_A1', from: VENDOR, text: 'daftar', kind: 'text' });
    expect(received[1]).toMatchObject({ kind: 'voice', from: VENDOR });
    await channel.stop();
  });

  it('hands one chat\'s messages to the runtime one at a time, in order', async () => {
    const { channel, fakes, handler } = setup();
    const order: string[] = [];
    let release: () => void = () => {};
    vi.mocked(handler.handle).mockImplementationOnce(async (m) => {
      await new Promise<void>((resolve) => { release = resolve; });
      order.push(m.text ?? '');
      return { duplicate: false, replies: [] };
    }).mockImplementationOnce(async (m) => {
      order.push(m.text ?? '');
      return { duplicate: false, replies: [] };
    });
    await channel.start();
    fakes.latest().receive({ from: VENDOR, body: 'ya' });
    fakes.latest().receive({ from: VENDOR, body: '1' });
    await until(() => vi.mocked(handler.handle).mock.calls.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(vi.mocked(handler.handle).mock.calls).toHaveLength(1);
    release();
    await until(() => order.length === 2);
    expect(order).toEqual(['ya', '1']);
    await channel.stop();
  });

  it('hands a message to the runtime again when handling fails once (whatsapp-web.js never redelivers)', async () => {
    const { channel, fakes, handler, received, logger } = setup({ retryDelaysMs: [1, 1] });
    vi.mocked(handler.handle).mockRejectedValueOnce(new Error('database down'));
    await channel.start();
    fakes.latest().receive({ from: VENDOR, body: 'halo', id: { _serialized: 'false_628_R1' } });
    await until(() => received.length === 1);
    expect(handler.handle).toHaveBeenCalledTimes(2);
    expect(vi.mocked(logger.warn).mock.calls[0]?.[0]).toMatchObject({ externalId: 'false_628_R1', attempt: 1 });
    expect(logger.error).not.toHaveBeenCalled();
    await channel.stop();
  });

  it('logs a runtime failure that outlasts the retries by message id, without the text', async () => {
    const { channel, fakes, handler, logger } = setup({ retryDelaysMs: [1, 1] });
    vi.mocked(handler.handle).mockRejectedValue(new Error('database down'));
    await channel.start();
    fakes.latest().receive({ from: VENDOR, body: '3174010101010001', id: { _serialized: 'false_628_B1' } });
    await until(() => vi.mocked(logger.error).mock.calls.length === 1);
    expect(handler.handle).toHaveBeenCalledTimes(3);
    const [fields] = vi.mocked(logger.error).mock.calls[0] ?? [];
    expect(fields).toMatchObject({ externalId: 'false_628_B1' });
    expect(JSON.stringify(fields)).not.toContain('3174010101010001');
    expect(JSON.stringify(vi.mocked(logger.warn).mock.calls)).not.toContain('3174010101010001');
    await channel.stop();
  });

  it('sends choices as a numbered list and returns the WhatsApp message id', async () => {
    const { channel, fakes } = setup();
    await channel.start();
    fakes.latest().emit('ready');
    const result = await channel.sender.send(outbound({ text: 'Lanjut daftar?', choices: ['Ya', 'Tidak'] }));
    expect(result).toEqual({ ok: true, providerMessageId: `true_${VENDOR}_OUT1` });
    expect(fakes.latest().sent).toEqual([{ chatId: VENDOR, content: 'Lanjut daftar?\n\n1. Ya\n2. Tidak' }]);
    await channel.stop();
  });

  it('addresses a bare or + number as a WhatsApp chat id', async () => {
    const { channel, fakes } = setup();
    await channel.start();
    fakes.latest().emit('ready');
    await channel.sender.send({ ...outbound({ text: 'halo' }), address: '+6281234567890' });
    expect(fakes.latest().sent[0]?.chatId).toBe(VENDOR);
    await channel.stop();
  });

  it('refuses to send while not connected, retryable, without touching the client', async () => {
    const { channel, fakes } = setup();
    await channel.start();
    const result = await channel.sender.send(outbound({ text: 'halo' }));
    expect(result).toEqual({ ok: false, retryable: true, error: 'whatsapp-web not connected', retryAfterMs: NOT_CONNECTED_RETRY_MS });
    expect(fakes.latest().sent).toEqual([]);
    await channel.stop();
  });

  it('paces sends: too soon or over the daily cap comes back retryable with retryAfterMs and nothing is sent', async () => {
    const { channel, fakes, clock } = setup();
    await channel.start();
    fakes.latest().emit('ready');
    expect((await channel.sender.send(outbound({ text: 'satu' }, 1))).ok).toBe(true);
    expect(await channel.sender.send(outbound({ text: 'dua' }, 2))).toEqual({
      ok: false, retryable: true, error: 'paced (interval)', retryAfterMs: 10_000,
    });
    clock.advance(10_000);
    expect((await channel.sender.send(outbound({ text: 'dua' }, 2))).ok).toBe(true);
    clock.advance(10_000);
    expect(await channel.sender.send(outbound({ text: 'tiga' }, 3))).toMatchObject({
      ok: false, retryable: true, error: 'paced (daily cap)', retryAfterMs: 24 * 3_600_000 - 20_000,
    });
    expect(fakes.latest().sent.map((s) => s.content)).toEqual(['satu', 'dua']);
    await channel.stop();
  });

  it('reports a failed send as retryable', async () => {
    const { channel, fakes } = setup();
    await channel.start();
    fakes.latest().emit('ready');
    fakes.latest().failSends = new Error('Evaluation failed: chat not found');
    expect(await channel.sender.send(outbound({ text: 'halo' }))).toEqual({
      ok: false, retryable: true, error: 'whatsapp-web send failed: Evaluation failed: chat not found',
    });
    await channel.stop();
  });

  it('reconnects with a new client after a disconnect, backing off, and sends again once ready', async () => {
    const { channel, fakes } = setup();
    await channel.start();
    const first = fakes.latest();
    first.emit('ready');
    first.emit('disconnected', 'NAVIGATION');
    expect(channel.state()).toBe('reconnecting');
    expect((await channel.sender.send(outbound({ text: 'halo' }))).ok).toBe(false);
    await until(() => fakes.clients.length === 2);
    expect(first.destroyed).toBe(true);
    const second = fakes.latest();
    expect(second.initialized).toBe(1);
    second.emit('disconnected', 'CONFLICT'); // before ready: the backoff doubles
    await until(() => fakes.clients.length === 3);
    fakes.latest().emit('ready');
    expect(channel.state()).toBe('ready');
    expect((await channel.sender.send(outbound({ text: 'halo' }))).ok).toBe(true);
    first.emit('message', { id: { _serialized: 'stale' }, from: VENDOR, fromMe: false, body: 'x', type: 'chat', timestamp: 1 });
    await channel.stop();
  });

  it('retries when the client fails to initialize', async () => {
    const fakes = fakeWwebClients();
    let calls = 0;
    const { channel } = setup({
      createClient: (options) => {
        const client = fakes.createClient(options);
        calls += 1;
        if (calls === 1) client.initialize = async () => { throw new Error('Failed to launch the browser process'); };
        return client;
      },
    });
    await channel.start();
    await until(() => fakes.clients.length === 2);
    expect(fakes.clients[0]?.destroyed).toBe(true);
    await channel.stop();
  });

  it('stops reconnecting once stopped', async () => {
    const { channel, fakes } = setup({ reconnect: { initialDelayMs: 30, maxDelayMs: 30 } });
    await channel.start();
    fakes.latest().emit('disconnected', 'LOGOUT');
    await channel.stop();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fakes.clients).toHaveLength(1);
    expect(channel.state()).toBe('stopped');
  });
});

describe('the real whatsapp-web.js client factory', () => {
  it('fails before launching when the browser is missing, naming the Debian package and the variable', async () => {
    const make = () => createWwebClient({ dataPath: '/tmp/payung-wa', clientId: 'payung', executablePath: '/nonexistent/chromium' });
    expect(make).toThrow(ConfigError);
    expect(make).toThrow(/PUPPETEER_EXECUTABLE_PATH/);
    expect(make).toThrow(/`chromium`/);
    expect(make).toThrow(/apt-get install/);
  });

  it('makes start() fail with that error when no client factory is injected', async () => {
    const { channel } = setup({ createClient: undefined, executablePath: '/nonexistent/chromium' });
    await expect(channel.start()).rejects.toThrow(/no browser at \/nonexistent\/chromium/);
    expect(channel.state()).toBe('stopped');
  });

  it('accepts an existing executable', () => {
    expect(() => assertBrowserExists(process.execPath)).not.toThrow();
  });
});
