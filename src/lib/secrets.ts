/**
 * Payung's keyed crypto for personal data. One secret (PAYUNG_SECRET) is stretched with HKDF
 * into separate keys per purpose, so the NIK hash key and the encryption key never coincide.
 * - nikHash: HMAC-SHA256, so the NIK can be unique in the database without being stored in clear.
 * - encryptField / decryptField: AES-256-GCM tokens `v1:<base64(iv|tag|ciphertext)>`.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from './errors.ts';

const TOKEN_VERSION = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_SECRET_LENGTH = 32;

/** Hex HMAC-SHA256 of the NIK. Pass the canonical 16-digit NIK: the hash sees every character. */
export function nikHash(secret: string, nik: string): string {
  return createHmac('sha256', subkey(secret, 'nik-hash')).update(nik, 'utf8').digest('hex');
}

export function encryptField(secret: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', subkey(secret, 'field-encryption'), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return TOKEN_VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

/** Throws on a wrong key, a tampered token or an unknown version: never returns garbage. */
export function decryptField(secret: string, token: string): string {
  if (!token.startsWith(TOKEN_VERSION)) throw new Error('encrypted field: unknown token version');
  const raw = Buffer.from(token.slice(TOKEN_VERSION.length), 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('encrypted field: token too short');
  const decipher = createDecipheriv('aes-256-gcm', subkey(secret, 'field-encryption'), raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** n cryptographically random decimal digits (payment codes, one-time codes); may start with 0. */
export function randomDigits(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`randomDigits: n must be a positive whole number, got ${n}`);
  let digits = '';
  for (let i = 0; i < n; i += 1) digits += String(randomInt(10));
  return digits;
}

/**
 * The secret to use: PAYUNG_SECRET when set; otherwise (PGlite only — loadConfig already refused
 * PostgreSQL without one) a key generated once and kept in `${dataDir}/secret.key`, mode 0600.
 */
export async function resolveSecret(config: {
  readonly secret: string | null;
  readonly dataDir: string;
  readonly database: { readonly driver: 'postgres' | 'pglite' };
}): Promise<string> {
  if (config.secret !== null) return config.secret;
  if (config.database.driver === 'postgres') {
    throw new ConfigError('PAYUNG_SECRET', 'is required when DATABASE_URL is set');
  }
  return readOrCreateKeyFile(join(config.dataDir, 'secret.key'));
}

async function readOrCreateKeyFile(path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await createOnce(path, randomBytes(32).toString('base64url') + '\n');
  const secret = (await readFile(path, 'utf8')).trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError('PAYUNG_SECRET', `unset, and ${path} holds fewer than ${MIN_SECRET_LENGTH} characters`);
  }
  return secret;
}

/**
 * Writes a complete file under a temporary name, then hard-links it into place: link() fails if
 * the name exists, so when two processes start at once one key wins and nobody reads half a file.
 */
async function createOnce(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content, { flag: 'wx', mode: 0o600 });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

// HKDF is cheap, but NIK hashing runs on every registration and lookup: derive each key once.
const subkeys = new Map<string, Buffer>();

function subkey(secret: string, purpose: 'nik-hash' | 'field-encryption'): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = subkeys.get(id);
  if (key === undefined) {
    key = Buffer.from(hkdfSync('sha256', secret, 'payung', `payung ${purpose} v1`, 32));
    subkeys.set(id, key);
  }
  return key;
}
