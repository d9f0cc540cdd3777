import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../../src/domain/reference-data-types.ts';
import { isoToday } from '../../../src/domain/dates.ts';
import { localTime } from '../../../src/domain/quiet-hours.ts';
import { createDispatcher } from '../../../src/runtime/dispatcher.ts';
import { loadReferenceData } from '../../../src/runtime/reference-data.ts';
import { markStopped } from '../../../src/store/repos/contacts.ts';
import { enqueueOutbox } from '../../../src/store/repos/outbox.ts';
import { bills } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { vendorHelpers } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { fakeSender } from '../dispatcher/fake-sender.ts';
import { aVendor, openReminderWorld, pay, PLANNED_AT, reminderRows, timersOf } from './reminder-world.ts';

const WIB = 7;
const WITA = 8;
const WIT = 9;
const ONCE = ['h-7', 'h-3', 'h-1', 'h0', 'h+3', 'h+7'];
const ONCE_DAYS = ['2026-12-08', '2026-12-12', '2026-12-14', '2026-12-15', '2026-12-18', '2026-12-22'];
// Weekly from H+14 while before the lapse day: a December bill lapses on 16 March 2027.
const WEEKLY = [14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84];

describe('reminder scheduler', () => {
  const database = useTestDatabase();
  let data: ReferenceData;
  beforeAll(async () => {
    data = await loadReferenceData('flows/data');
  });
  const world = () => openReminderWorld(database(), data);

  it('plans every reminder at 09:00 in the vendor\'s own zone (WIB Jakarta, WITA Bali, WIT Papua), and planning again inserts nothing', async () => {
    const { db, scheduler } = await world();
    const vendors = [
      { vendor: await aVendor(db, { address: 'jakarta', province: '31' }), offset: WIB },
      { vendor: await aVendor(db, { address: 'bali', province: '51' }), offset: WITA },
      { vendor: await aVendor(db, { address: 'papua', province: '91' }), offset: WIT },
    ];
    expect(await scheduler().planOnce()).toEqual({ bills: 3, timers: 51, pending: 51 });

    for (const { vendor, offset } of vendors) {
      const timers = await timersOf(db, vendor.bill.id);
      expect(timers.map((t) => t.ruleId)).toEqual([...ONCE, ...WEEKLY.map(() => 'mingguan')]);
      expect(timers.map((t) => t.dedupeKey)).toEqual([
        ...ONCE.map((r) => `bill:${vendor.bill.id}:${r}`), ...WEEKLY.map((d) => `bill:${vendor.bill.id}:mingguan:${d}`),
      ]);
      expect(timers.slice(0, 6).map((t) => t.localeKey)).toEqual(['pengingat.h_min_7', 'pengingat.h_min_3', 'pengingat.h_min_1', 'pengingat.h0', 'pengingat.h_plus_3', 'pengingat.h_plus_7']);
      expect(timers.slice(0, 6).map((t) => t.fireAt)).toEqual(ONCE_DAYS.map((d) => localTime(d, 9, offset)));
      expect(timers.at(-1)?.fireAt).toEqual(localTime('2027-03-09', 9, offset));
      expect(timers.every((t) => t.status === 'pending' && t.contactId === vendor.contactId)).toBe(true);
    }
    const h7 = (await timersOf(db)).filter((t) => t.ruleId === 'h-7').map((t) => t.fireAt.toISOString()).sort();
    expect(h7).toEqual(['2026-12-08T00:00:00.000Z', '2026-12-08T01:00:00.000Z', '2026-12-08T02:00:00.000Z']);

    expect(await scheduler().planOnce()).toEqual({ bills: 0, timers: 0, pending: 0 });
    expect(await scheduler({ batchSize: 1 }).planOnce()).toEqual({ bills: 0, timers: 0, pending: 0 });
    expect(await timersOf(db)).toHaveLength(51);
  });

  it('keeps reminders already past when planned as skipped rows, moves one off a holiday, and plans no paid or lapsed bill', async () => {
    const { db, clock, scheduler } = await world();
    const late = await aVendor(db, { address: 'late' });
    const paid = await aVendor(db, { address: 'paid', bills: [{ startMonth: '2026-11', dueDate: '2026-11-16', amount: 16_800 }] });
    await db.update(bills).set({ status: 'paid' }).where(eq(bills.id, paid.bill.id));
    // 13 December, 10:00 WIB: H-7 and H-3 have gone by; the 14th is a day off this year.
    clock.set(new Date('2026-12-13T03:00:00Z'));
    const withHoliday = { ...data, reminders: { ...data.reminders, holidays: ['2026-12-14'] } };
    expect(await scheduler({ data: withHoliday }).planOnce()).toEqual({ bills: 1, timers: 16, pending: 14 });

    const timers = await timersOf(db, late.bill.id);
    expect(timers.slice(0, 4).map((t) => [t.ruleId, t.status, t.reason])).toEqual([
      ['h-7', 'skipped', 'past when planned'], ['h-3', 'skipped', 'past when planned'],
      ['h0', 'pending', null], ['h+3', 'pending', null],
    ]);
    // H-1 (the 14th, now a day off) would wait for 08:00 on the 15th, H0's day: only the later rule is kept.
    expect(timers.map((t) => t.ruleId)).not.toContain('h-1');
    expect(timers.find((t) => t.ruleId === 'h0')?.fireAt).toEqual(localTime('2026-12-15', 9, WIB));
    expect(await timersOf(db, paid.bill.id)).toEqual([]);
  });

  it('sends nothing outside 08:00–20:00 in the vendor\'s zone: a late timer waits for the next morning there', async () => {
    const { db, clock, scheduler } = await world();
    const jakarta = await aVendor(db, { address: 'jakarta', province: '31' });
    const bali = await aVendor(db, { address: 'bali', province: '51' });
    const papua = await aVendor(db, { address: 'papua', province: '91' });
    await scheduler().planOnce();
    const h7 = async (vendor: { bill: { id: string } }) => (await timersOf(db, vendor.bill.id))[0];

    // The scheduler was down all day: 19:30 in Jakarta, 20:30 in Bali, 21:30 in Papua.
    clock.set(new Date('2026-12-08T12:30:00Z'));
    expect(await scheduler().fireOnce()).toEqual({ claimed: 3, queued: 1, skipped: {}, waiting: 2 });
    expect((await reminderRows(db)).map((r) => r.address)).toEqual(['jakarta']);
    expect(await h7(bali)).toMatchObject({ status: 'pending', fireAt: localTime('2026-12-09', 8, WITA) });
    expect(await h7(papua)).toMatchObject({ status: 'pending', fireAt: localTime('2026-12-09', 8, WIT) });

    // 07:59 in Bali, 08:59 in Papua: only Papua may hear from us.
    clock.set(new Date('2026-12-08T23:59:00Z'));
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 1, queued: 1 });
    expect((await reminderRows(db)).map((r) => r.address)).toEqual(['jakarta', 'papua']);
    clock.set(new Date('2026-12-09T00:00:00Z'));
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 1, queued: 1 });
    const rows = await reminderRows(db);
    expect(rows.map((r) => [r.address, r.nextAttemptAt.toISOString()])).toEqual([
      ['jakarta', '2026-12-08T12:30:00.000Z'], ['papua', '2026-12-08T23:59:00.000Z'], ['bali', '2026-12-09T00:00:00.000Z'],
    ]);
    expect(await h7(jakarta)).toMatchObject({ status: 'queued', outboxId: rows[0]?.id, handledAt: new Date('2026-12-08T12:30:00Z') });
  });

  it('sends nothing before 08:00 local: after a night down, Jakarta waits while Papua is already awake', async () => {
    const { db, clock, scheduler } = await world();
    const jakarta = await aVendor(db, { address: 'jakarta', province: '31' });
    await aVendor(db, { address: 'papua', province: '91' });
    await scheduler().planOnce();
    // 06:30 in Jakarta, 08:30 in Papua, the morning after both H-7 reminders were due.
    clock.set(localTime('2026-12-09', 6.5, WIB));
    expect(await scheduler().fireOnce()).toEqual({ claimed: 2, queued: 1, waiting: 1, skipped: {} });
    expect((await reminderRows(db)).map((r) => r.address)).toEqual(['papua']);
    expect((await timersOf(db, jakarta.bill.id))[0]).toMatchObject({ status: 'pending', fireAt: localTime('2026-12-09', 8, WIB) });
    clock.set(localTime('2026-12-09', 7.99, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 0 });
    clock.set(localTime('2026-12-09', 8, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 1, queued: 1 });
    expect((await reminderRows(db)).map((r) => r.address)).toEqual(['papua', 'jakarta']);
  });

  it('sends nothing on a holiday: a day off added after planning holds the reminders until the next morning', async () => {
    const { db, clock, scheduler } = await world();
    const jakarta = await aVendor(db, { address: 'jakarta', province: '31' });
    const papua = await aVendor(db, { address: 'papua', province: '91' });
    await scheduler().planOnce();
    const holiday = scheduler({ data: { ...data, reminders: { ...data.reminders, holidays: ['2026-12-08'] } } });
    clock.set(localTime('2026-12-08', 10, WIB));
    expect(await holiday.fireOnce()).toEqual({ claimed: 2, queued: 0, waiting: 2, skipped: {} });
    expect((await timersOf(db, jakarta.bill.id))[0]?.fireAt).toEqual(localTime('2026-12-09', 8, WIB));
    expect((await timersOf(db, papua.bill.id))[0]?.fireAt).toEqual(localTime('2026-12-09', 8, WIT));
    expect(await reminderRows(db)).toEqual([]);
    clock.set(localTime('2026-12-09', 8, WIT));
    expect(await holiday.fireOnce()).toMatchObject({ claimed: 1, queued: 1 });
    clock.set(localTime('2026-12-09', 8, WIB));
    expect(await holiday.fireOnce()).toMatchObject({ claimed: 1, queued: 1 });
    expect((await reminderRows(db)).map((r) => r.address)).toEqual(['papua', 'jakarta']);
  });

  it('turns a due timer into exactly one outbox row with the outstanding amount, due date and code (vendor enrolled by chat)', async () => {
    const { app, db, clock, scheduler } = await world();
    const { say } = vendorHelpers(app);
    for (const answer of enrolmentAnswers(testNik(3))) await say('budi', answer);
    const [bill] = await db.select().from(bills);
    expect(bill).toMatchObject({ amount: 53_600, dueDate: '2026-12-15', months: 3 });
    const code = bill?.paymentCode ?? '';
    // The member's first bill: the three reminders to start (firstBillRules).
    expect(await scheduler().planOnce()).toMatchObject({ bills: 1, pending: 3 });
    // A partial payment keeps the reminders and lowers the amount they ask for.
    expect(await pay(database(), code, 7_000, new Date('2026-12-01T05:00:00Z'))).toMatchObject({ billPaid: false, outstanding: 46_600 });

    clock.set(localTime('2026-12-12', 9, WIB));
    expect(await scheduler().runOnce()).toMatchObject({ planned: { bills: 0 }, fired: { claimed: 1, queued: 1 } });
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 0, queued: 0 });
    const rows = await reminderRows(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 'simulator', address: 'budi', kind: 'reminder', priority: 5, status: 'pending',
      dedupeKey: `bill:${bill?.id}:awal-3`, nextAttemptAt: localTime('2026-12-12', 9, WIB),
      payload: {
        text: `Halo SITI AMINAH, pendaftaran Anda sudah tercatat, tapi perlindungan baru mulai setelah iuran pertama dibayar: Rp46.600, paling lambat 15 Desember 2026. Kode iuran: ${code}. Balas CARA BAYAR untuk tempat bayar.`,
        template: { name: 'pengingat_iuran', language: 'id', params: ['SITI AMINAH', 'Rp46.600', '15 Desember 2026', code] },
      },
    });
    expect((await timersOf(db))[0]).toMatchObject({ status: 'queued', outboxId: rows[0]?.id });
  });

  it('reminds a registrant who never paid three times around the first due date, then stops, never saying "nonaktif" (issue #8)', async () => {
    const { app, db, clock, scheduler } = await world();
    const { say } = vendorHelpers(app);
    for (const answer of enrolmentAnswers(testNik(4))) await say('rini', answer);
    expect(await scheduler().planOnce()).toMatchObject({ bills: 1, timers: 3, pending: 3 });
    // Every six hours from the enrolment to June: the bill upkeep is not needed for reminders, and
    // with nothing paid it makes no further bills anyway.
    for (let at = Date.parse('2026-11-25T00:00:00Z'); at <= Date.parse('2027-01-05T00:00:00Z'); at += 6 * 3_600_000) {
      clock.set(new Date(at));
      await scheduler().runOnce();
    }
    clock.set(localTime('2027-06-30', 9, WIB));
    expect(await scheduler().runOnce()).toMatchObject({ planned: { bills: 0 }, fired: { claimed: 0 } });
    const rows = await reminderRows(db);
    expect(rows.map((r) => [(r.dedupeKey ?? '').split(':').at(-1), isoToday(r.nextAttemptAt, WIB)])).toEqual([
      ['awal-3', '2026-12-12'], ['awal0', '2026-12-15'], ['awal+7', '2026-12-22'],
    ]);
    expect((await timersOf(db)).map((t) => t.status)).toEqual(['queued', 'queued', 'queued']);
    for (const row of rows) {
      expect(row.payload.text).not.toMatch(/nonaktif|tunggakan/iu);
      expect(row.payload.text).toContain('Rp53.600');
    }
    expect(rows.at(-1)?.payload.text).toContain('belum terlindungi');
  });

  it('writes the reminder in the contact\'s language, the template staying Indonesian', async () => {
    const { db, clock, scheduler } = await world();
    const vendor = await aVendor(db, { address: 'en', language: 'en', name: 'Made Wirawan', province: '51' });
    await scheduler().planOnce();
    clock.set(localTime('2026-12-08', 9, WITA));
    await scheduler().fireOnce();
    const [row] = await reminderRows(db);
    expect(row?.payload).toEqual({
      text: `Hello Made Wirawan, your BPJS Ketenagakerjaan contribution of Rp16.800 is due on 15 December 2026. Pay with code ${vendor.bill.code} to stay covered. Reply CARA BAYAR (how to pay) for places to pay.`,
      // The member menu's answers, as buttons.
      choices: ['I have paid', 'How to pay', 'Check contribution', 'Stop reminders'],
      template: { name: 'pengingat_iuran', language: 'id', params: ['Made Wirawan', 'Rp16.800', '15 Desember 2026', vendor.bill.code] },
    });
  });

  it('follows the rules an admin edited after planning: a removed rule sends nothing, a rule with a new text sends that text', async () => {
    const { db, clock, scheduler } = await world();
    await aVendor(db, { address: 'edited' });
    await scheduler().planOnce();
    const rules = data.reminders.rules;
    const edited = {
      ...data,
      reminders: {
        ...data.reminders,
        rules: rules.filter((r) => r.id !== 'h-7').map((r) => (r.id === 'h-3' ? { ...r, localeKey: 'pengingat.h0' } : r)),
      },
    };
    clock.set(localTime('2026-12-08', 9, WIB));
    expect(await scheduler({ data: edited }).fireOnce()).toEqual({ claimed: 1, queued: 0, waiting: 0, skipped: { 'rule no longer in pengingat.yaml': 1 } });
    clock.set(localTime('2026-12-12', 9, WIB));
    expect(await scheduler({ data: edited }).fireOnce()).toMatchObject({ claimed: 1, queued: 1 });
    const [row] = await reminderRows(db);
    expect(row?.payload.text).toMatch(/^Hari ini, 15 Desember 2026, batas bayar iuran Rp16\.800\./);
  });

  it('cancels every pending timer of a bill when a payment makes it paid, so nothing is queued', async () => {
    const { db, clock, scheduler } = await world();
    const vendor = await aVendor(db, { address: 'payer' });
    await scheduler().planOnce();
    const paidAt = new Date('2026-12-01T05:00:00Z');
    expect(await pay(database(), vendor.bill.code, 16_800, paidAt)).toMatchObject({ billPaid: true });
    const timers = await timersOf(db, vendor.bill.id);
    expect(timers).toHaveLength(17);
    expect(timers.every((t) => t.status === 'cancelled' && t.reason === 'bill paid' && t.handledAt?.getTime() === paidAt.getTime())).toBe(true);
    clock.set(localTime('2026-12-22', 9, WIB));
    expect(await scheduler().runOnce()).toMatchObject({ planned: { bills: 0 }, fired: { claimed: 0 } });
    expect(await reminderRows(db)).toEqual([]);
  });

  it('buries a reminder already queued when the payment comes before the dispatcher sends it', async () => {
    const { db, clock, scheduler } = await world();
    const payer = await aVendor(db, { address: 'payer' });
    await aVendor(db, { address: 'other' });
    await scheduler().planOnce();
    clock.set(localTime('2026-12-08', 9, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ queued: 2 });
    expect(await pay(database(), payer.bill.code, 16_800, clock())).toMatchObject({ billPaid: true });

    const rows = (await reminderRows(db)).sort((a, b) => a.address.localeCompare(b.address));
    expect(rows.map((r) => [r.address, r.status, r.lastError])).toEqual([['other', 'pending', null], ['payer', 'dead', 'bill paid']]);
    expect((await timersOf(db, payer.bill.id)).map((t) => t.status)).toEqual(['queued', ...Array(16).fill('cancelled')]);
    const sender = fakeSender('telegram', clock);
    const dispatcher = createDispatcher({ db, clock, senders: [sender] });
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1, dead: 0 });
    expect(sender.calls.map((c) => c.message.address)).toEqual(['other']);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0 });
  });

  it('reminds no contact who said berhenti or blocked us, and no lapsed member', async () => {
    const { db, clock, scheduler } = await world();
    const optedOut = await aVendor(db, { address: 'stop' });
    const blocked = await aVendor(db, { address: 'blocked' });
    const lapsed = await aVendor(db, { address: 'lapsed' });
    await scheduler().planOnce();
    await markStopped(db, optedOut.contactId, PLANNED_AT, 'opt_out');
    await markStopped(db, blocked.contactId, PLANNED_AT, 'blocked');
    await db.update(bills).set({ status: 'lapsed' }).where(eq(bills.id, lapsed.bill.id));
    clock.set(localTime('2026-12-08', 9, WIB));
    expect(await scheduler().fireOnce()).toEqual({
      claimed: 3, queued: 0, waiting: 0, skipped: { 'contact stopped (opt_out)': 1, 'contact stopped (blocked)': 1, lapsed: 1 },
    });
    expect(await reminderRows(db)).toEqual([]);
    expect((await timersOf(db, optedOut.bill.id))[0]).toMatchObject({ status: 'skipped', reason: 'contact stopped (opt_out)' });
    expect((await timersOf(db, optedOut.bill.id))[1]).toMatchObject({ status: 'pending' });
  });

  it('after downtime sends only the newest due reminder of a bill, the older ones superseded', async () => {
    const { db, clock, scheduler } = await world();
    const vendor = await aVendor(db, { address: 'jakarta' });
    await scheduler().planOnce();
    clock.set(localTime('2026-12-14', 10, WIB));
    expect(await scheduler({ batchSize: 1 }).fireOnce()).toEqual({ claimed: 3, queued: 1, waiting: 0, skipped: { superseded: 2 } });
    const timers = await timersOf(db, vendor.bill.id);
    expect(timers.slice(0, 4).map((t) => [t.ruleId, t.status, t.reason])).toEqual([
      ['h-7', 'skipped', 'superseded'], ['h-3', 'skipped', 'superseded'], ['h-1', 'queued', null], ['h0', 'pending', null],
    ]);
    const [row] = await reminderRows(db);
    expect(row?.payload.text).toBe(`Besok (15 Desember 2026) batas bayar iuran Rp16.800. Kode bayar: ${vendor.bill.code}. Kecelakaan kerja dilindungi kalau iuran sudah dibayar.`);
  });

  it('sends a contact at most one reminder per local day, even about two bills', async () => {
    const { db, clock, scheduler } = await world();
    const vendor = await aVendor(db, {
      address: 'two-bills',
      bills: [{ startMonth: '2026-11', dueDate: '2026-12-11', amount: 16_800 }, { startMonth: '2026-12', dueDate: '2026-12-15', amount: 16_800 }],
    });
    await scheduler().planOnce();
    // H-3 of the first bill and H-7 of the second are both at 09:00 on the 8th (the first bill's
    // H-7 of the 4th was missed and is superseded by its H-3).
    clock.set(localTime('2026-12-08', 9, WIB));
    expect(await scheduler().fireOnce()).toEqual({ claimed: 3, queued: 1, waiting: 0, skipped: { 'already reminded today': 1, superseded: 1 } });
    clock.set(localTime('2026-12-08', 19, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 0 });
    // The next reminder, the first bill's H-1 on the 10th, goes out.
    clock.set(localTime('2026-12-10', 9, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 1, queued: 1 });
    const rows = await reminderRows(db);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.dedupeKey).toBe(`bill:${vendor.bills[0]?.id}:h-1`);
    // Neither bill is due yet on the 8th or the 10th: no total of bills not yet owed (issue #8).
    for (const row of rows) expect(row.payload.text).not.toContain('Semua yang belum dibayar');
    // On the 14th the first bill's H+3 and the second's H-1 fall together: the older bill's
    // reminder goes (whatever order the timers were planned in). Only it is owed yet: no total.
    clock.set(localTime('2026-12-14', 9, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ queued: 1, skipped: { 'already reminded today': 1 } });
    const overdue = (await reminderRows(db)).at(-1);
    expect(overdue?.dedupeKey).toBe(`bill:${vendor.bills[0]?.id}:h+3`);
    expect(overdue?.payload.text).not.toContain('Semua yang belum dibayar');
    // On the 15th the second bill falls due too: its due-day reminder names the money of both.
    clock.set(localTime('2026-12-15', 9, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ queued: 1 });
    const last = (await reminderRows(db)).at(-1);
    expect(last?.dedupeKey).toBe(`bill:${vendor.bills[1]?.id}:h0`);
    expect(last?.payload.text).toContain('Semua yang belum dibayar: Rp33.600 (2 tagihan). Bayar yang paling lama dulu');
  });

  it('stops adding the total once only one bill is left owed', async () => {
    const { db, clock, scheduler } = await world();
    const vendor = await aVendor(db, {
      address: 'paid-one',
      bills: [{ startMonth: '2026-11', dueDate: '2026-12-11', amount: 16_800 }, { startMonth: '2026-12', dueDate: '2026-12-15', amount: 16_800 }],
    });
    await scheduler().planOnce();
    expect(await pay(database(), vendor.bills[0]!.code, 16_800, localTime('2026-12-07', 10, WIB))).toMatchObject({ billPaid: true });
    clock.set(localTime('2026-12-08', 9, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ queued: 1 });
    const [row] = await reminderRows(db);
    expect(row?.dedupeKey).toBe(`bill:${vendor.bills[1]?.id}:h-7`);
    expect(row?.payload.text).toContain('Rp16.800 jatuh tempo 15 Desember 2026');
    expect(row?.payload.text).not.toContain('Semua yang belum dibayar');
  });

  it('with two workers in one scheduler still plans each bill and queues each reminder once', async () => {
    const { db, clock, scheduler } = await world();
    const vendors = [];
    for (let i = 0; i < 13; i++) vendors.push(await aVendor(db, { address: `w-${i}`, province: ['31', '51', '91'][i % 3] }));
    const pair = scheduler({ workers: 2, batchSize: 3 });
    expect(await pair.planOnce()).toMatchObject({ bills: 13, timers: 13 * 17 });
    // 09:00 WIB is 10:00 WITA and 11:00 WIT: every zone's H-7 is due, all inside the window.
    clock.set(localTime('2026-12-08', 9, WIB));
    expect(await pair.fireOnce()).toMatchObject({ claimed: 13, queued: 13 });
    const rows = await reminderRows(db);
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(vendors.map((v) => `bill:${v.bill.id}:h-7`).sort());
  });

  it('fails the round when a batch fails, keeps what other batches queued, and leaves the rest for the next round', async () => {
    const { app, db, clock, scheduler } = await world();
    for (let i = 0; i < 6; i++) await aVendor(db, { address: `f-${i}` });
    await scheduler().planOnce();
    clock.set(localTime('2026-12-08', 9, WIB));
    let reads = 0;
    const flows = { latest: async (...args: Parameters<typeof app.flows.latest>) => {
      if (++reads === 2) throw new Error('catalogues unavailable');
      return app.flows.latest(...args);
    } };
    await expect(scheduler({ workers: 2, batchSize: 2, flows }).fireOnce()).rejects.toThrow('catalogues unavailable');
    // The failed batch queued nothing; the other worker's batches (one or two, as their turns
    // fell) each queued their two, their timers marked with the rows.
    const rows = await reminderRows(db);
    expect([2, 4]).toContain(rows.length);
    const queuedTimers = (await timersOf(db)).filter((t) => t.status === 'queued');
    expect(new Map(queuedTimers.map((t) => [t.dedupeKey, t.outboxId]))).toEqual(new Map(rows.map((r) => [r.dedupeKey, r.id])));
    // The next round picks up what was left.
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 6 - rows.length, queued: 6 - rows.length });
  });

  it('start() plans and queues in the background until stop()', async () => {
    const { db, clock, scheduler } = await world();
    const vendor = await aVendor(db, { address: 'jakarta' });
    clock.set(localTime('2026-12-08', 9, WIB));
    let pauses = 0;
    const background = scheduler({ sleep: async () => { pauses += 1; await new Promise((resolve) => setTimeout(resolve, 5)); } });
    background.start();
    for (let i = 0; i < 400 && (await reminderRows(db)).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await background.stop();
    const after = pauses;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(pauses).toBe(after);
    expect((await reminderRows(db)).map((r) => r.dedupeKey)).toEqual([`bill:${vendor.bill.id}:h-7`]);
    expect(await timersOf(db, vendor.bill.id)).toHaveLength(17);
  });

  it('queues no second row when a row under the reminder\'s dedupe key exists already: the timer takes that row', async () => {
    const { db, clock, scheduler } = await world();
    const vendor = await aVendor(db, { address: 'jakarta' });
    await scheduler().planOnce();
    const [existing] = await enqueueOutbox(db, [{
      contactId: vendor.contactId, channel: 'telegram', address: 'jakarta', kind: 'reminder',
      payload: { text: 'queued by hand' }, dedupeKey: `bill:${vendor.bill.id}:h-7`,
    }]);
    clock.set(localTime('2026-12-08', 9, WIB));
    expect(await scheduler().fireOnce()).toMatchObject({ claimed: 1, queued: 1 });
    expect((await reminderRows(db)).map((r) => [r.id, r.payload.text])).toEqual([[existing, 'queued by hand']]);
    expect((await timersOf(db, vendor.bill.id))[0]).toMatchObject({ status: 'queued', outboxId: existing });
  });
});
