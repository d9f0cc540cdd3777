/**
 * telegram-test-api on 127.0.0.1 for a test file: a Bot API telegraf can talk to, and a client
 * that plays the vendor. It cannot listen on port 0, so a free port is found first (and the
 * start retried if another process takes it in between).
 */
import { createServer } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { StoredBotUpdate } from 'telegram-test-api/lib/telegramServer.js';

export const EMULATOR_TOKEN = '123456:TEST-emulator-token_abc';

/** What the bot sent, as the emulator stored it. */
export type BotMessage = StoredBotUpdate['message'];

export interface TelegramEmulator {
  readonly server: TelegramServer;
  /** For telegraf's `apiRoot` (no /bot suffix). */
  readonly apiRoot: string;
  readonly token: string;
  /** Messages the bot sent to this chat since the last call, oldest first. */
  takeBotMessages(chatId: number | string): BotMessage[];
  stop(): Promise<void>;
}

export async function startTelegramEmulator(token = EMULATOR_TOKEN): Promise<TelegramEmulator> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
    try {
      await server.start();
    } catch (error) {
      if (attempt < 5 && (error as { code?: string }).code === 'EADDRINUSE') continue;
      throw error;
    }
    return {
      server,
      apiRoot: server.config.apiURL,
      token,
      takeBotMessages(chatId) {
        const unread = server.storage.botMessages.filter((u) => u.botToken === token && String(u.message.chat_id) === String(chatId) && !u.isRead);
        for (const u of unread) u.isRead = true;
        return unread.map((u) => u.message);
      },
      stop: async () => {
        await server.stop();
      },
    };
  }
}

/** Polls `check` every 10 ms until it is true; throws after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
