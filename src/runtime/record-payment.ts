/**
 * Records one payment inside the caller's transaction: the provider's reference is claimed once,
 * the payment is matched to a bill by `allocatePayment`, and the bill is marked paid when the
 * payments reach its amount (its pending reminders cancelled in the same transaction). Unmatched
 * payments are kept with their reason for an admin. References are normalised here
 * (normalizeReference), for every path alike; a date outside the sane window is refused
 * (PaymentRefusedError); the same reference with another amount is kept for review as
 * `reference_conflict`, never applied; an applied payment queues the vendor's receipt.
 */
import { allocatePayment, type PayableBill, type PaymentReference, type UnmatchedReason } from '../domain/payment-allocation.ts';
import { paidAtProblem } from '../domain/paid-at-window.ts';
import { normalizeReference } from '../domain/payment-reference.ts';
import { PayungError } from '../lib/errors.ts';
import { nikHash } from '../lib/secrets.ts';
import type { Tx } from '../store/db-types.ts';
import { writeAudit } from '../store/repos/audit.ts';
import { updateBillStatus } from '../store/repos/bills.ts';
import { findMemberByNikHash } from '../store/repos/members.ts';
import { confirmClaimsOfBill } from '../store/repos/payment-claims.ts';
import { cancelPendingRemindersOfBill } from '../store/repos/reminder-timers.ts';
import {
  findPaymentByExternalRef, insertPaymentOnce, lockBillsOfMember, memberOfPaymentCode, paymentsOfBills, type NewPayment,
} from '../store/repos/payments.ts';
import type { paymentSources } from '../store/schema.ts';
import { queuePaymentReceipt, type ReceiptDeps } from './payment-receipt.ts';

export type PaymentSource = (typeof paymentSources)[number];

/** The reason kept on a paid bill's cancelled timers and buried reminder rows. */
export const BILL_PAID = 'bill paid';

export interface PaymentInput {
  /** The provider's reference: the same reference twice is recorded once, however it is spelt (normalizeReference). */
  readonly externalRef: string;
  /** Integer Rupiah, as received: never rounded. */
  readonly amount: number;
  readonly paidAt: Date;
  readonly source: PaymentSource;
  readonly paymentCode?: string | null;
  readonly nik?: string | null;
  /** The payload as received, kept for an admin; a `nik` field in it is removed before saving. */
  readonly raw?: Record<string, unknown>;
}

export interface RecordPaymentDeps {
  /** PAYUNG_SECRET, for the NIK's keyed hash. */
  readonly secret: string;
  /** Who recorded it, for the audit log: 'system:webhook', 'admin:siti'… */
  readonly actor: string;
  readonly now: Date;
  /**
   * Runs in the same transaction when a payment makes a bill fully paid, after the bill's
   * pending reminders were cancelled and its queued ones buried.
   */
  readonly onBillPaid?: (tx: Tx, billId: string) => Promise<void>;
  /**
   * How to write the vendor's receipt. Every admin path (webhook, import, mark-paid, a confirmed
   * claim) passes it; without it no receipt is queued (tests of other parts).
   */
  readonly receipts?: ReceiptDeps;
}

/** The reason an unmatched payment carries when its reference was recorded with another amount. */
export const REFERENCE_CONFLICT = 'reference_conflict';

/** A payment that cannot be recorded at all (an impossible date, an empty reference); nothing was written. */
export class PaymentRefusedError extends PayungError {
  override readonly name = 'PaymentRefusedError';
  constructor(readonly field: 'paid_at' | 'reference', message: string) {
    super(message);
  }
}

export type RecordPaymentResult =
  | { readonly duplicate: true }
  | {
    readonly duplicate: false; readonly status: 'applied'; readonly paymentId: string; readonly billId: string;
    readonly applied: number; readonly credit: number; readonly outstanding: number; readonly billPaid: boolean;
  }
  | { readonly duplicate: false; readonly status: 'unmatched'; readonly paymentId: string; readonly reason: UnmatchedReason }
  /**
   * The reference was recorded before with another amount: this one is kept on the unmatched list
   * (reason reference_conflict) for an admin, and nothing is applied.
   */
  | {
    readonly duplicate: false; readonly status: 'conflict'; readonly paymentId: string; readonly externalRef: string;
    readonly recordedAmount: number; readonly recordedPaymentId: string;
  };

