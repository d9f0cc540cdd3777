import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import { createLogger } from '../../../src/lib/logger.ts';
import { configuredChannels, startPayung, type RunningPayung } from '../../../src/start-payung.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { startTelegramEmulator, waitFor, type TelegramEmulator } from '../../helpers/telegram-emulator.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.ts';

const logger = createLogger('silent');

describe('which channels payung start runs', () => {
  it('runs the simulator when nothing else is configured, and every configured channel otherwise', () => {
    expect(configuredChannels(loadConfig({}))).toEqual(['simulator']);
    expect(configuredChannels(loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', WHATSAPP_WEB_ENABLED: 'true' }))).toEqual(['telegram', 'whatsapp']);
  });
});

describe('payung start with Telegram, against the Bot API emulator', () => {
  let database: TestDatabase;
  let emulator: TelegramEmulator;
  let running: RunningPayung;

  beforeAll(async () => {
    database = await createTestDatabase();
    emulator = await startTelegramEmulator();
    const { app } = await openTestApp(database);
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot });
    running = await startPayung(app, config, { logger, port: 0 });
  });
  afterAll(async () => {
    await running?.stop();
    await emulator?.stop();
    await database?.close();
  });

  it('answers a vendor through the dispatcher: message in, reply out, in order', async () => {
    expect(running.channels).toEqual(['telegram']);
    const client = emulator.server.getClient(emulator.token, { chatId: 501, userId: 501, firstName: 'Siti' });
    await client.sendMessage(client.makeMessage('halo'));
    const received: string[] = [];
    await waitFor(() => {
      received.push(...emulator.takeBotMessages(501).map((m) => String(m.text)));
      return received.length >= 2;
    }, 20_000, 'the greeting and the consent question');
    expect(received[0]).toContain('Halo! Saya Payung');
    expect(received[1]).toContain('Apakah Anda setuju?');
  });

  it('fails fast naming the variable when a channel is asked for without its configuration', async () => {
    const { app } = await openTestApp(database);
    await expect(startPayung(app, loadConfig({}), { logger, port: 0, channels: ['telegram'] })).rejects.toThrow(/^TELEGRAM_BOT_TOKEN: /);
    await expect(startPayung(app, loadConfig({}), { logger, port: 0, channels: ['whatsapp-cloud'] })).rejects.toThrow(/^WHATSAPP_CLOUD_ACCESS_TOKEN: /);
  });
});

describe('payung start with the payments webhook configured', () => {
  it('serves POST /api/payments, refusing an unsigned call', async () => {
    const database = await createTestDatabase();
    try {
      const { app } = await openTestApp(database);
      const running = await startPayung(app, loadConfig({ PAYMENTS_WEBHOOK_SECRET: 's'.repeat(32) }), { logger, port: 0 });
      try {
        const response = await fetch(`${running.url}api/payments`, { method: 'POST', body: '{"reference":"x","amount":1000}', headers: { 'content-type': 'application/json' } });
        expect(response.status).toBe(401);
        expect((await fetch(`${running.url}healthz`)).status).toBe(200);
      } finally {
        await running.stop();
      }
    } finally {
      await database.close();
    }
  });
});
