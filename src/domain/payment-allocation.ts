import { billAmounts, type Bill } from './ledger.ts';

/** A bill as payment matching sees it: whose it is and the code of its first payment, if any. */
export interface PayableBill extends Pick<Bill, 'id' | 'startMonth' | 'amount' | 'payments'> {
  readonly nik: string;
  readonly paymentCode: string | null;
}

/** How a partner identified the payment: the kode iuran (first payment) or the NIK (later ones). */
export type PaymentReference =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'nik'; readonly nik: string };

export interface IncomingPayment {
  /** Integer Rupiah. */
  readonly amount: number;
  readonly ref: PaymentReference;
}

export type UnmatchedReason = 'invalid_amount' | 'unknown_code' | 'unknown_nik' | 'no_unpaid_bill';

export type Allocation =
  | {
    readonly unmatched: false;
    readonly billId: string;
    /** What this payment paid towards the bill's outstanding amount. */
    readonly applied: number;
    /** What is still owed on the bill after it. */
    readonly outstanding: number;
    /** The part of this payment beyond what was owed: kept, never dropped. */
    readonly credit: number;
  }
  | { readonly unmatched: true; readonly reason: UnmatchedReason };

/**
 * Which bill a payment pays. A payment code names its bill, even one already paid (the whole
 * amount is then credit); a NIK pays the member's oldest bill with something outstanding, and
 * the rest of the payment stays credit on it rather than being spread over later bills, which an
 * admin may want to decide. Anything unmatched goes to the admin's unmatched list with the reason.
 */
export function allocatePayment(bills: readonly PayableBill[], payment: IncomingPayment): Allocation {
  if (!Number.isInteger(payment.amount) || payment.amount <= 0) return { unmatched: true, reason: 'invalid_amount' };
  const bill = payment.ref.kind === 'code' ? billByCode(bills, payment.ref.code) : oldestUnpaid(bills, payment.ref.nik);
  if ('reason' in bill) return { unmatched: true, reason: bill.reason };
  const { outstanding } = billAmounts(bill);
  const applied = Math.min(payment.amount, outstanding);
  return { unmatched: false, billId: bill.id, applied, outstanding: outstanding - applied, credit: payment.amount - applied };
}

function billByCode(bills: readonly PayableBill[], code: string): PayableBill | { reason: UnmatchedReason } {
  const wanted = normalizeCode(code);
  return bills.find((b) => b.paymentCode !== null && normalizeCode(b.paymentCode) === wanted) ?? { reason: 'unknown_code' };
}

function oldestUnpaid(bills: readonly PayableBill[], nik: string): PayableBill | { reason: UnmatchedReason } {
  const wanted = digitsOf(nik);
  const own = bills.filter((b) => digitsOf(b.nik) === wanted);
  if (own.length === 0) return { reason: 'unknown_nik' };
  const unpaid = own.filter((b) => billAmounts(b).outstanding > 0).sort((a, b) => (a.startMonth < b.startMonth ? -1 : 1));
  return unpaid[0] ?? { reason: 'no_unpaid_bill' };
}

// Partners and vendors write codes with spaces, dashes and lower case ("py 1234-5678 901").
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/gu, '');
}

function digitsOf(text: string): string {
  return text.replace(/\D/gu, '');
}
