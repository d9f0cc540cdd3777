import { setTimeout as sleep } from 'node:timers/promises';
import { Telegram } from 'telegraf';

type CallApi = (method: string, payload: unknown, options?: { signal?: AbortSignal }) => Promise<unknown>;

/**
 * Makes an empty getUpdates answer wait `idleMs` before telegraf polls again. The real Bot API
 * long-polls (it holds the request up to 50 s), so production needs none; emulators such as
 * telegram-test-api answer at once, and an idle bot would spin at thousands of requests a second.
 * The pause ends early when polling is stopped. Looks the method up on Telegram.prototype at
 * each call, so a test that stubs it there is still seen.
 */
export function pauseWhenIdle(telegram: Telegram, idleMs: number): void {
  if (idleMs <= 0) return;
  const callApi: CallApi = async (method, payload, options) => {
    const original = Telegram.prototype.callApi as unknown as CallApi;
    const result = await original.call(telegram, method, payload, options);
    if (method === 'getUpdates' && Array.isArray(result) && result.length === 0) {
      await sleep(idleMs, undefined, { signal: options?.signal }).catch(() => {});
    }
    return result;
  };
  (telegram as unknown as { callApi: CallApi }).callApi = callApi;
}
