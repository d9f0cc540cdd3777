import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/lib/clock.ts';
import { createDispatcher, type DispatcherOptions } from '../../../src/runtime/dispatcher.ts';
import { findContact, markStopped, upsertContact } from '../../../src/store/repos/contacts.ts';
import { claimOutboxHeads, DEFAULT_LEASE_MS } from '../../../src/store/repos/outbox.ts';
import { createLogger } from '../../../src/lib/logger.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { fakeSender, outboxRows, queue, type FakeSender } from './fake-sender.ts';

const t0 = new Date('2030-01-01T00:00:00Z');
const ms = (date: Date | null | undefined) => (date ?? new Date(NaN)).getTime() - t0.getTime();

describe('dispatcher', () => {
  const database = useTestDatabase();

  function setup(answer?: Parameters<typeof fakeSender>[2], options: Partial<DispatcherOptions> = {}) {
    const clock = manualClock(t0);
    const sender = fakeSender('telegram', clock, answer);
    const dispatcher = createDispatcher({
      db: database().db, senders: [sender], clock,
      limits: { telegram: { perSecond: 1_000, burst: 1_000, perChatIntervalMs: 0 } },
      retry: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => 0.5 },
      ...options,
    });
    return { clock, sender, dispatcher };
  }

  /** Runs rounds until one does nothing; returns the rounds. */
  async function drain(dispatcher: ReturnType<typeof createDispatcher>) {
    const rounds = [];
    for (let i = 0; i < 100; i++) {
      const round = await dispatcher.runOnce();
      if (round.sent + round.failed + round.dead + round.deferred === 0) return rounds;
      rounds.push(round);
    }
    throw new Error('the dispatcher never ran dry');
  }

  const texts = (sender: FakeSender) => sender.calls.map((c) => c.message.payload.text);

  it('sends pending rows through the sender and records them sent with the provider id', async () => {
    const { db } = database();
    await upsertContact(db, { channel: 'telegram', address: 'ana', lastInboundAt: new Date('2029-12-31T23:00:00Z') });
    const [id] = await queue(db, 'telegram', 'ana', ['reply']);
    await queue(db, 'whatsapp', 'budi', ['reply']);
    const { sender, dispatcher } = setup();
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0, deferred: 0 });
    expect(sender.calls.map((c) => c.message)).toEqual([{
      outboxId: id, address: 'ana', kind: 'reply', payload: { text: 'reply 0 untuk ana' }, lastInboundAt: new Date('2029-12-31T23:00:00Z'),
    }]);
    const [telegram, whatsapp] = await outboxRows(db);
    expect(telegram).toMatchObject({ status: 'sent', sentAt: t0, providerMessageId: `p-${id}`, deliveryStatus: 'sent', attempts: 1 });
    // No sender for WhatsApp in this process: its row waits.
    expect(whatsapp).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('keeps each chat in order, one message in flight, and sends replies before campaigns', async () => {
    const { db } = database();
    await queue(db, 'telegram', 'ana', ['campaign', 'campaign']);
    await queue(db, 'telegram', 'budi', ['reply', 'reply', 'reply']);
    await queue(db, 'telegram', 'cici', ['campaign']);
    await queue(db, 'telegram', 'dodi', ['reply']);
    const { sender, dispatcher } = setup();
    const rounds = await drain(dispatcher);
    expect(rounds.map((r) => r.sent)).toEqual([4, 2, 1]);
    expect(texts(sender)).toEqual([
      'reply 0 untuk budi', 'reply 0 untuk dodi', 'campaign 0 untuk ana', 'campaign 0 untuk cici',
      'reply 1 untuk budi', 'campaign 1 untuk ana',
      'reply 2 untuk budi',
    ]);
    expect((await outboxRows(db)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('retries a retryable failure with exponential backoff and jitter, then succeeds', async () => {
    const { db } = database();
    const [id] = await queue(db, 'telegram', 'ana', ['reply', 'reply']);
    const { clock, sender, dispatcher } = setup((_m, call) => (call <= 2 ? { ok: false, retryable: true, error: `502 Bad Gateway (${call})` } : { ok: true }));
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0, deferred: 0 });
    // base 1 s, half fixed, half jitter with random 0.5: 750 ms, then 1 500 ms.
    let [row] = await outboxRows(db);
    expect([row?.status, row?.attempts, row?.lastError, ms(row?.nextAttemptAt)]).toEqual(['pending', 1, '502 Bad Gateway (1)', 750]);
    clock.advance(749);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0, deferred: 0 });
    clock.advance(1);
    expect((await dispatcher.runOnce()).failed).toBe(1);
    [row] = await outboxRows(db);
    expect([row?.attempts, ms(row?.nextAttemptAt)]).toEqual([2, 750 + 1_500]);
    clock.advance(1_500);
    expect((await dispatcher.runOnce()).sent).toBe(1);
    [row] = await outboxRows(db);
    expect(row).toMatchObject({ id, status: 'sent', attempts: 3, lastError: null });
    // The chat's second row waited for the first.
    expect(texts(sender)).toEqual(['reply 0 untuk ana', 'reply 0 untuk ana', 'reply 0 untuk ana']);
  });

  it('waits at least as long as the platform asked (retryAfterMs)', async () => {
    const { db } = database();
    await queue(db, 'telegram', 'ana', ['reply']);
    const { dispatcher } = setup(() => ({ ok: false, retryable: true, error: '429 Too Many Requests: retry after 30', retryAfterMs: 30_000 }));
    await dispatcher.runOnce();
    const [row] = await outboxRows(db);
    expect(ms(row?.nextAttemptAt)).toBe(30_000);
  });

  it('pauses the whole channel for as long as the platform asked', async () => {
    const { db } = database();
    const [throttled] = await queue(db, 'telegram', 'ana', ['reply']);
    await queue(db, 'telegram', 'budi', ['reply']);
    const { clock, sender, dispatcher } = setup((m, call) => (m.outboxId === throttled && call === 1
      ? { ok: false, retryable: true, error: '429 Too Many Requests: retry after 10', retryAfterMs: 10_000 }
      : { ok: true }), { batchSize: 1 });
    expect((await dispatcher.runOnce()).failed).toBe(1);
    clock.advance(9_999);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0, deferred: 0 });
    clock.advance(1);
    expect(await drain(dispatcher)).toEqual([{ sent: 1, failed: 0, dead: 0, deferred: 0 }, { sent: 1, failed: 0, dead: 0, deferred: 0 }]);
    expect(sender.calls.map((c) => [c.message.address, ms(new Date(c.at))])).toEqual([['ana', 0], ['ana', 10_000], ['budi', 10_000]]);
  });

  it('buries a row after the last attempt, keeping the last error', async () => {
    const { db } = database();
    await queue(db, 'telegram', 'ana', ['reply']);
    const { clock, sender, dispatcher } = setup((_m, call) => ({ ok: false, retryable: true, error: `503 (${call})` }));
    const outcomes = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(await dispatcher.runOnce());
      clock.advance(3_600_000);
    }
    expect(outcomes.map((o) => [o.failed, o.dead])).toEqual([[1, 0], [1, 0], [1, 0], [0, 1], [0, 0], [0, 0]]);
    expect(sender.calls).toHaveLength(4);
    expect(await outboxRows(db)).toMatchObject([{ status: 'dead', attempts: 4, lastError: '503 (4)' }]);
  });

  it('counts a sender that throws as a retryable failure', async () => {
    const { db } = database();
    await queue(db, 'telegram', 'ana', ['reply']);
    const { dispatcher } = setup(() => { throw new Error('ECONNRESET'); });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0, deferred: 0 });
    expect(await outboxRows(db)).toMatchObject([{ status: 'pending', attempts: 1, lastError: 'sender threw: ECONNRESET' }]);
  });

  it('buries a row that can never go, without stopping the contact unless it blocked us', async () => {
    const { db } = database();
    await queue(db, 'telegram', 'ana', ['reply']);
    const { dispatcher } = setup(() => ({ ok: false, retryable: false, error: '400 Bad Request: message is too long' }));
    expect((await dispatcher.runOnce()).dead).toBe(1);
    expect(await outboxRows(db)).toMatchObject([{ status: 'dead', lastError: '400 Bad Request: message is too long' }]);
    expect((await findContact(db, 'telegram', 'ana'))?.stoppedAt).toBeNull();
  });

  it('marks a contact who blocked the bot stopped: its reminders and campaigns die, replies still go', async () => {
    const { db } = database();
    const [blockedRow] = await queue(db, 'telegram', 'ana', ['reminder']);
    const { clock, sender, dispatcher } = setup((m) => (m.outboxId === blockedRow
      ? { ok: false, retryable: false, error: '403 Forbidden: bot was blocked by the user', blocked: true }
      : { ok: true }));
    expect((await dispatcher.runOnce()).dead).toBe(1);
    expect((await findContact(db, 'telegram', 'ana'))?.stoppedAt).toEqual(t0);
    clock.advance(1_000);
    await queue(db, 'telegram', 'ana', ['campaign', 'reminder', 'reply']);
    // The reply goes first; the first reminder or campaign claimed takes the others with it.
    expect(await drain(dispatcher)).toEqual([{ sent: 1, failed: 0, dead: 0, deferred: 0 }, { sent: 0, failed: 0, dead: 2, deferred: 0 }]);
    expect(sender.calls.map((c) => c.message.kind)).toEqual(['reminder', 'reply']);
    expect((await outboxRows(db)).map((r) => [r.kind, r.status, r.lastError])).toEqual([
      ['reminder', 'dead', '403 Forbidden: bot was blocked by the user'],
      ['campaign', 'dead', 'contact stopped'],
      ['reminder', 'dead', 'contact stopped'],
      ['reply', 'sent', null],
    ]);
  });

  it('sends nothing but replies to a contact who said berhenti', async () => {
    const { db } = database();
    const contact = await upsertContact(db, { channel: 'telegram', address: 'ana' });
    await markStopped(db, contact.id, t0, 'opt_out');
    await queue(db, 'telegram', 'ana', ['campaign', 'reply', 'reminder']);
    const { sender, dispatcher } = setup();
    await drain(dispatcher);
    expect(sender.calls.map((c) => c.message.kind)).toEqual(['reply']);
    expect((await outboxRows(db)).map((r) => r.status)).toEqual(['dead', 'sent', 'dead']);
  });

  it('takes back a row a crashed worker left sending, once its lease has run out', async () => {
    const { db } = database();
    const [id] = await queue(db, 'telegram', 'ana', ['reply', 'reply']);
    // A worker claims and dies before recording anything.
    await db.transaction((tx) => claimOutboxHeads(tx, { channel: 'telegram', limit: 10, now: t0, leaseMs: 60_000 }));
    const { clock, sender, dispatcher } = setup(undefined, { leaseMs: 60_000 });
    clock.advance(59_999);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0, deferred: 0 });
    clock.advance(1);
    expect((await dispatcher.runOnce()).sent).toBe(1);
    expect(sender.calls.map((c) => c.message.outboxId)).toEqual([id]);
    expect((await outboxRows(db))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await drain(dispatcher)).map((r) => r.sent)).toEqual([1]);
  });

  it('holds a claim 30 s by default (not 5 minutes) and logs a re-claimed row as a possible duplicate, counted', async () => {
    const { db } = database();
    await queue(db, 'telegram', 'ana', ['reply']);
    await queue(db, 'telegram', 'budi', ['reply']);
    await db.transaction((tx) => claimOutboxHeads(tx, { channel: 'telegram', limit: 10, now: t0 }));
    const lines: string[] = [];
    const logger = createLogger('warn', { destination: { write: (line: string) => { lines.push(line); } } });
    const { clock, dispatcher } = setup(undefined, { logger });
    clock.advance(DEFAULT_LEASE_MS - 1);
    expect((await dispatcher.runOnce()).sent).toBe(0);
    clock.advance(1);
    expect((await dispatcher.runOnce()).sent).toBe(2);
    expect(DEFAULT_LEASE_MS).toBe(30_000);
    const duplicates = lines.map((l) => JSON.parse(l) as { msg: string; possibleDuplicates?: number }).filter((l) => l.msg.includes('may reach the vendor twice'));
    expect(duplicates.map((l) => l.possibleDuplicates)).toEqual([1, 2]);
    expect(await outboxRows(db)).toMatchObject([{ status: 'sent', lastError: null }, { status: 'sent', lastError: null }]);
  });

  it('gives up a send that hangs past the send timeout as a retryable failure, within the lease', async () => {
    const { db } = database();
    await queue(db, 'telegram', 'ana', ['reply']);
    const clock = manualClock(t0);
    const hanging = { channel: 'telegram' as const, send: () => new Promise<never>(() => {}) };
    const dispatcher = createDispatcher({ db, senders: [hanging], clock, sendTimeoutMs: 50, limits: { telegram: { perSecond: 1_000, burst: 1_000, perChatIntervalMs: 0 } } });
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0, failed: 1 });
    expect((await outboxRows(db))[0]).toMatchObject({ status: 'pending', lastError: 'send timed out after 50 ms' });
  });

  it('start() loops until stop(), which lets the current round finish', async () => {
    const { db } = database();
    for (const address of ['ana', 'budi', 'cici']) await queue(db, 'telegram', address, ['reply', 'reply']);
    let idleWaits = 0;
    let allSent!: () => void;
    const done = new Promise<void>((resolve) => { allSent = resolve; });
    const clock = manualClock(t0);
    const sender = fakeSender('telegram', clock, (_m, call) => {
      if (call === 6) allSent();
      return { ok: true };
    });
    const dispatcher = createDispatcher({
      db, senders: [sender], clock, limits: { telegram: { perChatIntervalMs: 0 } },
      sleep: async (pause) => { idleWaits += 1; clock.advance(pause); await new Promise((r) => setImmediate(r)); },
    });
    dispatcher.start();
    dispatcher.start();
    await done;
    await dispatcher.stop();
    expect(sender.calls).toHaveLength(6);
    expect((await outboxRows(db)).every((r) => r.status === 'sent')).toBe(true);
    const waitsAtStop = idleWaits;
    await new Promise((r) => setTimeout(r, 20));
    expect(idleWaits).toBe(waitsAtStop);
  });

  it('start() keeps going when a round fails, pausing longer after each failure', async () => {
    const pauses: number[] = [];
    let rounds = 0;
    const clock = manualClock(t0);
    const failing = {
      transaction: () => { rounds += 1; return Promise.reject(new Error('connection refused')); },
    } as unknown as DispatcherOptions['db'];
    let enough!: () => void;
    const waited = new Promise<void>((resolve) => { enough = resolve; });
    const dispatcher = createDispatcher({
      db: failing, senders: [fakeSender('telegram', clock)], clock, idleMs: 100,
      sleep: async (pause) => { pauses.push(pause); if (pauses.length === 12) enough(); await new Promise((r) => setImmediate(r)); },
    });
    dispatcher.start();
    await waited;
    await dispatcher.stop();
    expect(pauses.slice(0, 12)).toEqual([200, 400, 800, 1_600, 3_200, 6_400, 12_800, 25_600, 51_200, 60_000, 60_000, 60_000]);
    expect(rounds).toBeGreaterThanOrEqual(12);
  });
});
