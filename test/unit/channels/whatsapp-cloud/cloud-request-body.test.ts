import { describe, expect, it } from 'vitest';
import { cloudRequestBody, isWindowOpen } from '../../../../src/channels/whatsapp-cloud/cloud-request-body.ts';

const TO = '6281234567890';
const NOW = new Date('2025-08-17T03:00:00Z');
const HOUR = 3_600_000;
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: TO };
const template = { name: 'pengingat_iuran', language: 'id', params: ['Bu Sri', 'Rp 16.800'] };

describe('isWindowOpen', () => {
  it('is open for 24 hours after the contact last wrote, and closed when they never did', () => {
    expect(isWindowOpen(new Date(NOW.getTime() - 23 * HOUR), NOW)).toBe(true);
    expect(isWindowOpen(new Date(NOW.getTime() - 24 * HOUR), NOW)).toBe(false);
    expect(isWindowOpen(null, NOW)).toBe(false);
  });
});

describe('cloudRequestBody', () => {
  it('sends plain text inside the window', () => {
    expect(cloudRequestBody(TO, { text: 'Terima kasih.' }, true)).toEqual({ ...envelope, type: 'text', text: { preview_url: false, body: 'Terima kasih.' } });
  });

  it('sends up to three short choices as reply buttons', () => {
    expect(cloudRequestBody(TO, { text: 'Lanjut?', choices: ['Ya', 'Tidak'] }, true)).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Lanjut?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'choice-1', title: 'Ya' } }, { type: 'reply', reply: { id: 'choice-2', title: 'Tidak' } }] },
      },
    });
  });

  it.each([
    ['four choices', ['1 bulan', '3 bulan', '6 bulan', '12 bulan']],
    ['a title over 20 characters', ['Ya', 'Tidak, saya mau ubah data']],
  ])('falls back to numbered text for %s', (_label, choices) => {
    const body = cloudRequestBody(TO, { text: 'Pilih:', choices }, true);
    expect(body).toMatchObject({ type: 'text' });
    expect((body as { text: { body: string } }).text.body).toBe(`Pilih:\n\n${choices.map((c, i) => `${i + 1}. ${c}`).join('\n')}`);
  });

  it('sends the template outside the window, its params as body parameters', () => {
    expect(cloudRequestBody(TO, { text: 'Iuran jatuh tempo', template }, false)).toEqual({
      ...envelope,
      type: 'template',
      template: {
        name: 'pengingat_iuran',
        language: { code: 'id' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Bu Sri' }, { type: 'text', text: 'Rp 16.800' }] }],
      },
    });
  });

  it('prefers free text inside the window even when a template is given', () => {
    expect(cloudRequestBody(TO, { text: 'Iuran jatuh tempo', template }, true)).toMatchObject({ type: 'text' });
  });

  it('gives nothing to send outside the window without a template', () => {
    expect(cloudRequestBody(TO, { text: 'halo' }, false)).toBeNull();
  });
});
