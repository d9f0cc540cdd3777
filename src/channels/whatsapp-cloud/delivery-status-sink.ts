import type { deliveryStatuses } from '../../store/schema.ts';

export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Why WhatsApp says a message failed (a status webhook's `errors[0]`). */
export interface DeliveryError {
  readonly code: number;
  readonly title: string;
  readonly details?: string;
}

/**
 * Where status webhooks go: the store records them on the outbox row whose provider message id
 * matches. Statuses can arrive out of order and more than once; the sink decides what wins.
 */
export interface DeliveryStatusSink {
  record(providerMessageId: string, status: DeliveryStatus, at: Date, error?: DeliveryError): Promise<void>;
}
