/**
 * Runs tasks one after another per key and in parallel across keys. telegraf hands a batch of
 * polled updates over all at once; one chat's messages must still reach the runtime in the order
 * they were sent. A key's entry is dropped when its queue runs empty, so memory follows the chats
 * that are busy right now, not every chat ever seen.
 */
export class SerialByKey {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(noop, noop);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}

function noop(): void {}
