/**
 * Long polling through a database outage: an update is acknowledged (the getUpdates offset moved
 * past it) only once its transaction has committed, however long the outage lasts.
 */
import { describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../src/channels/telegram/channel.ts';
import { StoreError } from '../../../src/lib/errors.ts';
import type { MessageHandler } from '../../../src/runtime/ports/index.ts';
import { inboundMessages } from '../../../src/store/schema.ts';
import { drainOutbox } from '../../helpers/drain-outbox.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { startTelegramEmulator, waitFor } from '../../helpers/telegram-emulator.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();

/** The runtime behind a switch: while `down`, every transaction fails as with the database gone. */
function outage(inner: MessageHandler) {
  const state = { down: true, attempts: 0 };
  const handler: MessageHandler = {
    async handle(message) {
      state.attempts += 1;
      if (state.down) throw new StoreError('connect ECONNREFUSED 127.0.0.1:5432');
      return inner.handle(message);
    },
  };
  return { state, handler };
}

describe('Telegram long polling while the database is down', () => {
  it('keeps retrying an update past every retry delay, and handles it once the database is back', async () => {
    const emulator = await startTelegramEmulator();
    const { app } = await openTestApp(database());
    const { state, handler } = outage(app.runtime);
    // Delays of a few ms stand in for 1, 5 and 15 s: the outage outlasts all of them many times.
    const channel = createTelegramChannel({ token: emulator.token, apiRoot: emulator.apiRoot, handler, mode: 'polling', pollIdleMs: 20, retryDelaysMs: [5, 10, 20] });
    await channel.start();
    try {
      const client = emulator.server.getClient(emulator.token, { chatId: 7001, userId: 7001, firstName: 'Siti' });
      await client.sendMessage(client.makeMessage('halo'));
      await waitFor(() => state.attempts >= 15, 10_000, 'the update tried many times');
      state.down = false;
      await waitFor(async () => (await database().db.select().from(inboundMessages)).length === 1, 10_000, 'the update handled after the outage');
      await drainOutbox(database().db, channel.sender);
      expect(emulator.takeBotMessages(7001).map((m) => m.text).join('\n')).toContain('Halo! Saya Payung');
    } finally {
      await channel.stop();
      await emulator.stop();
    }
  }, 60_000);

  it('does not confirm the offset of an update it stopped before handling, so Telegram delivers it again', async () => {
    const emulator = await startTelegramEmulator();
    const { app } = await openTestApp(database());
    const { state, handler } = outage(app.runtime);
    const channel = createTelegramChannel({ token: emulator.token, apiRoot: emulator.apiRoot, handler, mode: 'polling', pollIdleMs: 20, retryDelaysMs: [5] });
    await channel.start();
    const calls: { method: string; payload: Record<string, unknown> }[] = [];
    const telegram = channel.bot.telegram as unknown as { callApi: (method: string, payload: Record<string, unknown>, options?: unknown) => Promise<unknown> };
    const callApi = telegram.callApi.bind(telegram);
    telegram.callApi = (method, payload, options) => {
      calls.push({ method, payload });
      return callApi(method, payload, options);
    };
    try {
      const client = emulator.server.getClient(emulator.token, { chatId: 7002, userId: 7002, firstName: 'Budi' });
      await client.sendMessage(client.makeMessage('halo'));
      await waitFor(() => state.attempts >= 3, 10_000, 'the update tried');
      const before = calls.length;
      await channel.stop();
      // telegraf's offset sync on stop is a getUpdates with limit 1: it must not happen.
      expect(calls.slice(before).filter((c) => c.method === 'getUpdates')).toEqual([]);
      expect(await database().db.select().from(inboundMessages)).toHaveLength(0);
    } finally {
      await channel.stop();
      await emulator.stop();
    }
  }, 60_000);
});
