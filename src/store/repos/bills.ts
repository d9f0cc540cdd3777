/** Contribution bills. */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { bills, type BillRow } from '../schema.ts';
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
