/**
 * A vendor on Telegram for integration tests: the emulator's client types, telegraf polls, the
 * real runtime handles, drainOutbox sends the replies back through the channel's sender, and the
 * emulator shows what arrived in the vendor's chat.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { HandleOutcome, InboundMessage, MessageHandler } from '../../../src/runtime/ports/index.ts';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/channel.ts';
import type { Executor } from '../../../src/store/db-types.ts';
import { drainOutbox } from '../../helpers/drain-outbox.ts';
import { startTelegramEmulator, waitFor, type BotMessage, type TelegramEmulator } from '../../helpers/telegram-emulator.ts';

/**
 * One emulator for the test file and a polling channel per test, stopped after it: call at the
 * top of a file, then `start(handler)` in a test.
 */
export function usePollingBot() {
  let emulator: TelegramEmulator | undefined;
  let channel: TelegramChannel | undefined;
  beforeAll(async () => {
    emulator = await startTelegramEmulator();
  });
  afterEach(async () => {
    await channel?.stop();
    channel = undefined;
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  const current = (): TelegramEmulator => {
    if (emulator === undefined) throw new Error('usePollingBot: the emulator starts in beforeAll; use it inside a test');
    return emulator;
  };
  return {
    emulator: current,
    async start(handler: MessageHandler): Promise<TelegramChannel> {
      const { token, apiRoot } = current();
      channel = createTelegramChannel({ token, apiRoot, handler, mode: 'polling', pollIdleMs: 20 });
      await channel.start();
      return channel;
    },
  };
}

/** Wraps a handler to count what it finished handling, so a test can wait for it. */
export function countingHandler(inner: MessageHandler): MessageHandler & { readonly handled: InboundMessage[] } {
  const handled: InboundMessage[] = [];
  return {
    handled,
    async handle(message: InboundMessage): Promise<HandleOutcome> {
      try {
        return await inner.handle(message);
      } finally {
        handled.push(message);
      }
    },
  };
}

export interface VendorContext {
  readonly emulator: TelegramEmulator;
  readonly channel: TelegramChannel;
  readonly handler: { readonly handled: readonly InboundMessage[] };
  readonly db: Executor;
}

export function telegramVendor(context: VendorContext, chatId: number, firstName = 'Siti') {
  const { emulator, channel, handler, db } = context;
  const client = emulator.server.getClient(emulator.token, { chatId, userId: chatId, firstName });
  /** Sends a message (a /command as a command) and returns what the bot answered. */
  async function say(text: string): Promise<BotMessage[]> {
    const before = handler.handled.length;
    if (text.startsWith('/')) await client.sendCommand(client.makeCommand(text));
    else await client.sendMessage(client.makeMessage(text));
    await waitFor(() => handler.handled.length > before, 10_000, `"${text}" handled`);
    await drainOutbox(db, channel.sender);
    return emulator.takeBotMessages(chatId);
  }
  return { client, say };
}

/** The buttons of a reply keyboard, row by row; null when the message carries none. */
export function keyboardOf(message: BotMessage | undefined): string[][] | null {
  const markup = message?.reply_markup as { keyboard?: { text: string }[][] } | undefined;
  return markup?.keyboard?.map((row) => row.map((button) => button.text)) ?? null;
}
