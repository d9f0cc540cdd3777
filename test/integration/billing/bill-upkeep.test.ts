import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidPaymentCode, paymentCode } from '../../../src/domain/payment-code.ts';
import type { RateTable } from '../../../src/domain/rate-table.ts';
import { manualClock } from '../../../src/lib/clock.ts';
import { createBillUpkeep, type BillUpkeepOptions } from '../../../src/runtime/bill-upkeep.ts';
import { loadMemberAccount } from '../../../src/runtime/member-account.ts';
import { recordPayment } from '../../../src/runtime/record-payment.ts';
import { loadReferenceData } from '../../../src/runtime/reference-data.ts';
import { openDatabase } from '../../../src/store/database.ts';
import type { Db } from '../../../src/store/db-types.ts';
import { billsOfMember, insertBill } from '../../../src/store/repos/bills.ts';
import { auditLog, bills, members, payments } from '../../../src/store/schema.ts';
import { addMonths } from '../../../src/domain/calendar.ts';
import type { NewMember } from '../../../src/store/repos/members.ts';
import { useTestDatabase, usesPostgres } from '../../helpers/test-db.ts';
import { aContact, aMemberId } from '../store/fixtures.ts';

const database = useTestDatabase();
let rates: RateTable;
beforeAll(async () => {
  rates = (await loadReferenceData()).rates;
});

// At the lowest tier (income Rp1.000.000): JKK Rp10.000 + JKM Rp6.800, halved by PP 50/2025.
const FULL = 16_800;
const DISCOUNTED = 8_400;
const SECRET = 'a-nik-secret-of-at-least-thirty-two-characters';

/** 10:00 WIB on a local date. */
const wib = (date: string) => new Date(`${date}T03:00:00Z`);

let vendors = 0;
let codes = 0;

/** A member at the lowest tier, JKK + JKM, street vendor (non-transport), Jakarta (WIB). */
async function aVendor(overrides: Partial<NewMember> = {}) {
  const { db } = database();
  const n = ++vendors;
  const contact = await aContact(db, `62812000${n}`);
  return aMemberId(db, contact.id, { nikHash: `hash-${n}`, declaredIncome: 1_000_000, paymentPeriodMonths: 1, ...overrides });
}

async function aBill(memberId: string, startMonth: string, months: number, amount: number, dueDate: string) {
  const code = paymentCode(String(9_000_000_000 + ++codes));
  const { id } = await insertBill(database().db, { memberId, startMonth, months, amount, breakdown: [], dueDate, paymentCode: code });
  return { id, code };
}

async function pay(code: string, amount: number, paidAt: Date) {
  return database().db.transaction((tx) => recordPayment(tx, {
    externalRef: `REF-${code}-${paidAt.toISOString()}`, amount, paidAt, source: 'manual', paymentCode: code,
  }, { secret: SECRET, actor: 'admin:test', now: paidAt }));
}

function anUpkeep(at: Date, overrides: Partial<BillUpkeepOptions> = {}) {
  const clock = manualClock(at);
  let digits = 0;
  const upkeep = createBillUpkeep({ db: database().db, data: { rates }, clock, randomDigits: (n) => String(++digits).padStart(n, '0'), ...overrides });
  return { upkeep, clock };
}

/** Bills made by hasPaidBefore: left out of what the tests compare. */
const startedBills = new Set<string>();

/**
 * A bill for the month before `month`, paid in full: the member has started paying. One who never
 * paid is reminded to start, not billed further (issue #8), so upkeep tests of later bills start here.
 */
