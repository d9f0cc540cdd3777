/** What the reminder tests build on: Payung on a test database, vendors with bills, a scheduler. */
import { asc, eq } from 'drizzle-orm';
import { paymentCode } from '../../../src/domain/payment-code.ts';
import type { ReferenceData } from '../../../src/domain/reference-data-types.ts';
import { recordPayment, type RecordPaymentResult } from '../../../src/runtime/record-payment.ts';
import { createReminderScheduler, type ReminderSchedulerOptions } from '../../../src/runtime/reminder-scheduler.ts';
import type { Database } from '../../../src/store/database.ts';
import type { Executor } from '../../../src/store/db-types.ts';
import { insertBill } from '../../../src/store/repos/bills.ts';
import { upsertContact } from '../../../src/store/repos/contacts.ts';
import { bills as billsTable, contacts, outbox, payments, reminderTimers } from '../../../src/store/schema.ts';
import { addMonths } from '../../../src/domain/calendar.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { aMemberId } from '../store/fixtures.ts';

/** The day the tests plan on: 25 November 2026, 10:00 in Jakarta. */
export const PLANNED_AT = new Date('2026-11-25T03:00:00Z');

/** Payung with the repository's flows (published, so the reminder texts are), and a manual clock. */
export async function openReminderWorld(database: Database, data: ReferenceData) {
  const { app, clock } = await openTestApp(database, { at: PLANNED_AT });
  const { db } = database;
  const scheduler = (options: Partial<ReminderSchedulerOptions> = {}) =>
    createReminderScheduler({ db, flows: app.flows, data, clock, ...options });
  return { app, clock, db, data, scheduler };
}

let codes = 0;

export interface VendorSpec {
  readonly address: string;
  readonly name?: string;
  readonly province?: string;
  readonly channel?: string;
  readonly language?: string;
  readonly bills?: readonly { readonly startMonth: string; readonly dueDate: string; readonly amount: number; readonly months?: number }[];
  /**
   * false: the bills are the member's first, never paid (reminded by firstBillRules). Otherwise a
   * bill for the month before them is inserted paid: a member who has started paying.
   */
  readonly started?: boolean;
}

/** A contact, member and bills inserted through the repositories; the bills' ids and codes in order. */
export async function aVendor(x: Executor, spec: VendorSpec) {
  const contact = await upsertContact(x, { channel: spec.channel ?? 'telegram', address: spec.address });
  if (spec.language !== undefined) {
    await x.update(contacts).set({ language: spec.language }).where(eq(contacts.id, contact.id));
  }
  const memberId = await aMemberId(x, contact.id, {
    nikHash: `hash-${spec.address}`, fullName: spec.name ?? 'Siti Rahayu', provinceCode: spec.province ?? '31',
  });
  const specBills = spec.bills ?? [{ startMonth: '2026-12', dueDate: '2026-12-15', amount: 16_800 }];
  const firstMonth = specBills.map((b) => b.startMonth).sort()[0];
  if (spec.started !== false && firstMonth !== undefined) {
    const month = addMonths(firstMonth, -1);
    const { id } = await insertBill(x, { memberId, startMonth: month, months: 1, amount: 16_800, breakdown: {}, dueDate: `${month}-20`, paymentCode: paymentCode(String(++codes).padStart(10, '0')) });
    await x.update(billsTable).set({ status: 'paid' }).where(eq(billsTable.id, id));
    await x.insert(payments).values({
      externalRef: `STARTED-${id}`, amount: 16_800, paidAt: new Date(`${month}-10T03:00:00Z`), source: 'manual', billId: id, memberId, status: 'applied', appliedAmount: 16_800,
    });
  }
  const bills = [];
  for (const b of specBills) {
    const code = paymentCode(String(++codes).padStart(10, '0'));
    const { id } = await insertBill(x, { memberId, startMonth: b.startMonth, months: b.months ?? 1, amount: b.amount, breakdown: {}, dueDate: b.dueDate, paymentCode: code });
    bills.push({ id, code });
  }
  const [bill] = bills;
  if (bill === undefined) throw new Error('aVendor: no bill');
  return { contactId: contact.id, memberId, bill, bills };
}

/** Pays `amount` on a code through recordPayment, in one transaction, as the webhook does. */
export function pay(database: Database, code: string, amount: number, at: Date, ref = `REF-${code}-${amount}-${at.getTime()}`): Promise<RecordPaymentResult> {
  return database.db.transaction((tx) => recordPayment(tx, {
    externalRef: ref, amount, paidAt: at, source: 'manual', paymentCode: code,
  }, { secret: TEST_SECRET, actor: 'test', now: at }));
}

export async function timersOf(x: Executor, billId?: string) {
  const rows = await x.select().from(reminderTimers).orderBy(asc(reminderTimers.fireAt), asc(reminderTimers.id));
  return billId === undefined ? rows : rows.filter((r) => r.billId === billId);
}

export async function reminderRows(x: Executor) {
  return (await x.select().from(outbox).where(eq(outbox.kind, 'reminder'))).sort((a, b) => a.id - b.id);
}
