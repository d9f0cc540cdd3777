import { describe, expect, it } from 'vitest';
import { serveWebChat } from '../../../src/channels/simulator/web-chat.ts';
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

  it('is shown as an SVG image on the admin page, to this machine only', async () => {
    let state = 'waiting for QR scan';
    const page = createQrPage({ latestQr: () => ({ qr: QR, at: new Date() }), state: () => state });
    const served = await serveWebChat(page, { host: '127.0.0.1', port: 0 });
    try {
      const html = await (await fetch(`${served.url}admin/whatsapp`)).text();
      expect(html).toContain('<svg');
      expect(html).toContain('Status: waiting for QR scan');
      state = 'ready';
      expect(await (await fetch(`${served.url}admin/whatsapp`)).text()).toContain('WhatsApp tersambung');
    } finally {
      await served.close();
    }
  });

  it('refuses a request that did not come over this machine\'s loopback', async () => {
    const page = createQrPage({ latestQr: () => ({ qr: QR, at: new Date() }), state: () => 'waiting for QR scan' });
    const response = await page.request('/admin/whatsapp', {}, { incoming: { socket: { remoteAddress: '10.1.2.3', remotePort: 5555, remoteFamily: 'IPv4' } } });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('<svg');
  });
});
