import type { InboundMessage } from './inbound-message.ts';
import type { MessageHandler } from '../runtime/runtime-types.ts';

/** Waits between attempts: a brief database outage should not lose what a vendor typed. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 15_000];

/**
 * Hands a message to the runtime, trying again after each delay when handling fails, for
 * platforms that will not deliver it again themselves (long polling, whatsapp-web.js). The
 * runtime dedupes by external id, so a retry after a lost answer is harmless. Throws the last error.
 */
export async function handleWithRetries(
  handler: MessageHandler,
  message: InboundMessage,
  options: { delaysMs?: readonly number[]; sleep?: (ms: number) => Promise<void>; onRetry?: (error: unknown, attempt: number) => void } = {},
): Promise<void> {
  const delays = options.delaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      await handler.handle(message);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) throw error;
      options.onRetry?.(error, attempt + 1);
      await sleep(delay);
    }
  }
}
