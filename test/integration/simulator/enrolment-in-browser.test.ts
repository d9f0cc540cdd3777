import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createWebChatApp } from '../../../src/channels/simulator/web-chat.ts';
import { serveHttp, type ServedHttp } from '../../../src/http/serve-http.ts';
import { hasChromium, launchBrowser } from '../../helpers/browser.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.ts';
import { members } from '../../../src/store/schema.ts';

/** The newcomer's path: the real runtime and database behind the web chat, in Chromium. */
describe.skipIf(!hasChromium)('enrolling through the web chat in a real browser', () => {
  let browser: Browser;
  let database: TestDatabase;
  let server: ServedHttp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { app } = await openTestApp(database);
    server = await serveHttp(createWebChatApp({ handler: app.runtime, outbox: app.runtime, logError: () => {} }), { host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('walks from "halo" to a registered member with a bill, tapping the offered choices', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url);
    const bot = page.locator('.msg.bot .text');
    const send = async (text: string) => {
      const before = await bot.count();
      await page.locator('#text').fill(text);
      await page.locator('#text').press('Enter');
      await expect.poll(() => bot.count()).toBeGreaterThan(before);
    };
    const tap = async (name: string | RegExp) => {
      const before = await bot.count();
      await page.getByRole('button', { name }).last().click();
      await expect.poll(() => bot.count()).toBeGreaterThan(before);
    };
    await send('halo');
    await expect.poll(() => bot.last().textContent()).toContain('Apakah Anda setuju?');
    await tap('1. Ya');
    for (const answer of ['Siti Aminah', '3174015708850001', '17-08-1985', 'lewati', 'Bali', 'Kota Denpasar']) await send(answer);
    await tap(/^\d+\. Pedagang kaki lima$/);
    await tap(/^\d+\. Kawasan wisata$/);
    await send('1,5 jt');
    await expect.poll(() => bot.last().textContent()).toContain('pegawai');
    await tap('2. Tidak');
    // The prices are on the numbered options, not repeated in the question's text.
    await expect.poll(() => page.getByRole('button', { name: '1. JKK + JKM (Rp11.400/bulan)' }).last().isVisible()).toBe(true);
    await tap(/^2\. JKK \+ JKM \+ JHT/);
    await tap(/^1\. 1 bulan/);
    await tap('1. Bayar sendiri');
    await expect.poll(() => bot.last().textContent()).toContain('Sudah benar?');
    await tap('1. Ya, sudah benar');
    await expect.poll(async () => (await bot.allTextContents()).join('\n')).toContain('Selamat, SITI AMINAH!');
    // 1,5 jt → dasar 1.600.000: JKK 16.000 + JKM 6.800 halved = 11.400, + JHT 32.000 = 43.400.
    expect((await bot.allTextContents()).join('\n')).toContain('Jumlah: Rp43.400');
    const [member] = await database.db.select().from(members);
    expect(member).toMatchObject({ regencyCode: '51.71', workplaceType: 'kawasan_wisata', programmes: ['JKK', 'JKM', 'JHT'] });
    await page.close();
  });
});
