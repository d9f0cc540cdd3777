/** "Sudah bayar" claims: what a vendor says they paid, for an admin or agent to check. */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { bills, members, paymentClaims, type PaymentClaimRow } from '../schema.ts';
import { singleRow } from './single-row.ts';

export type { PaymentClaimRow } from '../schema.ts';
export type NewPaymentClaim = typeof paymentClaims.$inferInsert;

export async function insertPaymentClaim(x: Executor, claim: NewPaymentClaim): Promise<{ id: string }> {
  const rows = await x.insert(paymentClaims).values(claim).returning({ id: paymentClaims.id });
  return singleRow(rows, 'insertPaymentClaim');
}

/** An open claim with who filed it (masked NIK only) and the bill it is about. */
export interface ClaimForReview {
  readonly id: string;
  readonly createdAt: Date;
  readonly reference: string;
  readonly memberId: string;
  readonly fullName: string;
  readonly nikMasked: string;
  readonly billCode: string | null;
  readonly billAmount: number | null;
  readonly billDueDate: string | null;
}

/** Claims nobody has checked yet, oldest first: the list to work through. */
export async function openClaimsForReview(x: Executor, limit: number): Promise<ClaimForReview[]> {
  return x.select({
    id: paymentClaims.id, createdAt: paymentClaims.createdAt, reference: paymentClaims.reference,
    memberId: paymentClaims.memberId, fullName: members.fullName, nikMasked: members.nikMasked,
    billCode: bills.paymentCode, billAmount: bills.amount, billDueDate: bills.dueDate,
  }).from(paymentClaims)
    .innerJoin(members, eq(members.id, paymentClaims.memberId))
    .leftJoin(bills, eq(bills.id, paymentClaims.billId))
    .where(eq(paymentClaims.status, 'open'))
    .orderBy(asc(paymentClaims.createdAt), asc(paymentClaims.id))
    .limit(limit);
}

export async function claimsOfMember(x: Executor, memberId: string): Promise<PaymentClaimRow[]> {
  return x.select().from(paymentClaims)
    .where(eq(paymentClaims.memberId, memberId))
    .orderBy(asc(paymentClaims.createdAt), asc(paymentClaims.id));
}
