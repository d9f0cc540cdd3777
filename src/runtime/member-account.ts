/**
 * A member's account as the vendor (cek iuran), an agent or an admin sees it: coverage, every bill
 * with its status derived from the ledger, what is due next and the last payment. Read-only; the
 * stored `bills.status` column is kept in step by the bill upkeep, but what is shown here is always
 * derived, so it is right even between two upkeep runs.
 */
import { billStatuses, isPayable, type BillStatus } from '../domain/bill-status.ts';
import { coverageStatus, type CoverageStatus } from '../domain/coverage-status.ts';
import { isoToday } from '../domain/dates.ts';
import type { Bill } from '../domain/ledger.ts';
import type { RateTable } from '../domain/rate-table.ts';
import { timeZoneOfProvince, type TimeZone } from '../domain/time-zones.ts';
import type { Executor } from '../store/db-types.ts';
import { billsOfMember, type BillRow } from '../store/repos/bills.ts';
import { getMember, newestMemberOfContact, type MemberRow } from '../store/repos/members.ts';
import { paymentsOfBills, type PaymentRow } from '../store/repos/payments.ts';

/** One bill as shown: its stored terms plus what the ledger says of it today. Amounts in integer Rupiah. */
export interface AccountBill {
  readonly id: string;
  /** First contribution month, 'YYYY-MM'. */
  readonly startMonth: string;
  /** Contribution months it covers (1, 3, 6 or 12). */
  readonly months: number;
  readonly amount: number;
  /** Due date of its first month, 'YYYY-MM-DD' (the 15th, or the next working day). */
  readonly dueDate: string;
  /** "PY…" code the vendor pays it with. */
  readonly paymentCode: string;
  /** Derived from the ledger as of `today` (not the stored column, which may lag a day). */
  readonly status: BillStatus;
  /** Applied payments up to today, over-payments included. */
  readonly paidAmount: number;
  /** amount − paidAmount, never below 0: exactly what is left to pay. */
  readonly outstanding: number;
  /** paidAmount − amount, never below 0: an over-payment. */
  readonly credit: number;
  /** The vendor's local date the payments reached the amount, or null. */
  readonly paidOn: string | null;
}

/** The last applied payment of the member, whatever bill it went to. */
export interface LastPayment {
  readonly amount: number;
  readonly paidAt: Date;
  readonly billId: string | null;
}

export interface MemberAccount {
  readonly memberId: string;
  readonly contactId: string;
  readonly fullName: string;
  /** The member's zone, from their province: where "today" and due dates are read. */
  readonly zone: TimeZone;
  /** The vendor's local date at `now`, 'YYYY-MM-DD'. */
  readonly today: string;
  /** Who pays: the vendor (mandiri) or a sponsor being sought for them (sponsor_request). */
  readonly funding: MemberRow['funding'];
  /** Months billed at once from the next bill on (the member's current choice). */
  readonly paymentPeriodMonths: number;
  /** pending / active / grace / lapsed, by domain.md's rule (coverage-status.ts). */
  readonly coverage: CoverageStatus;
  /** Oldest period first. */
  readonly bills: readonly AccountBill[];
  /** The oldest bill with something outstanding that has not lapsed: what to pay now. Null when none. */
  readonly nextDue: AccountBill | null;
  readonly lastPayment: LastPayment | null;
}

/**
 * The account of a member as of `now`, or null when there is no such member. Pass the open
 * transaction as `x` when inside one: on PGlite a query outside it waits for it forever.
 */
export async function loadMemberAccount(x: Executor, memberId: string, now: Date, rates: RateTable): Promise<MemberAccount | null> {
  const member = await getMember(x, memberId);
  return member === null ? null : accountOf(x, member, now, rates);
}

/** The account of the contact's newest member, or null when the contact is not a member. */
export async function memberAccountOfContact(x: Executor, contactId: string, now: Date, rates: RateTable): Promise<MemberAccount | null> {
  const member = await newestMemberOfContact(x, contactId);
  return member === null ? null : accountOf(x, member, now, rates);
}

/** A member's zone and local date at `now`. */
export function memberToday(member: Pick<MemberRow, 'provinceCode'>, now: Date): { zone: TimeZone; today: string } {
  const zone = timeZoneOfProvince(member.provinceCode);
  return { zone, today: isoToday(now, zone.utcOffset) };
}

/**
 * Stored bills and their applied payments as the domain's ledger: each payment dated on the
 * vendor's local calendar (a payment at 23:30 WIB counts on that day, not on UTC's).
 */
export function ledgerOf(rows: readonly BillRow[], payments: readonly PaymentRow[], zone: TimeZone): Bill[] {
  return rows.map((b) => ({
    id: b.id,
    startMonth: b.startMonth,
    months: b.months,
    amount: b.amount,
    dueDate: b.dueDate,
    payments: payments.filter((p) => p.billId === b.id).map((p) => ({ amount: p.amount, date: isoToday(p.paidAt, zone.utcOffset) })),
    ...monthAmountsOf(b.breakdown),
  }));
}

/** Each month's price from a stored breakdown ([{ month, total, … }]), so a part payment pays whole months. */
function monthAmountsOf(breakdown: unknown): { monthAmounts?: number[] } {
  if (!Array.isArray(breakdown)) return {};
  const totals = breakdown.map((m: unknown) => (m !== null && typeof m === 'object' ? (m as { total?: unknown }).total : undefined));
  return totals.every((t): t is number => typeof t === 'number' && Number.isInteger(t)) ? { monthAmounts: totals } : {};
}

async function accountOf(x: Executor, member: MemberRow, now: Date, rates: RateTable): Promise<MemberAccount> {
  const { zone, today } = memberToday(member, now);
  const rows = await billsOfMember(x, member.id);
  const payments = await paymentsOfBills(x, rows.map((b) => b.id));
  const ledger = ledgerOf(rows, payments, zone);
  const views = new Map(billStatuses(ledger, today, rates).map((v) => [v.id, v]));
  const bills = rows.flatMap((b): AccountBill[] => {
    const view = views.get(b.id);
    if (view === undefined) return [];
    const { status, paidAmount, outstanding, credit, paidOn } = view;
    return [{ id: b.id, startMonth: b.startMonth, months: b.months, amount: b.amount, dueDate: b.dueDate, paymentCode: b.paymentCode, status, paidAmount, outstanding, credit, paidOn }];
  });
  const last = payments.filter((p) => p.paidAt <= now).at(-1);
  return {
    memberId: member.id,
    contactId: member.contactId,
    fullName: member.fullName,
    zone,
    today,
    paymentPeriodMonths: member.paymentPeriodMonths,
    funding: member.funding,
    coverage: coverageStatus(ledger, today, rates),
    bills,
    nextDue: bills.find(isPayable) ?? null,
    lastPayment: last === undefined ? null : { amount: last.amount, paidAt: last.paidAt, billId: last.billId },
  };
}
