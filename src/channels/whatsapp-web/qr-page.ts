import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { qrSvg } from './show-qr.ts';

export interface QrSource {
  latestQr(): { readonly qr: string; readonly at: Date } | null;
  state(): string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `GET /admin/whatsapp`: the login QR as an image, refreshed every few seconds. Whoever scans it
 * takes over the WhatsApp number, so until admin login exists (a later issue) it is shown only
 * to requests from this machine itself.
 */
export function createQrPage(source: QrSource): Hono {
  const app = new Hono();
  app.get('/admin/whatsapp', async (c) => {
    const address = getConnInfo(c).remote.address ?? '';
    if (!LOOPBACK.has(address)) return c.text('Forbidden: open this page on the Payung server itself.', 403);
    const latest = source.latestQr();
    const state = source.state();
    const body = state === 'ready'
      ? '<p>WhatsApp tersambung. ✅</p>'
      : latest ? `${await qrSvg(latest.qr)}<p>Pindai dengan WhatsApp: Perangkat tertaut → Tautkan perangkat.</p>` : '<p>Menunggu QR…</p>';
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Payung — WhatsApp</title></head><body style="font-family:sans-serif;text-align:center">
<h1>WhatsApp</h1><p>Status: ${escapeHtml(state)}</p>${body}</body></html>`);
  });
  return app;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
