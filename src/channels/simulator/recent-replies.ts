import type { Reply } from '../../engine/reply.ts';

/**
 * The replies of the last few simulator messages, by contact and client message id.
 *
 * Why: the outbox hands replies out once. When the browser loses the response to a POST and
 * retries with the same id, the runtime (rightly) treats it as a duplicate and queues nothing
 * new — without this cache the vendor would never see the answer. Bounded, oldest dropped first,
 * so memory does not grow with the number of contacts.
 */
export class RecentReplies {
  readonly #entries = new Map<string, readonly Reply[]>();

  constructor(private readonly capacity = 500) {}

  remember(contact: string, id: string, replies: readonly Reply[]): void {
    const key = keyOf(contact, id);
    this.#entries.delete(key);
    this.#entries.set(key, replies);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.capacity) break;
      this.#entries.delete(oldest);
    }
  }

  recall(contact: string, id: string): readonly Reply[] | undefined {
    return this.#entries.get(keyOf(contact, id));
  }
}

const keyOf = (contact: string, id: string): string => `${contact}\u0000${id}`;
