/**
 * A reminder round: how fast the reminder scheduler plans timers for N unpaid bills and then turns
 * the N due H-7 timers into outbox rows. DESIGN.md ("Scale we design for") wants a round to a
 * million members to fan out in about a minute; the fire rate is extrapolated to 1,000,000 and
 * set against those 60 s. Measured on in-memory PGlite (a small N) and, when one answers on
 * 127.0.0.1:5432, on a fresh PostgreSQL database, also with two schedulers sharing the round
 * (two pooled connections, one Node process: their JavaScript shares one thread).
 * Planning runs once (20,000 bills take about 20 s); the fire step runs 3 times, the fired
 * round undone in between. Every round checks one reminder outbox row per member.
 * Sizes: BENCH_REMINDER_MEMBERS (PostgreSQL, default 20,000), BENCH_REMINDER_PGLITE_MEMBERS (2,000).
 */
import { sql } from 'drizzle-orm';
import { openApp, type App } from '../src/app.ts';
import { manualClock } from '../src/lib/clock.ts';
import { createReminderScheduler, type ReminderScheduler } from '../src/runtime/reminder-scheduler.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { executeRows } from '../src/store/json-rows.ts';
import { withFreshPostgres } from './fresh-postgres.ts';
import { median, report } from './stats.ts';

const SECRET = 'bench-secret-that-is-at-least-32-characters';
/** Before the first reminder of a bill due 2026-12-15 (H-7 is 2026-12-08 09:00 local). */
const PLANNED_AT = new Date('2026-11-25T03:00:00Z');
/** H-7: 09:30 WIB, 10:30 WITA, 11:30 WIT; every member's H-7 timer is due, none later. */
const FIRE_AT = new Date('2026-12-08T02:30:00Z');
const TARGET_MEMBERS = 1_000_000;
const TARGET_SECONDS = 60;
const ROUNDS = 3;

export async function benchReminderRound(): Promise<void> {
  const pglite = await openDatabase({ driver: 'pglite', dir: null });
  await measure('PGlite (in memory)', pglite, sizeFrom('BENCH_REMINDER_PGLITE_MEMBERS', 2_000), false);
  await pglite.close();

  // Two schedulers at once each hold a connection for their transaction; one more to spare.
  await withFreshPostgres('reminders: PostgreSQL', 3, (pg) => measure('PostgreSQL (local)', pg, sizeFrom('BENCH_REMINDER_MEMBERS', 20_000), true));
}

