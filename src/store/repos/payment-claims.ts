/** "Sudah bayar" claims: what a vendor says they paid, for an admin or agent to check. */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { paymentClaims, type PaymentClaimRow } from '../schema.ts';
import { singleRow } from './single-row.ts';

export type { PaymentClaimRow } from '../schema.ts';
export type NewPaymentClaim = typeof paymentClaims.$inferInsert;

export async function insertPaymentClaim(x: Executor, claim: NewPaymentClaim): Promise<{ id: string }> {
  const rows = await x.insert(paymentClaims).values(claim).returning({ id: paymentClaims.id });
  return singleRow(rows, 'insertPaymentClaim');
}

/** Claims nobody has checked yet, oldest first: the list to work through. */
export async function openPaymentClaims(x: Executor, limit: number): Promise<PaymentClaimRow[]> {
  return x.select().from(paymentClaims)
    .where(eq(paymentClaims.status, 'open'))
    .orderBy(asc(paymentClaims.createdAt), asc(paymentClaims.id))
    .limit(limit);
}

export async function claimsOfMember(x: Executor, memberId: string): Promise<PaymentClaimRow[]> {
  return x.select().from(paymentClaims)
    .where(eq(paymentClaims.memberId, memberId))
    .orderBy(asc(paymentClaims.createdAt), asc(paymentClaims.id));
}
