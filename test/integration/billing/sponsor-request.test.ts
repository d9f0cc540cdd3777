import { describe, expect, it } from 'vitest';
import { createReminderScheduler } from '../../../src/runtime/reminder-scheduler.ts';
import { createBillUpkeep } from '../../../src/runtime/bill-upkeep.ts';
import { auditLog, bills, members, outbox } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();

/** The shared enrolment, answering "who pays?" with "Minta bantuan iuran" instead. */
const askingForHelp = (nik: string) => enrolmentAnswers(nik).map((a) => (a === 'bayar sendiri' ? 'Minta bantuan iuran' : a));

describe('a vendor who asks for help with the contribution (issue #8)', () => {
  it('ends the enrolment without a bill or a code, is neither billed nor reminded, and sees the request waiting', async () => {
    const { app, say, clock } = await openTestApp(database());
    const replies = [];
    for (const answer of askingForHelp(testNik(0))) replies.push(await say('sri', answer));
    const last = replies.at(-1) ?? '';
    expect(last).toContain('permintaan bantuan iuran Anda sudah kami catat');
    expect(last).toContain('Asosiasi pedagang bersama Agen Perisai Anda');
    expect(last).toContain('belum ada tagihan');
    expect(last).toContain('BAYAR SENDIRI');
    expect(last).not.toMatch(/Kode iuran|PY\d/u);
    const { db } = database();
    expect(await db.select().from(members)).toMatchObject([{ funding: 'sponsor_request' }]);
    expect(await db.select().from(bills)).toEqual([]);

    // Weeks later: the upkeep makes no bill, the scheduler plans and sends nothing.
    clock.set(new Date('2027-01-20T03:00:00Z'));
    await createBillUpkeep({ db, data: app.data, clock, randomDigits: app.randomDigits }).runOnce();
    await createReminderScheduler({ db, flows: app.flows, data: app.data, clock }).runOnce();
    expect(await db.select().from(bills)).toEqual([]);
    expect((await db.select().from(outbox)).filter((r) => r.kind === 'reminder')).toEqual([]);

    const status = await say('sri', 'cek iuran');
    expect(status).toContain('Permintaan bantuan iuran Anda sedang menunggu sponsor');
    expect(status).toContain('Ketik BAYAR SENDIRI');
  });

  it('"bayar sendiri" issues the first bill and says so; asked again, changes nothing', async () => {
    const { say, clock } = await openTestApp(database());
    for (const answer of askingForHelp(testNik(1))) await say('sri', answer);
    clock.set(new Date('2026-12-01T03:00:00Z'));
    const reply = await say('sri', 'bayar sendiri');
    const { db } = database();
    const [bill] = await db.select().from(bills);
    expect(bill).toMatchObject({ startMonth: '2026-12', months: 3, amount: 67_000, dueDate: '2026-12-15' });
    expect(reply).toContain('Baik, Anda bayar iuran sendiri.');
    expect(reply).toContain('Jumlah: Rp67.000 (3 bulan mulai Desember 2026)');
    expect(reply).toContain('Bayar paling lambat: 15 Desember 2026');
    expect(reply).toContain(`Kode iuran: ${bill?.paymentCode}`);
    expect(await db.select().from(members)).toMatchObject([{ funding: 'mandiri' }]);
    expect((await db.select().from(auditLog)).map((a) => a.action)).toContain('member.funding_changed');

    // The menu offers "Bayar iuran sendiri" only while a sponsor is awaited: asked again, the menu.
    const again = await say('sri', 'bayar sendiri');
    expect(again).toContain('Ada yang bisa kami bantu?');
    expect(again).not.toContain('Bayar iuran sendiri');
    expect(await db.select().from(bills)).toHaveLength(1);
  });
});
