/** A ChannelSender for dispatcher tests: records every call with the clock's time and answers as told. */
import type { ChannelName, ChannelSender, OutboundMessage, SendResult } from '../../../src/runtime/ports/index.ts';
import type { Clock } from '../../../src/lib/clock.ts';
import type { Executor } from '../../../src/store/db-types.ts';
import { upsertContact } from '../../../src/store/repos/contacts.ts';
import { enqueueOutbox } from '../../../src/store/repos/outbox.ts';
import { outbox } from '../../../src/store/schema.ts';

export interface SentCall {
  readonly message: OutboundMessage;
  /** The clock's time in ms when send was called. */
  readonly at: number;
}

export type FakeSender = ChannelSender & { readonly calls: SentCall[] };

export function fakeSender(
  channel: ChannelName,
  clock: Clock,
  answer: (message: OutboundMessage, call: number) => SendResult | Promise<SendResult> = (m) => ({ ok: true, providerMessageId: `p-${m.outboxId}` }),
): FakeSender {
  const calls: SentCall[] = [];
  return {
    channel,
    calls,
    async send(message) {
      calls.push({ message, at: clock().getTime() });
      return answer(message, calls.length);
    },
  };
}

/** Queues one row per kind for the chat (replies priority 10, others 0); returns their ids. */
export async function queue(x: Executor, channel: ChannelName, address: string, kinds: readonly ('reply' | 'reminder' | 'campaign')[], at?: Date): Promise<number[]> {
  const contact = await upsertContact(x, { channel, address });
  return enqueueOutbox(x, kinds.map((kind, i) => ({
    contactId: contact.id, channel, address, kind, priority: kind === 'reply' ? 10 : 0,
    payload: { text: `${kind} ${i} untuk ${address}` }, ...(at === undefined ? {} : { nextAttemptAt: at }),
  })));
}

export async function outboxRows(x: Executor) {
  return (await x.select().from(outbox)).sort((a, b) => a.id - b.id);
}
