import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Reply } from '../../engine/reply.ts';
import type { MessageHandler, OutboxReader } from '../../runtime/ports/index.ts';
import { RecentReplies } from './recent-replies.ts';
import { simToInbound } from './to-inbound.ts';
import { isPlainIdentifier, MAX_TEXT_LENGTH, simMessageRequest, type SimMessageRequest } from './sim-message-request.ts';
import { isBadDataError, scrubQueryError } from '../../lib/query-error.ts';
import { webChatPage } from './web-chat-page.ts';
import { systemClock } from '../../lib/clock.ts';

export interface WebChatOptions {
  readonly handler: MessageHandler;
  readonly outbox: OutboxReader;
  /** Message id for a POST that brings none (curl); browsers send their own so retries dedupe. */
  readonly newExternalId?: () => string;
  readonly now?: () => Date;
  /** Where handler and outbox failures go. Gets ids only: message text may hold a NIK. */
  readonly logError?: (error: unknown, context: Readonly<Record<string, string>>) => void;
}

/** Said when the runtime failed: the browser retries with the same id, the runtime dedupes. */
export const HANDLER_FAILED = 'Maaf, ada gangguan. Pesan Anda tersimpan, coba kirim lagi.';
/** Said when the message itself cannot be stored (422): sending it again would not help. */
export const UNREADABLE = 'Maaf, pesan ini tidak bisa dibaca. Coba tulis dengan kata lain.';
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The local web chat: one page plus a small JSON API over the runtime's MessageHandler and
 * OutboxReader. A thin adapter — it validates, converts to an InboundMessage and returns what the
 * outbox holds for the contact; it knows nothing of conversations.
 */
export function createWebChatApp(options: WebChatOptions): Hono {
  const { handler, outbox } = options;
  const newExternalId = options.newExternalId ?? randomUUID;
  const now = options.now ?? systemClock;
  const logError = options.logError ?? ((error, context) => console.error('[simulator]', context, scrubQueryError(error)));
  const recent = new RecentReplies();
  const app = new Hono();

  app.get('/', (c) => page(c));
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.post('/api/sim/messages', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLong }), async (c) => {
    const body = await readJson(c);
    if (body === undefined) return apiError(c, 400, 'Permintaan tidak valid: badan permintaan harus JSON.');
    const parsed = simMessageRequest.safeParse(body);
    if (!parsed.success) return invalid(c, parsed.error.issues);
    if ((parsed.data.text?.length ?? 0) > MAX_TEXT_LENGTH) return tooLong(c);

    const request: SimMessageRequest & { id: string } = { ...parsed.data, id: parsed.data.id ?? newExternalId() };
    try {
      const outcome = await handler.handle(simToInbound(request, now()));
      const queued = await outbox.takeFor('simulator', request.contact);
      const earlier = outcome.duplicate ? (recent.recall(request.contact, request.id) ?? []) : [];
      const replies = [...earlier, ...queued].map(plainReply);
      recent.remember(request.contact, request.id, replies);
      return noStore(c).json({ replies, duplicate: outcome.duplicate });
    } catch (error) {
      logError(error, { route: 'POST /api/sim/messages', contact: request.contact, id: request.id });
      // A message the database cannot take fails the same way on every retry: say so, with a
      // status the browser does not retry, so the chat's queue moves on.
      if (isBadDataError(error)) return apiError(c, 422, UNREADABLE);
      return apiError(c, 500, HANDLER_FAILED);
    }
  });

  app.get('/api/sim/messages', async (c) => {
    const contact = c.req.query('contact') ?? '';
    if (!/\S/.test(contact)) return apiError(c, 400, 'Permintaan tidak valid: parameter "contact" wajib diisi.');
    if (!isPlainIdentifier(contact)) return apiError(c, 400, 'Permintaan tidak valid: parameter "contact" berisi karakter kontrol.');
    try {
      const replies = (await outbox.takeFor('simulator', contact)).map(plainReply);
      return noStore(c).json({ replies });
    } catch (error) {
      logError(error, { route: 'GET /api/sim/messages', contact });
      return apiError(c, 500, 'Maaf, ada gangguan. Coba lagi sebentar.');
    }
  });

  return app;
}

/** Only the reply's public fields leave the server, whatever else the runtime's objects hold. */
function plainReply(reply: Reply): Reply {
  return reply.choices === undefined ? { text: reply.text } : { text: reply.text, choices: [...reply.choices] };
}

function page(c: Context): Response {
  c.header('Content-Security-Policy', webChatPage.contentSecurityPolicy);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(webChatPage.html);
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

function invalid(c: Context, issues: readonly { path: readonly PropertyKey[]; message: string }[]): Response {
  const details = issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const summary = details.map((d) => `${d.path || '(body)'}: ${d.message}`).join('; ');
  return noStore(c).json({ error: `Permintaan tidak valid: ${summary}`, issues: details }, 400);
}

function tooLong(c: Context): Response {
  return apiError(c, 413, `Pesan terlalu panjang: paling banyak ${MAX_TEXT_LENGTH.toLocaleString('id-ID')} karakter.`);
}

function apiError(c: Context, status: 400 | 413 | 422 | 500, error: string): Response {
  return noStore(c).json({ error }, status);
}

function noStore(c: Context): Context {
  c.header('Cache-Control', 'no-store');
  return c;
}
