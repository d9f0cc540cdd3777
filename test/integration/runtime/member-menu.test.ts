import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createBillUpkeep } from '../../../src/runtime/bill-upkeep.ts';
import { recordPayment } from '../../../src/runtime/record-payment.ts';
import { findContact } from '../../../src/store/repos/contacts.ts';
import { enqueueOutbox } from '../../../src/store/repos/outbox.ts';
import { auditLog, bills, conversations, members, outbox, paymentClaims } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();

/** Payung with Siti enrolled through the real runtime: a 3-month bill of Rp53.600
 * (November 2026 – January 2027, registered on 25 November) due 15 December 2026. */
async function enrolled() {
  const app = await openTestApp(database());
  for (const answer of enrolmentAnswers(testNik(0))) await app.say('siti', answer);
  const db = database().db;
  const [bill] = await db.select().from(bills);
  if (!bill) throw new Error('enrolment made no bill');
  return { ...app, db, bill };
}

describe('an enrolled vendor talks to the member menu (flows/pengingat.yaml)', () => {
  it('answers "cek iuran" with coverage, the bill to pay and the last payment, before and after paying', async () => {
    const { say, db, bill, clock } = await enrolled();
    const before = await say('siti', 'cek iuran');
    expect(before).toContain('Status kepesertaan SITI AMINAH: TERDAFTAR, tetapi belum terlindungi: iuran pertama belum dibayar.');
    expect(before).toContain(`Yang perlu dibayar: Rp53.600 untuk 3 bulan mulai November 2026, paling lambat 15 Desember 2026. Kode iuran: ${bill.paymentCode}.`);
    expect(before).toContain('Belum ada pembayaran yang kami terima.');
    expect(before).toContain('Ada yang bisa kami bantu?');

    clock.set(new Date('2026-12-02T05:00:00Z'));
    // Rp1.000 too much: kept and told, not rounded away.
    await db.transaction((tx) => recordPayment(tx, { externalRef: 'ALFA-1', amount: 54_600, paidAt: new Date('2026-12-02T04:00:00Z'), source: 'webhook', paymentCode: bill.paymentCode }, { secret: TEST_SECRET, actor: 'test', now: clock() }));
    const after = await say('siti', 'status');
    expect(after).toContain('AKTIF, iuran lunas sampai Januari 2027.');
    expect(after).toContain('Pembayaran terakhir: Rp54.600 pada 2 Desember 2026.');
    expect(after).toContain('Kelebihan bayar Rp1.000 sudah kami catat');
  });

  it('names one bill to pay and one due date; a bill not yet due is not counted as owed (issue #8)', async () => {
    const { say, db, bill, clock, app } = await enrolled();
    // November paid (Rp13.400 of the 3-month bill): the vendor has started.
    clock.set(new Date('2026-12-10T03:00:00Z'));
    await db.transaction((tx) => recordPayment(tx, { externalRef: 'ALFA-DES', amount: 13_400, paidAt: clock(), source: 'webhook', paymentCode: bill.paymentCode }, { secret: TEST_SECRET, actor: 'test', now: clock() }));
    clock.set(new Date('2027-01-16T03:00:00Z'));
    const upkeep = createBillUpkeep({ db, data: app.data, clock, randomDigits: app.randomDigits });
    // The upkeep made February–April on the first bill's due date: not due before 15 February.
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 1 });
    const reply = await say('siti', 'cek iuran');
    expect(reply).toContain('BELUM DIBAYAR untuk bulan ini');
    expect(reply).toContain(`Yang perlu dibayar: masih kurang Rp40.200 dari Rp53.600 (untuk 3 bulan mulai November 2026), bayar paling lambat 15 Desember 2026. Kode iuran: ${bill.paymentCode}.`);
    expect(reply.match(/paling lambat/gu)).toHaveLength(1);
    expect(reply).not.toContain('Februari 2027');
    // Only one bill is due: no total (it was "Rp133.999 (2 tagihan)" with the next term counted).
    expect(reply).not.toContain('Total');
  });

  it('tells a registrant who never paid they are registered but not protected, with one bill and how to start', async () => {
    const { say, db, bill, clock, app } = await enrolled();
    clock.set(new Date('2027-02-20T03:00:00Z'));
    const upkeep = createBillUpkeep({ db, data: app.data, clock, randomDigits: app.randomDigits });
    expect(await upkeep.runOnce()).toMatchObject({ billsCreated: 0 });
    const reply = await say('siti', 'cek iuran');
    expect(reply).toContain('TERDAFTAR, tetapi belum terlindungi: iuran pertama belum dibayar. Perlindungan mulai setelah Anda membayar tagihan di bawah ini');
    expect(reply).toContain(`Yang perlu dibayar: Rp53.600 untuk 3 bulan mulai November 2026, paling lambat 15 Desember 2026. Kode iuran: ${bill.paymentCode}.`);
    expect(reply).not.toMatch(/nonaktif|Total/u);
  });

  it('files "sudah bayar" with its reference as an open claim on the unpaid bill', async () => {
    const { say, db, bill } = await enrolled();
    expect(await say('siti', 'sudah bayar kak')).toContain('Ketik nomor referensi');
    expect(await say('siti', 'sudah')).toContain('Nomor referensinya belum terbaca');
    expect(await say('siti', 'BRI 2026 1201 0042')).toContain('BRI 2026 1201 0042 sudah kami catat');
    const claims = await db.select().from(paymentClaims);
    expect(claims).toMatchObject([{ billId: bill.id, reference: 'BRI 2026 1201 0042', status: 'open' }]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'payment.claimed'));
    expect(audit).toHaveLength(1);
    // The bill is not marked paid by a claim.
    expect((await db.select().from(bills))[0]?.status).toBe('unpaid');
  });

  it('stops reminders on "berhenti" only after a yes, and "mulai" turns them on again', async () => {
    const app = await enrolled();
    const { say, db } = app;
    expect(await say('siti', 'berhenti')).toContain('Yakin tidak mau diingatkan');
    expect((await findContact(db, 'simulator', 'siti'))?.stoppedAt).toBeNull();
    expect(await say('siti', 'iya')).toContain('pengingat sudah dimatikan');
    expect(await findContact(db, 'simulator', 'siti')).toMatchObject({ stopReason: 'opt_out' });
    // The simulator pulls its messages instead of using the dispatcher: it honours the opt-out too.
    const contact = await findContact(db, 'simulator', 'siti');
    await app.app.runtime.takeFor('simulator', 'siti');
    await enqueueOutbox(db, [{ contactId: contact?.id ?? '', channel: 'simulator', address: 'siti', kind: 'reminder', payload: { text: 'Pengingat: iuran Rp53.600' }, dedupeKey: 'bill:x:h_min_3' }]);
    expect(await app.app.runtime.takeFor('simulator', 'siti')).toEqual([]);
    expect((await db.select().from(outbox).where(eq(outbox.kind, 'reminder')))).toMatchObject([{ status: 'dead', lastError: 'contact stopped' }]);
    // Writing again does not undo an opt-out; cek iuran says the reminders are off.
    expect(await say('siti', 'cek iuran')).toContain('Pengingat sedang mati');
    expect(await findContact(db, 'simulator', 'siti')).toMatchObject({ stopReason: 'opt_out' });
    expect(await say('siti', 'mulai')).toContain('Pengingat bayar iuran sudah nyala');
    expect(await findContact(db, 'simulator', 'siti')).toMatchObject({ stoppedAt: null, stopReason: null });
    const actions = (await db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['reminders.opted_out', 'reminders.opted_in']));
  });

  it('changes the payment period for the next bill and prices it per month (2027: no discount)', async () => {
    const { say, db, bill } = await enrolled();
    expect(await say('siti', 'ganti periode')).toContain('berapa bulan sekaligus');
    expect(await say('siti', '1 bulan')).toBe('Beres! Mulai Februari 2027 Anda bayar per 1 bulan: Rp26.800, paling lambat 15 Februari 2027.');
    expect((await db.select().from(members))[0]?.paymentPeriodMonths).toBe(1);
    // The open bill stays as quoted.
    expect((await db.select().from(bills))).toMatchObject([{ id: bill.id, amount: 53_600, months: 3 }]);
  });

  it('routes a member\'s "daftar" to the menu instead of a second enrolment, and keeps one conversation row', async () => {
    const { say, db } = await enrolled();
    const reply = await say('siti', 'daftar');
    expect(reply).toBe('Ada yang bisa kami bantu? Pilih atau ketik nomornya:');
    const rows = await db.select().from(conversations);
    expect(rows).toMatchObject([{ flowId: 'pengingat', status: 'active' }]);
    expect(await db.select().from(members)).toHaveLength(1);
  });

  it('tells someone who is not a member, in the middle of enrolling, and asks the question again', async () => {
    const { say } = await openTestApp(database());
    await say('budi', 'halo');
    await say('budi', 'ya');
    const reply = await say('budi', 'cek iuran');
    expect(reply).toContain('Nomor ini belum terdaftar sebagai peserta');
    expect(reply).toContain('nama lengkap');
    expect(await say('budi', 'Budi Santoso')).toContain('NIK');
  });
});
