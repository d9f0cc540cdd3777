import { describe, expect, it } from 'vitest';
import { renderWhatsAppText } from '../../../../src/channels/whatsapp-web/render.ts';

describe('renderWhatsAppText', () => {
  it('sends text without choices as it is', () => {
    expect(renderWhatsAppText({ text: 'Terima kasih, Bu.' })).toBe('Terima kasih, Bu.');
  });

  it('numbers the choices under the text', () => {
    expect(renderWhatsAppText({ text: 'Lanjut daftar?', choices: ['Ya', 'Tidak'] })).toBe('Lanjut daftar?\n\n1. Ya\n2. Tidak');
  });

  it('renders an empty choice list as plain text', () => {
    expect(renderWhatsAppText({ text: 'Oke', choices: [] })).toBe('Oke');
  });
});
