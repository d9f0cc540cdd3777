import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { qrSvg } from './show-qr.ts';

export interface QrSource {
  latestQr(): { readonly qr: string; readonly at: Date } | null;
  state(): string;
}

export interface QrPageOptions {
  /** PAYUNG_ADMIN_TOKEN; null turns the page off. */
  readonly adminToken: string | null;
}

const PATH = '/admin/whatsapp';
const COOKIE = 'payung_admin';
const COOKIE_MAX_AGE_S = 12 * 60 * 60;

/**
 * `GET /admin/whatsapp`: the login QR as an image, refreshed every few seconds. Whoever scans it
 * takes over the WhatsApp number, so it is shown only with the admin token (PAYUNG_ADMIN_TOKEN),
 * whatever address the request comes from: behind a reverse proxy every request is "local". The
 * token comes as `Authorization: Bearer …`, or once as `?token=…`, which sets an HTTP-only
 * cookie (derived from the token, not the token itself) and redirects to the bare URL, so the
 * token does not stay in the address bar or the history. Without a configured token the page is off.
 */
export function createQrPage(source: QrSource, options: QrPageOptions): Hono {
  const app = new Hono();
  app.get(PATH, async (c) => {
    c.header('Cache-Control', 'no-store');
    const token = options.adminToken;
    if (token === null) {
      return c.text('The WhatsApp QR page is off. To turn it on, set PAYUNG_ADMIN_TOKEN (at least 24 characters) and restart Payung, then open /admin/whatsapp?token=<that token> once.', 403);
    }
    const fromQuery = c.req.query('token');
    if (fromQuery !== undefined) {
      if (!same(fromQuery, token)) return unauthorized(c);
      setCookie(c, COOKIE, cookieValue(token), { httpOnly: true, sameSite: 'Strict', path: PATH, maxAge: COOKIE_MAX_AGE_S, secure: isHttps(c) });
      return c.redirect(PATH, 303);
    }
    const bearer = /^Bearer\s+(.+)$/iu.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = getCookie(c, COOKIE);
    const allowed = (bearer !== undefined && same(bearer.trim(), token)) || (cookie !== undefined && same(cookie, cookieValue(token)));
    if (!allowed) return unauthorized(c);
    const latest = source.latestQr();
    const state = source.state();
    const body = state === 'ready'
      ? '<p>WhatsApp tersambung. ✅</p>'
      : latest ? `${await qrSvg(latest.qr)}<p>Pindai dengan WhatsApp: Perangkat tertaut → Tautkan perangkat.</p>` : '<p>Menunggu QR…</p>';
    return c.html(`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Payung — WhatsApp</title></head><body style="font-family:sans-serif;text-align:center">
<h1>WhatsApp</h1><p>Status: ${escapeHtml(state)}</p>${body}</body></html>`);
  });
  return app;
}

function unauthorized(c: Context) {
  c.header('WWW-Authenticate', 'Bearer realm="payung-admin"');
  return c.text('Unauthorized: open /admin/whatsapp?token=<PAYUNG_ADMIN_TOKEN> once, or send "Authorization: Bearer <PAYUNG_ADMIN_TOKEN>".', 401);
}

/** The cookie proves the token was given without being the token: a leaked cookie does not reveal it. */
function cookieValue(token: string): string {
  return createHmac('sha256', token).update('payung admin cookie v1').digest('base64url');
}

function same(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
