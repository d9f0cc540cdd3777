import type { InboundMessage, MessageHandler } from '../runtime/ports/index.ts';

/** Waits between attempts: a brief database outage should not lose what a vendor typed. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 15_000];

/** Thrown when `until` was aborted before the message could be handled: it was not, and must not be acknowledged. */
export class HandlingAbandoned extends Error {
  override readonly name = 'HandlingAbandoned';
}

/**
 * Hands a message to the runtime, trying again after each delay when handling fails, for
 * platforms that will not deliver it again themselves (long polling, whatsapp-web.js). The
 * runtime dedupes by external id, so a retry after a lost answer is harmless. Throws the last error.
 *
 * With `until`, the last delay repeats for as long as it takes (a database outage of any length),
 * until the message is handled or `until` is aborted (the channel stops): then HandlingAbandoned
 * is thrown, so the caller does not acknowledge the message and the platform delivers it again.
 */
export async function handleWithRetries(
  handler: MessageHandler,
  message: InboundMessage,
  options: { delaysMs?: readonly number[]; sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; onRetry?: (error: unknown, attempt: number) => void; until?: AbortSignal } = {},
): Promise<void> {
  const delays = options.delaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? abortableSleep;
  const { until } = options;
  for (let attempt = 0; ; attempt++) {
    if (until?.aborted) throw new HandlingAbandoned(`stopped before message ${message.externalId} was handled`);
    try {
      await handler.handle(message);
      return;
    } catch (error) {
      const delay = delays[attempt] ?? (until === undefined ? undefined : delays.at(-1) ?? 1_000);
      if (delay === undefined) throw error;
      options.onRetry?.(error, attempt + 1);
      await sleep(delay, until);
    }
  }
}

/** Resolves after `ms`, or at once when `signal` is aborted. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => { clearTimeout(timer); signal?.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
