import type { Hono } from 'hono';
import type { ChannelSender, DeliveryStatusSink, MessageHandler, WhatsAppCloudConfig } from '../../runtime/ports/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { ChannelLogger } from '../../lib/channel-logger.ts';
import { createWhatsAppCloudSender } from './sender.ts';
import { createWhatsAppCloudWebhook } from './webhook.ts';

export { WEBHOOK_PATH } from './webhook.ts';

export interface WhatsAppCloudChannelOptions {
  /** The `whatsappCloud` part of the configuration; the rate is the dispatcher's, not read here. */
  readonly config: Omit<WhatsAppCloudConfig, 'perSecond'>;
  readonly handler: MessageHandler;
  readonly statusSink: DeliveryStatusSink;
  readonly clock?: Clock;
  readonly logger?: ChannelLogger;
  readonly fetch?: typeof fetch;
}

/**
 * The official WhatsApp Cloud API as one channel: `app` takes Meta's webhooks (mount it on the
 * public HTTPS server), `sender` sends outbox rows through the Graph API.
 */
export function createWhatsAppCloudChannel(options: WhatsAppCloudChannelOptions): { readonly app: Hono; readonly sender: ChannelSender } {
  const { config, handler, statusSink, clock, logger } = options;
  return {
    app: createWhatsAppCloudWebhook({ config, handler, statusSink, ...(clock ? { clock } : {}), ...(logger ? { logger } : {}) }),
    sender: createWhatsAppCloudSender({ config, ...(clock ? { clock } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) }),
  };
}
