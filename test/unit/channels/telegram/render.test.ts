import { describe, expect, it } from 'vitest';
import { renderTelegramReply } from '../../../../src/channels/telegram/render.ts';

describe('renderTelegramReply', () => {
  it('removes any keyboard when the reply has no choices', () => {
    expect(renderTelegramReply({ text: 'Siapa nama lengkap Anda?' })).toEqual({
      text: 'Siapa nama lengkap Anda?', extra: { reply_markup: { remove_keyboard: true } },
    });
    expect(renderTelegramReply({ text: 'x', choices: [] }).extra.reply_markup).toEqual({ remove_keyboard: true });
  });

  it('numbers the buttons and puts short ones two to a row on a one-time, resized reply keyboard', () => {
    expect(renderTelegramReply({ text: 'Setuju?', choices: ['Ya', 'Tidak', 'Bantuan'] })).toEqual({
      text: 'Setuju?',
      extra: { reply_markup: { keyboard: [[{ text: '1. Ya' }, { text: '2. Tidak' }], [{ text: '3. Bantuan' }]], resize_keyboard: true, one_time_keyboard: true } },
    });
  });

  it('gives a long choice a row of its own and keeps the order', () => {
    const { extra } = renderTelegramReply({ text: 'Program?', choices: ['1 bulan', 'JKK + JKM + JHT (Rp53.400/bulan)', '3 bulan', '6 bulan'] });
    expect(extra.reply_markup).toMatchObject({
      keyboard: [[{ text: '1. 1 bulan' }], [{ text: '2. JKK + JKM + JHT (Rp53.400/bulan)' }], [{ text: '3. 3 bulan' }, { text: '4. 6 bulan' }]],
    });
  });

  it('sends the text as it is (no parse mode, nothing escaped)', () => {
    const { text, extra } = renderTelegramReply({ text: '<b>*Rp13.400*</b>' });
    expect(text).toBe('<b>*Rp13.400*</b>');
    expect(extra).not.toHaveProperty('parse_mode');
  });
});
