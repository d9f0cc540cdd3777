import { serve } from '@hono/node-server';
import type { Update } from 'telegraf/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/channel.ts';
import type { ChannelLogger } from '../../../src/lib/channel-logger.ts';
import { SECRET_HEADER } from '../../../src/channels/telegram/webhook.ts';
import { inboundMessages, outbox } from '../../../src/store/schema.ts';
import { drainOutbox } from '../../helpers/drain-outbox.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { startTelegramEmulator, type TelegramEmulator } from '../../helpers/telegram-emulator.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { countingHandler } from './telegram-vendor.ts';

const SECRET = 'payung-webhook-secret_2026';
const database = useTestDatabase();
let emulator: TelegramEmulator;
let channel: TelegramChannel | undefined;
let server: ReturnType<typeof serve> | undefined;

beforeAll(async () => {
  emulator = await startTelegramEmulator();
});
afterEach(async () => {
  await channel?.stop();
  channel = undefined;
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});
afterAll(async () => {
  await emulator.stop();
});

/** Webhook mode mounted on a real HTTP server, as `payung start` would; replies go to the emulator. */
async function startWebhookBot(logger?: ChannelLogger) {
  const { app } = await openTestApp(database());
  const handler = countingHandler(app.runtime);
  const started = createTelegramChannel({
    token: emulator.token, apiRoot: emulator.apiRoot, handler, mode: 'webhook', webhookSecret: SECRET, ...(logger ? { logger } : {}),
  });
  channel = started;
  await started.start();
  const webhook = started.webhookCallback;
  if (webhook === undefined) throw new Error('webhook mode without a webhook handler');
  const url = await new Promise<string>((resolve) => {
    server = serve({ fetch: webhook, hostname: '127.0.0.1', port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}/telegram`));
  });
  const post = (body: string, headers: Record<string, string> = { [SECRET_HEADER]: SECRET }) =>
    fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { channel: started, handler, post };
}

function textUpdate(updateId: number, chatId: number, messageId: number, text: string): Update.MessageUpdate {
  return {
    update_id: updateId,
    message: { message_id: messageId, date: 1_764_039_600, chat: { id: chatId, type: 'private', first_name: 'Rina' }, from: { id: chatId, is_bot: false, first_name: 'Rina' }, text },
  } as Update.MessageUpdate;
}

describe('Telegram webhook mode', () => {
  it('handles a redelivered update once and sends its replies once', async () => {
    const { post } = await startWebhookBot();
    const update = JSON.stringify(textUpdate(700, 6001, 1, 'halo'));
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    const db = database().db;
    expect(await db.select().from(inboundMessages)).toHaveLength(1);
    const queued = await db.select().from(outbox);
    const drained = await drainOutbox(db, channel!.sender);
    expect(drained).toHaveLength(queued.length);
    expect(drained.every((d) => d.result.ok && d.result.providerMessageId !== undefined)).toBe(true);
    expect(emulator.takeBotMessages(6001).map((m) => m.text).join()).toContain('Halo!');
  });

  it('answers 200 to a text with a NUL and replies, so Telegram does not redeliver it for ever', async () => {
    const { post } = await startWebhookBot();
    expect((await post(JSON.stringify(textUpdate(710, 6010, 1, 'halo')))).status).toBe(200);
    expect((await post(JSON.stringify(textUpdate(711, 6010, 2, 'ya\u0000')))).status).toBe(200);
    const db = database().db;
    expect((await db.select().from(inboundMessages)).map((m) => m.text)).toEqual(['halo', 'ya']);
    await drainOutbox(db, channel!.sender);
    expect(emulator.takeBotMessages(6010).map((m) => m.text).join()).toContain('nama lengkap');
  });

  it('handles an update given twice to handleUpdate once', async () => {
    const { handler } = await startWebhookBot();
    await channel!.handleUpdate(textUpdate(701, 6002, 9, 'halo'));
    await channel!.handleUpdate(textUpdate(701, 6002, 9, 'halo'));
    expect(handler.handled).toHaveLength(2);
    expect(await database().db.select().from(inboundMessages)).toHaveLength(1);
  });

  it.each([
    ['a wrong secret', { [SECRET_HEADER]: 'not-the-secret' }],
    ['no secret', {} as Record<string, string>],
  ])('answers 401 to %s and handles nothing', async (_, headers) => {
    const { post, handler } = await startWebhookBot();
    expect((await post(JSON.stringify(textUpdate(702, 6003, 1, 'halo')), headers)).status).toBe(401);
    expect(handler.handled).toEqual([]);
    expect(await database().db.select().from(inboundMessages)).toEqual([]);
  });

  it('answers 400 to malformed JSON and handles nothing', async () => {
    const { post, handler } = await startWebhookBot();
    expect((await post('{"update_id": 703, "message": {')).status).toBe(400);
    expect(handler.handled).toEqual([]);
  });

  it('ignores edited messages and other update types, logging each type once', async () => {
    const logged: string[] = [];
    const logger: ChannelLogger = { info: (fields) => logged.push(String((fields as { type?: string }).type)), warn() {}, error() {} };
    const { post, handler } = await startWebhookBot(logger);
    const edited = { update_id: 704, edited_message: { ...textUpdate(0, 6004, 1, 'halo').message, edit_date: 1_764_039_700 } };
    const callback = { update_id: 705, callback_query: { id: '1', from: { id: 6004, is_bot: false, first_name: 'R' }, chat_instance: 'c', data: 'x' } };
    for (const update of [edited, { ...edited, update_id: 706 }, callback]) expect((await post(JSON.stringify(update))).status).toBe(200);
    expect(handler.handled).toEqual([]);
    expect(logged.filter((type) => type !== 'undefined')).toEqual(['edited_message', 'callback_query']);
  });
});
