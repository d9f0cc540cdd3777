import { describe, expect, it } from 'vitest';
import { serveHttp } from '../../../src/http/serve-http.ts';
import { createQrPage } from '../../../src/channels/whatsapp-web/qr-page.ts';
import { qrInstructions } from '../../../src/channels/whatsapp-web/show-qr.ts';

const QR = '2@abcDEF123,xyz456=,ghi789=,1';

describe('the WhatsApp login QR', () => {
  it('is drawn in the terminal as blocks a phone can scan', async () => {
    const text = await qrInstructions(QR);
    expect(text).toContain('Link a device');
    expect(text).toMatch(/[▀▄█]/);
    expect(text).not.toContain(QR);
  });

  const TOKEN = 'admin-token-0123456789-abcdef';

  it('is shown as an SVG image on the admin page with the admin token as a bearer header', async () => {
    let state = 'waiting for QR scan';
    const page = createQrPage({ latestQr: () => ({ qr: QR, at: new Date() }), state: () => state }, { adminToken: TOKEN });
    const served = await serveHttp(page, { host: '127.0.0.1', port: 0 });
    try {
      const headers = { authorization: `Bearer ${TOKEN}` };
      const html = await (await fetch(`${served.url}admin/whatsapp`, { headers })).text();
      expect(html).toContain('<svg');
      expect(html).toContain('Status: waiting for QR scan');
      state = 'ready';
      expect(await (await fetch(`${served.url}admin/whatsapp`, { headers })).text()).toContain('WhatsApp tersambung');
    } finally {
      await served.close();
    }
  });

  it('refuses a request from this very machine without the token (a reverse proxy makes every request local)', async () => {
    const page = createQrPage({ latestQr: () => ({ qr: QR, at: new Date() }), state: () => 'waiting for QR scan' }, { adminToken: TOKEN });
    const served = await serveHttp(page, { host: '127.0.0.1', port: 0 });
    try {
      const bare = await fetch(`${served.url}admin/whatsapp`);
      expect(bare.status).toBe(401);
      const body = await bare.text();
      expect(body).not.toContain('<svg');
      expect(body).toContain('PAYUNG_ADMIN_TOKEN');
      const wrong = await fetch(`${served.url}admin/whatsapp?token=not-the-token`, { redirect: 'manual' });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('set-cookie')).toBeNull();
      const badBearer = await fetch(`${served.url}admin/whatsapp`, { headers: { authorization: 'Bearer nope' } });
      expect(badBearer.status).toBe(401);
    } finally {
      await served.close();
    }
  });

  it('takes the token once in the address, sets an HTTP-only cookie (not the token) and drops the token from the URL', async () => {
    const page = createQrPage({ latestQr: () => ({ qr: QR, at: new Date() }), state: () => 'waiting for QR scan' }, { adminToken: TOKEN });
    const served = await serveHttp(page, { host: '127.0.0.1', port: 0 });
    try {
      const first = await fetch(`${served.url}admin/whatsapp?token=${encodeURIComponent(TOKEN)}`, { redirect: 'manual' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe('/admin/whatsapp');
      const cookie = first.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).not.toContain(TOKEN);
      const next = await fetch(`${served.url}admin/whatsapp`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
      expect(next.status).toBe(200);
      expect(await next.text()).toContain('<svg');
      expect((await fetch(`${served.url}admin/whatsapp`, { headers: { cookie: 'payung_admin=forged' } })).status).toBe(401);
    } finally {
      await served.close();
    }
  });

  it('is off without PAYUNG_ADMIN_TOKEN, and says how to turn it on', async () => {
    const page = createQrPage({ latestQr: () => ({ qr: QR, at: new Date() }), state: () => 'waiting for QR scan' }, { adminToken: null });
    const response = await page.request('/admin/whatsapp');
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(body).not.toContain('<svg');
    expect(body).toContain('set PAYUNG_ADMIN_TOKEN');
  });
});
