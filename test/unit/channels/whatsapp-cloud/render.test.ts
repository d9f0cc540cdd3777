import { describe, expect, it } from 'vitest';
import { cloudRequestBody, isWindowOpen } from '../../../../src/channels/whatsapp-cloud/render.ts';

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

  it('sends two or three short choices as numbered reply buttons whose ids are the numbered choices', () => {
    expect(cloudRequestBody(TO, { text: 'Lanjut?', choices: ['Ya', 'Tidak'] }, true)).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Lanjut?' },
        action: { buttons: [{ type: 'reply', reply: { id: '1. Ya', title: '1. Ya' } }, { type: 'reply', reply: { id: '2. Tidak', title: '2. Tidak' } }] },
      },
    });
  });

  it('sends four to ten choices as a list message of numbered rows, an amount in brackets as the description', () => {
    const choices = ['1 bulan (Rp16.800)', '3 bulan (Rp50.400)', '6 bulan (Rp100.800)', '12 bulan (Rp1.201.600)'];
    expect(cloudRequestBody(TO, { text: 'Mau bayar untuk berapa bulan?', choices }, true)).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Mau bayar untuk berapa bulan?' },
        action: {
          button: 'Lihat pilihan',
          sections: [{ rows: [
            { id: '1. 1 bulan (Rp16.800)', title: '1. 1 bulan (Rp16.800)' },
            { id: '2. 3 bulan (Rp50.400)', title: '2. 3 bulan (Rp50.400)' },
            { id: '3. 6 bulan (Rp100.800)', title: '3. 6 bulan (Rp100.800)' },
            { id: '4. 12 bulan (Rp1.201.600)', title: '4. 12 bulan', description: 'Rp1.201.600' },
          ] }],
        },
      },
    });
  });

  it('uses a list for two choices too long for buttons, and names its button in the reply language', () => {
    const body = cloudRequestBody(TO, { text: 'Choose a programme:', choices: ['JKK + JKM (Rp16.800/month)', 'JKK + JKM + JHT (Rp36.800/month)'], language: 'en' }, true);
    expect(body).toMatchObject({
      type: 'interactive',
      interactive: { type: 'list', action: { button: 'See options', sections: [{ rows: [
        { id: '1. JKK + JKM (Rp16.800/month)', title: '1. JKK + JKM', description: 'Rp16.800/month' },
        { id: '2. JKK + JKM + JHT (Rp36.800/month)', title: '2. JKK + JKM + JHT', description: 'Rp36.800/month' },
      ] }] } },
    });
  });

  it('keeps every interactive part within the Cloud API limits', () => {
    const choices = Array.from({ length: 10 }, (_, i) => `Pilihan nomor ${i + 1} (keterangan yang cukup panjang ${i})`);
    const body = cloudRequestBody(TO, { text: 'Pilih:', choices }, true) as { interactive: { action: { button: string; sections: { rows: { id: string; title: string; description?: string }[] }[] } } };
    const rows = body.interactive.action.sections.flatMap((s) => s.rows);
    expect(rows).toHaveLength(10);
    expect([...body.interactive.action.button].length).toBeLessThanOrEqual(20);
    for (const row of rows) {
      expect([...row.title].length).toBeLessThanOrEqual(24);
      expect([...(row.description ?? '')].length).toBeLessThanOrEqual(72);
      expect(row.id.length).toBeLessThanOrEqual(200);
    }
  });

  it.each([
    ['eleven choices', Array.from({ length: 11 }, (_, i) => `Pekerjaan ${i + 1}`)],
    ['a title that would be cut', ['Ya', 'Tidak, saya mau mengubah data nomor tiga']],
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
