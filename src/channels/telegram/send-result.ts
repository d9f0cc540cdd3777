import { TelegramError } from 'telegraf';
import type { SendResult } from '../../runtime/ports/index.ts';

/** Telegram's description when a chat can never be written to again (403s, and one 400). */
const GONE = /blocked by the user|user is deactivated|chat not found|bot was kicked|can't initiate conversation/i;

/**
 * What a failed sendMessage means for the dispatcher:
 * - 403 (blocked by the user, user deactivated, kicked) and 400 "chat not found": never again,
 *   `blocked` so the contact is marked stopped;
 * - 429: retry after `parameters.retry_after` seconds;
 * - 5xx, network errors: retry;
 * - 401/404 (the bot's token was revoked or is wrong): retry — the fault is ours, not the
 *   vendor's, and marking their messages dead would lose them;
 * - any other 400 (bad request): never again.
 */
export function telegramSendResult(error: unknown): SendResult & { ok: false } {
  if (!(error instanceof TelegramError)) {
    return { ok: false, retryable: true, error: `network: ${describe(error)}` };
  }
  const message = `${error.code}: ${error.description}`;
  if (error.code === 403 || (error.code === 400 && GONE.test(error.description))) {
    return { ok: false, retryable: false, blocked: true, error: message };
  }
  if (error.code === 429) {
    const seconds = error.parameters?.retry_after;
    return { ok: false, retryable: true, error: message, ...(seconds === undefined ? {} : { retryAfterMs: seconds * 1000 }) };
  }
  if (error.code >= 500 || error.code === 401 || error.code === 404) return { ok: false, retryable: true, error: message };
  return { ok: false, retryable: false, error: message };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
