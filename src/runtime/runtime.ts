import type { HandleOutcome, InboundMessage, MessageHandler, OutboxReader } from './ports/index.ts';
import type { Reply } from '../engine/reply.ts';
import { findContact } from '../store/repos/contacts.ts';
import { buryStoppedContactRows, claimOutbox, CONTACT_STOPPED, markSent } from '../store/repos/outbox.ts';
import { handleInbound, type InboundDeps } from './handle-inbound.ts';
import { KeyedQueue } from '../lib/keyed-queue.ts';

export type Runtime = MessageHandler & OutboxReader;

/** The runtime as channels use it: messages in (in order per contact), pulled replies out. */
export function createRuntime(deps: InboundDeps): Runtime {
  const queue = new KeyedQueue();
  return {
    handle(message: InboundMessage): Promise<HandleOutcome> {
      return queue.run(`${message.channel}:${message.from}`, () => handleInbound(deps, message));
    },
    async takeFor(channel, address): Promise<readonly Reply[]> {
      return deps.db.transaction(async (tx) => {
        // The simulator pulls its messages instead of going through the dispatcher: the opt-out
        // is honoured here the same way (reminders and campaigns of a stopped contact are buried).
        const contact = await findContact(tx, channel, address);
        if (contact?.stoppedAt != null) await buryStoppedContactRows(tx, contact.id, CONTACT_STOPPED);
        const rows = await claimOutbox(tx, { channel, address, limit: 100, now: deps.clock() });
        if (rows.length === 0) return [];
        await markSent(tx, rows.map((r) => r.id), deps.clock());
        return rows.sort((a, b) => a.id - b.id).map((r) => r.payload as Reply);
      });
    },
  };
}
