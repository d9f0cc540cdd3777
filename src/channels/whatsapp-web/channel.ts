import { join } from 'node:path';
import { handleWithRetries } from '../handle-with-retries.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import type { ChannelSender, MessageHandler } from '../../runtime/ports/index.ts';
import { consoleChannelLogger, type ChannelLogger } from '../../lib/channel-logger.ts';
import { createWwebClient } from './create-wweb-client.ts';
import { createSendPacer, type PacingOptions } from './send-pacer.ts';
import { qrInstructions } from './show-qr.ts';
import { createWhatsAppWebSender } from './sender.ts';
import type { CreateWwebClient, WwebClient } from './wweb-client.ts';
import { wwebMessageToInbound, type WwebMessageLike } from './to-inbound.ts';

export interface WhatsAppWebChannelOptions {
  readonly handler: MessageHandler;
  /** The session is kept under `{dataDir}/whatsapp-web`. */
  readonly dataDir: string;
  readonly pacing: PacingOptions;
  readonly createClient?: CreateWwebClient;
  readonly executablePath?: string;
  readonly random?: () => number;
  readonly clock?: Clock;
  readonly logger?: ChannelLogger;
  /** Called with each new QR; default prints it to the terminal. */
  readonly onQr?: (qr: string) => void;
  /** Waits before handing a failed message to the runtime again; default 1 s, 5 s, 15 s. */
  readonly retryDelaysMs?: readonly number[];
  /** Waits between reconnect attempts: doubles from initialDelayMs up to maxDelayMs. */
  readonly reconnect?: { readonly initialDelayMs: number; readonly maxDelayMs: number };
}

export type WhatsAppWebState = 'stopped' | 'starting' | 'waiting for QR scan' | 'ready' | 'reconnecting';

export interface WhatsAppWebChannel {
  readonly sender: ChannelSender;
  /** Launches the client; resolves once it is launching (linking may wait for a QR scan). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The QR to scan while the account is not linked (for the admin page); null once linked. */
  latestQr(): { readonly qr: string; readonly at: Date } | null;
  state(): WhatsAppWebState;
}

const DEFAULT_RECONNECT = { initialDelayMs: 2_000, maxDelayMs: 5 * 60_000 };

/**
 * WhatsApp through whatsapp-web.js: one linked account driven in the system's Chromium. Incoming
 * messages go to the runtime; the sender is paced because unofficial clients get numbers banned
 * for bulk sending. On `disconnected` the client is destroyed and a new one started after an
 * exponential backoff; the session on disk usually links it again without a new QR.
 */
export function createWhatsAppWebChannel(options: WhatsAppWebChannelOptions): WhatsAppWebChannel {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleChannelLogger('whatsapp-web');
  const createClient = options.createClient ?? createWwebClient;
  const backoff = options.reconnect ?? DEFAULT_RECONNECT;
  const onQr = options.onQr ?? ((qr: string) => { void qrInstructions(qr).then((text) => console.log(text)); });
  const clientOptions = {
    dataPath: join(options.dataDir, 'whatsapp-web'),
    clientId: 'payung',
    executablePath: options.executablePath ?? process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
  };

  let client: WwebClient | null = null;
  let state: WhatsAppWebState = 'stopped';
  let qr: { qr: string; at: Date } | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One message at a time, in the order WhatsApp gave them: a vendor's quick "ya" then "1"
  // must reach the runtime in that order.
  let inbox: Promise<void> = Promise.resolve();

  const pacer = createSendPacer(options.pacing, options.random ?? Math.random, clock);
  const sender = createWhatsAppWebSender(() => (state === 'ready' ? client : null), pacer);

  async function receive(message: WwebMessageLike): Promise<void> {
    const inbound = wwebMessageToInbound(message, clock());
    if (inbound === null) return;
    try {
      // whatsapp-web.js never redelivers, so Payung tries again itself before giving up.
      await handleWithRetries(options.handler, inbound, {
        ...(options.retryDelaysMs ? { delaysMs: options.retryDelaysMs } : {}),
        onRetry: (error, attempt) => logger.warn({ err: error, externalId: inbound.externalId, attempt }, 'whatsapp-web: handling a message failed; trying again'),
      });
    } catch (error) {
      // Ids only, no text: the message is lost to the flow and this is the trace of it.
      logger.error({ err: error, externalId: inbound.externalId }, 'whatsapp-web: the runtime failed to handle a message');
    }
  }

  function launch(): void {
    const current = createClient(clientOptions);
    client = current;
    state = 'starting';
    current.on('qr', (value: string) => {
      qr = { qr: value, at: clock() };
      state = 'waiting for QR scan';
      onQr(value);
    });
    current.on('ready', () => {
      qr = null;
      failures = 0;
      state = 'ready';
      logger.info({}, 'whatsapp-web: ready');
    });
    current.on('auth_failure', (reason: string) => logger.warn({ reason }, 'whatsapp-web: authentication failed'));
    current.on('message', (message: WwebMessageLike) => {
      inbox = inbox
        .then(() => receive(message))
        .catch((error: unknown) => logger.error({ err: error }, 'whatsapp-web: could not read an incoming message'));
    });
    current.on('disconnected', (reason: string) => {
      const loggedOut = reason === 'LOGOUT';
      logger.warn({ reason }, loggedOut ? 'whatsapp-web: logged out from the phone; scan the new QR to link again' : 'whatsapp-web: disconnected');
      void restart(current);
    });
    current.initialize().catch((error: unknown) => {
      logger.error({ err: error }, 'whatsapp-web: the client failed to start');
      void restart(current);
    });
  }

  async function restart(failed: WwebClient): Promise<void> {
    if (state === 'stopped' || client !== failed) return;
    client = null;
    state = 'reconnecting';
    failed.removeAllListeners();
    await failed.destroy().catch((error: unknown) => logger.warn({ err: error }, 'whatsapp-web: destroy failed'));
    if (state !== 'reconnecting') return; // stopped meanwhile: schedule nothing
    const delay = Math.min(backoff.initialDelayMs * 2 ** failures, backoff.maxDelayMs);
    failures += 1;
    logger.info({ delayMs: delay, attempt: failures }, 'whatsapp-web: reconnecting');
    timer = setTimeout(() => {
      timer = undefined;
      if (state === 'reconnecting') launchSafely();
    }, delay);
  }

  function launchSafely(): void {
    try {
      launch();
    } catch (error) {
      logger.error({ err: error }, 'whatsapp-web: could not create the client');
      state = 'stopped';
    }
  }

  return {
    sender,
    async start() {
      if (state !== 'stopped') return;
      launch(); // a missing browser throws here, before anything is launched
    },
    async stop() {
      state = 'stopped';
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const current = client;
      client = null;
      qr = null;
      if (current !== null) {
        current.removeAllListeners();
        await current.destroy();
      }
    },
    latestQr: () => qr,
    state: () => state,
  };
}
