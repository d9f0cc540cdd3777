/**
 * The receipt a vendor gets in their chat for every payment applied to one of their bills: an
 * outbox row to the member's contact, written in the payment's own transaction (so a payment
 * rolled back sends nothing, and a payment committed always has its receipt queued), under the
 * dedupe key `receipt:<payment id>` so it is never queued twice.
 */
import { receiptFacts } from '../domain/payment-receipt.ts';
import type { DueCalendar } from '../domain/contribution-months.ts';
import type { Catalogs } from '../i18n/catalog.ts';
import type { Tx } from '../store/db-types.ts';
import { billsOfMember } from '../store/repos/bills.ts';
import { findContactById } from '../store/repos/contacts.ts';
import { getMember } from '../store/repos/members.ts';
import { enqueueOutbox, OUTBOX_PRIORITY } from '../store/repos/outbox.ts';
import { paymentsOfBills } from '../store/repos/payments.ts';
import { ledgerOf, memberToday } from './member-account.ts';
import { receiptMessage } from './receipt-message.ts';

export interface ReceiptDeps {
  /** The published locale catalogues (or the locale files, for the admin commands), read inside the transaction. */
  readonly catalogs: (tx: Tx) => Promise<Catalogs>;
  /** Due day and holidays, for the months' due dates. */
  readonly calendar: DueCalendar;
}

export interface AppliedPayment {
  readonly paymentId: string;
  readonly memberId: string;
  readonly billId: string;
  readonly amount: number;
  readonly credit: number;
}

export const receiptDedupeKey = (paymentId: string): string => `receipt:${paymentId}`;

/**
 * Queues the receipt of an applied payment; returns the outbox id, or null when none was queued
 * (queued already, or the member is gone). Call it after the payment's row is inserted, in the
 * same transaction: the ledger read here includes it.
 */
export async function queuePaymentReceipt(tx: Tx, payment: AppliedPayment, deps: ReceiptDeps, now: Date): Promise<number | null> {
  const member = await getMember(tx, payment.memberId);
  const contact = member === null ? null : await findContactById(tx, member.contactId);
  if (member === null || contact === null) return null;
  const { zone, today } = memberToday(member, now);
  const rows = await billsOfMember(tx, member.id);
  const paid = await paymentsOfBills(tx, rows.map((b) => b.id));
  const bill = rows.find((b) => b.id === payment.billId);
  const facts = receiptFacts({
    before: ledgerOf(rows, paid.filter((p) => p.id !== payment.paymentId), zone),
    after: ledgerOf(rows, paid, zone),
    billId: payment.billId,
    amount: payment.amount,
    credit: payment.credit,
    today,
  }, deps.calendar);
  const payload = receiptMessage(await deps.catalogs(tx), contact.language, { fullName: member.fullName, billCode: bill?.paymentCode ?? '', facts });
  const [id] = await enqueueOutbox(tx, [{
    contactId: contact.id, channel: contact.channel, address: contact.address,
    // A reply: it goes to a vendor who stopped reminders too (it is about their own money), and
    // ahead of campaigns.
    kind: 'reply', priority: OUTBOX_PRIORITY.reply, payload, dedupeKey: receiptDedupeKey(payment.paymentId), nextAttemptAt: now,
  }]);
  return id ?? null;
}
