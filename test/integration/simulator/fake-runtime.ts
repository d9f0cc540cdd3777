import type { InboundMessage, MessageHandler, OutboxReader } from '../../../src/runtime/ports/index.ts';
import type { Reply } from '../../../src/engine/reply.ts';

/**
 * A stand-in for the runtime with the behaviour channels rely on: a repeated channel + externalId
 * is a duplicate that queues nothing, replies go to an outbox that hands each reply out once.
 * Text is echoed ("Anda menulis: …", choices Ya/Tidak); other kinds get a polite text.
 */
export function createFakeRuntime() {
  const received: InboundMessage[] = [];
  const seen = new Set<string>();
  const queues = new Map<string, Reply[]>();
  let failures = 0;

  const queue = (address: string, ...replies: Reply[]) => {
    const key = `simulator:${address}`;
    queues.set(key, [...(queues.get(key) ?? []), ...replies]);
  };

  const handler: MessageHandler = {
    async handle(message) {
      received.push(message);
      if (failures > 0) {
        failures -= 1;
        throw new Error('fake database is down');
      }
      const key = `${message.channel}:${message.externalId}`;
      if (seen.has(key)) return { duplicate: true, replies: [] };
      seen.add(key);
      const replies = answer(message);
      queue(message.from, ...replies);
      return { duplicate: false, replies };
    },
  };

  const outbox: OutboxReader = {
    async takeFor(channel, address) {
      const key = `${channel}:${address}`;
      const replies = queues.get(key) ?? [];
      queues.delete(key);
      return replies;
    },
  };

  return {
    handler,
    outbox,
    received,
    /** Queue replies nobody asked for (a reminder), as the scheduler would. */
    queue,
    /** The next `count` handle() calls throw, as when the database is unreachable. */
    failNext(count: number) {
      failures = count;
    },
  };
}

export type FakeRuntime = ReturnType<typeof createFakeRuntime>;

function answer(message: InboundMessage): Reply[] {
  if (message.kind !== 'text') return [{ text: `Maaf, Payung baru bisa membaca teks (Anda mengirim: ${message.kind}).` }];
  return [{ text: `Anda menulis: ${message.text ?? ''}`, choices: ['Ya', 'Tidak'] }];
}