/**
 * A payment code is looked up first; a NIK only when there is no code. Pass `tx`, never the
 * outer db: on PGlite a query outside the running transaction waits for it forever.
 */
export async function recordPayment(tx: Tx, input: PaymentInput, deps: RecordPaymentDeps): Promise<RecordPaymentResult> {
  const externalRef = normalizeReference(input.externalRef);
  if (externalRef === '') throw new PaymentRefusedError('reference', 'the payment has no reference: every payment needs one');
  const dateProblem = paidAtProblem(input.paidAt, deps.now);
  if (dateProblem !== null) throw new PaymentRefusedError('paid_at', `paid_at ${dateProblem}`);
  const ref = referenceOf(input);
  const hashedNik = ref?.kind === 'nik' ? nikHash(deps.secret, ref.nik) : null;
  const memberId = await memberOf(tx, ref, hashedNik);
  const bills = memberId === null ? [] : await payableBills(tx, memberId, ref);
  // Neither code nor NIK: matched as an empty code, so it lands on the unmatched list as unknown_code.
  const allocation = allocatePayment(bills, { amount: input.amount, ref: ref ?? { kind: 'code', code: '' } });

  const inserted = await insertPaymentOnce(tx, {
    externalRef,
    amount: input.amount,
    paidAt: input.paidAt,
    source: input.source,
    paymentCode: ref?.kind === 'code' ? ref.code : null,
    nikHash: hashedNik,
    memberId: allocation.unmatched ? null : memberId,
    billId: allocation.unmatched ? null : allocation.billId,
    status: allocation.unmatched ? 'unmatched' : 'applied',
    unmatchedReason: allocation.unmatched ? allocation.reason : null,
    appliedAmount: allocation.unmatched ? 0 : allocation.applied,
    creditAmount: allocation.unmatched ? 0 : allocation.credit,
    raw: withoutNik(input.raw ?? { ...input, paidAt: input.paidAt.toISOString() }),
  });
  if (inserted === null) return sameReference(tx, externalRef, input, deps, hashedNik);

  const audit = { actor: deps.actor, entity: 'payment', entityId: inserted.id, at: deps.now };
  const common = { externalRef, source: input.source, amount: input.amount };
  if (allocation.unmatched) {
    await writeAudit(tx, { ...audit, action: 'payment.unmatched', details: { ...common, reason: allocation.reason } });
    return { duplicate: false, status: 'unmatched', paymentId: inserted.id, reason: allocation.reason };
  }
  const bill = bills.find((b) => b.id === allocation.billId);
  const billPaid = allocation.outstanding === 0 && bill?.status !== 'paid';
  if (billPaid) {
    await updateBillStatus(tx, allocation.billId, 'paid');
    // In this transaction: a reminder is never sent about a bill the vendor has paid.
    await cancelPendingRemindersOfBill(tx, allocation.billId, BILL_PAID, deps.now);
    await confirmClaimsOfBill(tx, allocation.billId, 'system:bill-paid', deps.now);
    await deps.onBillPaid?.(tx, allocation.billId);
  }
  const { applied, credit, outstanding } = allocation;
  await writeAudit(tx, {
    ...audit, action: 'payment.applied',
    details: { ...common, billId: allocation.billId, applied, credit, outstanding, billPaid },
  });
  if (deps.receipts !== undefined && memberId !== null) {
    await queuePaymentReceipt(tx, { paymentId: inserted.id, memberId, billId: allocation.billId, amount: input.amount, credit }, deps.receipts, deps.now);
  }
  return { duplicate: false, status: 'applied', paymentId: inserted.id, billId: allocation.billId, applied, credit, outstanding, billPaid };
}

