import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * True when `header` is `sha256=<hex HMAC-SHA256 of the raw body keyed with the app secret>`, as
 * Meta signs every webhook POST. Compared in constant time; any other shape is false.
 */
export function verifySignature(rawBody: Uint8Array, header: string | undefined, appSecret: string): boolean {
  if (header === undefined) return false;
  const match = /^sha256=([0-9a-f]{64})$/iu.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

/** Equal strings, without leaking where they differ (both are hashed to the same length first). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHmac('sha256', 'payung').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
