/**
 * Runs tasks one after another per key and in parallel across keys: one contact's messages are
 * handled in the order they arrived, different contacts at once (the runtime; telegraf, which
 * hands a batch of polled updates over at once). A key is dropped when its queue runs empty, so
 * memory follows the chats busy right now. The database row lock keeps the order across
 * processes; this keeps it inside one process without waiting on that lock.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}
