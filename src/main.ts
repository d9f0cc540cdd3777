/**
 * Composition root: configuration → database → flows → runtime → channels, wired into the
 * `payung` command. Nothing expensive happens before the command is known, so `--help` is instant.
 */
import { randomUUID } from 'node:crypto';
import { openApp, type App } from './app.ts';
import { startPayung } from './start-payung.ts';
import { runTerminalChat } from './channels/simulator/terminal-chat.ts';
import { runCli } from './cli/run-cli.ts';
import type { CliDeps } from './cli/cli-deps.ts';
import { loadConfig, type Config } from './config/config.ts';
import { formatIssues } from './engine/lint-issue.ts';
import { createLogger } from './lib/logger.ts';
import { resolveSecret } from './lib/secrets.ts';
import { lintFlowFiles } from './runtime/flow-files.ts';
import { openDatabase } from './store/database.ts';
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

function deps(): CliDeps {
  return {
    async start(options) {
      const config = loadConfig();
      const logger = createLogger(config.logLevel);
      const app = await openConfiguredApp(config);
      for (const issue of app.issues) logger.warn(formatIssues([issue]));
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
  };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

process.exitCode = await runCli(process.argv.slice(2), deps(), process);