function sizeFrom(variable: string, fallback: number): number {
  const value = Number(process.env[variable]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

async function measure(label: string, database: Database, members: number, parallel: boolean): Promise<void> {
  const app = await openApp({ database, secret: SECRET, flowsDir: 'flows', localesDir: 'locales', language: 'id' });
  try {
    const seedSeconds = await timed(() => seed(database, members));
    const n = members.toLocaleString('en-US');
    report(`reminders: seed ${n} members, contacts, unpaid bills (set-based SQL) — ${label}`, `${seedSeconds.toFixed(1)} s`);

    // Planning N bills takes a while (see the figures): it runs once; the fire step runs ROUNDS
    // times, each on the same timers made fresh again (see resetFired).
    const clock = manualClock(PLANNED_AT);
    const plan = await planStep(app, database, clock);
    const fires: Timing[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) await resetFired(database);
      const fire = await fireStep(app, database, clock, 1);
      fires.push(fire);
      checkOutbox(`round ${round + 1} — ${label}`, await outboxCheck(database), members);
    }
    reportRound(`${label}, 1 scheduler`, members, plan, fires);

    if (parallel) {
      await resetFired(database);
      const fire = await fireStep(app, database, clock, 2);
      checkOutbox(`2 schedulers — ${label}`, await outboxCheck(database), members);
      reportRound(`${label}, 2 schedulers at once, combined`, members, null, [fire]);
      await resetFired(database);
      const paired = await fireStep(app, database, clock, 1, 2);
      checkOutbox(`1 scheduler, 2 workers — ${label}`, await outboxCheck(database), members);
      reportRound(`${label}, 1 scheduler with 2 workers (payung start on PostgreSQL)`, members, null, [paired]);
    }
  } finally {
    await app.close();
  }
}

interface Timing {
  readonly seconds: number;
  readonly bills: number;
  readonly timers: number;
  readonly queued: number;
}

interface OutboxCheck {
  readonly rows: number;
  readonly keys: number;
  readonly contacts: number;
  readonly timersQueued: number;
}

type BenchClock = ReturnType<typeof manualClock>;

const schedulers = (app: App, database: Database, clock: BenchClock, n: number, workers = 1): ReminderScheduler[] =>
  Array.from({ length: n }, (_, i) =>
    createReminderScheduler({ db: database.db, flows: app.flows, data: app.data, clock, workerId: `bench-${i}`, workers }));

/** planOnce at PLANNED_AT, before any reminder of the bills is due. */
async function planStep(app: App, database: Database, clock: BenchClock): Promise<Timing> {
  clock.set(PLANNED_AT);
  const [scheduler] = schedulers(app, database, clock, 1) as [ReminderScheduler];
  const start = process.hrtime.bigint();
  const planned = await scheduler.planOnce();
  const result = { seconds: seconds(start), bills: planned.bills, timers: planned.timers, queued: 0 };
  // The timers are new: vacuumed and analysed as a running system's would be (and as each later
  // fire round starts, see resetFired), so the first round is not the one setting hint bits.
  await database.db.execute(sql`vacuum analyze reminder_timers`);
  return result;
}

/** fireOnce at FIRE_AT (H-7 of every bill) by `n` schedulers at once, sharing the timers, each with `perScheduler` workers. */
async function fireStep(app: App, database: Database, clock: BenchClock, n: number, perScheduler = 1): Promise<Timing> {
  clock.set(FIRE_AT);
  const workers = schedulers(app, database, clock, n, perScheduler);
  const start = process.hrtime.bigint();
  const fired = await Promise.all(workers.map((w) => w.fireOnce()));
  const sum = (f: (x: (typeof fired)[number]) => number) => fired.reduce((s, x) => s + f(x), 0);
  return { seconds: seconds(start), bills: 0, timers: sum((f) => f.claimed), queued: sum((f) => f.queued) };
}

/**
 * The fired round undone, as if fresh: the reminder outbox rows deleted, the queued timers
 * pending again, the dead rows vacuumed and the statistics renewed.
 */
async function resetFired(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`update reminder_timers set status = 'pending', outbox_id = null, handled_at = null, reason = null where status = 'queued'`);
    await tx.execute(sql`delete from outbox where kind = 'reminder'`);
  });
  await database.db.execute(sql`vacuum analyze reminder_timers, outbox`);
}

async function outboxCheck(database: Database): Promise<OutboxCheck> {
  type Counts = { rows: string | number; keys: string | number; contacts: string | number; timers_queued: string | number };
  const [row] = await executeRows<Counts>(database.db, sql`
    select count(*) as rows, count(distinct dedupe_key) as keys, count(distinct contact_id) as contacts,
      (select count(*) from reminder_timers where status = 'queued' and outbox_id is not null) as timers_queued
    from outbox where kind = 'reminder'`);
  return { rows: Number(row?.rows), keys: Number(row?.keys), contacts: Number(row?.contacts), timersQueued: Number(row?.timers_queued) };
}

function checkOutbox(label: string, check: OutboxCheck, members: number): void {
  const ok = check.rows === members && check.keys === members && check.contacts === members && check.timersQueued === members;
  const detail = `${check.rows} reminder outbox rows, ${check.keys} keys, ${check.contacts} contacts, ${check.timersQueued} timers queued`;
  report(`reminders: outbox check, ${round(members)} members — ${label}`, `${ok ? 'ok' : 'MISMATCH'}: ${detail}`);
  if (!ok) process.exitCode = 1;
}

