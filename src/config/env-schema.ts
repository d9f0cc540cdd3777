/**
 * The environment variables Payung reads, each with its zod schema and the sentence that tells an
 * operator what a good value looks like. config.ts turns the parsed values into a Config.
 */
import { z } from 'zod';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** How a bad value may be echoed back: secrets never are, URLs lose their password. */
export type Echo = 'value' | 'url' | 'length';

interface Variable<S extends z.ZodType> {
  readonly schema: S;
  /** Completes "<NAME>: must …". */
  readonly must: string;
  readonly echo: Echo;
}

const variable = <S extends z.ZodType>(schema: S, must: string, echo: Echo = 'value'): Variable<S> =>
  ({ schema, must, echo });

// docker-compose and systemd pass an empty string for "not set": treat both the same.
const unsetIfBlank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <S extends z.ZodType>(s: S) => z.preprocess(unsetIfBlank, s.optional());
const defaulted = <S extends z.ZodType>(s: S, value: z.output<S>) =>
  z.preprocess(unsetIfBlank, s.default(value as never));

// A stray newline or NUL in a path is a broken env file, not a folder name.
const folder = z.string().refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20));
const urlWithScheme = (schemes: readonly string[]) => z.string().refine((s) => {
  try {
    const url = new URL(s);
    return schemes.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
});

export const envVariables = {
  DATABASE_URL: variable(optional(urlWithScheme(['postgres:', 'postgresql:'])),
    'be a postgres:// or postgresql:// URL with a host', 'url'),
  PAYUNG_DATA_DIR: variable(defaulted(folder, './data'), 'be a folder path without control characters'),
  PORT: variable(defaulted(z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().min(1).max(65_535)), 3000),
    'be a whole number between 1 and 65535'),
  HOST: variable(defaulted(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/), '127.0.0.1'),
    'be a host name or IP address such as 127.0.0.1, 0.0.0.0 or ::'),
  LOG_LEVEL: variable(defaulted(z.string().transform((s) => s.toLowerCase()).pipe(z.enum(logLevels)), 'info'),
    `be one of ${logLevels.join(', ')}`),
  PAYUNG_SECRET: variable(optional(z.string().min(32)), 'be at least 32 characters', 'length'),
  PAYUNG_FLOWS_DIR: variable(defaulted(folder, 'flows'), 'be a folder path without control characters'),
  PAYUNG_LOCALES_DIR: variable(defaulted(folder, 'locales'), 'be a folder path without control characters'),
  PAYUNG_LANGUAGE: variable(defaulted(z.string().regex(/^[a-z]{2,3}$/), 'id'),
    'be a lower-case language code such as id or en'),
  TELEGRAM_BOT_TOKEN: variable(optional(z.string().regex(/^\d+:[A-Za-z0-9_-]+$/)),
    'look like 123456789:AAF… (from @BotFather)', 'length'),
  TELEGRAM_API_ROOT: variable(optional(urlWithScheme(['http:', 'https:'])), 'be an http:// or https:// URL', 'url'),
  TELEGRAM_MODE: variable(defaulted(z.enum(['polling', 'webhook']), 'polling'), 'be polling or webhook'),
  TELEGRAM_WEBHOOK_SECRET: variable(optional(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/)),
    'be 16–256 letters, digits, _ or - (Telegram\'s secret_token)', 'length'),
  TELEGRAM_WEBHOOK_URL: variable(optional(urlWithScheme(['https:'])), 'be the public https:// URL of /webhooks/telegram on this server', 'url'),
  PAYUNG_ADMIN_TOKEN: variable(optional(z.string().regex(/^[\x21-\x7e]{24,256}$/)),
    'be 24–256 printable characters without spaces (the admin pages\' token)', 'length'),
  OUTBOX_MAX_AGE_SECONDS: variable(defaulted(z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().min(1)), 300),
    'be a whole number of seconds (how long a queued message may wait before /healthz says degraded)'),
  PAYMENTS_WEBHOOK_SECRET: variable(optional(z.string().min(32)), 'be at least 32 characters, shared with the payment provider', 'length'),
  WHATSAPP_WEB_ENABLED: variable(defaulted(z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v)), false),
    'be true or false'),
  PUPPETEER_EXECUTABLE_PATH: variable(defaulted(folder, '/usr/bin/chromium'), 'be the path of a Chromium executable'),
  WHATSAPP_WEB_MIN_INTERVAL_MS: variable(defaulted(z.string().regex(/^\d{1,7}$/).transform(Number), 4000),
    'be a whole number of milliseconds'),
  WHATSAPP_WEB_DAILY_CAP: variable(defaulted(z.string().regex(/^\d{1,6}$/).transform(Number), 300),
    'be a whole number of messages a day'),
  WHATSAPP_CLOUD_ACCESS_TOKEN: variable(optional(z.string().min(20)), 'be the access token from Meta (at least 20 characters)', 'length'),
  WHATSAPP_CLOUD_APP_SECRET: variable(optional(z.string().min(16)), 'be the app secret from Meta (at least 16 characters)', 'length'),
  WHATSAPP_CLOUD_VERIFY_TOKEN: variable(optional(z.string().min(8)), 'be the webhook verify token you chose (at least 8 characters)', 'length'),
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: variable(optional(z.string().regex(/^\d{5,20}$/)), 'be the numeric phone number id from Meta'),
  WHATSAPP_CLOUD_GRAPH_URL: variable(defaulted(urlWithScheme(['http:', 'https:']), 'https://graph.facebook.com'), 'be an http:// or https:// URL', 'url'),
  WHATSAPP_CLOUD_RATE: variable(defaulted(z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().min(1)), 80),
    'be a whole number of messages per second (Meta\'s default is 80)'),
} as const;

export type EnvName = keyof typeof envVariables;

type Schemas = { [K in EnvName]: (typeof envVariables)[K]['schema'] };
const schemas = Object.fromEntries(
  Object.entries(envVariables).map(([name, v]) => [name, v.schema]),
) as Schemas;

export const envSchema = z.object(schemas);
export type ParsedEnv = z.output<typeof envSchema>;
