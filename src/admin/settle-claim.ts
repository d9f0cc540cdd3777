/**
 * An admin settles a "sudah bayar" claim: confirmed (the money was seen; record it with
 * `payments mark-paid` or it arrives by webhook or file) or rejected (no such payment). Audited.
 * A claim settles itself when its bill is paid in full (record-payment.ts).
 */
import { PayungError } from '../lib/errors.ts';
import type { Db } from '../store/db-types.ts';
import { writeAudit } from '../store/repos/audit.ts';
import { resolveClaim, type ClaimResolution, type PaymentClaimRow } from '../store/repos/payment-claims.ts';

export interface SettleClaimRequest {
  /** The claim's id, or a unique start of it (8 characters as `payments review` shows). */
  readonly claim: string;
  readonly resolution: ClaimResolution;
  /** The admin's name, for the audit log. */
  readonly admin: string;
  readonly note?: string | null;
}

/** Why a claim was not settled; nothing changed. */
export class SettleClaimError extends PayungError {
  override readonly name = 'SettleClaimError';
}

export async function settleClaim(db: Db, request: SettleClaimRequest, deps: { readonly now: Date }): Promise<PaymentClaimRow> {
  const admin = request.admin.trim();
  if (!admin) throw new SettleClaimError('say who settles the claim: an admin name');
  return db.transaction(async (tx) => {
    const result = await resolveClaim(tx, request.claim, request.resolution, `admin:${admin}`, deps.now);
    if (!result.ok) {
      if (result.reason === 'ambiguous') throw new SettleClaimError(`several claims start with "${request.claim}": give more of the id`);
      if (result.reason === 'settled') throw new SettleClaimError(`claim ${request.claim} is ${result.status ?? 'settled'} already`);
      throw new SettleClaimError(`no claim has the id "${request.claim}": see \`payung payments review\``);
    }
    await writeAudit(tx, {
      actor: `admin:${admin}`, action: `payment_claim.${request.resolution}`, entity: 'payment_claim', entityId: result.claim.id, at: deps.now,
      details: { billId: result.claim.billId, reference: result.claim.reference, ...(request.note ? { note: request.note } : {}) },
    });
    return result.claim;
  });
}