async function hasPaidBefore(memberId: string, month: string) {
  const prev = addMonths(month, -1);
  const { db } = database();
  const { id } = await insertBill(db, { memberId, startMonth: prev, months: 1, amount: DISCOUNTED, breakdown: [], dueDate: `${prev}-20`, paymentCode: paymentCode(String(9_500_000_000 + ++codes)) });
  await db.update(bills).set({ status: 'paid' }).where(eq(bills.id, id));
  await db.insert(payments).values({
    externalRef: `STARTED-${id}`, amount: DISCOUNTED, paidAt: new Date(`${prev}-10T02:00:00Z`), source: 'manual', billId: id, memberId, status: 'applied', appliedAmount: DISCOUNTED,
  });
  startedBills.add(id);
}

const billsOf = async (memberId: string, db: Db = database().db) => (await billsOfMember(db, memberId)).filter((b) => !startedBills.has(b.id));
const terms = (rows: Awaited<ReturnType<typeof billsOf>>) => rows.map((b) => ({ startMonth: b.startMonth, months: b.months, amount: b.amount, dueDate: b.dueDate, status: b.status }));

async function auditOf(action: string) {
  return database().db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);
}

describe('the bill upkeep', () => {
  it('marks a bill overdue from the day after its due date, on the vendor\'s own clock (WIB and WIT)', async () => {
    const jakarta = await aVendor({ provinceCode: '31' });
    const papua = await aVendor({ provinceCode: '91' });
    const jakartaBill = await aBill(jakarta, '2026-12', 1, DISCOUNTED, '2026-12-15');
    const papuaBill = await aBill(papua, '2026-12', 1, DISCOUNTED, '2026-12-15');
    await hasPaidBefore(jakarta, '2026-12');
    await hasPaidBefore(papua, '2026-12');
    // 22:30 WIB on the 15th is 00:30 WIT on the 16th.
    const { upkeep, clock } = anUpkeep(new Date('2026-12-15T15:30:00Z'));
    expect(await upkeep.runOnce()).toEqual({ members: 2, skipped: 0, failed: 0, billsCreated: 2, statusesChanged: 1 });
    expect((await billsOf(jakarta))[0]?.status).toBe('unpaid');
    expect((await billsOf(papua))[0]?.status).toBe('overdue');
    expect(await auditOf('bill.status_changed')).toEqual([expect.objectContaining({
      actor: 'system:upkeep', entity: 'bill', entityId: papuaBill.id,
      details: { memberId: papua, from: 'unpaid', to: 'overdue', today: '2026-12-16' }, at: new Date('2026-12-15T15:30:00Z'),
    })]);

    clock.set(new Date('2026-12-15T17:00:00Z'));
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 0, statusesChanged: 1 });
    expect(terms(await billsOf(jakarta))).toEqual([
      { startMonth: '2026-12', months: 1, amount: DISCOUNTED, dueDate: '2026-12-15', status: 'overdue' },
      // Created on the due date of the one before, at the full rate of 2027.
      { startMonth: '2027-01', months: 1, amount: FULL, dueDate: '2027-01-15', status: 'unpaid' },
    ]);
    expect((await auditOf('bill.status_changed')).at(-1)?.entityId).toBe(jakartaBill.id);
  });

  it('creates the next bill as soon as the last one is paid, before its due date', async () => {
    const member = await aVendor();
    const first = await aBill(member, '2026-12', 1, DISCOUNTED, '2026-12-15');
    const { upkeep, clock } = anUpkeep(wib('2026-11-26'));
    expect(await upkeep.runOnce()).toMatchObject({ members: 1, billsCreated: 0, statusesChanged: 0 });
    await pay(first.code, DISCOUNTED, new Date('2026-11-27T02:00:00Z'));
    clock.set(wib('2026-11-27'));
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 1, statusesChanged: 0 });

    const [paid, next] = await billsOf(member);
    expect(paid?.status).toBe('paid');
    expect(next).toMatchObject({ startMonth: '2027-01', months: 1, amount: FULL, dueDate: '2027-01-15', status: 'unpaid' });
    expect(next?.breakdown).toEqual([{ month: '2027-01', jkk: 10_000, jkm: 6_800, jht: 0, total: FULL, discount: null }]);
    expect(isValidPaymentCode(next?.paymentCode ?? '')).toBe(true);
    expect(next?.paymentCode).toBe(paymentCode('0000000001'));
    expect(await auditOf('bill.created')).toEqual([expect.objectContaining({
      actor: 'system:upkeep', entityId: next?.id,
      details: { memberId: member, startMonth: '2027-01', months: 1, amount: FULL, dueDate: '2027-01-15', today: '2026-11-27' },
    })]);
  });

  it('prices each month by its own discount rule: non-transport discounted to December 2026, transport to March 2027', async () => {
    const vendor = await aVendor({ paymentPeriodMonths: 3 });
    const driver = await aVendor({ paymentPeriodMonths: 3, sector: 'transport', programmes: ['JKK', 'JKM', 'JHT'] });
    await aBill(vendor, '2026-10', 1, DISCOUNTED, '2026-10-15');
    await aBill(driver, '2027-01', 1, DISCOUNTED + 20_000, '2027-01-15');
    await hasPaidBefore(vendor, '2026-10');
    await hasPaidBefore(driver, '2027-01');
    const { upkeep, clock } = anUpkeep(wib('2026-10-15'));
    await upkeep.runOnce();
    const vendorBills = await billsOf(vendor);
    expect(terms(vendorBills)).toEqual([
      { startMonth: '2026-10', months: 1, amount: DISCOUNTED, dueDate: '2026-10-15', status: 'unpaid' },
      { startMonth: '2026-11', months: 3, amount: DISCOUNTED + DISCOUNTED + FULL, dueDate: '2026-11-16', status: 'unpaid' },
    ]);
    expect(vendorBills[1]?.breakdown).toEqual([
      { month: '2026-11', jkk: 10_000, jkm: 6_800, jht: 0, total: DISCOUNTED, discount: 'pp-50-2025' },
      { month: '2026-12', jkk: 10_000, jkm: 6_800, jht: 0, total: DISCOUNTED, discount: 'pp-50-2025' },
      { month: '2027-01', jkk: 10_000, jkm: 6_800, jht: 0, total: FULL, discount: null },
    ]);

    clock.set(wib('2027-01-15'));
    await upkeep.runOnce();
    const [, driverNext] = await billsOf(driver);
    // JHT (2% of Rp1.000.000 = Rp20.000) is never discounted.
    expect(driverNext).toMatchObject({ startMonth: '2027-02', months: 3, amount: 3 * 20_000 + 2 * DISCOUNTED + FULL, dueDate: '2027-02-15' });
    expect((driverNext?.breakdown as { discount: string | null }[]).map((m) => m.discount)).toEqual(['pp-50-2025-transport', 'pp-50-2025-transport', null]);
  });

  it('uses the member\'s current payment period for the next bill', async () => {
    const member = await aVendor({ paymentPeriodMonths: 1 });
    const first = await aBill(member, '2026-11', 1, DISCOUNTED, '2026-11-16');
    await pay(first.code, DISCOUNTED, new Date('2026-11-10T02:00:00Z'));
    await database().db.update(members).set({ paymentPeriodMonths: 6 }).where(eq(members.id, member));
    const { upkeep } = anUpkeep(wib('2026-11-10'));
    await upkeep.runOnce();
    expect(terms(await billsOf(member))).toEqual([
      { startMonth: '2026-11', months: 1, amount: DISCOUNTED, dueDate: '2026-11-16', status: 'paid' },
      { startMonth: '2026-12', months: 6, amount: DISCOUNTED + 5 * FULL, dueDate: '2026-12-15', status: 'unpaid' },
    ]);
  });

  it('crosses the year end and the leap February of 2028, and turns a bill overdue on 29 February', async () => {
    const member = await aVendor({ paymentPeriodMonths: 3 });
    const first = await aBill(member, '2027-11', 3, 3 * FULL, '2027-11-15');
    await pay(first.code, 3 * FULL, new Date('2027-11-10T02:00:00Z'));
    const { upkeep, clock } = anUpkeep(wib('2027-11-10'));
    await upkeep.runOnce();
    // November, December, January paid: the next period is February to April 2028.
    expect(terms(await billsOf(member)).at(-1)).toEqual({ startMonth: '2028-02', months: 3, amount: 3 * FULL, dueDate: '2028-02-15', status: 'unpaid' });

    clock.set(new Date('2028-02-15T16:59:00Z')); // 23:59 WIB on the due date
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 1, statusesChanged: 0 });
    clock.set(new Date('2028-02-28T17:00:00Z')); // 00:00 WIB on 29 February
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 0, statusesChanged: 1 });
    expect(terms(await billsOf(member))).toEqual([
      { startMonth: '2027-11', months: 3, amount: 3 * FULL, dueDate: '2027-11-15', status: 'paid' },
      { startMonth: '2028-02', months: 3, amount: 3 * FULL, dueDate: '2028-02-15', status: 'overdue' },
      { startMonth: '2028-05', months: 3, amount: 3 * FULL, dueDate: '2028-05-15', status: 'unpaid' },
    ]);
    expect((await auditOf('bill.status_changed'))[0]?.details).toMatchObject({ from: 'unpaid', to: 'overdue', today: '2028-02-29' });
  });

  it('keeps billing through the grace months, lapses the bills the day after the 4th due date, then bills no more', async () => {
    const member = await aVendor();
    await aBill(member, '2026-12', 1, DISCOUNTED, '2026-12-15');
    await hasPaidBefore(member, '2026-12');
    const { upkeep, clock } = anUpkeep(wib('2026-12-15'));
    for (const day of ['2026-12-15', '2027-01-15', '2027-02-15']) {
      clock.set(wib(day));
      await upkeep.runOnce();
    }
    // The day before the lapse: three months overdue, March due today, still in grace.
    clock.set(wib('2027-03-15'));
    await upkeep.runOnce();
    expect(terms(await billsOf(member)).map((b) => [b.startMonth, b.amount, b.status])).toEqual([
      ['2026-12', DISCOUNTED, 'overdue'], ['2027-01', FULL, 'overdue'], ['2027-02', FULL, 'overdue'],
      ['2027-03', FULL, 'unpaid'], ['2027-04', FULL, 'unpaid'],
    ]);
    expect((await loadMemberAccount(database().db, member, clock(), rates))?.coverage).toMatchObject({ status: 'grace', payBy: '2027-03-15' });

    // The day of the lapse: the four unpaid months lapse; April, not yet due, stays unpaid; no May.
    clock.set(wib('2027-03-16'));
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 0, statusesChanged: 4 });
    expect(terms(await billsOf(member)).map((b) => [b.startMonth, b.status])).toEqual([
      ['2026-12', 'lapsed'], ['2027-01', 'lapsed'], ['2027-02', 'lapsed'], ['2027-03', 'lapsed'], ['2027-04', 'unpaid'],
    ]);
    expect((await loadMemberAccount(database().db, member, clock(), rates))?.coverage).toMatchObject({ status: 'lapsed', since: '2027-03-16' });

    clock.set(wib('2027-06-20'));
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 0, statusesChanged: 1 });
    const rows = await billsOf(member);
    expect(rows.map((b) => b.startMonth)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    expect(rows.at(-1)?.status).toBe('lapsed');
    expect(await auditOf('bill.created')).toHaveLength(4);
  });

  it('marks paid a bill whose payments reach its amount, and creates its next bill', async () => {
    const member = await aVendor();
    const bill = await aBill(member, '2026-12', 1, DISCOUNTED, '2026-12-15');
    // Two payments applied by some other path that left the stored status behind.
    for (const [ref, amount] of [['P1', 5_000], ['P2', 3_400]] as const) {
      await database().db.insert(payments).values({
        externalRef: ref, amount, paidAt: new Date('2026-11-26T02:00:00Z'), source: 'manual', billId: bill.id, memberId: member, status: 'applied', appliedAmount: amount,
      });
    }
    const { upkeep } = anUpkeep(wib('2026-11-26'));
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 1, statusesChanged: 1 });
    expect(terms(await billsOf(member))).toEqual([
      { startMonth: '2026-12', months: 1, amount: DISCOUNTED, dueDate: '2026-12-15', status: 'paid' },
      { startMonth: '2027-01', months: 1, amount: FULL, dueDate: '2027-01-15', status: 'unpaid' },
    ]);
    expect((await auditOf('bill.status_changed'))[0]?.details).toMatchObject({ from: 'unpaid', to: 'paid' });
  });

  it('creates a bill once when run twice, and catches up a month at a time after a pause', async () => {
    const member = await aVendor();
    await aBill(member, '2026-12', 1, DISCOUNTED, '2026-12-15');
    await hasPaidBefore(member, '2026-12');
    const { upkeep } = anUpkeep(wib('2027-02-20'));
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 3, statusesChanged: 3 });
    expect(await upkeep.runOnce()).toEqual({ members: 1, skipped: 0, failed: 0, billsCreated: 0, statusesChanged: 0 });
    expect(terms(await billsOf(member))).toEqual([
      { startMonth: '2026-12', months: 1, amount: DISCOUNTED, dueDate: '2026-12-15', status: 'overdue' },
      { startMonth: '2027-01', months: 1, amount: FULL, dueDate: '2027-01-15', status: 'overdue' },
      { startMonth: '2027-02', months: 1, amount: FULL, dueDate: '2027-02-15', status: 'overdue' },
      { startMonth: '2027-03', months: 1, amount: FULL, dueDate: '2027-03-15', status: 'unpaid' },
    ]);
    expect(await auditOf('bill.created')).toHaveLength(3);
  });

  it('pages through every member in batches, and a member whose upkeep fails does not stop the others', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const id = await aVendor();
      await aBill(id, '2026-12', 1, DISCOUNTED, '2026-12-15');
      await hasPaidBefore(id, '2026-12');
      ids.push(id);
    }
    // A period the rate table does not offer is a bug in the data: that member fails, logged.
    await database().db.update(members).set({ paymentPeriodMonths: 5 }).where(eq(members.id, ids[2] ?? ''));
    const { upkeep } = anUpkeep(wib('2026-12-16'), { batchSize: 2 });
    expect(await upkeep.runOnce()).toEqual({ members: 4, skipped: 0, failed: 1, billsCreated: 4, statusesChanged: 4 });
    for (const [i, id] of ids.entries()) {
      expect(terms(await billsOf(id)).map((b) => b.status)).toEqual(i === 2 ? ['unpaid'] : ['overdue', 'unpaid']);
    }
  });

  it('runs in a loop from start() until stop(), creating each bill once', async () => {
    const member = await aVendor();
    await aBill(member, '2026-12', 1, DISCOUNTED, '2026-12-15');
    await hasPaidBefore(member, '2026-12');
    let pauses = 0;
    const { upkeep } = anUpkeep(wib('2026-12-16'), { sleep: () => { pauses += 1; return new Promise((resolve) => setTimeout(resolve, 5)); } });
    upkeep.start();
    while (pauses < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await upkeep.stop();
    expect(terms(await billsOf(member)).map((b) => [b.startMonth, b.status])).toEqual([['2026-12', 'overdue'], ['2027-01', 'unpaid']]);
    expect(await auditOf('bill.created')).toHaveLength(1);
  });

  it('bills a registrant who never paid no further months and never lapses them: their first bill stays payable (issue #8)', async () => {
    const member = await aVendor();
    await aBill(member, '2026-12', 1, DISCOUNTED, '2026-12-15');
    const { upkeep, clock } = anUpkeep(wib('2026-12-16'));
    for (const day of ['2026-12-16', '2027-01-16', '2027-02-16', '2027-03-16', '2027-06-20']) {
      clock.set(wib(day));
      expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 0 });
    }
    expect(terms(await billsOf(member)).map((b) => [b.startMonth, b.status])).toEqual([['2026-12', 'overdue']]);
    const account = await loadMemberAccount(database().db, member, clock(), rates);
    expect(account?.coverage).toEqual({ status: 'pending', firstMonth: '2026-12' });
    expect(account?.nextDue).toMatchObject({ startMonth: '2026-12', status: 'overdue', outstanding: DISCOUNTED });
  });

  it('covers the months a part payment reaches, oldest first, by the bill\'s breakdown (issue #8)', async () => {
    const member = await aVendor({ paymentPeriodMonths: 3 });
    const { db } = database();
    const breakdown = [8_400, 16_800, 16_800].map((total, i) => ({ month: addMonths('2026-12', i), jkk: 0, jkm: 0, jht: 0, total, discount: null }));
    const { id } = await insertBill(db, { memberId: member, startMonth: '2026-12', months: 3, amount: 42_000, breakdown, dueDate: '2026-12-15', paymentCode: paymentCode('9400000001') });
    await pay(paymentCode('9400000001'), 8_400, new Date('2026-12-10T02:00:00Z'));
    const december = await loadMemberAccount(db, member, wib('2026-12-20'), rates);
    expect(december?.coverage).toEqual({ status: 'active', paidThrough: '2026-12', overdueMonths: [] });
    const { upkeep } = anUpkeep(wib('2027-04-16'));
    await upkeep.runOnce();
    // January to April unpaid: lapsed since 16 April, December (paid) not among the months.
    const april = await loadMemberAccount(db, member, wib('2027-04-16'), rates);
    expect(april?.coverage).toEqual({ status: 'lapsed', since: '2027-04-16', months: ['2027-01', '2027-02', '2027-03', '2027-04'] });
    expect(april?.bills.find((b) => b.id === id)).toMatchObject({ paidAmount: 8_400, outstanding: 33_600 });
  });

  it.skipIf(!usesPostgres())('creates each bill once when two upkeeps run at the same time (PostgreSQL only: PGlite has one connection, so nothing runs concurrently there)', async () => {
    const { db, url } = database();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = await aVendor();
      await aBill(id, '2026-12', 1, DISCOUNTED, '2026-12-15');
      await hasPaidBefore(id, '2026-12');
      ids.push(id);
    }
    const second = await openDatabase({ driver: 'postgres', url: url ?? '' });
    try {
      let a = 0;
      let b = 0;
      const at = wib('2026-12-16');
      const first = anUpkeep(at, { batchSize: 7, randomDigits: () => `1${String(++a).padStart(9, '0')}` }).upkeep;
      const other = anUpkeep(at, { db: second.db, batchSize: 7, randomDigits: () => `2${String(++b).padStart(9, '0')}` }).upkeep;
      const rounds = await Promise.all([first.runOnce(), other.runOnce()]);
      expect(rounds.map((r) => r.failed)).toEqual([0, 0]);
      expect(rounds.reduce((n, r) => n + r.billsCreated, 0)).toBe(30);
      expect(rounds.reduce((n, r) => n + r.statusesChanged, 0)).toBe(30);
      for (const id of ids) {
        expect(terms(await billsOf(id, db))).toEqual([
          { startMonth: '2026-12', months: 1, amount: DISCOUNTED, dueDate: '2026-12-15', status: 'overdue' },
          { startMonth: '2027-01', months: 1, amount: FULL, dueDate: '2027-01-15', status: 'unpaid' },
        ]);
      }
      expect(await auditOf('bill.created')).toHaveLength(30);
      expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'bill.status_changed'), eq(auditLog.actor, 'system:upkeep')))).toHaveLength(30);
    } finally {
      await second.close();
    }
  });
});
