import { describe, expect, it } from 'vitest';
import { insertAgent } from '../../../src/store/repos/agents.ts';
import { bills, inboundMessages, members, outbox } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { countingHandler, keyboardOf, telegramVendor, usePollingBot } from './telegram-vendor.ts';

const database = useTestDatabase();
const bot = usePollingBot();

/** The real runtime on the test database, behind a polling Telegram channel on the emulator. */
async function startBot() {
  const { app } = await openTestApp(database());
  const handler = countingHandler(app.runtime);
  const channel = await bot.start(handler);
  return { emulator: bot.emulator(), channel, handler, db: database().db };
}

describe('Telegram by long polling, through telegraf, against telegram-test-api', () => {
  it('enrols a vendor from "halo" to the bill', async () => {
    const { say } = telegramVendor(await startBot(), 5001);
    const answers = enrolmentAnswers(testNik(0));
    let last: string[] = [];
    for (const answer of answers) last = (await say(answer)).map((m) => m.text);
    expect(last.join('\n')).toContain('Selamat, SITI AMINAH');
    const [bill] = await database().db.select().from(bills);
    expect(bill).toMatchObject({ months: 3, amount: 53_600 });
    expect(last.join('\n')).toContain(bill?.paymentCode);
    expect(last.join('\n')).toContain('Rp53.600');
    const [member] = await database().db.select().from(members);
    expect(member).toMatchObject({ fullName: 'SITI AMINAH', nikMasked: '************0001' });
    const inbound = await database().db.select().from(inboundMessages);
    expect(inbound).toHaveLength(answers.length);
    expect(inbound.every((m) => m.channel === 'telegram')).toBe(true);
    const rows = await database().db.select().from(outbox);
    expect(rows.every((row) => row.status === 'sent' && row.address === '5001')).toBe(true);
  });

  it('shows choices as a reply keyboard of numbered buttons, and a tapped button advances the flow', async () => {
    const { say } = telegramVendor(await startBot(), 5002);
    const greeting = await say('halo');
    expect(keyboardOf(greeting.at(-1))).toEqual([['1. Ya', '2. Tidak']]);
    expect(greeting.at(-1)?.reply_markup).toMatchObject({ resize_keyboard: true, one_time_keyboard: true });
    // A reply without choices takes the keyboard away.
    expect(greeting[0]?.reply_markup).toEqual({ remove_keyboard: true });

    const afterYes = await say('1. Ya');
    expect(afterYes.map((m) => m.text).join()).toContain('nama lengkap');
    expect(afterYes.at(-1)?.reply_markup).toEqual({ remove_keyboard: true });

    // Type until the next questions with choices, then answer every one of them by tapping.
    const typed = enrolmentAnswers(testNik(1)).slice(2, 8);
    let current = [] as Awaited<ReturnType<typeof say>>;
    for (const answer of typed) current = await say(answer);
    const taps = ['Pedagang kaki lima', 'Pasar tradisional', null, 'Tidak', 'JKK + JKM (Rp13.400/bulan)', '3 bulan (Rp53.600)', 'Bayar sendiri', 'Ya, sudah benar'];
    for (const tap of taps) {
      if (tap === null) {
        current = await say('2 jt');
        continue;
      }
      // Every button shows its number ("ketik nomornya" matches what is on screen).
      const buttons = keyboardOf(current.at(-1))?.flat() ?? [];
      buttons.forEach((button, i) => expect(button.startsWith(`${i + 1}. `)).toBe(true));
      const button = buttons.find((b) => b.replace(/^\d+\. /u, '') === tap);
      expect(button).toBeDefined();
      current = await say(button ?? tap);
    }
    expect(current.map((m) => m.text).join()).toContain('Selamat, SITI AMINAH');
    const [member] = await database().db.select().from(members);
    expect(member).toMatchObject({ occupationCode: 'pkl', workplaceType: 'pasar_tradisional', programmes: ['JKK', 'JKM'], paymentPeriodMonths: 3, funding: 'mandiri' });
  });

  it('attributes the vendor to the agent of a /start deep link', async () => {
    const context = await startBot();
    const agent = await insertAgent(database().db, { code: 'AGEN123', name: 'Pak Budi' });
    const { say } = telegramVendor(context, 5003);
    const first = await say('/start AGEN123');
    expect(first[0]?.text).toContain('AGEN123 (Pak Budi) tercatat');
    for (const answer of enrolmentAnswers(testNik(2)).slice(1)) await say(answer);
    const [member] = await database().db.select().from(members);
    expect(member?.agentId).toBe(agent.id);
  });

  it('keeps two vendors typing at once apart', async () => {
    const context = await startBot();
    const a = telegramVendor(context, 5004, 'Ani');
    const b = telegramVendor(context, 5005, 'Budi');
    await a.say('halo');
    await b.say('halo');
    const [toA, toB] = [await a.say('ya'), await b.say('tidak')];
    expect(toA.map((m) => m.text).join()).toContain('nama lengkap');
    expect(toB.map((m) => m.text).join()).not.toContain('nama lengkap');
  });
});
