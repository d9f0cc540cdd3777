import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_RETRY_DELAYS_MS, handleWithRetries, HandlingAbandoned } from '../handle-with-retries.ts';
import { Telegraf, TelegramError } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import { ConfigError, PayungError } from '../../lib/errors.ts';
import type { ChannelSender, MessageHandler } from '../../runtime/ports/index.ts';
import { pauseWhenIdle } from './pause-when-idle.ts';
import { KeyedQueue } from '../../lib/keyed-queue.ts';
import type { ChannelLogger } from '../../lib/channel-logger.ts';
import { telegramUpdateToInbound, telegramUpdateType } from './to-inbound.ts';
import { createTelegramSender } from './sender.ts';
import { createTelegramWebhook, type TelegramWebhookHandler } from './webhook.ts';

export { type TelegramWebhookHandler } from './webhook.ts';

export interface TelegramChannelOptions {
  /** TELEGRAM_BOT_TOKEN, as @BotFather gives it: `123456:ABC…`. */
  readonly token: string | null | undefined;
  /** TELEGRAM_API_ROOT (config `telegram.apiRoot`): the Bot API's root URL, no `/bot` suffix. */
  readonly apiRoot?: string | null;
  readonly handler: MessageHandler;
  readonly mode: 'polling' | 'webhook';
  /** Webhook mode: the secret_token Telegram sends back in X-Telegram-Bot-Api-Secret-Token. */
  readonly webhookSecret?: string | null;
  /** Webhook mode: when set, start() registers this public URL (with the secret) by setWebhook. */
  readonly webhookUrl?: string;
  /** Logs carry ids and types only, never a message's text. Default: silent. */
  readonly logger?: ChannelLogger;
  /** Polling: wait this long after an empty getUpdates (emulators answer at once). Default 0. */
  readonly pollIdleMs?: number;
  /**
   * Polling: waits before retrying an update whose handling failed (the runtime dedupes); the
   * last repeats until the update is handled, however long the database is down.
   */
  readonly retryDelaysMs?: readonly number[];
}

export interface TelegramChannel {
  readonly sender: ChannelSender;
  /** Checks the token with getMe (a clear error naming TELEGRAM_BOT_TOKEN), then polls or registers the webhook. */
  start(): Promise<void>;
  /** Stops polling and waits for the updates in hand to be handled. */
  stop(): Promise<void>;
  /** Hands one update to the runtime as polling and the webhook do (tests, other transports). */
  handleUpdate(update: Update): Promise<void>;
  /** Webhook mode only: the fetch-style handler to mount on the HTTP server. */
  readonly webhookCallback?: TelegramWebhookHandler;
  readonly bot: Telegraf;
}

const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]+$/;
const SECRET_SHAPE = /^[A-Za-z0-9_-]{1,256}$/;
const DEFAULT_API_ROOT = 'https://api.telegram.org';
const silent: ChannelLogger = { info() {}, warn() {}, error() {} };

