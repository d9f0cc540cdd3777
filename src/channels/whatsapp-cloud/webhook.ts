import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { systemClock, type Clock } from '../../lib/clock.ts';
import type { DeliveryStatusSink, MessageHandler, WhatsAppCloudConfig } from '../../runtime/ports/index.ts';
import { consoleChannelLogger, type ChannelLogger } from '../../lib/channel-logger.ts';
import { readCloudWebhook, type CloudWebhookContent } from './to-inbound.ts';
import { safeEqual, verifySignature } from '../../lib/verify-signature.ts';

export const WEBHOOK_PATH = '/webhooks/whatsapp';
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface WhatsAppCloudWebhookOptions {
  readonly config: Pick<WhatsAppCloudConfig, 'appSecret' | 'verifyToken' | 'phoneNumberId'>;
  readonly handler: MessageHandler;
  readonly statusSink: DeliveryStatusSink;
  readonly clock?: Clock;
  readonly logger?: ChannelLogger;
}

/**
 * The Cloud API webhook as a Hono app (mount it at the root of the public server):
 * GET  /webhooks/whatsapp — Meta's subscription check: echoes hub.challenge when hub.verify_token matches, else 403.
 * POST /webhooks/whatsapp — checks X-Hub-Signature-256 over the raw body (401 and nothing handled
 *   when missing or wrong), 400 for malformed JSON, then hands messages to the runtime and
 *   statuses to the sink and answers 200. Unknown types are skipped and logged once each.
 *   When the runtime or the store throws, it answers 503 so Meta redelivers (the runtime dedupes
 *   by message id), rather than losing a vendor's message behind a 200.
 */
export function createWhatsAppCloudWebhook(options: WhatsAppCloudWebhookOptions): Hono {
  const { config, handler, statusSink } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleChannelLogger('whatsapp-cloud');
  const loggedUnknown = new Set<string>();
  const app = new Hono();

  app.get(WEBHOOK_PATH, (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token') ?? '';
    const challenge = c.req.query('hub.challenge') ?? '';
    if (mode !== 'subscribe' || !safeEqual(token, config.verifyToken)) return c.text('Forbidden', 403);
    return c.text(challenge, 200);
  });

  app.post(WEBHOOK_PATH, bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Payload Too Large', 413) }), async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifySignature(raw, c.req.header('x-hub-signature-256'), config.appSecret)) {
      logger.warn({ path: WEBHOOK_PATH }, 'whatsapp-cloud: webhook with a missing or wrong signature rejected');
      return c.text('Unauthorized', 401);
    }
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return c.text('Bad Request: body is not JSON', 400);
    }
    const content = readCloudWebhook(body, config.phoneNumberId, clock());
    logUnknownOnce(content.unknown);
    return deliver(c, content);
  });

  async function deliver(c: Context, content: CloudWebhookContent): Promise<Response> {
    try {
      // In order: one contact's messages in a batch must reach the runtime in the order sent.
      for (const message of content.messages) await handler.handle(message);
      for (const s of content.statuses) await statusSink.record(s.providerMessageId, s.status, s.at, s.error);
    } catch (error) {
      // Ids only: message text may hold a NIK.
      const ids = content.messages.map((m) => m.externalId);
      logger.error({ err: error, messageIds: ids }, 'whatsapp-cloud: handling a webhook failed; Meta will redeliver');
      return c.text('Service Unavailable', 503);
    }
    return c.text('OK', 200);
  }

  function logUnknownOnce(unknown: readonly string[]): void {
    for (const what of unknown) {
      if (loggedUnknown.has(what)) continue;
      loggedUnknown.add(what);
      logger.info({ what }, 'whatsapp-cloud: ignored a webhook item Payung does not handle (logged once)');
    }
  }

  return app;
}
