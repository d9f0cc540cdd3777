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
import type { ChannelName, ChannelSender } from './runtime/ports/index.ts';
import { createWebChatApp } from './channels/simulator/web-chat.ts';
import { createTelegramChannel } from './channels/telegram/channel.ts';
import { createWhatsAppCloudChannel } from './channels/whatsapp-cloud/channel.ts';
import { createWhatsAppWebChannel } from './channels/whatsapp-web/channel.ts';
import { createQrPage } from './channels/whatsapp-web/qr-page.ts';
import type { Config } from './config/config.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { ConfigError } from './lib/errors.ts';
import type { Logger } from './lib/logger.ts';
import { createDispatcher } from './runtime/dispatcher.ts';
import { deliveryStatusRecorder } from './runtime/delivery-status-recorder.ts';
import { createBillUpkeep } from './runtime/bill-upkeep.ts';
import { createReminderScheduler } from './runtime/reminder-scheduler.ts';
import { isConnectionLost } from './store/database.ts';
import { expireLeases } from './store/repos/outbox.ts';
import { healthRoute } from './http/health-route.ts';
import { serveHttp } from './http/serve-http.ts';

export interface RunningPayung {
  readonly url: string;
  readonly channels: readonly ChannelName[];
  stop(): Promise<void>;
}

/** The channels the configuration names; the simulator when it names none. */
export function configuredChannels(config: Config): ChannelName[] {
  const channels: ChannelName[] = [];
  if (config.telegram.botToken !== null) channels.push('telegram');
  if (config.whatsappWeb.enabled) channels.push('whatsapp');
  if (config.whatsappCloud !== null) channels.push('whatsapp-cloud');
  return channels.length > 0 ? channels : ['simulator'];
}

export async function startPayung(app: App, config: Config, options: { channels?: readonly ChannelName[]; port?: number; logger: Logger; clock?: Clock }): Promise<RunningPayung> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const channels = options.channels ?? configuredChannels(config);
  const http = new Hono();
  const senders: ChannelSender[] = [];
  // Whatever has started, in order; a failure later in start-up stops all of it, so a process
  // that cannot start exits instead of running its jobs against a closed database.
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => logger.error({ err: error }, 'stopping a part failed'));
  };
  http.route('/', healthRoute({ db: app.database.db, clock, channels: () => senders.map((s) => s.channel), maxBacklogAgeMs: config.outboxMaxAgeMs }));
  const forgetRejections = keepRunningOnLostConnections(logger);
  stops.push(async () => forgetRejections());

  try {
    await startChannels();
    const port = options.port ?? config.port;
    const served = await serveHttp(http, { host: config.host, port });
    stops.push(() => served.close());

    const dispatcher = createDispatcher({
      db: app.database.db,
      senders,
      clock,
      limits: config.whatsappCloud ? { 'whatsapp-cloud': { perSecond: config.whatsappCloud.perSecond, burst: config.whatsappCloud.perSecond } } : {},
      logger: logger.child({ part: 'dispatcher' }),
    });
    // The jobs: bills kept in step with payments and the calendar, and reminders planned and queued.
    // Both are safe with several processes on one database (SKIP LOCKED and unique keys).
    const upkeep = createBillUpkeep({ db: app.database.db, data: app.data, clock, randomDigits: app.randomDigits, logger: logger.child({ part: 'bill-upkeep' }) });
    // Two batches at once on PostgreSQL: a round goes about 1.4× as fast. PGlite has one connection.
    const reminders = createReminderScheduler({
      db: app.database.db, flows: app.flows, data: app.data, clock, logger: logger.child({ part: 'reminders' }),
      workers: app.database.driver === 'postgres' ? 2 : 1,
    });
    if (app.database.driver === 'pglite') {
      // The folder is locked to this process: rows left 'sending' are a crashed run's, so their
      // chats go on now rather than after the lease (they may have been sent: counted as such).
      const orphans = await expireLeases(app.database.db, clock());
      if (orphans > 0) logger.warn({ rows: orphans }, 'outbox rows left sending by a previous run are sent again now; some may reach the vendor twice');
    }
    if (senders.length > 0) dispatcher.start();
    upkeep.start();
    reminders.start();
    // Stopped first: the jobs, then the dispatcher (a send in flight finishes), the channels, the server.
    stops.push(() => dispatcher.stop());
    stops.push(async () => { await Promise.all([upkeep.stop(), reminders.stop()]); });
    return { url: served.url, channels, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }

  async function startChannels(): Promise<void> {
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
      stops.push(() => telegram.stop());
      senders.push(telegram.sender);
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
      stops.push(() => whatsapp.stop());
      senders.push(whatsapp.sender);
      http.route('/', createQrPage(whatsapp, { adminToken: config.adminToken }));
      if (config.adminToken === null) logger.warn('the WhatsApp QR page (/admin/whatsapp) is off: set PAYUNG_ADMIN_TOKEN to turn it on');
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
  }
}

/**
 * postgres.js leaves one promise of its own unhandled when a connection dies while it reads the
 * server's array types on (re)connect; Node would end the process for it. A rejection that only
 * says a connection was lost is logged and the process goes on (the pool reconnects); any other
 * unhandled rejection still ends it, as before. Returns the function that removes the listener.
 */
function keepRunningOnLostConnections(logger: Logger): () => void {
  const listener = (reason: unknown) => {
    if (isConnectionLost(reason)) {
      logger.warn({ code: (reason as { code?: unknown }).code }, 'a database connection was lost; it is reconnected');
      return;
    }
    throw reason;
  };
  process.on('unhandledRejection', listener);
  return () => { process.off('unhandledRejection', listener); };
}
