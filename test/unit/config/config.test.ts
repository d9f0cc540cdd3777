import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import { ConfigError } from '../../../src/lib/errors.ts';

const SECRET = 'x'.repeat(32);

/** The ConfigError loadConfig throws for `env`, or a failure. */
function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('gives the defaults for an empty environment: PGlite under ./data', () => {
    expect(loadConfig({})).toEqual({
      database: { driver: 'pglite', dir: 'data/pglite' },
      dataDir: './data',
      host: '127.0.0.1',
      port: 3000,
      logLevel: 'info',
      secret: null,
      flowsDir: 'flows',
      localesDir: 'locales',
      language: 'id',
      telegram: { botToken: null, apiRoot: null, mode: 'polling', webhookSecret: null, webhookUrl: null },
      adminToken: null,
      outboxMaxAgeMs: 300_000,
      paymentsWebhookSecret: null,
      whatsappWeb: { enabled: false, executablePath: '/usr/bin/chromium', minIntervalMs: 4000, dailyCap: 300 },
      whatsappCloud: null,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://payung:pw@db.internal:6543/payung', PAYUNG_DATA_DIR: '/var/lib/payung', PORT: '8080',
      HOST: '0.0.0.0', LOG_LEVEL: 'debug', PAYUNG_SECRET: SECRET, PAYUNG_FLOWS_DIR: '/etc/payung/flows',
      PAYUNG_LOCALES_DIR: '/etc/payung/locales', PAYUNG_LANGUAGE: 'en', TELEGRAM_BOT_TOKEN: '123456:ABC-def_ghi',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9001', TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'webhook-secret-123', TELEGRAM_WEBHOOK_URL: 'https://payung.example/webhooks/telegram',
      WHATSAPP_WEB_ENABLED: 'true', PUPPETEER_EXECUTABLE_PATH: '/opt/chromium', WHATSAPP_WEB_MIN_INTERVAL_MS: '6000',
      WHATSAPP_WEB_DAILY_CAP: '150', WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAG'.padEnd(24, 'x'), WHATSAPP_CLOUD_APP_SECRET: 'app-secret-0123456',
      WHATSAPP_CLOUD_VERIFY_TOKEN: 'verify-me', WHATSAPP_CLOUD_PHONE_NUMBER_ID: '1234567890', WHATSAPP_CLOUD_GRAPH_URL: 'http://127.0.0.1:9002',
      WHATSAPP_CLOUD_RATE: '250', PAYMENTS_WEBHOOK_SECRET: 'p'.repeat(32),
      PAYUNG_ADMIN_TOKEN: 'a'.repeat(24), OUTBOX_MAX_AGE_SECONDS: '120',
    });
    expect(config).toEqual({
      database: { driver: 'postgres', url: 'postgresql://payung:pw@db.internal:6543/payung' },
      dataDir: '/var/lib/payung', host: '0.0.0.0', port: 8080, logLevel: 'debug', secret: SECRET,
      flowsDir: '/etc/payung/flows', localesDir: '/etc/payung/locales', language: 'en',
      telegram: { botToken: '123456:ABC-def_ghi', apiRoot: 'http://127.0.0.1:9001', mode: 'webhook', webhookSecret: 'webhook-secret-123', webhookUrl: 'https://payung.example/webhooks/telegram' },
      adminToken: 'a'.repeat(24),
      outboxMaxAgeMs: 120_000,
      paymentsWebhookSecret: 'p'.repeat(32),
      whatsappWeb: { enabled: true, executablePath: '/opt/chromium', minIntervalMs: 6000, dailyCap: 150 },
      whatsappCloud: {
        accessToken: 'EAAG'.padEnd(24, 'x'), appSecret: 'app-secret-0123456', verifyToken: 'verify-me', phoneNumberId: '1234567890',
        graphBaseUrl: 'http://127.0.0.1:9002', perSecond: 250,
      },
    });
  });

  it('refuses half a WhatsApp Cloud configuration, naming the missing variable', () => {
    expect(errorFor({ WHATSAPP_CLOUD_ACCESS_TOKEN: 'x'.repeat(24) }).message).toMatch(/^WHATSAPP_CLOUD_APP_SECRET: is needed too/);
  });

  it('refuses a short admin token without echoing it', () => {
    const error = errorFor({ PAYUNG_ADMIN_TOKEN: 'short-token' });
    expect(error.variable).toBe('PAYUNG_ADMIN_TOKEN');
    expect(error.message).not.toContain('short-token');
  });

  it('refuses a Telegram webhook without its secret', () => {
    expect(errorFor({ TELEGRAM_BOT_TOKEN: '123456:ABC', TELEGRAM_MODE: 'webhook' }).variable).toBe('TELEGRAM_WEBHOOK_SECRET');
  });

  it('keeps PGlite inside PAYUNG_DATA_DIR', () => {
    expect(loadConfig({ PAYUNG_DATA_DIR: '/srv/payung' }).database).toEqual({ driver: 'pglite', dir: '/srv/payung/pglite' });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: ' ' })).toMatchObject({ port: 3000, logLevel: 'info', database: { driver: 'pglite' } });
  });

  it('accepts a log level in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
    expect(Object.isFrozen(config.telegram)).toBe(true);
  });

  it('reads process.env by default', () => {
    // The suite itself may run with DATABASE_URL set (and no PAYUNG_SECRET): blank it here.
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('PORT', '4321');
    try {
      expect(loadConfig().port).toBe(4321);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each([
    ['DATABASE_URL', 'mysql://u@h/db', 'DATABASE_URL: must be a postgres:// or postgresql:// URL with a host, got "mysql://u@h/db"'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL: must be a postgres:// or postgresql:// URL with a host, got "not a url"'],
    ['PAYUNG_DATA_DIR', 'data\nmore', 'PAYUNG_DATA_DIR: must be a folder path without control characters, got "data\\nmore"'],
    ['PORT', 'abc', 'PORT: must be a whole number between 1 and 65535, got "abc"'],
    ['PORT', '0', 'PORT: must be a whole number between 1 and 65535, got "0"'],
    ['PORT', '65536', 'PORT: must be a whole number between 1 and 65535, got "65536"'],
    ['PORT', '80.5', 'PORT: must be a whole number between 1 and 65535, got "80.5"'],
    ['HOST', 'my host', 'HOST: must be a host name or IP address such as 127.0.0.1, 0.0.0.0 or ::, got "my host"'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"'],
    ['PAYUNG_SECRET', 'too-short', 'PAYUNG_SECRET: must be at least 32 characters, got a value of 9 characters'],
    ['PAYUNG_FLOWS_DIR', 'flows\u0000', 'PAYUNG_FLOWS_DIR: must be a folder path without control characters, got "flows\\u0000"'],
    ['PAYUNG_LOCALES_DIR', '\tlocales', 'PAYUNG_LOCALES_DIR: must be a folder path without control characters, got "\\tlocales"'],
    ['PAYUNG_LANGUAGE', 'Bahasa', 'PAYUNG_LANGUAGE: must be a lower-case language code such as id or en, got "Bahasa"'],
    ['TELEGRAM_BOT_TOKEN', 'abcdef', 'TELEGRAM_BOT_TOKEN: must look like 123456789:AAF… (from @BotFather), got a value of 6 characters'],
    ['TELEGRAM_API_ROOT', 'ftp://example.org', 'TELEGRAM_API_ROOT: must be an http:// or https:// URL, got "ftp://example.org/"'],
  ])('refuses a bad %s (%j) naming the variable', (name, value, message) => {
    const error = errorFor({ [name]: value });
    expect(error.variable).toBe(name);
    expect(error.message).toBe(message);
  });

  it('never echoes a password, a secret or a bot token', () => {
    expect(errorFor({ DATABASE_URL: 'mysql://payung:hunter2@db/x' }).message).toContain('mysql://payung:***@db/x');
    expect(errorFor({ DATABASE_URL: 'mysql://payung:hunter2@db/x' }).message).not.toContain('hunter2');
    expect(errorFor({ PAYUNG_SECRET: 'hunter2' }).message).not.toContain('hunter2');
    expect(errorFor({ TELEGRAM_BOT_TOKEN: 'hunter2' }).message).not.toContain('hunter2');
  });

  it('requires PAYUNG_SECRET with PostgreSQL, where several processes share the data', () => {
    const error = errorFor({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/payung' });
    expect(error.variable).toBe('PAYUNG_SECRET');
    expect(error.message).toMatch(/^PAYUNG_SECRET: is required when DATABASE_URL is set/);
  });

  it('reports the first bad variable in a stable order when several are bad', () => {
    expect(errorFor({ PORT: 'x', DATABASE_URL: 'x' }).variable).toBe('DATABASE_URL');
  });
});
