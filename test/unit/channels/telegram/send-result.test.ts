import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { telegramSendResult } from '../../../../src/channels/telegram/send-result.ts';

const telegramError = (error_code: number, description: string, parameters?: { retry_after?: number }) =>
  new TelegramError({ error_code, description, ...(parameters === undefined ? {} : { parameters }) }, { method: 'sendMessage' });

describe('telegramSendResult', () => {
  it.each([
    [403, 'Forbidden: bot was blocked by the user'],
    [403, 'Forbidden: user is deactivated'],
    [400, 'Bad Request: chat not found'],
  ])('%i %s → blocked, never retried', (code, description) => {
    expect(telegramSendResult(telegramError(code, description))).toEqual({ ok: false, retryable: false, blocked: true, error: `${code}: ${description}` });
  });

  it('429 → retried after retry_after seconds', () => {
    expect(telegramSendResult(telegramError(429, 'Too Many Requests: retry after 7', { retry_after: 7 })))
      .toEqual({ ok: false, retryable: true, retryAfterMs: 7_000, error: '429: Too Many Requests: retry after 7' });
    expect(telegramSendResult(telegramError(429, 'Too Many Requests'))).not.toHaveProperty('retryAfterMs');
  });

  it('5xx, a network error, or a refused token → retried', () => {
    expect(telegramSendResult(telegramError(502, 'Bad Gateway'))).toMatchObject({ ok: false, retryable: true });
    expect(telegramSendResult(telegramError(401, 'Unauthorized'))).toMatchObject({ ok: false, retryable: true });
    const network = Object.assign(new Error('request to http://x failed, reason: connect ECONNREFUSED'), { name: 'FetchError' });
    expect(telegramSendResult(network)).toEqual({ ok: false, retryable: true, error: 'network: FetchError: request to http://x failed, reason: connect ECONNREFUSED' });
  });

  it('any other 400 → never retried, not blocked', () => {
    expect(telegramSendResult(telegramError(400, 'Bad Request: message text is empty'))).toEqual({ ok: false, retryable: false, error: '400: Bad Request: message text is empty' });
  });
});
