import { describe, expect, it } from 'vitest';
import { renderReplyForTerminal } from '../../../../src/channels/simulator/render.ts';

describe('renderReplyForTerminal', () => {
  it('prefixes a one-line reply', () => {
    expect(renderReplyForTerminal({ text: 'Halo, saya Payung.' })).toBe('Payung> Halo, saya Payung.');
  });

  it('indents continuation lines under the text and keeps blank lines', () => {
    expect(renderReplyForTerminal({ text: 'Data Anda:\nNama: Budi\n\nBenar?' })).toBe(
      ['Payung> Data Anda:', '        Nama: Budi', '', '        Benar?'].join('\n'),
    );
  });

  it('treats CRLF like LF', () => {
    expect(renderReplyForTerminal({ text: 'a\r\nb' })).toBe('Payung> a\n        b');
  });

  it('numbers the choices from 1', () => {
    expect(renderReplyForTerminal({ text: 'Lanjut?', choices: ['Ya', 'Tidak'] })).toBe(
      'Payung> Lanjut?\n  1. Ya\n  2. Tidak',
    );
  });

  it('renders an empty text without trailing space', () => {
    expect(renderReplyForTerminal({ text: '', choices: ['Ya'] })).toBe('Payung>\n  1. Ya');
  });

  it('prints markup as it is', () => {
    expect(renderReplyForTerminal({ text: '<b>tebal</b>' })).toBe('Payung> <b>tebal</b>');
  });
});