function reportRound(label: string, members: number, plan: Timing | null, fires: readonly Timing[]): void {
  let planAhead = '';
  if (plan !== null) {
    const billsPerSecond = plan.bills / plan.seconds;
    report(`reminders: planOnce, ${round(members)} bills — ${label}`,
      `${billsPerSecond.toFixed(0)} bills/s, ${(plan.timers / plan.seconds).toFixed(0)} timers/s (${(plan.timers / Math.max(1, plan.bills)).toFixed(1)} timers a bill; ${plan.seconds.toFixed(2)} s, one run)`);
    planAhead = `; planning 1,000,000 bills ≈ ${(TARGET_MEMBERS / billsPerSecond).toFixed(0)} s`;
  }
  const of = fires.length === 1 ? 'one run' : `median of ${fires.length} rounds`;
  const fireSeconds = median(fires.map((f) => f.seconds));
  const queuedPerSecond = median(fires.map((f) => f.queued / f.seconds));
  const million = TARGET_MEMBERS / queuedPerSecond;
  report(`reminders: fireOnce at H-7, ${round(members)} due — ${label}`,
    `${queuedPerSecond.toFixed(0)} reminders queued/s (${fireSeconds.toFixed(2)} s, ${of}${fires.length === 1 ? '' : `: ${fires.map((f) => f.seconds.toFixed(2)).join(' / ')} s`})`);
  report(`reminders: a round to 1,000,000 members at that rate — ${label}`,
    `≈ ${million.toFixed(0)} s = ${(million / TARGET_SECONDS).toFixed(1)}× the ${TARGET_SECONDS} s target${planAhead}`);
}

const round = (n: number) => n.toLocaleString('en-US');

async function timed(f: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await f();
  return seconds(start);
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * N vendors, set-based: a contact, a member (zones WIB, WITA and WIT in turn: provinces 31, 51,
 * 91) and one unpaid bill due 2026-12-15 each (3 months from 2026-12, Rp67,000, a unique code
 * that needs not pass Luhn here).
 */
async function seed(database: Database, members: number): Promise<void> {
  // One transaction: one pooled connection, which sees the temporary table.
  await database.db.transaction(async (db) => {
    await db.execute(sql`create temporary table bench_seed on commit drop as
      select i, gen_random_uuid() as contact_id, gen_random_uuid() as member_id
      from generate_series(1, ${members}::int) as i`);
    await db.execute(sql`insert into contacts (id, channel, address, phone_e164, language)
      select contact_id, 'whatsapp', '6281' || lpad(i::text, 9, '0'), '+6281' || lpad(i::text, 9, '0'), 'id' from bench_seed`);
    await db.execute(sql`insert into members (id, contact_id, nik_hash, nik_encrypted, nik_masked, full_name, birth_date,
        province_code, regency_code, occupation_code, sector, workplace_type, declared_income, income_tier, base_income,
        programmes, payment_period_months, funding, flow_id, flow_version)
      select member_id, contact_id, 'bench-hash-' || i, 'v1:AAAA', (array['3174', '5171', '9171'])[1 + i % 3] || '********' || lpad((i % 10000)::text, 4, '0'),
        'Vendor ' || i, '1990-01-01', (array['31', '51', '91'])[1 + i % 3], (array['31.74', '51.71', '91.71'])[1 + i % 3],
        'PKL', 'other', 'gerobak', 2500000, 3, 2000000, array['JKK', 'JKM']::text[], 3, 'mandiri', 'pendaftaran', 1
      from bench_seed`);
    await db.execute(sql`insert into bills (member_id, start_month, months, amount, breakdown, due_date, payment_code)
      select member_id, '2026-12', 3, 67000, '{}'::jsonb, '2026-12-15', 'PY' || lpad(i::text, 10, '0') from bench_seed`);
  });
  await database.db.execute(sql`analyze`);
}