/**
 * The Telegram channel through telegraf: a thin adapter. Updates become InboundMessages for the
 * runtime (one chat's in order); replies leave through `sender`, driven by the dispatcher.
 */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const token = checkedToken(options.token);
  if (options.mode === 'webhook' && !SECRET_SHAPE.test(options.webhookSecret ?? '')) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', 'webhook mode needs a secret of 1–256 characters A-Z, a-z, 0-9, _ or -');
  }
  const apiRoot = options.apiRoot ?? DEFAULT_API_ROOT;
  const logger = options.logger ?? silent;
  const bot = new Telegraf(token, { telegram: { apiRoot } });
  pauseWhenIdle(bot.telegram, options.pollIdleMs ?? 0);
  const perChat = new KeyedQueue();
  const ignoredTypes = new Set<string>();
  const retryDelays = options.mode === 'polling' ? (options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS) : [];
  // Polling acknowledges a batch of updates by asking for the next one (getUpdates with a higher
  // offset), and telegraf asks only once every update of the batch is handled. So an update is
  // retried until its transaction commits; stop() ends the retries, and then the offset must not
  // be confirmed either, or Telegram would never deliver the update again.
  const stopRetrying = new AbortController();

  async function handleUpdate(update: Update): Promise<void> {
    const message = telegramUpdateToInbound(update);
    if (message === null) {
      const type = telegramUpdateType(update);
      if (!ignoredTypes.has(type) && ignoredTypes.size < 100) {
        ignoredTypes.add(type);
        logger.info({ type, updateId: update.update_id }, 'telegram: ignoring updates of this type (logged once)');
      }
      return;
    }
    await perChat.run(message.from, () => handleWithRetries(options.handler, message, {
      delaysMs: retryDelays,
      ...(options.mode === 'polling' ? { until: stopRetrying.signal } : {}),
      onRetry: (error, attempt) => logger.warn({ err: error, updateId: update.update_id, externalId: message.externalId, attempt }, 'telegram: handling an update failed; trying again'),
    }));
  }

  bot.use((ctx) => handleUpdate(ctx.update));
  bot.catch((error, ctx) => {
    if (error instanceof HandlingAbandoned) {
      keepOffsetUnconfirmed(bot);
      logger.warn({ updateId: ctx.update.update_id }, 'telegram: stopped before this update was handled; Telegram delivers it again at the next start');
      return;
    }
    logger.error({ err: error, updateId: ctx.update.update_id }, 'telegram: update not handled');
    // Webhook: the handler answers 500 and Telegram delivers the update again.
    if (options.mode === 'webhook') throw error;
  });

  let polling: Promise<void> | undefined;
  let launchEnded = false;
  const webhookCallback = options.mode === 'webhook'
    ? createTelegramWebhook(options.webhookSecret ?? '', (update) => bot.handleUpdate(update))
    : undefined;

  return {
    sender: createTelegramSender(bot.telegram),
    bot,
    handleUpdate: (update) => bot.handleUpdate(update),
    ...(webhookCallback === undefined ? {} : { webhookCallback }),
    async start() {
      if (polling !== undefined) throw new PayungError('the Telegram channel is already started');
      bot.botInfo = await getMe(bot, apiRoot);
      if (options.mode === 'webhook') {
        if (options.webhookUrl !== undefined) {
          await bot.telegram.setWebhook(options.webhookUrl, { secret_token: options.webhookSecret ?? '', allowed_updates: ['message'] });
        }
        logger.info({ bot: bot.botInfo.username, mode: 'webhook' }, 'telegram: ready');
        return;
      }
      await new Promise<void>((resolve) => {
        polling = bot.launch({ allowedUpdates: ['message'] }, resolve)
          .catch((error: unknown) => logger.error({ err: error }, 'telegram: polling stopped'))
          .finally(() => {
            launchEnded = true;
          });
      });
      logger.info({ bot: bot.botInfo.username, mode: 'polling' }, 'telegram: polling');
    },
    async stop() {
      if (polling === undefined) return;
      // launch() calls onLaunch before deleteWebhook and the first getUpdates; until polling has
      // begun, telegraf's stop() throws "Bot is not running!", so try again until it takes.
      while (!launchEnded) {
        try {
          bot.stop('payung stop');
          break;
        } catch {
          await sleep(10);
        }
      }
      stopRetrying.abort();
      await polling;
    },
  };
}

/**
 * telegraf confirms the offset past the last batch when polling stops (Polling.syncUpdateOffset);
 * with an update of that batch unhandled, that would drop it for good. Its `skipOffsetSync`
 * flag (set by telegraf itself after a 401 or 409) turns the confirmation off.
 */
function keepOffsetUnconfirmed(bot: Telegraf): void {
  const polling = (bot as unknown as { polling?: { skipOffsetSync: boolean } }).polling;
  if (polling !== undefined) polling.skipOffsetSync = true;
}

function checkedToken(token: string | null | undefined): string {
  if (token === null || token === undefined || token.trim() === '') {
    throw new ConfigError('TELEGRAM_BOT_TOKEN', 'is not set: create a bot with @BotFather and set the token it gives (123456:ABC…)');
  }
  if (!TOKEN_SHAPE.test(token.trim())) {
    throw new ConfigError('TELEGRAM_BOT_TOKEN', `does not look like a bot token (digits, a colon, then letters), got a value of ${token.length} characters`);
  }
  return token.trim();
}

async function getMe(bot: Telegraf, apiRoot: string): Promise<UserFromGetMe> {
  try {
    return await bot.telegram.getMe();
  } catch (error) {
    if (error instanceof TelegramError && (error.code === 401 || error.code === 404)) {
      throw new ConfigError('TELEGRAM_BOT_TOKEN', `was refused by the Telegram Bot API at ${apiRoot} (${error.code}: ${error.description}); check the token from @BotFather`);
    }
    throw new PayungError(`Telegram: could not reach the Bot API at ${apiRoot} to check TELEGRAM_BOT_TOKEN (set TELEGRAM_API_ROOT for another server)`, { cause: error });
  }
}
