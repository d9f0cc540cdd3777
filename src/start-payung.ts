/**
 * `payung start`: the runtime, the dispatcher, the bill upkeep, the reminder scheduler and every
 * channel whose configuration is present (or the ones named with --channels), behind one HTTP
 * server. The simulator runs when no other channel is configured. Composition only: each part is
 * built and tested on its own.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { App } from './app.ts';
import { createPaymentsWebhook } from './admin/payments-webhook.ts';
import type { ChannelSender } from './channels/channel-sender.ts';
import { createWebChatApp, serveWebChat } from './channels/simulator/web-chat.ts';
import { createTelegramChannel } from './channels/telegram/telegram-channel.ts';
import { createWhatsAppCloudChannel } from './channels/whatsapp-cloud/whatsapp-cloud-channel.ts';
import { createWhatsAppWebChannel } from './channels/whatsapp-web/whatsapp-web-channel.ts';
import { createQrPage } from './channels/whatsapp-web/qr-page.ts';
import type { StartChannel } from './cli/cli-deps.ts';
import type { Config } from './config/config.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { ConfigError } from './lib/errors.ts';
import type { Logger } from './lib/logger.ts';
import { createDispatcher } from './runtime/dispatcher.ts';
import { deliveryStatusRecorder } from './runtime/delivery-status-recorder.ts';
import { createBillUpkeep } from './runtime/bill-upkeep.ts';
import { createReminderScheduler } from './runtime/reminder-scheduler.ts';

export interface RunningPayung {
  readonly url: string;
  readonly channels: readonly StartChannel[];
  stop(): Promise<void>;
}

/** The channels the configuration names; the simulator when it names none. */
export function configuredChannels(config: Config): StartChannel[] {
  const channels: StartChannel[] = [];
  if (config.telegram.botToken !== null) channels.push('telegram');
  if (config.whatsappWeb.enabled) channels.push('whatsapp');
  if (config.whatsappCloud !== null) channels.push('whatsapp-cloud');
  return channels.length > 0 ? channels : ['simulator'];
}

export async function startPayung(app: App, config: Config, options: { channels?: readonly StartChannel[]; port?: number; logger: Logger; clock?: Clock }): Promise<RunningPayung> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const channels = options.channels ?? configuredChannels(config);
  const http = new Hono();
  const senders: ChannelSender[] = [];
  const stops: (() => Promise<void>)[] = [];
  http.get('/healthz', (c) => c.text('ok'));

  if (channels.includes('telegram')) {
    if (config.telegram.botToken === null) throw new ConfigError('TELEGRAM_BOT_TOKEN', 'is needed for --channels telegram (from @BotFather)');
    const telegram = createTelegramChannel({
      token: config.telegram.botToken,
      ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
      handler: app.runtime,
      mode: config.telegram.mode,
      ...(config.telegram.webhookSecret ? { webhookSecret: config.telegram.webhookSecret } : {}),
      ...(config.telegram.webhookUrl ? { webhookUrl: config.telegram.webhookUrl } : {}),
      logger: logger.child({ channel: 'telegram' }),
    });
    await telegram.start();
    senders.push(telegram.sender);
    stops.push(() => telegram.stop());
    const webhook = telegram.webhookCallback;
    if (webhook) http.post('/webhooks/telegram', (c) => webhook(c.req.raw));
  }
  if (channels.includes('whatsapp')) {
    const whatsapp = createWhatsAppWebChannel({
      handler: app.runtime,
      dataDir: config.dataDir,
      executablePath: config.whatsappWeb.executablePath,
      // Jitter as large as the interval: sends never fall into a machine-like rhythm.
      pacing: { minIntervalMs: config.whatsappWeb.minIntervalMs, jitterMs: config.whatsappWeb.minIntervalMs, dailyCap: config.whatsappWeb.dailyCap },
      clock,
      logger: logger.child({ channel: 'whatsapp' }),
    });
    await whatsapp.start();
    senders.push(whatsapp.sender);
    stops.push(() => whatsapp.stop());
    http.route('/', createQrPage(whatsapp));
  }
  if (channels.includes('whatsapp-cloud')) {
    if (config.whatsappCloud === null) throw new ConfigError('WHATSAPP_CLOUD_ACCESS_TOKEN', 'and the other WHATSAPP_CLOUD_* credentials are needed for --channels whatsapp-cloud');
    const cloud = createWhatsAppCloudChannel({
      config: config.whatsappCloud,
      handler: app.runtime,
      statusSink: deliveryStatusRecorder(app.database.db, clock),
      clock,
      logger: logger.child({ channel: 'whatsapp-cloud' }),
    });
    senders.push(cloud.sender);
    http.route('/', cloud.app);
  }
  if (channels.includes('simulator')) {
    http.route('/', createWebChatApp({
      handler: app.runtime, outbox: app.runtime, newExternalId: randomUUID,
      logError: (error, context) => logger.error({ err: error, ...context }, 'simulator message failed'),
    }));
  }

  if (config.paymentsWebhookSecret !== null) {
    http.route('/', createPaymentsWebhook({
      db: app.database.db, secret: config.paymentsWebhookSecret, nikSecret: app.secret, clock, logger: logger.child({ part: 'payments' }),
      // Receipts in the texts the conversations use: the entry flow's published locales.
      receipts: { calendar: app.data.rates, catalogs: async (tx) => (await app.flows.latest(tx, 'pendaftaran')).catalogs },
    }));
  }

  const dispatcher = createDispatcher({
    db: app.database.db,
    senders,
    clock,
    limits: config.whatsappCloud ? { 'whatsapp-cloud': { perSecond: config.whatsappCloud.perSecond, burst: config.whatsappCloud.perSecond } } : {},
    logger: logger.child({ part: 'dispatcher' }),
  });
  if (senders.length > 0) dispatcher.start();
  // The jobs: bills kept in step with payments and the calendar, and reminders planned and queued.
  // Both are safe with several processes on one database (SKIP LOCKED and unique keys).
  const upkeep = createBillUpkeep({ db: app.database.db, data: app.data, clock, randomDigits: app.randomDigits, logger: logger.child({ part: 'bill-upkeep' }) });
  // Two batches at once on PostgreSQL: a round goes about 1.4× as fast. PGlite has one connection.
  const reminders = createReminderScheduler({
    db: app.database.db, flows: app.flows, data: app.data, clock, logger: logger.child({ part: 'reminders' }),
    workers: app.database.driver === 'postgres' ? 2 : 1,
  });
  upkeep.start();
  reminders.start();
  const served = await serveWebChat(http, { host: config.host, port: options.port ?? config.port });
  return {
    url: served.url,
    channels,
    async stop() {
      await Promise.all([upkeep.stop(), reminders.stop()]);
      await dispatcher.stop();
      for (const stop of stops) await stop();
      await served.close();
    },
  };
}
