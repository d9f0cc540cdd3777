import { describe, expect, it } from 'vitest';
import { AUTH_ERROR_RETRY_MS, classifyGraphError, SERVER_ERROR_RETRY_MS } from '../../../../src/channels/whatsapp-cloud/send-result.ts';

const graphError = (code: number, message = 'error', details?: string) => ({
  error: { code, message, type: 'OAuthException', ...(details ? { error_data: { details } } : {}) },
});

describe('classifyGraphError', () => {
  it.each([
    [130429, 2_000],
    [131056, 6_000],
    [80007, 60_000],
    [4, 60_000],
  ])('throttling code %i is retryable after %i ms', (code, wait) => {
    expect(classifyGraphError(400, graphError(code, 'Rate limit hit'), null)).toEqual({
      ok: false, retryable: true, error: `graph ${code}: Rate limit hit`, retryAfterMs: wait,
    });
  });

  it('honours Retry-After when the response carries one', () => {
    expect(classifyGraphError(429, graphError(130429), '12')).toMatchObject({ retryable: true, retryAfterMs: 12_000 });
  });

  it('retries server errors and Meta-side transient codes', () => {
    expect(classifyGraphError(503, undefined, null)).toEqual({ ok: false, retryable: true, error: 'graph 503: HTTP 503', retryAfterMs: SERVER_ERROR_RETRY_MS });
    expect(classifyGraphError(400, graphError(131016, 'Service unavailable'), null)).toMatchObject({ retryable: true });
  });

  it('does not retry re-engagement (131047) or undeliverable (131026)', () => {
    expect(classifyGraphError(400, graphError(131047, 'Re-engagement message', 'More than 24 hours have passed'), null)).toEqual({
      ok: false, retryable: false,
      error: 're-engagement required, window closed: graph 131047: Re-engagement message (More than 24 hours have passed)',
    });
    expect(classifyGraphError(400, graphError(131026, 'Message Undeliverable'), null)).toMatchObject({ retryable: false, error: expect.stringContaining('undeliverable') });
  });

  it('keeps rows on an expired token (the operator can fix it) and drops other bad requests', () => {
    expect(classifyGraphError(401, graphError(190, 'Error validating access token'), null)).toMatchObject({ retryable: true, retryAfterMs: AUTH_ERROR_RETRY_MS });
    expect(classifyGraphError(400, graphError(100, 'Invalid parameter'), null)).toEqual({ ok: false, retryable: false, error: 'graph 100: Invalid parameter' });
  });
});
