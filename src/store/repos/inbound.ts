/** Inbound messages: recording one is how a redelivered message is recognised. */
import type { Executor } from '../db-types.ts';
import { inboundMessages } from '../schema.ts';

export interface InboundRecord {
  readonly channel: string;
  readonly externalId: string;
  readonly contactId: string;
  readonly kind: string;
  readonly text: string | null;
  readonly receivedAt: Date;
}

/** The new row's id, or null when this channel + externalId was recorded before (a duplicate). */
export async function recordInbound(x: Executor, message: InboundRecord): Promise<{ id: number } | null> {
  const [row] = await x.insert(inboundMessages)
    .values({ ...message })
    .onConflictDoNothing({ target: [inboundMessages.channel, inboundMessages.externalId] })
    .returning({ id: inboundMessages.id });
  return row ?? null;
}
