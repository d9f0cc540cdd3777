import type { Reply } from '../../engine/reply.ts';
import type { InboundMessage } from './inbound-message.ts';

/** What handling one inbound message did. The replies are also in the outbox. */
export interface HandleOutcome {
  /** The same channel + externalId was handled before: nothing changed. */
  readonly duplicate: boolean;
  readonly replies: readonly Reply[];
}

/** The runtime as channels see it: hand it a message; it answers through the outbox. */
export interface MessageHandler {
  handle(message: InboundMessage): Promise<HandleOutcome>;
}
