/**
 * An admin settles a "sudah bayar" claim: confirmed (the money was seen) or rejected (no such
 * payment). Audited. Confirming records the payment the vendor spoke of, so the vendor gets their
 * receipt and their bill is paid: the bill's outstanding amount (or the `amount` the admin saw),
 * dated when the vendor filed the claim, under the reference `CLAIM:<claim id>` (a second
 * confirmation records nothing). A bill with nothing outstanding records nothing: the payment that
 * paid it came by webhook or file and its receipt went with it. A claim settles itself when its
 * bill is paid in full (record-payment.ts).
 */
import { eq } from 'drizzle-orm';
import { billAmounts } from '../domain/ledger.ts';
import { normalizeReference } from '../domain/payment-reference.ts';
import { PayungError } from '../lib/errors.ts';
import type { ReceiptDeps } from '../runtime/payment-receipt.ts';
import { recordPayment } from '../runtime/record-payment.ts';
import type { Db, Tx } from '../store/db-types.ts';
import { writeAudit } from '../store/repos/audit.ts';
import { resolveClaim, type ClaimResolution, type PaymentClaimRow } from '../store/repos/payment-claims.ts';
import { paymentsOfBill } from '../store/repos/payments.ts';
import { bills } from '../store/schema.ts';

export interface SettleClaimRequest {
  /** The claim's id, or a unique start of it (8 characters as `payments review` shows). */
  readonly claim: string;
  readonly resolution: ClaimResolution;
  /** The admin's name, for the audit log. */
  readonly admin: string;
  readonly note?: string | null;
  /** With confirmed: the amount the admin saw, integer Rupiah; default what the bill still owes. */
  readonly amount?: number | null;
}

export interface SettleClaimDeps {
  readonly now: Date;
  /** PAYUNG_SECRET, for recording the payment of a confirmed claim. */
  readonly secret: string;
  /** How the vendor's receipt is written. */
  readonly receipts: ReceiptDeps;
}

/** The settled claim, and the payment recorded by confirming it (null when none was). */
export type SettledClaim = PaymentClaimRow & {
  readonly recorded: { readonly amount: number; readonly outstanding: number; readonly externalRef: string } | null;
};

/** Why a claim was not settled; nothing changed. */
export class SettleClaimError extends PayungError {
  override readonly name = 'SettleClaimError';
}

export async function settleClaim(db: Db, request: SettleClaimRequest, deps: SettleClaimDeps): Promise<SettledClaim> {
  const admin = request.admin.trim();
  if (!admin) throw new SettleClaimError('say who settles the claim: an admin name');
  const amount = request.amount ?? null;
  if (amount !== null && (!Number.isSafeInteger(amount) || amount <= 0)) throw new SettleClaimError(`the amount must be whole Rupiah above 0, got ${amount}`);
  return db.transaction(async (tx) => {
    const result = await resolveClaim(tx, request.claim, request.resolution, `admin:${admin}`, deps.now);
    if (!result.ok) {
      if (result.reason === 'ambiguous') throw new SettleClaimError(`several claims start with "${request.claim}": give more of the id`);
      if (result.reason === 'settled') throw new SettleClaimError(`claim ${request.claim} is ${result.status ?? 'settled'} already`);
      throw new SettleClaimError(`no claim has the id "${request.claim}": see \`payung payments review\``);
    }
    const { claim } = result;
    const recorded = request.resolution === 'confirmed' ? await recordClaimedPayment(tx, claim, amount, `admin:${admin}`, deps) : null;
    await writeAudit(tx, {
      actor: `admin:${admin}`, action: `payment_claim.${request.resolution}`, entity: 'payment_claim', entityId: claim.id, at: deps.now,
      details: { billId: claim.billId, reference: claim.reference, ...(request.note ? { note: request.note } : {}), ...(recorded ? { recorded } : {}) },
    });
    return { ...claim, recorded };
  });
}

async function recordClaimedPayment(tx: Tx, claim: PaymentClaimRow, amount: number | null, actor: string, deps: SettleClaimDeps): Promise<SettledClaim['recorded']> {
  if (claim.billId === null) {
    if (amount !== null) throw new SettleClaimError('this claim names no bill: record the payment with `payung payments mark-paid CODE AMOUNT`');
    return null;
  }
  const [bill] = await tx.select().from(bills).where(eq(bills.id, claim.billId));
  if (bill === undefined) return null;
  const paid = await paymentsOfBill(tx, bill.id);
  const { outstanding } = billAmounts({ amount: bill.amount, payments: paid.map((p) => ({ amount: p.amount, date: '' })) });
  const toRecord = amount ?? outstanding;
  if (toRecord === 0) return null;
  const externalRef = normalizeReference(`CLAIM:${claim.id}`);
  // The vendor said they had paid by the time they filed the claim.
  const paidAt = claim.createdAt < deps.now ? claim.createdAt : deps.now;
  const result = await recordPayment(tx, {
    externalRef, amount: toRecord, paidAt, source: 'manual', paymentCode: bill.paymentCode,
    raw: { claim: claim.id, reference: claim.reference, by: actor },
  }, { secret: deps.secret, actor, now: deps.now, receipts: deps.receipts });
  if (result.duplicate || result.status !== 'applied') return null;
  return { amount: toRecord, outstanding: result.outstanding, externalRef };
}
