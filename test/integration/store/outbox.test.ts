import { describe, expect, it } from 'vitest';
import { claimOutbox, enqueueOutbox, markFailed, markSent, type OutboxMessage } from '../../../src/store/repos/outbox.ts';
import { outbox } from '../../../src/store/schema.ts';
import type { Executor } from '../../../src/store/db-types.ts';
import { useTestDatabase, usesPostgres } from '../../helpers/test-db.ts';
import { aContact } from './fixtures.ts';

const now = new Date('2030-01-01T00:00:00Z');

describe('outbox repository', () => {
  const database = useTestDatabase();

  async function messages(x: Executor, n: number, overrides: Partial<OutboxMessage> = {}): Promise<OutboxMessage[]> {
    const contact = await aContact(x);
    return Array.from({ length: n }, (_, i) => ({
      contactId: contact.id, channel: 'telegram', address: contact.address, kind: 'reply' as const,
      payload: { text: `pesan ${i}`, choices: ['Ya', 'Tidak'] }, ...overrides,
    }));
  }

  const statusOf = async (x: Executor) =>
    (await x.select({ id: outbox.id, status: outbox.status, attempts: outbox.attempts }).from(outbox)).sort((a, b) => a.id - b.id);

  it('enqueues rows and returns their ids in order', async () => {
    const { db } = database();
    const ids = await enqueueOutbox(db, await messages(db, 3));
    expect(ids).toHaveLength(3);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(await enqueueOutbox(db, [])).toEqual([]);
  });

  it('skips a row whose dedupe key is queued already', async () => {
    const { db } = database();
    const [m] = await messages(db, 1, { kind: 'reminder', dedupeKey: 'bill:1:H-3' });
    expect(await enqueueOutbox(db, [m!])).toHaveLength(1);
    expect(await enqueueOutbox(db, [m!, { ...m!, dedupeKey: 'bill:1:H-1' }])).toHaveLength(1);
    expect(await statusOf(db)).toHaveLength(2);
  });

  it('claims due rows highest priority first, marking them sending with one more attempt', async () => {
    const { db } = database();
    const [campaign] = await enqueueOutbox(db, await messages(db, 1, { kind: 'campaign', priority: 0 }));
    const [reply] = await enqueueOutbox(db, await messages(db, 1, { priority: 10 }));
    const claimed = await claimOutbox(db, { limit: 10, now });
    expect(claimed.map((r) => r.id)).toEqual([reply, campaign]);
    expect(claimed[0]).toMatchObject({ status: 'sending', attempts: 1, payload: { text: 'pesan 0', choices: ['Ya', 'Tidak'] } });
    expect(await claimOutbox(db, { limit: 10, now })).toEqual([]);
  });

  it('respects the limit, the due time and the channel and address filters', async () => {
    const { db } = database();
    await enqueueOutbox(db, await messages(db, 3));
    await enqueueOutbox(db, await messages(db, 1, { nextAttemptAt: new Date('2030-01-02T00:00:00Z') }));
    await enqueueOutbox(db, await messages(db, 1, { channel: 'simulator', address: 'ana' }));
    expect(await claimOutbox(db, { channel: 'simulator', address: 'budi', limit: 10, now })).toEqual([]);
    expect(await claimOutbox(db, { channel: 'simulator', address: 'ana', limit: 10, now })).toHaveLength(1);
    expect(await claimOutbox(db, { channel: 'telegram', limit: 2, now })).toHaveLength(2);
    expect(await claimOutbox(db, { limit: 10, now })).toHaveLength(1);
    expect(await claimOutbox(db, { limit: 10, now: new Date('2030-01-02T00:00:00Z') })).toHaveLength(1);
  });

  it('marks claimed rows sent', async () => {
    const { db } = database();
    const ids = await enqueueOutbox(db, await messages(db, 2));
    await claimOutbox(db, { limit: 10, now });
    const sentAt = new Date('2030-01-01T00:00:01Z');
    await markSent(db, ids, sentAt);
    const rows = await db.select().from(outbox);
    expect(rows.map((r) => [r.status, r.sentAt])).toEqual([['sent', sentAt], ['sent', sentAt]]);
    await markSent(db, [], sentAt);
  });

  it('puts a failed row back for a retry at the given time, or buries it when there is none', async () => {
    const { db } = database();
    const [retried, dead] = await enqueueOutbox(db, await messages(db, 2));
    await claimOutbox(db, { limit: 10, now });
    const retryAt = new Date('2030-01-01T00:01:00Z');
    await markFailed(db, retried!, '429 Too Many Requests', retryAt);
    await markFailed(db, dead!, '403 bot was blocked by the user', null);
    expect(await claimOutbox(db, { limit: 10, now })).toEqual([]);
    const again = await claimOutbox(db, { limit: 10, now: retryAt });
    expect(again.map((r) => [r.id, r.attempts, r.lastError])).toEqual([[retried, 2, '429 Too Many Requests']]);
    expect((await statusOf(db)).find((r) => r.id === dead)?.status).toBe('dead');
  });

  it.skipIf(!usesPostgres())('never lets two connections claim the same row (PostgreSQL only: PGlite has one connection)', async () => {
    const { db } = database();
    await enqueueOutbox(db, await messages(db, 200));
    // One transaction holds its claim open while the other claims: SKIP LOCKED must pass over it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let claimedFirst!: (ids: number[]) => void;
    const firstIds = new Promise<number[]>((resolve) => { claimedFirst = resolve; });
    const first = db.transaction(async (tx) => {
      claimedFirst((await claimOutbox(tx, { limit: 20, now })).map((r) => r.id));
      await held;
    });
    const a = await firstIds;
    const b = (await db.transaction((tx) => claimOutbox(tx, { limit: 20, now }))).map((r) => r.id);
    release();
    await first;
    expect(a).toHaveLength(20);
    expect(b).toHaveLength(20);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    // And eight workers racing for the rest claim each row exactly once.
    const batches = await Promise.all(Array.from({ length: 8 }, async () => {
      const mine: number[] = [];
      for (;;) {
        const rows = await db.transaction((tx) => claimOutbox(tx, { limit: 7, now }));
        if (rows.length === 0) return mine;
        mine.push(...rows.map((r) => r.id));
      }
    }));
    const all = [...a, ...b, ...batches.flat()];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(200);
    expect((await statusOf(db)).every((r) => r.status === 'sending' && r.attempts === 1)).toBe(true);
  });
});
