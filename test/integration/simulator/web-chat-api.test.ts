import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebChatApp, HANDLER_FAILED } from '../../../src/channels/simulator/web-chat.ts';
import { createFakeRuntime, type FakeRuntime } from './fake-runtime.ts';

const NOW = new Date('2025-08-17T03:00:00Z');

describe('web chat API', () => {
  let runtime: FakeRuntime;
  let logError: ReturnType<typeof vi.fn<(error: unknown, context: Readonly<Record<string, string>>) => void>>;
  let app: ReturnType<typeof createWebChatApp>;

  beforeEach(() => {
    runtime = createFakeRuntime();
    logError = vi.fn<(error: unknown, context: Readonly<Record<string, string>>) => void>();
    let n = 0;
    app = createWebChatApp({ ...runtime, now: () => NOW, newExternalId: () => `server-${++n}`, logError });
  });

  const post = (body: unknown) =>
    app.request('/api/sim/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('serves one self-contained page with a strict content security policy', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await res.text();
    expect(html).toContain('Payung — simulator chat');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).not.toMatch(/\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write/);
  });

  it('answers /healthz', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('hands a text message to the runtime and returns what the outbox holds', async () => {
    const res = await post({ contact: 'budi', id: 'm-1', text: 'halo\nkak' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      replies: [{ text: 'Anda menulis: halo\nkak', choices: ['Ya', 'Tidak'] }],
      duplicate: false,
    });
    expect(runtime.received).toEqual([
      { channel: 'simulator', externalId: 'm-1', from: 'budi', text: 'halo\nkak', kind: 'text', receivedAt: NOW },
    ]);
  });

  it('sends a sticker as a kind without text', async () => {
    const res = await post({ contact: 'budi', id: 'm-2', kind: 'sticker' });
    expect(res.status).toBe(200);
    expect(runtime.received[0]).toEqual({ channel: 'simulator', externalId: 'm-2', from: 'budi', kind: 'sticker', receivedAt: NOW });
  });

  it('accepts an empty text message', async () => {
    expect((await post({ contact: 'budi', id: 'm-3', text: '' })).status).toBe(200);
    expect(runtime.received[0]?.text).toBe('');
  });

  it('gives a message without id a server id', async () => {
    await post({ contact: 'budi', text: 'halo' });
    expect(runtime.received[0]?.externalId).toBe('server-1');
  });

  it.each([
    ['no contact', { id: 'm', text: 'halo' }, 'contact'],
    ['a blank contact', { contact: '   ', id: 'm', text: 'halo' }, 'contact'],
    ['neither text nor kind', { contact: 'budi', id: 'm' }, 'text'],
    ['kind text without text', { contact: 'budi', id: 'm', kind: 'text' }, 'text'],
    ['an unknown kind', { contact: 'budi', id: 'm', kind: 'gif' }, 'kind'],
    ['a number as text', { contact: 'budi', id: 'm', text: 5 }, 'text'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string; issues: { path: string }[] };
    expect(json.error).toMatch(/^Permintaan tidak valid/);
    expect(json.issues.map((i) => i.path)).toContain(field);
    expect(runtime.received).toHaveLength(0);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await post('halo');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringContaining('JSON') });
  });

  it('accepts 10,000 characters and refuses 10,001 with 413', async () => {
    expect((await post({ contact: 'budi', id: 'long', text: 'a'.repeat(10_000) })).status).toBe(200);
    const res = await post({ contact: 'budi', id: 'longer', text: 'a'.repeat(10_001) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: expect.stringContaining('terlalu panjang') });
    expect(runtime.received).toHaveLength(1);
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const res = await post({ contact: 'budi', id: 'huge', text: 'a'.repeat(300_000) });
    expect(res.status).toBe(413);
  });

  it('turns a runtime failure into 500 with a message for the vendor, logging ids but not the text', async () => {
    runtime.failNext(1);
    const res = await post({ contact: 'budi', id: 'm-9', text: 'NIK saya 3171234567890001' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: HANDLER_FAILED });
    expect(logError).toHaveBeenCalledOnce();
    expect(JSON.stringify(logError.mock.calls[0]?.[1])).not.toContain('3171');
    expect(logError.mock.calls[0]?.[1]).toMatchObject({ contact: 'budi', id: 'm-9' });
  });

  it('answers a retried message (same id) with the replies of the first time', async () => {
    const first = await (await post({ contact: 'budi', id: 'm-5', text: 'ya' })).json();
    const retry = await (await post({ contact: 'budi', id: 'm-5', text: 'ya' })).json();
    expect(retry).toEqual({ ...first, duplicate: true });
    expect(runtime.received.map((m) => m.externalId)).toEqual(['m-5', 'm-5']);
  });

  it('hands queued messages to GET once', async () => {
    runtime.queue('budi', { text: 'Pengingat: iuran jatuh tempo 3 hari lagi.' });
    const res = await app.request('/api/sim/messages?contact=budi');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ replies: [{ text: 'Pengingat: iuran jatuh tempo 3 hari lagi.' }] });
    expect(await (await app.request('/api/sim/messages?contact=budi')).json()).toEqual({ replies: [] });
  });

  it('refuses GET without a contact', async () => {
    expect((await app.request('/api/sim/messages')).status).toBe(400);
  });

  it('turns an outbox failure on GET into 500', async () => {
    const broken = createWebChatApp({
      handler: runtime.handler,
      outbox: { takeFor: () => Promise.reject(new Error('down')) },
      logError,
    });
    expect((await broken.request('/api/sim/messages?contact=budi')).status).toBe(500);
    expect(logError).toHaveBeenCalledOnce();
  });
});
