import { Telegram, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/channel.ts';
import { ConfigError } from '../../../src/lib/errors.ts';
import { outbox } from '../../../src/store/schema.ts';
import { drainOutbox } from '../../helpers/drain-outbox.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { startTelegramEmulator, waitFor, type TelegramEmulator } from '../../helpers/telegram-emulator.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { countingHandler } from './telegram-vendor.ts';

const database = useTestDatabase();
let emulator: TelegramEmulator;
let channel: TelegramChannel | undefined;
const originalCallApi = Telegram.prototype.callApi;

beforeAll(async () => {
  emulator = await startTelegramEmulator();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await channel?.stop();
  channel = undefined;
});
afterAll(async () => {
  await emulator.stop();
});

/**
 * The emulator cannot answer with errors, so Telegram's are raised where telegraf raises them:
 * callApi throws the TelegramError it builds from the Bot API's `{ ok: false, error_code,
 * description, parameters }`. Other calls go through to the emulator.
 */
function failCalls(method: string, response: { error_code: number; description: string; parameters?: { retry_after: number } }) {
  return vi.spyOn(Telegram.prototype, 'callApi').mockImplementation(async function (this: Telegram, ...args: Parameters<Telegram['callApi']>) {
    if (args[0] === method) throw new TelegramError(response, { method, payload: args[1] });
    return originalCallApi.apply(this, args) as never;
  });
}

function textUpdate(chatId: number, messageId: number, text: string): Update {
  return {
    update_id: messageId,
    message: { message_id: messageId, date: 1_764_039_600, chat: { id: chatId, type: 'private', first_name: 'Rina' }, text },
  } as Update;
}

/** The runtime on the test database; 'halo' from the chat leaves replies in the outbox. */
async function botWithQueuedReplies(chatId: number) {
  const { app } = await openTestApp(database());
  channel = createTelegramChannel({ token: emulator.token, apiRoot: emulator.apiRoot, handler: app.runtime, mode: 'polling' });
  await channel.handleUpdate(textUpdate(chatId, 1, 'halo'));
  const queued = await database().db.select().from(outbox);
  expect(queued.length).toBeGreaterThan(0);
  return channel;
}

describe('Telegram send errors, as the dispatcher sees them', () => {
  it('a user who blocked the bot: blocked, never retried, the rows dead', async () => {
    const bot = await botWithQueuedReplies(7001);
    failCalls('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const drained = await drainOutbox(database().db, bot.sender);
    expect(drained.map((d) => d.result)).toContainEqual({ ok: false, retryable: false, blocked: true, error: '403: Forbidden: bot was blocked by the user' });
    const rows = await database().db.select().from(outbox);
    expect(rows.every((row) => row.status === 'dead' && row.lastError?.includes('blocked by the user'))).toBe(true);
    expect(emulator.takeBotMessages(7001)).toEqual([]);
  });

  it('429 with retry_after: retried after that many seconds, then sent', async () => {
    const bot = await botWithQueuedReplies(7002);
    failCalls('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    const now = new Date();
    const [first] = await drainOutbox(database().db, bot.sender, () => now);
    expect(first?.result).toEqual({ ok: false, retryable: true, retryAfterMs: 7_000, error: '429: Too Many Requests: retry after 7' });
    const rows = await database().db.select().from(outbox);
    expect(rows.every((row) => row.status === 'pending' && row.nextAttemptAt.getTime() === now.getTime() + 7_000)).toBe(true);

    vi.restoreAllMocks();
    expect(await drainOutbox(database().db, bot.sender, () => new Date(now.getTime() + 6_000))).toEqual([]);
    const later = await drainOutbox(database().db, bot.sender, () => new Date(now.getTime() + 7_000));
    expect(later.length).toBe(rows.length);
    expect(later.every((d) => d.result.ok)).toBe(true);
    expect(emulator.takeBotMessages(7002)).toHaveLength(rows.length);
  });

  it('5xx and an unreachable Bot API are retried', async () => {
    const unreachable = createTelegramChannel({ token: emulator.token, apiRoot: 'http://127.0.0.1:9', handler: { handle: vi.fn() }, mode: 'polling' });
    const message = { outboxId: 1, address: '7003', kind: 'reply', payload: { text: 'halo' }, lastInboundAt: null } as const;
    const network = await unreachable.sender.send(message);
    expect(network).toMatchObject({ ok: false, retryable: true, error: expect.stringMatching(/^network: /) });
    expect(JSON.stringify(network)).not.toContain('TEST-emulator-token');

    const reachable = createTelegramChannel({ token: emulator.token, apiRoot: emulator.apiRoot, handler: { handle: vi.fn() }, mode: 'polling' });
    failCalls('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    expect(await reachable.sender.send(message)).toEqual({ ok: false, retryable: true, error: '502: Bad Gateway' });
  });
});

describe('Telegram start-up', () => {
  it('fails fast naming TELEGRAM_BOT_TOKEN when the Bot API refuses the token', async () => {
    failCalls('getMe', { error_code: 401, description: 'Unauthorized' });
    const refused = createTelegramChannel({ token: '999:wrong-token-value', apiRoot: emulator.apiRoot, handler: { handle: vi.fn() }, mode: 'polling' });
    const start = refused.start();
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(/^TELEGRAM_BOT_TOKEN: was refused by the Telegram Bot API .*401: Unauthorized/);
    await expect(start).rejects.not.toThrow(/wrong-token-value/);
  });

  it('fails with a message naming TELEGRAM_API_ROOT when the Bot API cannot be reached', async () => {
    const lost = createTelegramChannel({ token: emulator.token, apiRoot: 'http://127.0.0.1:9', handler: { handle: vi.fn() }, mode: 'polling' });
    await expect(lost.start()).rejects.toThrow(/could not reach the Bot API at http:\/\/127\.0\.0\.1:9 .*TELEGRAM_API_ROOT/);
  });

  it('stops polling when stopped right after start', async () => {
    const calls = vi.spyOn(Telegram.prototype, 'callApi');
    const quick = createTelegramChannel({ token: emulator.token, apiRoot: emulator.apiRoot, handler: { handle: vi.fn() }, mode: 'polling', pollIdleMs: 5 });
    await quick.start();
    await quick.stop();
    const after = calls.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls.mock.calls.length).toBe(after);
  });

  it('polling survives a failed handling: the update is tried again and the next one still comes', async () => {
    let failures = 1;
    const inner = countingHandler({ handle: async () => ({ duplicate: false, replies: [] }) });
    const flaky = {
      handle: async (message: Parameters<typeof inner.handle>[0]) => {
        if (failures-- > 0) throw new Error('database down');
        return inner.handle(message);
      },
    };
    channel = createTelegramChannel({ token: emulator.token, apiRoot: emulator.apiRoot, handler: flaky, mode: 'polling', pollIdleMs: 20, retryDelaysMs: [10] });
    await channel.start();
    const vendor = emulator.server.getClient(emulator.token, { chatId: 7004, userId: 7004 });
    await vendor.sendMessage(vendor.makeMessage('halo'));
    await vendor.sendMessage(vendor.makeMessage('ya'));
    await waitFor(() => inner.handled.length === 2, 10_000, 'both messages handled');
    expect(inner.handled.map((m) => m.text)).toEqual(['halo', 'ya']);
  });
});
