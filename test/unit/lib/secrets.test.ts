import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/lib/errors.ts';
import { decryptField, encryptField, nikHash, randomDigits, resolveSecret } from '../../../src/lib/secrets.ts';

const SECRET = 'k'.repeat(32);
const OTHER = 'z'.repeat(32);
const NIK = '3174010101900001';

describe('nikHash', () => {
  it('is a stable 64-character hex digest', () => {
    expect(nikHash(SECRET, NIK)).toMatch(/^[0-9a-f]{64}$/);
    expect(nikHash(SECRET, NIK)).toBe(nikHash(SECRET, NIK));
  });

  it('differs per NIK and per secret, and does not contain the NIK', () => {
    expect(nikHash(SECRET, NIK)).not.toBe(nikHash(SECRET, '3174010101900002'));
    expect(nikHash(SECRET, NIK)).not.toBe(nikHash(OTHER, NIK));
    expect(nikHash(SECRET, NIK)).not.toContain(NIK);
  });

  it('keys the HMAC with a subkey derived for this purpose, not the raw secret', () => {
    expect(nikHash(SECRET, NIK)).not.toBe(createHmac('sha256', SECRET).update(NIK).digest('hex'));
  });
});

describe('encryptField and decryptField', () => {
  it('round-trips text, including non-ASCII and empty', () => {
    for (const text of [NIK, 'Siti Nurhaliza binti Abdullah', 'ŝ✓ 漢字', '']) {
      expect(decryptField(SECRET, encryptField(SECRET, text))).toBe(text);
    }
  });

  it('makes a versioned token that hides the plaintext and differs every time', () => {
    const a = encryptField(SECRET, NIK);
    const b = encryptField(SECRET, NIK);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(3), 'base64').toString('latin1')).not.toContain(NIK);
  });

  it('refuses a wrong secret, a tampered token and an unknown version', () => {
    const token = encryptField(SECRET, NIK);
    expect(() => decryptField(OTHER, token)).toThrow();
    const raw = Buffer.from(token.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptField(SECRET, `v1:${raw.toString('base64')}`)).toThrow();
    expect(() => decryptField(SECRET, `v2:${token.slice(3)}`)).toThrow(/version/);
    expect(() => decryptField(SECRET, 'v1:AAAA')).toThrow(/too short/);
  });

});

describe('randomDigits', () => {
  it('returns n decimal digits', () => {
    expect(randomDigits(1)).toMatch(/^\d$/);
    expect(randomDigits(16)).toMatch(/^\d{16}$/);
  });

  it('is random: 200 six-digit codes are mostly distinct and use every digit', () => {
    const codes = Array.from({ length: 200 }, () => randomDigits(6));
    expect(new Set(codes).size).toBeGreaterThan(190);
    expect(new Set(codes.join(''))).toEqual(new Set('0123456789'));
  });

  it('refuses a length that is not a positive whole number', () => {
    expect(() => randomDigits(0)).toThrow(RangeError);
    expect(() => randomDigits(2.5)).toThrow(RangeError);
  });
});

describe('resolveSecret', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'payung-secret-')), 'data');
  });
  afterEach(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });
  const pglite = () => ({ secret: null, dataDir, database: { driver: 'pglite' as const } });

  it('uses PAYUNG_SECRET when it is set, writing nothing', async () => {
    expect(await resolveSecret({ ...pglite(), secret: SECRET })).toBe(SECRET);
    await expect(stat(dataDir)).rejects.toThrow();
  });

  it('generates a key once in dataDir/secret.key (mode 0600) and reuses it', async () => {
    const first = await resolveSecret(pglite());
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await resolveSecret(pglite())).toBe(first);
    const file = join(dataDir, 'secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
  });

  it('gives every process starting at once the same key', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => resolveSecret(pglite())));
    expect(new Set(keys).size).toBe(1);
  });

  it('refuses a key file that is too short', async () => {
    await resolveSecret(pglite());
    await writeFile(join(dataDir, 'secret.key'), 'short\n');
    await expect(resolveSecret(pglite())).rejects.toThrow(ConfigError);
  });

  it('requires PAYUNG_SECRET with PostgreSQL', async () => {
    const error = await resolveSecret({ secret: null, dataDir, database: { driver: 'postgres' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('PAYUNG_SECRET');
  });
});
