/**
 * Reads the environment once into a frozen, typed Config. A bad value stops start-up with a
 * ConfigError that names the variable and says what a good value looks like.
 */
import { join } from 'node:path';
import { ConfigError } from '../lib/errors.ts';
import { envSchema, envVariables, type EnvName, type LogLevel, type ParsedEnv } from './env-schema.ts';
import { echoValue } from './echo-value.ts';

export type { LogLevel } from './env-schema.ts';

export interface Config {
  /** PostgreSQL when DATABASE_URL is set; otherwise PGlite in `${dataDir}/pglite`. */
  readonly database:
    | { readonly driver: 'postgres'; readonly url: string }
    | { readonly driver: 'pglite'; readonly dir: string };
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  /** Key for NIK hashing and field encryption; null means "resolveSecret keeps one in dataDir". */
  readonly secret: string | null;
  readonly flowsDir: string;
  readonly localesDir: string;
  readonly language: string;
  readonly telegram: {
    readonly botToken: string | null;
    readonly apiRoot: string | null;
    readonly mode: 'polling' | 'webhook';
    readonly webhookSecret: string | null;
    /** Registered with Telegram at start (setWebhook) when set. */
    readonly webhookUrl: string | null;
  };
  /** The token the admin pages (the WhatsApp QR page) require; those pages are off when null. */
  readonly adminToken: string | null;
  /** A due outbox row older than this makes /healthz answer 503 (degraded). */
  readonly outboxMaxAgeMs: number;
  /** Shared secret of the payment provider's signed webhook (POST /api/payments); off when null. */
  readonly paymentsWebhookSecret: string | null;
  /** The unofficial whatsapp-web.js client: off unless asked for; paced to protect the number. */
  readonly whatsappWeb: {
    readonly enabled: boolean;
    readonly executablePath: string;
    readonly minIntervalMs: number;
    readonly dailyCap: number;
  };
  /** The official Cloud API; null unless all four credentials are set. */
  readonly whatsappCloud: WhatsAppCloudConfig | null;
}

/**
 * The official WhatsApp Cloud API's settings. Defined here, once: the channel takes this type
 * (through runtime/ports, since channels import only the contract and lib).
 */
export interface WhatsAppCloudConfig {
  /** A system user's permanent access token (Bearer) for the Graph API. */
  readonly accessToken: string;
  /** The Meta app's secret: webhook bodies are signed with it (X-Hub-Signature-256). */
  readonly appSecret: string;
  /** The token typed into the app dashboard when subscribing the webhook. */
  readonly verifyToken: string;
  /** The business phone number's id (not the number itself). */
  readonly phoneNumberId: string;
  /** WHATSAPP_CLOUD_GRAPH_URL, default https://graph.facebook.com; tests point it at a fake. */
  readonly graphBaseUrl: string;
  /** The Graph API version in the send URL; no variable sets it, absent means the sender's default. */
  readonly graphVersion?: string;
  /** WHATSAPP_CLOUD_RATE: the dispatcher's sends per second for the number (its tier). */
  readonly perSecond: number;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = parseEnv(env);
  const config = toConfig(parsed);
  if (config.telegram.mode === 'webhook' && config.telegram.botToken !== null && config.telegram.webhookSecret === null) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', 'is required when TELEGRAM_MODE=webhook: Payung rejects webhook calls without it');
  }
  if (config.database.driver === 'postgres' && config.secret === null) {
    // Every process sharing the database must hash NIKs with the same key; a key generated on
    // one machine's disk would silently break NIK uniqueness across them.
    throw new ConfigError('PAYUNG_SECRET', 'is required when DATABASE_URL is set (at least 32 characters, the same for every process)');
  }
  return deepFreeze(config);
}

function parseEnv(env: Record<string, string | undefined>): ParsedEnv {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  // Report the first bad variable in the order the table lists them, so the message is stable.
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  const name = (Object.keys(envVariables) as EnvName[]).find((n) => bad.has(n)) ?? 'environment';
  const spec = envVariables[name as EnvName];
  if (spec === undefined) throw new ConfigError(name, result.error.message);
  throw new ConfigError(name, `must ${spec.must}, got ${echoValue(env[name], spec.echo)}`);
}

function toConfig(env: ParsedEnv): Config {
  const dataDir = env.PAYUNG_DATA_DIR;
  return {
    database: env.DATABASE_URL === undefined
      ? { driver: 'pglite', dir: join(dataDir, 'pglite') }
      : { driver: 'postgres', url: env.DATABASE_URL },
    dataDir,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    secret: env.PAYUNG_SECRET ?? null,
    flowsDir: env.PAYUNG_FLOWS_DIR,
    localesDir: env.PAYUNG_LOCALES_DIR,
    language: env.PAYUNG_LANGUAGE,
    telegram: {
      botToken: env.TELEGRAM_BOT_TOKEN ?? null,
      apiRoot: env.TELEGRAM_API_ROOT ?? null,
      mode: env.TELEGRAM_MODE,
      webhookSecret: env.TELEGRAM_WEBHOOK_SECRET ?? null,
      webhookUrl: env.TELEGRAM_WEBHOOK_URL ?? null,
    },
    adminToken: env.PAYUNG_ADMIN_TOKEN ?? null,
    outboxMaxAgeMs: env.OUTBOX_MAX_AGE_SECONDS * 1000,
    paymentsWebhookSecret: env.PAYMENTS_WEBHOOK_SECRET ?? null,
    whatsappWeb: {
      enabled: env.WHATSAPP_WEB_ENABLED,
      executablePath: env.PUPPETEER_EXECUTABLE_PATH,
      minIntervalMs: env.WHATSAPP_WEB_MIN_INTERVAL_MS,
      dailyCap: env.WHATSAPP_WEB_DAILY_CAP,
    },
    whatsappCloud: whatsappCloudOf(env),
  };
}

const CLOUD_VARIABLES = ['WHATSAPP_CLOUD_ACCESS_TOKEN', 'WHATSAPP_CLOUD_APP_SECRET', 'WHATSAPP_CLOUD_VERIFY_TOKEN', 'WHATSAPP_CLOUD_PHONE_NUMBER_ID'] as const;

/** All four credentials or none: half a configuration is an operator's mistake, said by name. */
function whatsappCloudOf(env: ParsedEnv): Config['whatsappCloud'] {
  const missing = CLOUD_VARIABLES.filter((name) => env[name] === undefined);
  if (missing.length === CLOUD_VARIABLES.length) return null;
  const [first] = missing;
  if (first !== undefined) throw new ConfigError(first, `is needed too: the WhatsApp Cloud API needs ${CLOUD_VARIABLES.join(', ')}`);
  return {
    accessToken: env.WHATSAPP_CLOUD_ACCESS_TOKEN as string,
    appSecret: env.WHATSAPP_CLOUD_APP_SECRET as string,
    verifyToken: env.WHATSAPP_CLOUD_VERIFY_TOKEN as string,
    phoneNumberId: env.WHATSAPP_CLOUD_PHONE_NUMBER_ID as string,
    graphBaseUrl: env.WHATSAPP_CLOUD_GRAPH_URL,
    perSecond: env.WHATSAPP_CLOUD_RATE,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
