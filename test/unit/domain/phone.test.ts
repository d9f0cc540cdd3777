import { describe, expect, it } from 'vitest';
import { normalizePhone, whatsappIdToE164 } from '../../../src/domain/phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'], ['0812-3456-7890', '+6281234567890'], ['0812 3456 7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'], ['+62-812-3456-7890', '+6281234567890'], ['62812 3456 7890', '+6281234567890'],
    ['(0812) 3456.7890', '+6281234567890'], ['81234567890', '+6281234567890'], ['0062 812 3456 7890', '+6281234567890'],
    ['０８１２３４５６７８９０', '+6281234567890'], ['0812345678', '+62812345678'], // 10 digits with the 0: shortest
    ['0812345678901', '+62812345678901'], // 13 digits with the 0: longest
    ['085712345678', '+6285712345678'], ['089912345678', '+6289912345678'], ['083112345678', '+6283112345678'],
  ])('%j → %s', (text, e164) => {
    expect(normalizePhone(text)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ['', 'phone.invalid'], ['abc', 'phone.invalid'], ['0812-3456-789O', 'phone.invalid'], ['+1 555 123 4567', 'phone.invalid'],
    ['081234', 'phone.invalid'], ['08123456789012', 'phone.invalid'], ['1'.repeat(10_000), 'phone.invalid'],
    ['081234567', 'phone.invalid'], // 8 digits after 62: one short of the mobile pattern
    ['02112345678', 'phone.not_mobile'], // Jakarta landline
    ['+62 21 1234 5678', 'phone.not_mobile'], ['084123456789', 'phone.not_mobile'], // 084 is not a mobile prefix
  ])('%j → %s', (text, error) => {
    expect(normalizePhone(text)).toEqual({ ok: false, error });
  });
});

describe('whatsappIdToE164', () => {
  it('reads whatsapp-web.js and Cloud API ids', () => {
    expect(whatsappIdToE164('6281234567890@c.us')).toEqual({ ok: true, value: '+6281234567890' });
    expect(whatsappIdToE164('6281234567890@s.whatsapp.net')).toEqual({ ok: true, value: '+6281234567890' });
  });
  it('refuses groups and foreign or malformed ids', () => {
    expect(whatsappIdToE164('120363041234567890@g.us')).toEqual({ ok: false, error: 'phone.invalid' });
    expect(whatsappIdToE164('15551234567@c.us')).toEqual({ ok: false, error: 'phone.invalid' });
    expect(whatsappIdToE164('6281234567890')).toEqual({ ok: false, error: 'phone.invalid' });
  });
});
