// The list is defined with the outbox table in store/schema.ts (the store owns the column and its
// CHECK constraint, and sits below the runtime); the port derives the type so channels need not
// import the store.
import type { deliveryStatuses } from '../../store/schema.ts';

/** What the platform last said about a sent message (WhatsApp Cloud API status webhooks). */
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
