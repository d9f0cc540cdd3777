/**
 * Inbound messages per second through the whole runtime: one transaction each (dedupe, lock,
 * step, effects, snapshot, outbox). Measured on PGlite and, when one answers on 127.0.0.1:5432,
 * on a fresh PostgreSQL database. DESIGN.md aims at ~1,000/s on one 2-core machine.
 */
import { openApp } from '../src/app.ts';
import type { InboundMessage } from '../src/runtime/ports/index.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { enrolmentAnswers, testNik } from '../test/helpers/enrolment-script.ts';
import { withFreshPostgres } from './fresh-postgres.ts';
import { median, report } from './stats.ts';

const SECRET = 'bench-secret-that-is-at-least-32-characters';
const CONTACTS = 40;
const IN_FLIGHT = 8;

export async function benchRuntimeMessages(): Promise<void> {
  const pglite = await openDatabase({ driver: 'pglite', dir: null });
  await measure('PGlite (in memory, one connection)', pglite);
  await pglite.close();
  await withFreshPostgres('PostgreSQL', IN_FLIGHT + 2, (pg) => measure('PostgreSQL (local, pool of 10)', pg));
}

async function measure(label: string, database: Database): Promise<void> {
  const app = await openApp({ database, secret: SECRET, flowsDir: 'flows', localesDir: 'locales', language: 'id' });
  const rates: number[] = [];
  for (let round = 0; round < 3; round++) {
    const conversations = Array.from({ length: CONTACTS }, (_, i) => ({
      from: `r${round}-c${i}`, answers: enrolmentAnswers(testNik(round * CONTACTS + i)),
    }));
    let sent = 0;
    const start = process.hrtime.bigint();
    // IN_FLIGHT contacts talk at once; each contact's messages go one after another.
    const queue = [...conversations];
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        for (const [i, text] of c.answers.entries()) {
          const message: InboundMessage = { channel: 'simulator', externalId: `${c.from}-${i}`, from: c.from, text, kind: 'text', receivedAt: new Date() };
          await app.runtime.handle(message);
          sent++;
        }
      }
    }));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(sent / seconds);
  }
  report(`runtime: whole enrolments, ${IN_FLIGHT} contacts at once — ${label}`, `${median(rates).toFixed(0)} messages/s median of 3 rounds × ${CONTACTS * enrolmentAnswers('').length} messages`);
  await app.close();
}