type LoadedBill = PayableBill & { readonly status: string };

/**
 * The reference is recorded already. With the same amount it is a redelivery: nothing changes.
 * With another amount it is not the same payment, and neither may be dropped silently: this one is
 * kept on the unmatched list under a key of its own (the reference and its amount, so a
 * redelivery of it is recorded once too) for an admin to sort out, and nothing is applied.
 */
async function sameReference(tx: Tx, externalRef: string, input: PaymentInput, deps: RecordPaymentDeps, hashedNik: string | null): Promise<RecordPaymentResult> {
  const recorded = await findPaymentByExternalRef(tx, externalRef);
  if (recorded === null || recorded.amount === input.amount) return { duplicate: true };
  const conflictRef = `CONFLICT:${externalRef}:${input.amount}`;
  const ref = referenceOf(input);
  const conflict: NewPayment = {
    externalRef: conflictRef, amount: input.amount, paidAt: input.paidAt, source: input.source,
    paymentCode: ref?.kind === 'code' ? ref.code : null,
    nikHash: hashedNik, memberId: null, billId: null, status: 'unmatched', unmatchedReason: REFERENCE_CONFLICT,
    raw: { ...withoutNik(input.raw ?? { ...input, paidAt: input.paidAt.toISOString() }), reference: externalRef, conflicts_with: { payment_id: recorded.id, amount: recorded.amount } },
  };
  const inserted = await insertPaymentOnce(tx, conflict);
  const paymentId = inserted?.id ?? (await findPaymentByExternalRef(tx, conflictRef))?.id ?? '';
  if (inserted !== null) {
    await writeAudit(tx, {
      actor: deps.actor, entity: 'payment', entityId: inserted.id, at: deps.now, action: 'payment.reference_conflict',
      details: { externalRef, source: input.source, amount: input.amount, recordedAmount: recorded.amount, recordedPaymentId: recorded.id },
    });
  }
  return { duplicate: false, status: 'conflict', paymentId, externalRef, recordedAmount: recorded.amount, recordedPaymentId: recorded.id };
}

function referenceOf(input: PaymentInput): PaymentReference | null {
  // Partners and vendors write codes with spaces, dashes and lower case; codes are stored clean.
  const code = input.paymentCode?.toUpperCase().replace(/[\s-]/gu, '');
  if (code) return { kind: 'code', code };
  const nik = input.nik?.replace(/\D/gu, '');
  if (nik) return { kind: 'nik', nik };
  return null;
}

async function memberOf(tx: Tx, ref: PaymentReference | null, hashedNik: string | null): Promise<string | null> {
  if (ref === null) return null;
  if (ref.kind === 'code') return (await memberOfPaymentCode(tx, ref.code))?.memberId ?? null;
  return hashedNik === null ? null : (await findMemberByNikHash(tx, hashedNik))?.id ?? null;
}

/**
 * The member's bills with the payments applied so far. The store keeps only the NIK's hash, so
 * the bills of the member it names carry the payment's own NIK for `allocatePayment` to match.
 */
async function payableBills(tx: Tx, memberId: string, ref: PaymentReference | null): Promise<LoadedBill[]> {
  const rows = await lockBillsOfMember(tx, memberId);
  const paid = await paymentsOfBills(tx, rows.map((b) => b.id));
  return rows.map((b) => ({
    id: b.id,
    startMonth: b.startMonth,
    amount: b.amount,
    status: b.status,
    nik: ref?.kind === 'nik' ? ref.nik : '',
    paymentCode: b.paymentCode,
    // Allocation sums every payment made so far, whatever its day, so the UTC date does here; the
    // vendor-facing ledger (member-account.ts) dates payments in the vendor's zone.
    payments: paid.filter((p) => p.billId === b.id)
      .map((p) => ({ amount: p.amount, date: p.paidAt.toISOString().slice(0, 10) })),
  }));
}

function withoutNik(raw: Record<string, unknown>): Record<string, unknown> {
  const { nik: _nik, ...rest } = raw;
  return rest;
}
