import type { Hono } from 'hono';
import type { ChannelSender } from '../channel-sender.ts';
import type { Clock } from '../../lib/clock.ts';
import type { MessageHandler } from '../../runtime/runtime-types.ts';
import type { ChannelLogger } from '../../lib/channel-logger.ts';
import type { DeliveryStatusSink } from './delivery-status-sink.ts';
import type { WhatsAppCloudOptions } from './whatsapp-cloud-options.ts';
import { createWhatsAppCloudSender } from './whatsapp-cloud-sender.ts';
import { createWhatsAppCloudWebhook } from './whatsapp-cloud-webhook.ts';

export type { DeliveryStatusSink, DeliveryStatus, DeliveryError } from './delivery-status-sink.ts';
export type { WhatsAppCloudOptions } from './whatsapp-cloud-options.ts';
export { WEBHOOK_PATH } from './whatsapp-cloud-webhook.ts';

export interface WhatsAppCloudChannelOptions {
  readonly config: WhatsAppCloudOptions;
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
