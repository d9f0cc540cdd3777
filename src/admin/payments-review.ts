/**
 * The admin's to-do list for money: payments no bill could be found for (kept, never dropped)
 * and the "sudah bayar" claims vendors filed, each with what is needed to sort it out.
 */
import type { CoverageStatus } from '../domain/coverage-status.ts';
import type { RateTable } from '../domain/rate-table.ts';
import { formatRupiah } from '../i18n/rupiah.ts';
import { loadMemberAccount } from '../runtime/member-account.ts';
import type { Executor } from '../store/db-types.ts';
import { openClaimsForReview, type ClaimForReview } from '../store/repos/payment-claims.ts';
import { listUnmatchedPayments, type PaymentRow } from '../store/repos/payments.ts';

export interface PaymentsReview {
  /** Newest first. */
  readonly unmatched: readonly PaymentRow[];
  /** Oldest first: the vendor who waited longest is checked first. */
  readonly claims: readonly (ClaimForReview & { readonly coverage: CoverageStatus | null })[];
}

/** Both lists as of `now`; each claim with the vendor's coverage, as everywhere a member is shown. */
export async function loadPaymentsReview(x: Executor, limit: number, now: Date, rates: RateTable): Promise<PaymentsReview> {
  const claims = await openClaimsForReview(x, limit);
  return {
    unmatched: await listUnmatchedPayments(x, limit),
    claims: await Promise.all(claims.map(async (c) => ({ ...c, coverage: (await loadMemberAccount(x, c.memberId, now, rates))?.coverage ?? null }))),
  };
}

/** Why a payment found no bill, in words an admin acts on. */
const REASONS: Readonly<Record<string, string>> = {
  unknown_code: 'no bill has this payment code',
  unknown_nik: 'no member has this NIK',
  no_unpaid_bill: 'the member owes nothing',
  invalid_amount: 'the amount is not a whole positive Rupiah',
  reference_conflict: 'this reference was recorded with another amount: not applied, check which is right',
};

/** A plain-text report, times in WIB (the association's office). */
export function formatPaymentsReview(review: PaymentsReview): string {
  const lines = [`Unmatched payments (${review.unmatched.length}):`];
  if (review.unmatched.length === 0) lines.push('  none');
  for (const p of review.unmatched) {
    const reference = p.paymentCode ? `code ${p.paymentCode}` : p.nikHash ? 'by NIK' : 'no code or NIK';
    lines.push(`  ${wib(p.paidAt)}  ${formatRupiah(p.amount).padStart(12)}  ${shownReference(p)}  ${reference}  (${p.source}): ${REASONS[p.unmatchedReason ?? ''] ?? p.unmatchedReason ?? '?'}${recordedWith(p)}`);
  }
  lines.push('', `Open "sudah bayar" claims (${review.claims.length}; settle with \`payung payments claim ID confirmed|rejected\`):`);
  if (review.claims.length === 0) lines.push('  none');
  for (const c of review.claims) {
    const bill = c.billCode === null ? 'no open bill' : `bill ${c.billCode}, ${formatRupiah(c.billAmount ?? 0)} due ${c.billDueDate ?? '?'}`;
    lines.push(`  ${c.id.slice(0, 8)}  ${wib(c.createdAt)}  ${c.fullName} (${c.nikMasked}, ${coverageWords(c.coverage)})  ${bill}  reference "${c.reference}"`);
  }
  return `${lines.join('\n')}\n`;
}

/** A conflicting payment is stored under a key of its own; the admin knows it by the partner's reference. */
function shownReference(p: PaymentRow): string {
  const reference = p.raw['reference'];
  return p.unmatchedReason === 'reference_conflict' && typeof reference === 'string' ? reference : p.externalRef;
}

function recordedWith(p: PaymentRow): string {
  const other = p.raw['conflicts_with'];
  if (p.unmatchedReason !== 'reference_conflict' || typeof other !== 'object' || other === null) return '';
  const amount = (other as Record<string, unknown>)['amount'];
  return typeof amount === 'number' ? ` (recorded: ${formatRupiah(amount)})` : '';
}

function coverageWords(coverage: CoverageStatus | null): string {
  switch (coverage?.status) {
    case 'active': return `active, paid through ${coverage.paidThrough}`;
    case 'grace': return `in grace, pay by ${coverage.payBy}`;
    case 'lapsed': return `lapsed since ${coverage.since}`;
    case 'pending': return `not started${coverage.firstMonth ? `, first month ${coverage.firstMonth}` : ''}`;
    default: return 'coverage unknown';
  }
}

function wib(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
