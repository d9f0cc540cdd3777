import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { safeEqual, verifySignature } from '../../../src/lib/verify-signature.ts';

const SECRET = 'app-secret';
const body = new TextEncoder().encode('{"object":"whatsapp_business_account"}');
const sign = (bytes: Uint8Array, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;

describe('verifySignature', () => {
  it('accepts the HMAC-SHA256 of the raw body with the app secret', () => {
    expect(verifySignature(body, sign(body), SECRET)).toBe(true);
    expect(verifySignature(body, sign(body).toUpperCase().replace('SHA256', 'sha256'), SECRET)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['signed with another secret', sign(body, 'other')],
    ['of another body', sign(new TextEncoder().encode('{}'))],
    ['without the sha256= prefix', sign(body).slice(7)],
    ['truncated', sign(body).slice(0, 40)],
    ['sha1', 'sha1=0123456789abcdef0123456789abcdef01234567'],
  ])('rejects a signature that is %s', (_label, header) => {
    expect(verifySignature(body, header, SECRET)).toBe(false);
  });
});

describe('safeEqual', () => {
  it('compares strings of any length', () => {
    expect(safeEqual('token', 'token')).toBe(true);
    expect(safeEqual('token', 'tokens')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
  });
});
