import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../../src/runtime/ports/index.ts';
import { manualClock } from '../../../src/lib/clock.ts';
import { createDispatcher, type Dispatcher } from '../../../src/runtime/dispatcher.ts';
import { openDatabase } from '../../../src/store/database.ts';
import type { Db } from '../../../src/store/db-types.ts';
import { useTestDatabase, usesPostgres } from '../../helpers/test-db.ts';
import { fakeSender, outboxRows, queue } from './fake-sender.ts';

const t0 = new Date('2030-01-01T00:00:00Z');
const CHATS = 60;
const ROWS_PER_CHAT = 5;
const TOTAL = CHATS * ROWS_PER_CHAT;

describe('two dispatchers on one database', () => {
  const database = useTestDatabase();

  async function fill(db: Db): Promise<void> {
    for (let chat = 0; chat < CHATS; chat++) {
      await queue(db, 'telegram', `chat-${chat}`, Array.from({ length: ROWS_PER_CHAT }, (_, i) => (i % 2 === 0 ? 'reply' as const : 'campaign' as const)));
    }
  }

  /** Both dispatchers' sends, in the order they happened, and a pair of dispatchers over `dbs`. */
  function pair(dbs: readonly [Db, Db], answer: () => Promise<SendResult> | SendResult = () => ({ ok: true })) {
    const clock = manualClock(t0);
    const sends: { worker: string; outboxId: number; address: string }[] = [];
    const dispatchers = (['a', 'b'] as const).map((worker, i) => createDispatcher({
      db: dbs[i]!, clock, workerId: worker, batchSize: 7,
      senders: [fakeSender('telegram', clock, async (m) => {
        sends.push({ worker, outboxId: m.outboxId, address: m.address });
        return answer();
      })],
      limits: { telegram: { perSecond: 100_000, burst: 100_000, perChatIntervalMs: 0 } },
    }));
    return { sends, dispatchers: dispatchers as [Dispatcher, Dispatcher] };
  }

  function expectEachRowOnceInChatOrder(sends: readonly { outboxId: number; address: string }[]) {
    expect(sends).toHaveLength(TOTAL);
    expect(new Set(sends.map((s) => s.outboxId)).size).toBe(TOTAL);
    const byChat = new Map<string, number[]>();
    for (const s of sends) byChat.set(s.address, [...(byChat.get(s.address) ?? []), s.outboxId]);
    for (const ids of byChat.values()) {
      // Rows 0, 2, 4 of a chat are replies and outrank the campaigns 1 and 3; each kind in order.
      const queued = [...ids].sort((x, y) => x - y);
      expect(ids).toEqual([0, 2, 4, 1, 3].map((i) => queued[i]));
    }
  }

  it.skipIf(!usesPostgres())('send each row exactly once when running concurrently on PostgreSQL (skipped on PGlite: it has one connection)', async () => {
    const { db, url } = database();
    await fill(db);
    const second = await openDatabase({ driver: 'postgres', url: url! });
    try {
      // The sender yields, so the two workers' claims and results interleave.
      const { sends, dispatchers } = pair([db, second.db], async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return { ok: true };
      });
      const work = async (dispatcher: Dispatcher) => {
        for (let round = 0; round < 10_000 && sends.length < TOTAL; round++) {
          const done = await dispatcher.runOnce();
          if (done.sent === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      };
      await Promise.all(dispatchers.map(work));
      expectEachRowOnceInChatOrder(sends);
      expect(new Set(sends.map((s) => s.worker))).toEqual(new Set(['a', 'b']));
      expect((await outboxRows(db)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('share the rows taking turns (runs on PGlite and PostgreSQL)', async () => {
    const { db } = database();
    await fill(db);
    const { sends, dispatchers: [a, b] } = pair([db, db]);
    for (let round = 0; round < 1_000 && sends.length < TOTAL; round++) {
      await (round % 2 === 0 ? a : b).runOnce();
    }
    expectEachRowOnceInChatOrder(sends);
    expect(sends.filter((s) => s.worker === 'a').length).toBeGreaterThan(0);
    expect(sends.filter((s) => s.worker === 'b').length).toBeGreaterThan(0);
    expect((await outboxRows(db)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
