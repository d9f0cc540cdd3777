import { createHmac } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importPayments } from '../../../src/admin/import-payments.ts';
import { markPaid } from '../../../src/admin/mark-paid.ts';
import { parsePaymentsCsv } from '../../../src/admin/payments-csv.ts';
import { createPaymentsWebhook } from '../../../src/admin/payments-webhook.ts';
import { settleClaim } from '../../../src/admin/settle-claim.ts';
import { createWebChatApp } from '../../../src/channels/simulator/web-chat.ts';
import { createDispatcher } from '../../../src/runtime/dispatcher.ts';
import { bills, contacts, members, outbox, paymentClaims, payments } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { fakeSender } from '../dispatcher/fake-sender.ts';
import { testReceipts } from './receipt-deps.ts';

const NOW = new Date('2026-12-05T03:00:00Z');
const WEBHOOK_SECRET = 'partner-shared-secret';
const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The vendor's receipt, whatever path recorded the payment. The vendor is enrolled through the
 * chat as in the README: one bill of Rp67.000 for December 2026 – February 2027, due 15 December.
 */
describe('a receipt for every payment', () => {
  const database = useTestDatabase();

  // Registered on 2 December, before the 15th: December is the first month whatever the cutoff rule.
  const REGISTERED = new Date('2026-12-02T03:00:00Z');

  async function enrolled() {
    const opened = await openTestApp(database(), { at: REGISTERED });
    for (const answer of enrolmentAnswers(testNik(0))) await opened.say('siti', answer);
    const [bill] = await database().db.select().from(bills);
    const [member] = await database().db.select().from(members);
    if (bill === undefined || member === undefined) throw new Error('the enrolment made no member and bill');
    expect([bill.amount, bill.startMonth, bill.months, bill.dueDate]).toEqual([67_000, '2026-12', 3, '2026-12-15']);
    return { ...opened, bill, name: member.fullName };
  }

  /** The receipts queued, oldest first, with where they go. */
  async function receipts() {
    const rows = await database().db.select().from(outbox).innerJoin(contacts, eq(contacts.id, outbox.contactId))
      .where(like(outbox.dedupeKey, 'receipt:%')).orderBy(outbox.id);
    return rows.map((r) => ({ to: `${r.outbox.channel}:${r.outbox.address}`, contact: r.contacts.address, kind: r.outbox.kind, text: r.outbox.payload.text }));
  }

  /** The receipt of the whole bill, greeting the member by the name the enrolment stored. */
  const paidInFull = (name: string) => [
    `Terima kasih, ${name}! Pembayaran iuran Rp67.000 sudah kami terima. 🙏`,
    'Bulan yang lunas: Desember 2026 – Februari 2027.',
    'Perlindungan Anda aktif sampai 28 Februari 2027.',
    'Iuran berikutnya jatuh tempo 15 Maret 2027.',
  ].join('\n');

  const webhook = async () => createPaymentsWebhook({
    db: database().db, secret: WEBHOOK_SECRET, nikSecret: TEST_SECRET, clock: () => NOW, logger: silent, receipts: await testReceipts(),
  });
  async function post(body: Record<string, unknown>) {
    const raw = JSON.stringify(body);
    const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(raw).digest('hex')}`;
    const response = await (await webhook()).request('/api/payments', { method: 'POST', headers: { 'content-type': 'application/json', 'X-Payung-Signature': signature }, body: raw });
    return { status: response.status, body: await response.json() as Record<string, unknown> };
  }

  it('webhook: one receipt to the vendor\'s chat with amount, months, cover and next due date; a redelivery queues none', async () => {
    const { app, bill, name } = await enrolled();
    const delivery = { reference: 'ALFA-7781', amount: 67_000, paid_at: '2026-12-05T09:30:00+07:00', payment_code: bill.paymentCode };
    expect((await post(delivery)).body).toMatchObject({ status: 'applied', bill_paid: true });
    expect((await post(delivery)).body).toEqual({ status: 'duplicate' });
    expect(await receipts()).toEqual([{ to: 'simulator:siti', contact: 'siti', kind: 'reply', text: paidInFull(name) }]);
    await app.close();
  });

  it('import: one receipt per applied row, none for a row imported again', async () => {
    const { app, bill, name } = await enrolled();
    const file = `external_ref;payment_code;amount;paid_at\nBRI-1;${bill.paymentCode};Rp67.000;2026-12-04\n`;
    const options = { secret: TEST_SECRET, actor: 'admin:siti', now: NOW, receipts: await testReceipts() };
    expect((await importPayments(database().db, parsePaymentsCsv(file), options)).counts.applied).toBe(1);
    expect((await importPayments(database().db, parsePaymentsCsv(file), options)).counts.duplicate).toBe(1);
    expect(await receipts()).toEqual([{ to: 'simulator:siti', contact: 'siti', kind: 'reply', text: paidInFull(name) }]);
    await app.close();
  });

  it('mark-paid: a part payment says what is still missing and calls no month paid; the rest gets its own receipt', async () => {
    const { app, bill, name } = await enrolled();
    const deps = { secret: TEST_SECRET, now: NOW, receipts: await testReceipts() };
    const by = { kind: 'admin', name: 'siti' } as const;
    // Rp10.000 is less than December's Rp13.400: no month is paid by it.
    await markPaid(database().db, { paymentCode: bill.paymentCode, amount: 10_000, reference: 'kw-1', by }, deps);
    await markPaid(database().db, { paymentCode: bill.paymentCode, amount: 10_000, reference: 'KW-1', by }, deps);
    await markPaid(database().db, { paymentCode: bill.paymentCode, amount: 60_000, reference: 'KW-2', by }, { ...deps, now: new Date(NOW.getTime() + 60_000) });
    const [part, rest, ...more] = await receipts();
    expect(more).toEqual([]);
    expect(part?.text).toBe([
      `Terima kasih, ${name}! Pembayaran iuran Rp10.000 sudah kami terima. 🙏`,
      'Pembayaran ini belum cukup untuk melunasi satu bulan iuran.',
      `Masih kurang Rp57.000 untuk tagihan ${bill.paymentCode}, bayar paling lambat 15 Desember 2026.`,
    ].join('\n'));
    expect(part?.text).not.toMatch(/aktif|lunas:/u);
    expect(rest?.text).toBe([
      `Terima kasih, ${name}! Pembayaran iuran Rp60.000 sudah kami terima. 🙏`,
      'Bulan yang lunas: Desember 2026 – Februari 2027.',
      'Perlindungan Anda aktif sampai 28 Februari 2027.',
      'Kelebihan Rp3.000 sudah kami catat; tidak hilang, admin akan memperhitungkannya.',
      'Iuran berikutnya jatuh tempo 15 Maret 2027.',
    ].join('\n'));
    await app.close();
  });

  it('a confirmed "sudah bayar" claim records what the bill owes and sends one receipt', async () => {
    const { app, say, bill, name } = await enrolled();
    await say('siti', 'sudah bayar');
    await say('siti', 'TRX 8812 3341');
    const [claim] = await database().db.select().from(paymentClaims);
    const deps = { now: NOW, secret: TEST_SECRET, receipts: await testReceipts() };
    const settled = await settleClaim(database().db, { claim: claim?.id.slice(0, 8) ?? '', resolution: 'confirmed', admin: 'siti' }, deps);
    expect(settled).toMatchObject({ status: 'confirmed', recorded: { amount: 67_000, outstanding: 0, externalRef: `CLAIM:${claim?.id.toUpperCase()}` } });
    expect((await database().db.select().from(payments)).map((p) => [p.amount, p.status, p.billId])).toEqual([[67_000, 'applied', bill.id]]);
    expect((await database().db.select().from(bills))[0]?.status).toBe('paid');
    expect((await receipts()).map((r) => r.text)).toEqual([paidInFull(name)]);
    await app.close();
  });

  it('reaches a Telegram vendor through the dispatcher, once, after the webhook', async () => {
    const { app, clock } = await openTestApp(database(), { at: REGISTERED });
    for (const [i, text] of enrolmentAnswers(testNik(1), 'Rina Wati').entries()) {
      await app.runtime.handle({ channel: 'telegram', externalId: `u-${i}`, from: '777', text, kind: 'text', receivedAt: clock() });
    }
    const [bill] = await database().db.select().from(bills);
    const sender = fakeSender('telegram', clock);
    const dispatcher = createDispatcher({ db: database().db, senders: [sender], clock });
    const drain = async () => {
      for (let tick = 0; tick < 40; tick++) {
        await dispatcher.runOnce();
        clock.advance(1_000);
      }
    };
    await drain();
    const before = sender.calls.length;
    clock.set(NOW);
    const delivery = { reference: 'ALFA-7781', amount: 67_000, paid_at: '2026-12-05T09:30:00+07:00', payment_code: bill?.paymentCode };
    await post(delivery);
    await post(delivery);
    await drain();
    expect(sender.calls.slice(before).map((c) => [c.message.address, c.message.kind, c.message.payload.text])).toEqual([
      ['777', 'reply', paidInFull((await database().db.select().from(members))[0]?.fullName ?? '')],
    ]);
    await app.close();
  });

  it('reaches the vendor: the web chat of the simulator contact shows the receipt after the webhook', async () => {
    const { app, clock, bill, name } = await enrolled();
    const chat = createWebChatApp({ handler: app.runtime, outbox: app.runtime, now: clock });
    const pull = async () => ((await (await chat.request('/api/sim/messages?contact=siti')).json()) as { replies: { text: string }[] }).replies.map((r) => r.text);
    await pull(); // the enrolment's own replies
    clock.set(NOW);
    await post({ reference: 'ALFA-7781', amount: 67_000, paid_at: '2026-12-05T09:30:00+07:00', payment_code: bill.paymentCode });
    expect(await pull()).toEqual([paidInFull(name)]);
    expect(await pull()).toEqual([]);
    expect((await database().db.select().from(outbox).where(like(outbox.dedupeKey, 'receipt:%')))[0]?.status).toBe('sent');
    await app.close();
  });
});
