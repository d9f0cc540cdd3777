import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  claimOutbox, claimOutboxHeads, deferOutbox, enqueueOutbox, markDead, markSent, recordDeliveryStatus, recordSent, type OutboxMessage,
} from '../../../src/store/repos/outbox.ts';
import { markStopped, upsertContact } from '../../../src/store/repos/contacts.ts';
import { outbox } from '../../../src/store/schema.ts';
import type { Executor } from '../../../src/store/db-types.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { aContact } from './fixtures.ts';

const now = new Date('2030-01-01T00:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('outbox repository: the dispatcher claim and delivery results', () => {
  const database = useTestDatabase();

  async function chat(x: Executor, address: string, kinds: readonly OutboxMessage['kind'][]): Promise<number[]> {
    const contact = await aContact(x, address);
    return enqueueOutbox(x, kinds.map((kind, i) => ({
      contactId: contact.id, channel: 'telegram', address, kind, priority: kind === 'reply' ? 10 : 0, payload: { text: `${address} ${i}` },
    })));
  }

  const row = async (x: Executor, id: number) => (await x.select().from(outbox)).find((r) => r.id === id)!;
  const heads = (x: Executor, options: Partial<Parameters<typeof claimOutboxHeads>[1]> = {}) =>
    claimOutboxHeads(x, { channel: 'telegram', limit: 100, now, ...options });

  it('claims one row per chat, the oldest, replies first, with the contact joined', async () => {
    const { db } = database();
    const [c1] = await chat(db, 'ana', ['campaign', 'campaign']);
    const [r1, r2] = await chat(db, 'budi', ['reply', 'reply']);
    await upsertInbound(db, 'budi', later(-1_000));
    const claimed = await heads(db);
    expect(claimed.map((r) => r.id)).toEqual([r1, c1]);
    expect(claimed[0]).toMatchObject({ status: 'sending', attempts: 1, contactStoppedAt: null, lastInboundAt: later(-1_000) });
    // Each chat has its message in flight: nothing more until it is settled.
    expect(await heads(db)).toEqual([]);
    await recordSent(db, r1!, now, 'tg-1');
    expect((await heads(db)).map((r) => r.id)).toEqual([r2]);
  });

  it('lets a reply overtake a campaign message of its chat that is waiting, but not one in flight', async () => {
    const { db } = database();
    const [campaign] = await chat(db, 'ana', ['campaign']);
    await heads(db);
    const [reply] = await chat(db, 'ana', ['reply']);
    expect(await heads(db)).toEqual([]);
    await db.update(outbox).set({ status: 'pending', nextAttemptAt: later(60_000) }).where(eqId(campaign!));
    expect((await heads(db)).map((r) => r.id)).toEqual([reply]);
    expect((await row(db, campaign!)).status).toBe('pending');
  });

  it('keeps a retried row at the head of its chat: later rows wait for it', async () => {
    const { db } = database();
    const [first] = await chat(db, 'ana', ['reply', 'reply']);
    await heads(db);
    await db.update(outbox).set({ status: 'pending', nextAttemptAt: later(5_000) }).where(eqId(first!));
    expect(await heads(db)).toEqual([]);
    expect((await heads(db, { now: later(5_000) })).map((r) => r.id)).toEqual([first]);
  });

  it('claims a row left sending once its lease has run out, counting the attempt', async () => {
    const { db } = database();
    const [id] = await chat(db, 'ana', ['reply', 'reply']);
    await heads(db, { leaseMs: 60_000 });
    expect(await heads(db, { now: later(59_999) })).toEqual([]);
    const again = await heads(db, { now: later(60_000), leaseMs: 60_000 });
    expect(again.map((r) => [r.id, r.attempts])).toEqual([[id, 2]]);
    expect((await row(db, id!)).nextAttemptAt).toEqual(later(120_000));
  });

  it('paces a chat: nothing within the interval after its last sent message', async () => {
    const { db } = database();
    const [a, b] = await chat(db, 'ana', ['reply', 'reply']);
    await heads(db);
    await recordSent(db, a!, now);
    expect(await heads(db, { now: later(999), perChatIntervalMs: 1_000 })).toEqual([]);
    expect((await heads(db, { now: later(1_000), perChatIntervalMs: 1_000 })).map((r) => r.id)).toEqual([b]);
  });

  it('keeps to its channel and limit', async () => {
    const { db } = database();
    await chat(db, 'ana', ['reply']);
    await chat(db, 'budi', ['reply']);
    await chat(db, 'cici', ['reply']);
    expect(await heads(db, { channel: 'whatsapp' })).toEqual([]);
    expect(await heads(db, { limit: 2 })).toHaveLength(2);
    expect(await heads(db)).toHaveLength(1);
  });

  it('reports the contact as stopped', async () => {
    const { db } = database();
    await chat(db, 'ana', ['reminder']);
    const contact = await aContact(db, 'ana');
    await markStopped(db, contact.id, now);
    expect((await heads(db))[0]?.contactStoppedAt).toEqual(now);
  });

  it('records a send with the provider id, and a deferral without counting an attempt', async () => {
    const { db } = database();
    const [sent, deferred] = await chat(db, 'ana', ['reply']).then(async (a) => [...a, ...(await chat(db, 'budi', ['reply']))]);
    await heads(db);
    await recordSent(db, sent!, later(10), 'wamid.1');
    await deferOutbox(db, [deferred!], later(500));
    expect(await row(db, sent!)).toMatchObject({ status: 'sent', sentAt: later(10), providerMessageId: 'wamid.1', deliveryStatus: 'sent', deliveryUpdatedAt: later(10) });
    expect(await row(db, deferred!)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: later(500) });
    await markDead(db, [deferred!], 'contact stopped');
    expect(await row(db, deferred!)).toMatchObject({ status: 'dead', lastError: 'contact stopped' });
  });

  it('moves the delivery status forward only: read stays read', async () => {
    const { db } = database();
    const [id, other] = [...await chat(db, 'ana', ['reply']), ...await chat(db, 'budi', ['reply'])];
    await heads(db);
    await recordSent(db, id!, now, 'wamid.A');
    await recordSent(db, other!, now, 'wamid.B');
    expect(await recordDeliveryStatus(db, 'wamid.A', 'delivered', later(1))).toBe(1);
    expect(await recordDeliveryStatus(db, 'wamid.A', 'read', later(2))).toBe(1);
    expect(await recordDeliveryStatus(db, 'wamid.A', 'delivered', later(3))).toBe(0);
    expect(await recordDeliveryStatus(db, 'wamid.A', 'sent', later(4))).toBe(0);
    expect(await recordDeliveryStatus(db, 'wamid.A', 'failed', later(5), 'late')).toBe(0);
    expect(await row(db, id!)).toMatchObject({ deliveryStatus: 'read', deliveryUpdatedAt: later(2), lastError: null });
    expect(await recordDeliveryStatus(db, 'wamid.B', 'failed', later(1), '131026 undeliverable')).toBe(1);
    expect(await row(db, other!)).toMatchObject({ deliveryStatus: 'failed', lastError: '131026 undeliverable', status: 'sent' });
    expect(await recordDeliveryStatus(db, 'wamid.unknown', 'read', later(1))).toBe(0);
  });

  it('leaves the simulator claim working, now with a lease', async () => {
    const { db } = database();
    const ids = await chat(db, 'ana', ['reply', 'reply']);
    const rows = await claimOutbox(db, { channel: 'telegram', address: 'ana', limit: 10, now });
    expect(rows.map((r) => r.id)).toEqual(ids);
    await markSent(db, ids, now);
    expect(await heads(db, { now: later(10 * 60_000) })).toEqual([]);
  });
});

const eqId = (id: number) => eq(outbox.id, id);
const upsertInbound = (x: Executor, address: string, at: Date) => upsertContact(x, { channel: 'telegram', address, lastInboundAt: at });
