import type { MessageKind } from '../../engine/step-input.ts';
import type { ChannelName } from './channel-name.ts';

/**
 * Defined by the engine, which steps on it (a sticker gets a polite text and changes nothing);
 * re-exported here so channels name it without importing the engine.
 */
export type { MessageKind };

/** What a channel adapter hands the runtime: one platform event, channel-neutral. */
export interface InboundMessage {
  readonly channel: ChannelName;
  /** The platform's id for this message: the same channel + externalId twice is handled once. */
  readonly externalId: string;
  /** The sender's address on that channel (chat id, phone, simulator contact id). */
  readonly from: string;
  readonly text?: string;
  readonly kind: MessageKind;
  readonly receivedAt: Date;
  /** Display name the platform gives, if any (never trusted as the KTP name). */
  readonly senderName?: string;
}
