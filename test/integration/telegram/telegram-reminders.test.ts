/**
 * Reminders as a vendor on Telegram meets them: the bill upkeep, the reminder scheduler and the
 * dispatcher on a manual clock, sending through the real telegraf to telegram-test-api, and the
 * vendor answering the reminder in the same chat.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/runtime/dispatcher.ts';
import { recordPayment } from '../../../src/runtime/record-payment.ts';
import { createReminderScheduler } from '../../../src/runtime/reminder-scheduler.ts';
import { bills, paymentClaims, reminderTimers } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { waitFor } from '../../helpers/telegram-emulator.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { countingHandler, keyboardOf, usePollingBot } from './telegram-vendor.ts';

const database = useTestDatabase();
const bot = usePollingBot();

const CHAT = 7001;

async function enrolledOnTelegram() {
  const { app, clock } = await openTestApp(database());
  const handler = countingHandler(app.runtime);
  const channel = await bot.start(handler);
  const emulator = bot.emulator();
  const db = database().db;
  // The clock stands still between messages here, so Telegram's 1 s per-chat pace is off (it has its own tests).
  const dispatcher = createDispatcher({ db, senders: [channel.sender], clock, retry: { random: () => 0 }, limits: { telegram: { perChatIntervalMs: 0 } } });
  const scheduler = createReminderScheduler({ db, flows: app.flows, data: app.data, clock });
  const client = emulator.server.getClient(emulator.token, { chatId: CHAT, userId: CHAT, firstName: 'Siti' });

  /** Sends everything due now; returns what reached the vendor's chat. */
  async function deliver() {
    while ((await dispatcher.runOnce()).sent > 0);
    return emulator.takeBotMessages(CHAT);
  }
  async function say(text: string) {
    const before = handler.handled.length;
    await client.sendMessage(client.makeMessage(text));
    await waitFor(() => handler.handled.length > before, 10_000, `"${text}" handled`);
    return (await deliver()).map((m) => String(m.text)).join('\n');
  }
  for (const answer of enrolmentAnswers(testNik(0))) await say(answer);
  const [bill] = await db.select().from(bills);
  if (!bill) throw new Error('no bill after the enrolment');
  return { app, clock, db, bill, scheduler, deliver, say };
}

describe('payment reminders on Telegram', () => {
  it('reminds a new registrant at 09:00 WIB three days before the first due date, takes "udah bayar" as a claim, and stops once paid', async () => {
    const { clock, db, bill, scheduler, deliver, say } = await enrolledOnTelegram();
    expect(bill).toMatchObject({ amount: 53_600, dueDate: '2026-12-15' });

    // A first bill gets the start reminders (flows/data/pengingat.yaml firstBillRules), not H-7.
    clock.set(new Date('2026-12-08T02:05:00Z'));
    await scheduler.runOnce();
    expect(await deliver()).toEqual([]);
    // 12 December, 08:59 WIB: nothing yet.
    clock.set(new Date('2026-12-12T01:59:00Z'));
    await scheduler.runOnce();
    expect(await deliver()).toEqual([]);

    clock.set(new Date('2026-12-12T02:05:00Z'));
    await scheduler.runOnce();
    const [reminder, ...others] = await deliver();
    expect(others).toEqual([]);
    expect(reminder?.text).toBe(`Halo SITI AMINAH, pendaftaran Anda sudah tercatat, tapi perlindungan baru mulai setelah iuran pertama dibayar: Rp53.600, paling lambat 15 Desember 2026. Kode iuran: ${bill.paymentCode}. Balas CARA BAYAR untuk tempat bayar.`);
    expect(keyboardOf(reminder)?.flat()).toEqual(['1. Sudah bayar', '2. Cara bayar', '3. Cek iuran', '4. Berhenti pengingat']);
    // Run again the same minute (a restart): nothing twice.
    await scheduler.runOnce();
    expect(await deliver()).toEqual([]);

    // The vendor taps the reminder's first button.
    expect(await say('1. Sudah bayar')).toContain('Ketik nomor referensi');
    expect(await say('TRX 8812 3341')).toContain('sudah kami catat');
    expect(await db.select().from(paymentClaims)).toMatchObject([{ billId: bill.id, reference: 'TRX 8812 3341' }]);

    // The payment arrives on 13 December: the bill's pending reminders are cancelled with it.
    clock.set(new Date('2026-12-13T03:00:00Z'));
    await db.transaction((tx) => recordPayment(tx, { externalRef: 'ALFA-77', amount: 53_600, paidAt: clock(), source: 'webhook', paymentCode: bill.paymentCode }, { secret: TEST_SECRET, actor: 'system:webhook', now: clock() }));
    const timers = await db.select().from(reminderTimers);
    expect(timers.filter((t) => t.status === 'pending')).toEqual([]);
    expect(timers.filter((t) => t.status === 'cancelled').length).toBeGreaterThan(0);
    clock.set(new Date('2026-12-15T02:05:00Z'));
    await scheduler.runOnce();
    expect(await deliver()).toEqual([]);
    expect(await say('cek iuran')).toContain('AKTIF, iuran lunas sampai Januari 2027.');
  });

  it('sends nothing after "berhenti", and again after "mulai"', async () => {
    const { clock, scheduler, deliver, say } = await enrolledOnTelegram();
    clock.set(new Date('2026-12-12T02:05:00Z'));
    expect(await say('berhenti')).toContain('Yakin');
    expect(await say('ya')).toContain('pengingat sudah dimatikan');
    await scheduler.runOnce();
    expect(await deliver()).toEqual([]);
    expect(await say('mulai')).toContain('sudah nyala');
    // The due day's start reminder (15 December, 09:00 WIB) comes again to a vendor who opted back in.
    clock.set(new Date('2026-12-15T02:05:00Z'));
    await scheduler.runOnce();
    const delivered = await deliver();
    expect(delivered.map((m) => String(m.text))).toEqual([expect.stringContaining('batas bayar iuran pertama Anda')]);
  });
});
