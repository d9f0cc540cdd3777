/** Contribution bills. */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { inJsonList } from '../json-rows.ts';
import { bills, type BillRow, type billStatuses } from '../schema.ts';
import { singleRow } from './single-row.ts';

export type { BillRow } from '../schema.ts';
export type NewBill = typeof bills.$inferInsert;

export async function insertBill(x: Executor, bill: NewBill): Promise<{ id: string }> {
  const rows = await x.insert(bills).values(bill).returning({ id: bills.id });
  return singleRow(rows, 'insertBill');
}

/** Oldest period first. */
export async function billsOfMember(x: Executor, memberId: string): Promise<BillRow[]> {
  return x.select().from(bills)
    .where(eq(bills.memberId, memberId))
    .orderBy(asc(bills.startMonth), asc(bills.createdAt));
}

/** Every bill of these members, each member's in the order billsOfMember gives. */
export async function billsOfMembers(x: Executor, memberIds: readonly string[]): Promise<BillRow[]> {
  if (memberIds.length === 0) return [];
  return x.select().from(bills)
    .where(inJsonList(bills.memberId, memberIds))
    .orderBy(asc(bills.memberId), asc(bills.startMonth), asc(bills.createdAt));
}

export type StoredBillStatus = (typeof billStatuses)[number];

/**
 * Inserts a bill unless one conflicts (ON CONFLICT DO NOTHING, not a caught 23505: on PostgreSQL a
 * failed statement aborts the caller's transaction). `{ conflict: 'start_month' }` when the member
 * has a bill starting that month already (another run made it); `{ conflict: 'payment_code' }`
 * when only the payment code is taken, so the caller can draw another.
 */
export async function insertBillOnce(x: Executor, bill: NewBill): Promise<{ id: string } | { conflict: 'start_month' | 'payment_code' }> {
  const [row] = await x.insert(bills).values(bill).onConflictDoNothing().returning({ id: bills.id });
  if (row !== undefined) return row;
  const [existing] = await x.select({ id: bills.id }).from(bills)
    .where(and(eq(bills.memberId, bill.memberId), eq(bills.startMonth, bill.startMonth)));
  return { conflict: existing === undefined ? 'payment_code' : 'start_month' };
}

/** Sets the stored status column (the bill upkeep keeps it in step with the derived one). */
export async function updateBillStatus(x: Executor, billId: string, status: StoredBillStatus): Promise<void> {
  await x.update(bills).set({ status }).where(eq(bills.id, billId));
}
