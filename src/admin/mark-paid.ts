/**
 * "Mark paid": an admin, or the agent who referred the vendor, records a payment they took or
 * saw (cash at the stall, a transfer screenshot) against a bill's payment code. It goes through
 * recordPayment like any payment (source 'manual'), so partial and over-payments are kept exactly,
 * and the same reference twice is recorded once. A code no bill has is refused, not kept as
 * unmatched: a person typed it, so they are told. The reference is normalised like every
 * payment's (normalizeReference); the same reference with another amount is a conflict, kept for
 * review. An applied payment queues the vendor's receipt in the same transaction.
 */
import { eq } from 'drizzle-orm';
import { maskNik } from '../domain/nik.ts';
import { isValidPaymentCode } from '../domain/payment-code.ts';
import { PayungError } from '../lib/errors.ts';
import { normalizeReference } from '../domain/payment-reference.ts';
import type { ReceiptDeps } from '../runtime/payment-receipt.ts';
import { recordPayment } from '../runtime/record-payment.ts';
import type { Db, Tx } from '../store/db-types.ts';
import { findAgentByCode } from '../store/repos/agents.ts';
import { writeAudit } from '../store/repos/audit.ts';
import { bills, members } from '../store/schema.ts';

export type MarkPaidBy = { readonly kind: 'admin'; readonly name: string } | { readonly kind: 'agent'; readonly code: string };

export interface MarkPaidRequest {
  readonly paymentCode: string;
  /** Integer Rupiah, more than 0: recorded as given, never rounded. */
  readonly amount: number;
  /** The receipt or transfer reference; the payment's key, so the same reference is recorded once. */
  readonly reference?: string | null;
  readonly note?: string | null;
  readonly by: MarkPaidBy;
}

export interface MarkPaidDeps {
  /** PAYUNG_SECRET. */
  readonly secret: string;
  readonly now: Date;
  /** How the vendor's receipt is written. */
  readonly receipts: ReceiptDeps;
}

export type MarkPaidResult =
  | { readonly duplicate: true; readonly externalRef: string }
  /** The reference was recorded with another amount: this one is kept for review, nothing applied. */
  | { readonly duplicate: false; readonly conflict: true; readonly externalRef: string; readonly recordedAmount: number }
  | {
    readonly duplicate: false; readonly conflict: false; readonly externalRef: string; readonly paymentId: string; readonly billId: string; readonly billCode: string;
    readonly applied: number; readonly credit: number; readonly outstanding: number; readonly billPaid: boolean;
  };

export type MarkPaidRefusal = 'unknown_code' | 'invalid_amount' | 'invalid_person' | 'unknown_agent' | 'inactive_agent' | 'not_agents_vendor';

/** Why a mark-paid was refused; nothing was recorded. */
export class MarkPaidError extends PayungError {
  override readonly name = 'MarkPaidError';
  constructor(readonly reason: MarkPaidRefusal, message: string) {
    super(message);
  }
}

export async function markPaid(db: Db, request: MarkPaidRequest, deps: MarkPaidDeps): Promise<MarkPaidResult> {
  const code = request.paymentCode.toUpperCase().replace(/[\s-]/gu, '');
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
    throw new MarkPaidError('invalid_amount', `the amount must be whole Rupiah above 0, got ${request.amount}`);
  }
  const note = request.note?.trim() ? maskNiks(request.note.trim()) : null;
  const reference = request.reference?.trim() || null;
  const externalRef = normalizeReference(`manual:${reference ?? `${code}:${deps.now.toISOString()}`}`);
  return db.transaction(async (tx) => {
    const bill = await billOfCode(tx, code);
    if (bill === null) throw unknownCode(request.paymentCode, code);
    const actor = await actorFor(tx, request.by, bill.agentId);
    const result = await recordPayment(tx, {
      externalRef, amount: request.amount, paidAt: deps.now, source: 'manual', paymentCode: code,
      raw: { by: actor, reference, note },
    }, { secret: deps.secret, actor, now: deps.now, receipts: deps.receipts });
    if (result.duplicate) return { duplicate: true, externalRef };
    if (result.status === 'conflict') return { duplicate: false, conflict: true, externalRef, recordedAmount: result.recordedAmount };
    // The code names an existing bill and the amount is valid, so allocation cannot leave it unmatched.
    if (result.status !== 'applied') throw new MarkPaidError('unknown_code', `the payment could not be matched (${result.reason})`);
    const { paymentId, billId, applied, credit, outstanding, billPaid } = result;
    await writeAudit(tx, {
      actor, action: 'payment.marked_paid', entity: 'payment', entityId: paymentId, at: deps.now,
      details: { by: actor, paymentCode: code, amount: request.amount, reference, note, billId, applied, credit, outstanding, billPaid },
    });
    return { duplicate: false, conflict: false, externalRef, paymentId, billId, billCode: code, applied, credit, outstanding, billPaid };
  });
}

async function billOfCode(tx: Tx, code: string): Promise<{ id: string; agentId: string | null } | null> {
  const [row] = await tx.select({ id: bills.id, agentId: members.agentId })
    .from(bills).innerJoin(members, eq(members.id, bills.memberId))
    .where(eq(bills.paymentCode, code));
  return row ?? null;
}

/** 'admin:siti' or 'agent:AGEN123', once the agent is known to have referred this vendor. */
async function actorFor(tx: Tx, by: MarkPaidBy, vendorsAgentId: string | null): Promise<string> {
  if (by.kind === 'admin') {
    const name = by.name.trim();
    if (name === '') throw new MarkPaidError('invalid_person', 'say which admin marks the payment (a name)');
    return `admin:${name}`;
  }
  const agent = await findAgentByCode(tx, by.code);
  if (agent === null) throw new MarkPaidError('unknown_agent', `there is no agent with code "${by.code.trim()}"`);
  if (!agent.active) throw new MarkPaidError('inactive_agent', `agent ${agent.code} is not active: an admin can mark this payment`);
  if (vendorsAgentId !== agent.id) {
    throw new MarkPaidError('not_agents_vendor', `agent ${agent.code} did not refer this vendor: only their agent or an admin can mark the bill paid`);
  }
  return `agent:${agent.code}`;
}

function unknownCode(typed: string, code: string): MarkPaidError {
  const why = isValidPaymentCode(code)
    ? `no bill has payment code ${code}`
    : `"${typed}" is not a payment code (PY and 11 digits; a digit may be mistyped)`;
  return new MarkPaidError('unknown_code', `${why}: nothing was recorded`);
}

/** A note may quote a NIK; the audit log never holds one in clear. */
function maskNiks(text: string): string {
  return text.replace(/\b\d{16}\b/gu, (nik) => maskNik(nik));
}
