import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../../src/domain/reference-data-types.ts';
import { localTime } from '../../../src/domain/quiet-hours.ts';
import type { FlowRegistry } from '../../../src/runtime/flow-registry.ts';
import { loadReferenceData } from '../../../src/runtime/reference-data.ts';
import type { ReminderScheduler } from '../../../src/runtime/reminder-scheduler.ts';
import { openDatabase } from '../../../src/store/database.ts';
import type { Db } from '../../../src/store/db-types.ts';
import { useTestDatabase, usesPostgres } from '../../helpers/test-db.ts';
import { aVendor, openReminderWorld, reminderRows, timersOf } from './reminder-world.ts';

const VENDORS = 30;
const PROVINCES = ['31', '51', '91'];
/** 09:00 in Jakarta on the 8th: every zone's H-7 is due, and all are inside the quiet-hours window. */
const H7_DUE = localTime('2026-12-08', 9, 7);

describe('two reminder schedulers on one database', () => {
  const database = useTestDatabase();
  let data: ReferenceData;
  beforeAll(async () => {
    data = await loadReferenceData('flows/data');
  });

  async function setUp() {
    const world = await openReminderWorld(database(), data);
    const vendors = [];
    for (let i = 0; i < VENDORS; i++) vendors.push(await aVendor(world.db, { address: `v-${i}`, province: PROVINCES[i % 3] }));
    return { ...world, vendors };
  }

  /** Flows whose texts are read only after `before()` resolves: where a test stops or breaks a scheduler mid-batch. */
  function flowsWith(flows: FlowRegistry, before: () => Promise<void>): Pick<FlowRegistry, 'latest'> {
    return { latest: async (x, flowId) => { await before(); return flows.latest(x, flowId); } };
  }

  /** Each H-7 reminder is one outbox row, its timer queued with that row's id. */
  async function expectEachH7QueuedOnce(db: Db, vendors: readonly { bill: { id: string } }[]) {
    const rows = await reminderRows(db);
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(vendors.map((v) => `bill:${v.bill.id}:h-7`).sort());
    const timers = (await timersOf(db)).filter((t) => t.ruleId === 'h-7');
    expect(timers.every((t) => t.status === 'queued')).toBe(true);
    expect(new Map(timers.map((t) => [t.dedupeKey, t.outboxId]))).toEqual(new Map(rows.map((r) => [r.dedupeKey, r.id])));
    expect((await timersOf(db)).filter((t) => t.status !== 'pending' && t.ruleId !== 'h-7')).toEqual([]);
  }

  it.skipIf(!usesPostgres())('plan and queue each reminder once when running concurrently on PostgreSQL (skipped on PGlite: it has one connection)', async () => {
    const { app, db, clock, scheduler, vendors } = await setUp();
    const second = await openDatabase({ driver: 'postgres', url: database().url! });
    try {
      // Yielding inside each batch lets the two workers' transactions interleave.
      const flows = flowsWith(app.flows, () => new Promise((resolve) => setImmediate(resolve)));
      const pair = [scheduler({ flows, batchSize: 4, workerId: 'a' }), scheduler({ db: second.db, flows, batchSize: 4, workerId: 'b' })];
      const planned = await Promise.all(pair.map((s) => s.planOnce()));
      expect(planned.reduce((n, p) => n + p.timers, 0)).toBe(VENDORS * 17);
      expect(planned.reduce((n, p) => n + p.bills, 0)).toBe(VENDORS);
      expect(new Set((await timersOf(db)).map((t) => t.dedupeKey)).size).toBe(VENDORS * 17);

      clock.set(H7_DUE);
      const fired = await Promise.all(pair.map((s) => s.fireOnce()));
      expect(fired.reduce((n, f) => n + f.queued, 0)).toBe(VENDORS);
      expect(fired.reduce((n, f) => n + f.claimed, 0)).toBe(VENDORS);
      await expectEachH7QueuedOnce(db, vendors);
    } finally {
      await second.close();
    }
  });

  it.skipIf(!usesPostgres())('send one vendor one reminder a day even when two schedulers take two of their bills at once (PostgreSQL only: PGlite has one connection)', async () => {
    const { app, db, clock, scheduler } = await openReminderWorld(database(), data);
    const owners = [];
    for (let i = 0; i < 10; i++) {
      owners.push(await aVendor(db, {
        address: `two-${i}`,
        bills: [{ startMonth: '2026-12', dueDate: '2026-12-15', amount: 16_800 }, { startMonth: '2027-01', dueDate: '2026-12-11', amount: 16_800 }],
      }));
    }
    const second = await openDatabase({ driver: 'postgres', url: database().url! });
    try {
      const flows = flowsWith(app.flows, () => new Promise((resolve) => setImmediate(resolve)));
      await scheduler().planOnce();
      clock.set(H7_DUE);
      const fired = await Promise.all([scheduler({ flows, batchSize: 1 }), scheduler({ db: second.db, flows, batchSize: 1 })].map((s) => s.fireOnce()));
      expect(fired.reduce((n, f) => n + f.queued, 0)).toBe(10);
      const rows = await reminderRows(db);
      expect(new Set(rows.map((r) => r.address))).toEqual(new Set(owners.map((_, i) => `two-${i}`)));
      expect(rows).toHaveLength(10);
    } finally {
      await second.close();
    }
  });

  it('share the work taking turns through the whole schedule, restarted at every step, each reminder queued once (PGlite and PostgreSQL)', async () => {
    const { db, clock, scheduler, vendors } = await setUp();
    const first = vendors.slice(0, 6);
    // The rest are paid: only six vendors' timers to walk through 16 weeks of.
    await db.execute(sql`update bills set status = 'paid' where id not in (${sql.join(first.map((v) => sql`${v.bill.id}`), sql`, `)})`);
    let step = 0;
    for (let at = Date.parse('2026-11-25T00:00:00Z'); at <= Date.parse('2027-03-20T00:00:00Z'); at += 6 * 3_600_000) {
      clock.set(new Date(at));
      // A new scheduler every step, alternating between two settings: restarts lose nothing.
      await scheduler({ batchSize: step % 2 === 0 ? 3 : 50, workerId: step % 2 === 0 ? 'a' : 'b' }).runOnce();
      step += 1;
    }
    const rows = await reminderRows(db);
    expect(rows).toHaveLength(6 * 17);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(6 * 17);
    const timers = await timersOf(db);
    expect(timers).toHaveLength(6 * 17);
    expect(timers.every((t) => t.status === 'queued')).toBe(true);
    // Each went out on the day it was meant for, at 09:00 or within the six hours after.
    for (const t of timers) {
      const sent = rows.find((r) => r.id === t.outboxId);
      expect(sent?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t.fireAt.getTime());
      expect((sent?.nextAttemptAt.getTime() ?? 0) - t.fireAt.getTime()).toBeLessThan(6 * 3_600_000);
    }
  });

  it('a scheduler that fails after claiming leaves every timer pending; a fresh one queues each once (PGlite and PostgreSQL)', async () => {
    const { app, db, clock, scheduler, vendors } = await setUp();
    await scheduler().planOnce();
    clock.set(H7_DUE);
    const broken = scheduler({ flows: flowsWith(app.flows, () => Promise.reject(new Error('process killed'))) });
    await expect(broken.fireOnce()).rejects.toThrow('process killed');
    expect(await reminderRows(db)).toEqual([]);
    const h7 = (await timersOf(db)).filter((t) => t.ruleId === 'h-7');
    expect(h7).toHaveLength(VENDORS);
    expect(h7.every((t) => t.status === 'pending' && t.outboxId === null && t.handledAt === null)).toBe(true);

    expect(await scheduler({ batchSize: 7 }).fireOnce()).toMatchObject({ claimed: VENDORS, queued: VENDORS });
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 0, queued: 0 });
    await expectEachH7QueuedOnce(db, vendors);
  });

  it.skipIf(!usesPostgres())('a scheduler whose connection dies holding its claim blocks no one for long: the other skips the locked timers, then queues each once (PostgreSQL only)', async () => {
    const { app, db, clock, scheduler, vendors } = await setUp();
    await scheduler().planOnce();
    clock.set(H7_DUE);
    const doomed = await openDatabase({ driver: 'postgres', url: database().url! });
    try {
      let claimed!: () => void;
      const hasClaimed = new Promise<void>((resolve) => { claimed = resolve; });
      const hang = scheduler({ db: doomed.db, flows: flowsWith(app.flows, () => { claimed(); return new Promise<void>(() => {}); }) });
      const crashed = hang.fireOnce();
      crashed.catch(() => {});
      await hasClaimed;
      // The other worker meanwhile finds every due timer locked, and waits for nothing.
      const meanwhile: ReminderScheduler = scheduler({ workerId: 'b' });
      expect(await meanwhile.fireOnce()).toMatchObject({ claimed: 0, queued: 0 });
      // The process dies: PostgreSQL ends its session and rolls its transaction back.
      await db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`);
      await expect(crashed).rejects.toThrow();
      expect(await reminderRows(db)).toEqual([]);
      expect(await meanwhile.fireOnce()).toMatchObject({ claimed: VENDORS, queued: VENDORS });
      await expectEachH7QueuedOnce(db, vendors);
    } finally {
      await doomed.close().catch(() => {});
    }
  });
});
