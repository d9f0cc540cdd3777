import { describe, expect, it } from 'vitest';
import { conversations } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();

// Issue #8, item 3, as the runtime meets it: the cancelled conversation is stored, and the
// next message comes back to it from the database.
describe('words after the conversation ended, through the runtime', () => {
  it('"halo" after BATAL says the enrolment was cancelled and offers MULAI, which starts again', async () => {
    const { say } = await openTestApp(database());
    for (const answer of enrolmentAnswers(testNik(0)).slice(0, 4)) await say('ani', answer);
    expect(await say('ani', 'batal')).toContain('Yakin mau membatalkan');
    expect(await say('ani', '1')).toContain('Pendaftaran dibatalkan');
    const [row] = await database().db.select().from(conversations);
    expect(row?.status).toBe('cancelled');

    const reply = await say('ani', 'halo');
    expect(reply).toContain('sudah Anda batalkan');
    expect(reply).toContain('MULAI');
    expect(reply).not.toContain('sudah selesai');
    expect(await say('ani', 'mulai')).toContain('Apakah Anda setuju?');
  });

  it('"👍" at a question is answered politely and the next answer still counts', async () => {
    const { say } = await openTestApp(database());
    await say('budi', 'halo');
    expect(await say('budi', '👍')).toContain('hanya bisa membaca pesan teks');
    expect(await say('budi', '1')).toContain('nama lengkap');
  });

  it('a member\'s "halo" in the menu greets, and the menu offers the reminder switch that applies', async () => {
    const { say } = await openTestApp(database());
    for (const answer of enrolmentAnswers(testNik(1))) await say('siti', answer);
    const menu = await say('siti', 'halo');
    expect(menu).toContain('Ada yang bisa kami bantu?');
    const again = await say('siti', 'halo');
    expect(again).toContain('Halo!');
    expect(again).not.toContain('belum saya kenali');
    expect(await say('siti', 'berhenti')).toContain('Yakin tidak mau diingatkan');
    expect(await say('siti', '1')).toContain('pengingat sudah dimatikan');
    // Off now: the menu offers to turn them on, and that option's number does it.
    const off = await say('siti', 'halo');
    expect(off).toContain('Ada yang bisa kami bantu?');
    expect(await say('siti', '5')).toContain('Pengingat bayar iuran sudah nyala');
  });
});
