/**
 * The channel contract: what a channel adapter and the runtime agree on, defined once on the
 * runtime's side. Channels import it from here (plus engine/reply and lib); nothing in the
 * runtime imports a channel. Types defined below the runtime (the outbox payload, delivery
 * statuses, message kinds, the Cloud API settings) are re-exported so channels need nothing else.
 */
export { channelNames, type ChannelName } from './channel-name.ts';
export type { InboundMessage, MessageKind } from './inbound-message.ts';
export type { HandleOutcome, MessageHandler } from './message-handler.ts';
export type { OutboxReader } from './outbox-reader.ts';
export type { ChannelSender, OutboundMessage, SendResult } from './channel-sender.ts';
export type { DeliveryError, DeliveryStatus, DeliveryStatusSink } from './delivery-status-sink.ts';
export type { OutboxPayload } from './outbox-payload.ts';
export type { WhatsAppCloudConfig } from './whatsapp-cloud-config.ts';
