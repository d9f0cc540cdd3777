import type { ChannelName } from './channel-name.ts';
import type { OutboxPayload } from './outbox-payload.ts';

/** One outbox row as a channel sends it. */
export interface OutboundMessage {
  /** The outbox row id: the same id again is a retry of the same send (idempotency key). */
  readonly outboxId: number;
  readonly address: string;
  readonly kind: 'reply' | 'reminder' | 'campaign';
  readonly payload: OutboxPayload;
  /** When the contact last wrote to us (WhatsApp Cloud API 24-hour window); null when never. */
  readonly lastInboundAt: Date | null;
}

/** What became of one send. The dispatcher decides retries from it; senders never sleep. */
export type SendResult =
  | { readonly ok: true; readonly providerMessageId?: string }
  /** Try again later: throttled (retryAfterMs from the platform when it says), network down, 5xx. */
  | { readonly ok: false; readonly retryable: true; readonly error: string; readonly retryAfterMs?: number }
  /** Never again: `blocked` when the user blocked the bot (the contact is marked stopped). */
  | { readonly ok: false; readonly retryable: false; readonly error: string; readonly blocked?: boolean };

/** The sending half of a channel adapter: turns a channel-neutral message into one platform call. */
export interface ChannelSender {
  readonly channel: ChannelName;
  send(message: OutboundMessage): Promise<SendResult>;
}
