/**
 * Personal data kept where it belongs (UU PDP): what a vendor types at a personal question
 * (personal: true in the flow: name, NIK, birth date, mother's name) lives only in the sealed
 * snapshot; replies that repeat it (the summary, the birth-date question) are cleared from the
 * outbox once sent; NIKs are masked to their last four digits.
 */
import { describe, expect, it } from 'vitest';
import { conversations, inboundMessages, members, outbox } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();

/** How vendors really type a NIK: the five forms that used to be stored verbatim. */
const oddNiks = (n: number): string[] => {
  const digits = [1, 2, 3, 4, 5].map((i) => testNik(n + i));
  const groups = (nik: string) => nik.match(/\d{4}/g) ?? [];
  return [
    groups(digits[0]!).join('_'),
    groups(digits[1]!).join('  '),
    digits[2]!.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    groups(digits[3]!).join('\u200b'),
    groups(digits[4]!).join('—'),
  ];
};

/** The whole enrolment with the mother's name given (and, for one vendor, a birth date the NIK disagrees with). */
function answersWithMother(nik: string, birthDateMismatch: boolean): string[] {
  const answers = enrolmentAnswers(nik);
  const at = answers.indexOf('lewati');
  const dateAt = answers.indexOf('17 agustus 1985');
  if (at < 0 || dateAt < 0) throw new Error('enrolment-script changed: update this test');
  answers[at] = 'ibu Sri Wahyuni';
  if (birthDateMismatch) answers.splice(dateAt, 1, '18 agustus 1985', 'ya');
  return answers;
}

describe('personal data in the inbound log and the outbox', () => {
  it('enrols with five odd NIK forms and keeps no NIK, mother\'s name, name or summary in clear', async () => {
    const { app, say } = await openTestApp(database());
    const niks = oddNiks(0);
    const replies: string[] = [];
    for (const [i, nik] of niks.entries()) {
      const vendor = `v${i}`;
      for (const answer of answersWithMother(nik, i === 0)) replies.push(await say(vendor, answer));
      // The simulator takes its replies: they are sent now.
      await app.runtime.takeFor('simulator', vendor);
    }
    // The vendors did see what they needed: the summary, the birth-date question, their masked NIK.
    const seen = replies.join('\n');
    expect(seen).toContain('Cek lagi data Anda');
    expect(seen).toContain('Anda menulis 18 Agustus 1985');
    expect(seen).toContain('************0002');

    const db = database().db;
    const registered = await db.select().from(members);
    expect(registered.map((m) => m.nikMasked).sort()).toEqual(['************0002', '************0003', '************0004', '************0005', '************0006']);

    const inboundText = (await db.select().from(inboundMessages)).map((m) => m.text ?? '').join('\n');
    const outboxText = (await db.select().from(outbox)).map((m) => JSON.stringify(m.payload)).join('\n');
    const snapshots = (await db.select().from(conversations)).map((c) => JSON.stringify(c.snapshot)).join('\n');
    for (const [table, text] of [['inbound_messages', inboundText], ['outbox', outboxText], ['conversations', snapshots]] as const) {
      const digits = text.normalize('NFKC').replace(/[\s_\u200b—]/gu, '');
      for (let i = 1; i <= 5; i++) expect(digits, table).not.toContain(testNik(i));
      expect(text.toLowerCase(), table).not.toContain('wahyuni');
      expect(text.toLowerCase(), table).not.toContain('aminah');
      expect(text, table).not.toContain('Cek lagi data Anda');
      expect(text, table).not.toContain('18 Agustus 1985');
    }
    // What the log keeps instead says which question was answered.
    expect(inboundText).toContain('[personal: nik]');
    expect(inboundText).toContain('[personal: ibu_kandung]');
    // Other answers stay readable for an operator.
    expect(inboundText).toContain('kota bandung');
  });

  it('keeps a personal reply until it is sent, then clears it', async () => {
    const { app, say } = await openTestApp(database());
    for (const answer of answersWithMother(testNik(1), false)) await say('w', answer);
    const db = database().db;
    const pending = (await db.select().from(outbox)).map((m) => m.payload.text).join('\n');
    expect(pending).toContain('Cek lagi data Anda');
    await app.runtime.takeFor('simulator', 'w');
    const sent = await db.select().from(outbox);
    expect(sent.every((m) => m.status === 'sent')).toBe(true);
    expect(sent.filter((m) => m.payload.personal === true && m.payload.text === '').length).toBeGreaterThan(0);
    // A reply with nothing personal is kept as it was sent.
    expect(sent.map((m) => m.payload.text).join('\n')).toContain('Anda tinggal di provinsi mana?');
  });
});
