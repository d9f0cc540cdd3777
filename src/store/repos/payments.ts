/**
 * Payments received. A payment is inserted once per provider reference (ON CONFLICT DO NOTHING,
 * not a caught 23505: on PostgreSQL a failed statement would abort the caller's transaction).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { inJsonList } from '../json-rows.ts';
import { bills, payments, type BillRow, type PaymentRow } from '../schema.ts';

export type { PaymentRow } from '../schema.ts';
export type NewPayment = typeof payments.$inferInsert;

/** The new row's id, or null when a payment with this external reference is recorded already. */
export async function insertPaymentOnce(x: Executor, payment: NewPayment): Promise<{ id: string } | null> {
  const [row] = await x.insert(payments).values(payment)
    .onConflictDoNothing({ target: payments.externalRef })
    .returning({ id: payments.id });
  return row ?? null;
}

/** Payments no bill could be found for, newest first: the admin's list to sort out by hand. */
export async function listUnmatchedPayments(x: Executor, limit: number): Promise<PaymentRow[]> {
  return x.select().from(payments)
    .where(eq(payments.status, 'unmatched'))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit);
}

/** The payments applied to a bill, oldest first. */
export async function paymentsOfBill(x: Executor, billId: string): Promise<PaymentRow[]> {
  return x.select().from(payments)
    .where(and(eq(payments.billId, billId), eq(payments.status, 'applied')))
    .orderBy(asc(payments.paidAt), asc(payments.createdAt));
}

/** The applied payments of several bills at once (to build the ledger of a member). */
export async function paymentsOfBills(x: Executor, billIds: readonly string[]): Promise<PaymentRow[]> {
  if (billIds.length === 0) return [];
  return x.select().from(payments)
    .where(and(inJsonList(payments.billId, billIds), eq(payments.status, 'applied')))
    .orderBy(asc(payments.paidAt), asc(payments.createdAt));
}

export async function findPaymentByExternalRef(x: Executor, externalRef: string): Promise<PaymentRow | null> {
  const [row] = await x.select().from(payments).where(eq(payments.externalRef, externalRef));
  return row ?? null;
}

// Bill queries only payment recording needs; they live here so bills.ts stays the ledger's.

/** The member a payment code belongs to, or null. Codes are stored normalized ('PY…', no spaces). */
export async function memberOfPaymentCode(x: Executor, code: string): Promise<{ memberId: string } | null> {
  const [row] = await x.select({ memberId: bills.memberId }).from(bills).where(eq(bills.paymentCode, code));
  return row ?? null;
}

/**
 * A member's bills, oldest period first, locked FOR UPDATE: two payments for the same member
 * are applied one after the other, so neither reads the outstanding amount the other changes.
 */
export async function lockBillsOfMember(x: Executor, memberId: string): Promise<BillRow[]> {
  return x.select().from(bills)
    .where(eq(bills.memberId, memberId))
    .orderBy(asc(bills.startMonth), asc(bills.createdAt))
    .for('update');
}

