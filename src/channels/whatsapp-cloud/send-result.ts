import type { SendResult } from '../../runtime/ports/index.ts';

type Failure = Extract<SendResult, { ok: false }>;

/**
 * Graph API error codes that mean "too fast, later is fine", with how long to wait when the
 * response carries no Retry-After:
 * 130429 throughput (messages/second per number) · 131056 pair rate (one business number to one
 * user, about one message per 6 s) · 80007 WhatsApp Business Account rate limit · 4 app rate
 * limit (Graph's hourly call budget) · 131048 spam rate limit (the number's quality is low).
 */
const THROTTLED: ReadonlyMap<number, number> = new Map([
  [130429, 2_000],
  [131056, 6_000],
  [80007, 60_000],
  [4, 60_000],
  [131048, 60 * 60_000],
]);

/** Meta's side is briefly down: 1 unknown, 2 service, 131000 generic, 131016 unavailable, 133004 server busy. */
const TRANSIENT = new Set([1, 2, 131000, 131016, 133004]);
/** The token expired or lacks a permission: fixable by the operator, so keep the rows. */
const AUTH = new Set([0, 10, 190]);

export const SERVER_ERROR_RETRY_MS = 5_000;
export const AUTH_ERROR_RETRY_MS = 5 * 60_000;

export interface GraphErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown; readonly error_data?: { readonly details?: unknown } };
}

/**
 * A failed Graph API response as a SendResult. Throttling, 5xx and Meta's transient codes are
 * retryable (Retry-After wins when sent); 131047 (more than 24 h since the contact wrote: only a
 * template may go), 131026 (undeliverable) and other request errors are not.
 */
export function classifyGraphError(httpStatus: number, body: GraphErrorBody | undefined, retryAfterHeader: string | null): Failure {
  const code = Number(body?.error?.code);
  const message = typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${httpStatus}`;
  const details = typeof body?.error?.error_data?.details === 'string' ? ` (${body.error.error_data.details})` : '';
  const error = `graph ${Number.isFinite(code) ? code : httpStatus}: ${message}${details}`;
  const retryAfter = parseRetryAfter(retryAfterHeader);

  const throttleWait = THROTTLED.get(code);
  if (throttleWait !== undefined) return { ok: false, retryable: true, error, retryAfterMs: retryAfter ?? throttleWait };
  if (code === 131047) return { ok: false, retryable: false, error: `re-engagement required, window closed: ${error}` };
  if (code === 131026) return { ok: false, retryable: false, error: `undeliverable: ${error}` };
  if (httpStatus === 429) return { ok: false, retryable: true, error, retryAfterMs: retryAfter ?? 60_000 };
  if (httpStatus >= 500 || TRANSIENT.has(code)) {
    return { ok: false, retryable: true, error, retryAfterMs: retryAfter ?? SERVER_ERROR_RETRY_MS };
  }
  if (httpStatus === 401 || AUTH.has(code)) return { ok: false, retryable: true, error, retryAfterMs: AUTH_ERROR_RETRY_MS };
  return { ok: false, retryable: false, error };
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}
