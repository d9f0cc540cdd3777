/**
 * Composition root: configuration → database → flows → runtime → channels, wired into the
 * `payung` command. Nothing expensive happens before the command is known, so `--help` is instant.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { importPayments } from './admin/import-payments.ts';
import { markPaid } from './admin/mark-paid.ts';
import { formatPaymentsReview, loadPaymentsReview } from './admin/payments-review.ts';
import { settleClaim } from './admin/settle-claim.ts';
import { openApp, type App } from './app.ts';
import { startPayung } from './start-payung.ts';
import { runTerminalChat } from './channels/simulator/terminal-chat.ts';
import { runCli } from './cli/run-cli.ts';
import type { CliDeps } from './cli/cli-deps.ts';
import { loadConfig, type Config } from './config/config.ts';
import { formatIssues } from './engine/lint-issue.ts';
import { systemClock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';
import { resolveSecret } from './lib/secrets.ts';
import { lintFlowFiles, readFlowFiles } from './runtime/flow-files.ts';
import type { ReceiptDeps } from './runtime/payment-receipt.ts';
import { describeLiveFlow } from './runtime/flow-registry.ts';
import { loadReferenceData } from './runtime/reference-data.ts';
import { openDatabase, type Db } from './store/database.ts';
import { migrateDatabase } from './store/migrate.ts';

async function openConfiguredApp(config: Config): Promise<App> {
  return openApp({
    database: config.database,
    secret: await resolveSecret(config),
    flowsDir: config.flowsDir,
    localesDir: config.localesDir,
    language: config.language,
  });
}

/** The migrated database and the secret, for the admin commands; closed when `work` is done. */
async function withDatabase<T>(work: (db: Db, secret: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const secret = await resolveSecret(config);
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    return await work(database.db, secret);
  } finally {
    await database.close();
  }
}

/**
 * How the admin commands write a vendor's receipt: the locale files (what `payung start`
 * publishes) and the due-date calendar, read once and only when a receipt is written.
 */
async function receiptDeps(config: Config): Promise<ReceiptDeps> {
  const { rates } = await loadReferenceData(join(config.flowsDir, 'data'));
  let catalogs: ReturnType<ReceiptDeps['catalogs']> | null = null;
  return { calendar: rates, catalogs: () => (catalogs ??= readFlowFiles(config.flowsDir, config.localesDir).then((files) => files.catalogs)) };
}

function deps(): CliDeps {
  return {
    async start(options) {
      const config = loadConfig();
      const logger = createLogger(config.logLevel);
      const app = await openConfiguredApp(config);
      for (const issue of app.issues) logger.warn(formatIssues([issue]));
      for (const flow of app.live) logger.info({ flow: flow.flowId, version: flow.version }, describeLiveFlow(flow));
      try {
        const running = await startPayung(app, config, { ...options, logger });
        const where = config.database.driver === 'pglite' ? config.database.dir : 'PostgreSQL';
        console.log(`Payung berjalan (${running.channels.join(', ')}; database: ${where}).`);
        if (running.channels.includes('simulator')) console.log(`Buka simulator chat: ${running.url}`);
        await waitForSignal();
        await running.stop();
      } finally {
        await app.close();
      }
    },
    async chat(options) {
      const app = await openConfiguredApp(loadConfig());
      try {
        await runTerminalChat({
          handler: app.runtime, outbox: app.runtime, contact: options.contact,
          input: process.stdin, output: process.stdout, isTTY: Boolean(process.stdin.isTTY), newExternalId: randomUUID,
        });
      } finally {
        await app.close();
      }
    },
    async migrate() {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        await migrateDatabase(database);
        console.log('Database is up to date.');
      } finally {
        await database.close();
      }
    },
    async lintFlows(files) {
      const config = loadConfig();
      return lintFlowFiles(config.flowsDir, config.localesDir, files);
    },
    async importPayments({ rows, mode, by, file, onProgress }) {
      const actor = `admin:${by ?? userInfo().username}`;
      const receipts = await receiptDeps(loadConfig());
      return withDatabase((db, secret) => importPayments(db, rows, { secret, actor, now: systemClock(), mode, file, onProgress, receipts }));
    },
    async markPaid(request) {
      const receipts = await receiptDeps(loadConfig());
      return withDatabase((db, secret) => markPaid(db, request, { secret, now: systemClock(), receipts }));
    },
    async settleClaim(request) {
      const receipts = await receiptDeps(loadConfig());
      return withDatabase((db, secret) => settleClaim(db, request, { now: systemClock(), secret, receipts }));
    },
    async reviewPayments(limit) {
      const { rates } = await loadReferenceData(join(loadConfig().flowsDir, 'data'));
      return withDatabase(async (db) => formatPaymentsReview(await loadPaymentsReview(db, limit, systemClock(), rates)));
    },
  };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

process.exitCode = await runCli(process.argv.slice(2), deps(), process);
