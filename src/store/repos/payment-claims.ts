/** "Sudah bayar" claims: what a vendor says they paid, for an admin or agent to check. */
import { and, asc, eq, like, sql } from 'drizzle-orm';
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

export type ClaimResolution = 'confirmed' | 'rejected';

/**
 * Settles one open claim, found by its id or a unique start of it (the review shows 8
 * characters). Returns the claim, or why not: none, several match, or it is settled already.
 */
export async function resolveClaim(x: Executor, idOrPrefix: string, resolution: ClaimResolution, by: string, at: Date): Promise<
  { readonly ok: true; readonly claim: PaymentClaimRow } | { readonly ok: false; readonly reason: 'not_found' | 'ambiguous' | 'settled'; readonly status?: string }
> {
  const prefix = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/u.test(prefix)) return { ok: false, reason: 'not_found' };
  const found = await x.select().from(paymentClaims).where(like(sql`${paymentClaims.id}::text`, `${prefix}%`)).limit(2).for('update');
  const [claim, other] = found;
  if (claim === undefined) return { ok: false, reason: 'not_found' };
  if (other !== undefined) return { ok: false, reason: 'ambiguous' };
  if (claim.status !== 'open') return { ok: false, reason: 'settled', status: claim.status };
  const [updated] = await x.update(paymentClaims).set({ status: resolution, resolvedAt: at, resolvedBy: by })
    .where(and(eq(paymentClaims.id, claim.id), eq(paymentClaims.status, 'open'))).returning();
  return updated === undefined ? { ok: false, reason: 'settled' } : { ok: true, claim: updated };
}

/** A bill paid in full settles the claims filed about it: the money the vendor spoke of is in. */
export async function confirmClaimsOfBill(x: Executor, billId: string, by: string, at: Date): Promise<number> {
  const rows = await x.update(paymentClaims).set({ status: 'confirmed', resolvedAt: at, resolvedBy: by })
    .where(and(eq(paymentClaims.billId, billId), eq(paymentClaims.status, 'open'))).returning({ id: paymentClaims.id });
  return rows.length;
}
