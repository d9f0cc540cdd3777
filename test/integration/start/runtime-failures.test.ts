/**
 * payung start when things around it fail: the port is taken, the database goes away, its
 * connections are cut under load. Each as an operator meets it: a real process, or HTTP.
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import { createLogger } from '../../../src/lib/logger.ts';
import { manualClock } from '../../../src/lib/clock.ts';
import { checkHealth } from '../../../src/runtime/health.ts';
import { startPayung } from '../../../src/start-payung.ts';
import { upsertContact } from '../../../src/store/repos/contacts.ts';
import { enqueueOutbox } from '../../../src/store/repos/outbox.ts';
import { freePort, spawnPayung } from '../../helpers/payung-process.ts';
import { runPayung } from '../../helpers/run-payung.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { createTestDatabase, usesPostgres } from '../../helpers/test-db.ts';

const logger = createLogger('silent');

describe('payung start with its port taken', () => {
  it('says which port and exits non-zero, without a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const dataDir = await mkdtemp(join(tmpdir(), 'payung-port-'));
      const run = await runPayung(['start', '--channels', 'simulator', '--port', String(port)], { PAYUNG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already used by another program`);
      expect(run.stderr).toContain('PORT=');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout + run.stderr).not.toContain('PGlite is closed');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 120_000);
});

describe('/healthz', () => {
  it('answers 200 while the database answers, and 503 saying so when it is closed', async () => {
    const database = await createTestDatabase();
    const { app } = await openTestApp(database);
    const running = await startPayung(app, loadConfig({}), { logger, port: 0 });
    try {
      const ok = await fetch(`${running.url}healthz`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ status: 'ok', database: 'ok' });
      await database.close();
      const down = await fetch(`${running.url}healthz`);
      expect(down.status).toBe(503);
      const body = await down.json() as { status: string; database: string; problems: string[] };
      expect(body).toMatchObject({ status: 'down', database: 'down' });
      expect(body.problems[0]).toMatch(/^database: /);
    } finally {
      await running.stop();
    }
  }, 60_000);

  it('says degraded when a message a channel here sends has waited too long', async () => {
    const database = await createTestDatabase();
    try {
      const clock = manualClock(new Date());
      const contact = await upsertContact(database.db, { channel: 'telegram', address: '77' });
      await enqueueOutbox(database.db, [{ contactId: contact.id, channel: 'telegram', address: '77', kind: 'reply', payload: { text: 'halo' } }]);
      const options = { db: database.db, clock, channels: () => ['telegram'], maxBacklogAgeMs: 60_000 };
      expect((await checkHealth(options)).status).toBe('ok');
      // Only this process's channels count: the simulator's rows wait for its browser.
      expect((await checkHealth({ ...options, channels: () => ['simulator'] })).status).toBe('ok');
      clock.advance(10 * 60_000);
      const report = await checkHealth(options);
      expect(report.status).toBe('degraded');
      expect(report.oldestQueuedSeconds).toBeGreaterThanOrEqual(599);
      expect(report.problems[0]).toContain('outbox: the oldest queued message has waited');
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe.skipIf(!usesPostgres())('payung start when PostgreSQL cuts its connections under load', () => {
  it('lives, and answers the next message', async () => {
    const database = await createTestDatabase();
    const url = database.url as string;
    const port = await freePort();
    const payung = spawnPayung(['start', '--channels', 'simulator', '--port', String(port)], { DATABASE_URL: url, PAYUNG_SECRET: TEST_SECRET });
    const killer = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await payung.waitFor(/Payung berjalan/);
      const base = `http://127.0.0.1:${port}`;
      const say = (contact: string, text: string, id: string) => fetch(`${base}/api/sim/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contact, id, text }),
      });
      let running = true;
      let answered = 0;
      const load = Array.from({ length: 12 }, async (_, n) => {
        for (let i = 0; running; i++) {
          const response = await say(`load-${n}`, i % 3 === 0 ? 'halo' : 'bantuan', `load-${n}-${i}`).catch(() => null);
          if (response?.status === 200) answered += 1;
          await response?.body?.cancel();
        }
      });
      for (let round = 0; round < 6; round++) {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await killer`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
      }
      running = false;
      await Promise.all(load);
      expect(answered).toBeGreaterThan(0);
      const alive = await Promise.race([payung.exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 500))]);
      expect(alive, payung.stderr()).toBe(true);
      // The next message is answered (the pool reconnects; a failed one is retried by the chat).
      let reply: { replies: { text: string }[] } | null = null;
      for (let attempt = 0; attempt < 20 && reply === null; attempt++) {
        const response = await say('after-the-cut', 'halo', 'after-1');
        if (response.status === 200) reply = await response.json() as { replies: { text: string }[] };
        else await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(reply?.replies[0]?.text).toContain('Halo');
      expect(payung.stderr()).not.toContain("reading 'write'");
    } finally {
      await killer.end();
      await payung.kill('SIGTERM');
      await database.close();
    }
  }, 120_000);
});
