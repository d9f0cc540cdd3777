import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebChatApp } from '../../../src/channels/simulator/web-chat.ts';
import { serveHttp, type ServedHttp } from '../../../src/http/serve-http.ts';
import { hasChromium, launchBrowser } from '../../helpers/browser.ts';
import { createFakeRuntime, type FakeRuntime } from './fake-runtime.ts';

// A phone-sized viewport (a common cheap Android's CSS pixels).
const PHONE = { width: 360, height: 740 };

describe.skipIf(!hasChromium)('web chat in a real browser', () => {
  let browser: Browser;
  let server: ServedHttp;
  let runtime: FakeRuntime;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    runtime = createFakeRuntime();
    server = await serveHttp(createWebChatApp({ ...runtime, logError: () => {} }), { host: '127.0.0.1', port: 0 });
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true });
    page = await context.newPage();
    pageErrors = [];
    // A CSP hash out of date, or any script error, shows up here.
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('Failed to load resource')) pageErrors.push(message.text());
    });
    await page.goto(server.url);
  });
  afterEach(async () => {
    await page.context().close();
    await server.close();
    expect(pageErrors).toEqual([]);
  });

  const botTexts = () => page.locator('.msg.bot .text').allTextContents();
  const myTexts = () => page.locator('.msg.me .text').allTextContents();
  const contactId = async () => ((await page.locator('#contact-id').textContent()) ?? '').replace('Kontak: ', '');

  async function type(text: string) {
    await page.locator('#text').fill(text);
    await page.locator('#text').press('Enter');
  }

  it('sends a typed message, shows the reply, and sends a tapped choice', async () => {
    await type('halo');
    await expect.poll(botTexts).toEqual(['Anda menulis: halo']);
    await page.getByRole('button', { name: '1. Ya', exact: true }).click();
    await expect.poll(botTexts).toEqual(['Anda menulis: halo', 'Anda menulis: 1. Ya']);
    expect(await myTexts()).toEqual(['halo', '1. Ya']);
    expect(await page.locator('#text').inputValue()).toBe('');

    const contact = await contactId();
    expect(contact).toMatch(/^sim-[0-9a-f]{16}$/);
    expect(runtime.received.map((m) => [m.from, m.text, m.kind])).toEqual([
      [contact, 'halo', 'text'],
      [contact, '1. Ya', 'text'], // the tapped button's own words; the engine reads it as option 1
    ]);
    expect(new Set(runtime.received.map((m) => m.externalId)).size).toBe(2);

    const screenshot = process.env['PAYUNG_SCREENSHOT'];
    if (screenshot) {
      await type('Baris satu\nbaris dua: <i>miring?</i>');
      await expect.poll(botTexts).toHaveLength(3);
      runtime.queue(contact, { text: 'Pengingat: iuran Rp16.800 jatuh tempo 15 September.\nBalas BAYAR untuk kode pembayaran.' });
      await expect.poll(botTexts, { timeout: 5000 }).toHaveLength(4);
      await page.getByRole('button', { name: 'Stiker' }).click();
      await expect.poll(botTexts).toHaveLength(5);
      await page.screenshot({ path: screenshot });
    }
  });

  it('sends a sticker as a non-text kind', async () => {
    await page.getByRole('button', { name: 'Stiker' }).click();
    await expect.poll(botTexts).toEqual(['Maaf, Payung baru bisa membaca teks (Anda mengirim: sticker).']);
    expect(await myTexts()).toEqual(['[stiker]']);
    expect(runtime.received[0]).toMatchObject({ kind: 'sticker' });
    expect(runtime.received[0]).not.toHaveProperty('text');
  });

  it('shows markup in a reply as text and keeps newlines', async () => {
    await type('<b>tebal</b>\n<img src=x onerror="alert(1)">');
    await expect.poll(botTexts).toEqual(['Anda menulis: <b>tebal</b>\n<img src=x onerror="alert(1)">']);
    expect(await page.locator('#log b, #log img').count()).toBe(0);
    const shown = await page.locator('.msg.bot .text').innerText();
    expect(shown.split('\n')).toHaveLength(2);
  });

  it('shows messages the server queued on its own (polling)', async () => {
    runtime.queue(await contactId(), { text: 'Pengingat: iuran jatuh tempo 3 hari lagi.' });
    await expect.poll(botTexts, { timeout: 5000 }).toEqual(['Pengingat: iuran jatuh tempo 3 hari lagi.']);
  });

  it('resends a message whose response was lost with the same id, and shows the reply once', async () => {
    let lost = false;
    await page.route('**/api/sim/messages', async (route) => {
      if (route.request().method() !== 'POST' || lost) return route.continue();
      lost = true;
      await route.fetch(); // the server handles it…
      await route.abort('connectionreset'); // …and the browser never hears back
    });
    await type('iya kak');
    // The page retries after 500 ms; a busy CI machine needs more than poll's default second.
    await expect.poll(botTexts, { timeout: 10_000 }).toEqual(['Anda menulis: iya kak']);
    const ids = runtime.received.map((m) => m.externalId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(await myTexts()).toEqual(['iya kak']);
  });

  it('keeps retrying with the same id while the runtime fails', async () => {
    runtime.failNext(2);
    await type('daftar');
    await expect.poll(botTexts, { timeout: 10_000 }).toEqual(['Anda menulis: daftar']);
    expect(new Set(runtime.received.map((m) => m.externalId)).size).toBe(1);
    expect(runtime.received).toHaveLength(3);
    await expect.poll(() => page.locator('#status').isHidden()).toBe(true);
  });

  it('starts over as a new contact', async () => {
    await type('halo');
    await expect.poll(botTexts).toHaveLength(1);
    const before = await contactId();
    await page.getByRole('button', { name: 'Kontak baru' }).click();
    const after = await contactId();
    expect(after).not.toBe(before);
    expect(await botTexts()).toEqual([]);
    await type('halo lagi');
    await expect.poll(botTexts).toEqual(['Anda menulis: halo lagi']);
    expect(runtime.received.at(-1)?.from).toBe(after);
    await page.reload();
    expect(await contactId()).toBe(after);
    expect(await myTexts()).toEqual(['halo lagi']);
  });
});
