import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isValidPaymentCode } from '../../../src/domain/payment-code.ts';
import { decryptField, nikHash } from '../../../src/lib/secrets.ts';
import { insertAgent } from '../../../src/store/repos/agents.ts';
import { auditLog, bills, consents, conversations, inboundMessages, members, outbox } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET, vendorHelpers } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { openApp } from '../../../src/app.ts';

const database = useTestDatabase();

describe('enrolment through the runtime, on the database', () => {
  it('stores the member (NIK hashed, encrypted, masked), the consent, the first bill, and queues every reply', async () => {
    const { say } = await openTestApp(database());
    const nik = testNik(0);
    const replies: string[] = [];
    for (const answer of enrolmentAnswers(nik)) replies.push(await say('budi', answer));
    const last = replies.at(-1) ?? '';
    expect(last).toContain('Selamat, SITI AMINAH');
    // The summary lists the answers in the order the script asks them, even after a jsonb round trip.
    expect(replies.at(-2)).toMatch(/• Nama: SITI AMINAH\n• NIK: \*{12}0001\n• Tanggal lahir: 17 Agustus 1985/);

    const db = database().db;
    const [member] = await db.select().from(members);
    expect(member).toMatchObject({
      fullName: 'SITI AMINAH', nikHash: nikHash(TEST_SECRET, nik), nikMasked: '************0001', birthDate: '1985-08-17',
      provinceCode: '32', regencyCode: '32.73', occupationCode: 'pkl', sector: 'other', workplaceType: 'pasar_tradisional',
      declaredIncome: 2_000_000, incomeTier: 6, baseIncome: 2_000_000, programmes: ['JKK', 'JKM'], paymentPeriodMonths: 3,
      funding: 'mandiri', motherMaidenNameEncrypted: null, flowId: 'pendaftaran',
    });
    expect(member?.nikEncrypted).not.toContain(nik);
    expect(decryptField(TEST_SECRET, member?.nikEncrypted ?? '')).toBe(nik);

    const [bill] = await db.select().from(bills);
    // Registered 25 November: November and December 2026 discounted (Rp13.400 each), January
    // 2027 at Rp26.800. November's due date (16 Nov) has passed, so the bill is due 15 December.
    expect(bill).toMatchObject({ memberId: member?.id, startMonth: '2026-11', months: 3, amount: 53_600, dueDate: '2026-12-15' });
    expect(isValidPaymentCode(bill?.paymentCode ?? '')).toBe(true);
    expect(last).toContain(bill?.paymentCode);
    expect(last).toContain('Rp53.600');

    const consent = await db.select().from(consents);
    expect(consent).toEqual([expect.objectContaining({ purpose: 'pendaftaran-bpu', textVersion: 'pdp-2026-11-v1', granted: true, channel: 'simulator' })]);
    expect((await db.select().from(auditLog)).map((a) => a.action)).toContain('member_registered');

    const [conversation] = await db.select().from(conversations);
    expect(conversation?.status).toBe('done');
    // The stored conversation keeps what the vendor typed encrypted.
    expect(JSON.stringify(conversation?.snapshot)).not.toContain(nik);
    expect(JSON.stringify(conversation?.snapshot)).not.toContain('SITI');
    const stored = await db.select().from(inboundMessages);
    expect(stored).toHaveLength(enrolmentAnswers(nik).length);
    // The NIK the vendor typed is kept masked, never in clear, in the message log.
    expect(stored.map((m) => m.text).join(' ')).not.toContain(nik);
    const queued = await db.select().from(outbox);
    expect(queued.length).toBeGreaterThan(enrolmentAnswers(nik).length);
    expect(queued.every((row) => row.status === 'pending' && row.kind === 'reply' && row.address === 'budi')).toBe(true);
  });

  it('hands the simulator its replies once, in order', async () => {
    const { app, say } = await openTestApp(database());
    await say('ani', 'halo');
    await say('ani', 'ya');
    const replies = await app.runtime.takeFor('simulator', 'ani');
    expect(replies.map((r) => r.text).join()).toMatch(/Halo![\s\S]*setuju[\s\S]*nama lengkap/);
    expect(await app.runtime.takeFor('simulator', 'ani')).toEqual([]);
  });

  it('handles a redelivered message once', async () => {
    const { say } = await openTestApp(database());
    await say('citra', 'halo');
    const first = await say('citra', 'ya', 'wamid-1');
    const again = await say('citra', 'ya', 'wamid-1');
    expect(first).toContain('nama lengkap');
    expect(again).toBe('');
    expect(await database().db.select().from(inboundMessages)).toHaveLength(2);
    expect(await database().db.select().from(consents)).toHaveLength(1);
  });

  it('resumes where the vendor stopped after a restart', async () => {
    const first = await openTestApp(database());
    for (const answer of enrolmentAnswers(testNik(1)).slice(0, 5)) await first.say('dewi', answer);
    await first.app.close();
    const second = await openTestApp(database());
    expect(await second.say('dewi', 'lewati')).toContain('provinsi');
  });

  it('tells a second vendor with the same NIK that it is registered, without saying whose', async () => {
    const { say } = await openTestApp(database());
    for (const answer of enrolmentAnswers(testNik(2), 'Eka Putri')) await say('eka', answer);
    const answers = enrolmentAnswers(testNik(2), 'Fajar');
    for (const answer of answers.slice(0, 3)) await say('fajar', answer);
    const reply = await say('fajar', testNik(2));
    expect(reply).toContain('sudah terdaftar');
    expect(reply).not.toMatch(/EKA|eka/);
    expect(await database().db.select().from(members)).toHaveLength(1);
  });

  it('attributes the vendor to the agent whose code came in the first message', async () => {
    const { say } = await openTestApp(database());
    const agent = await insertAgent(database().db, { code: 'AGEN123', name: 'Pak Budi' });
    const answers = enrolmentAnswers(testNik(3));
    answers[0] = 'DAFTAR agen123';
    let first = '';
    for (const [i, answer] of answers.entries()) {
      const reply = await say('gita', answer);
      if (i === 0) first = reply;
    }
    expect(first).toContain('AGEN123 (Pak Budi) tercatat');
    const [member] = await database().db.select().from(members);
    expect(member?.agentId).toBe(agent.id);
  });

  it('50 vendors enrolling at once each get one member and one bill with a unique payment code', async () => {
    const { app } = await openTestApp(database());
    const { say } = vendorHelpers(app);
    await Promise.all(Array.from({ length: 50 }, async (_, i) => {
      for (const answer of enrolmentAnswers(testNik(100 + i), `Vendor ${String.fromCharCode(65 + (i % 26))}`)) await say(`v${i}`, answer);
    }));
    const db = database().db;
    expect(await db.select().from(members)).toHaveLength(50);
    const allBills = await db.select().from(bills);
    expect(allBills).toHaveLength(50);
    expect(new Set(allBills.map((b) => b.paymentCode)).size).toBe(50);
    const done = await db.select().from(conversations).where(eq(conversations.status, 'done'));
    expect(done).toHaveLength(50);
  });

  it('keeps a running conversation on the flow version it started with', async () => {
    const { app, say } = await openTestApp(database());
    await say('hana', 'halo');
    const started = await database().db.select().from(conversations);
    expect(started[0]?.flowVersion).toBe(1);
    // A new publication (another text) must not change the running conversation.
    const { mkdtemp, cp, readFile, writeFile } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/payung-locales-');
    await cp('locales', dir, { recursive: true });
    const id = await readFile(`${dir}/id.yaml`, 'utf8');
    await writeFile(`${dir}/id.yaml`, id.replace('Siapa nama lengkap Anda, sesuai KTP?', 'Nama lengkap Anda (sesuai KTP)?'));
    const v2 = await openApp({ database: database(), secret: TEST_SECRET, flowsDir: 'flows', localesDir: dir, language: 'id' });
    const next = vendorHelpers(v2);
    expect(await next.say('hana', 'ya')).toContain('Siapa nama lengkap Anda');
    expect(await next.say('irma', 'halo')).toContain('setuju');
    expect(await next.say('irma', 'ya')).toContain('Nama lengkap Anda (sesuai KTP)?');
    const rows = await database().db.select().from(conversations);
    expect(rows.map((r) => r.flowVersion).sort()).toEqual([1, 2]);
    await app.close();
  });
});
