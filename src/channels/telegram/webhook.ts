import { createHash, timingSafeEqual } from 'node:crypto';
import type { Update } from 'telegraf/types';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const MAX_BODY_BYTES = 1024 * 1024;

/** A fetch-style handler: mount it in Hono with `app.post(path, (c) => webhook(c.req.raw))`. */
export type TelegramWebhookHandler = (request: Request) => Promise<Response>;

/**
 * Telegram's webhook POSTs: the `X-Telegram-Bot-Api-Secret-Token` header must equal the secret
 * given to setWebhook (401 otherwise, before the body is read); the body must be a JSON update
 * (400 otherwise). 200 once the update is handled; 500 when handling failed, so Telegram
 * delivers it again — the runtime handles a redelivered message once.
 */
export function createTelegramWebhook(secret: string, handleUpdate: (update: Update) => Promise<void>): TelegramWebhookHandler {
  const expected = digest(secret);
  return async (request) => {
    if (request.method !== 'POST') return status(405, 'method not allowed');
    const given = request.headers.get(SECRET_HEADER);
    if (given === null || !timingSafeEqual(digest(given), expected)) return status(401, 'unauthorized');
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return status(413, 'too large');
    const update = parseUpdate(await request.text());
    if (update === null) return status(400, 'malformed update');
    try {
      await handleUpdate(update);
    } catch {
      return status(500, 'not handled; send again');
    }
    return status(200, 'ok');
  };
}

function parseUpdate(body: string): Update | null {
  if (body.length > MAX_BODY_BYTES) return null;
  try {
    const value: unknown = JSON.parse(body);
    const isUpdate = typeof value === 'object' && value !== null && Number.isInteger((value as { update_id?: unknown }).update_id);
    return isUpdate ? (value as Update) : null;
  } catch {
    return null;
  }
}

/** Comparing digests keeps the comparison constant-time whatever the given header's length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function status(code: number, text: string): Response {
  return new Response(text, { status: code, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
