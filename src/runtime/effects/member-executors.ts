/**
 * The member menu's effects (flows/pengingat.yaml): the ledger for `cek iuran`, a payment claim,
 * a new payment period, and reminders off and on. Each works on the contact's newest member; a contact who is not one gets
 * `not_member`, which the flow answers with "belum terdaftar".
 */
import { owedTotal } from '../../domain/bill-status.ts';
import { periodQuote } from '../../domain/contribution.ts';
import { isoToday } from '../../domain/dates.ts';
import type { Json } from '../../engine/json.ts';
import { firstContributionMonth } from '../../domain/due-date.ts';
import { monthAfterBill } from '../../domain/ledger.ts';
import { paymentCode } from '../../domain/payment-code.ts';
import { writeAudit } from '../../store/repos/audit.ts';
import { billsOfMember, insertBill } from '../../store/repos/bills.ts';
import { newestMemberOfContact, setFunding, setPaymentPeriod } from '../../store/repos/members.ts';
import { buryStoppedContactRows, CONTACT_STOPPED } from '../../store/repos/outbox.ts';
import { insertPaymentClaim } from '../../store/repos/payment-claims.ts';
import { clearStopped, findContactById, markStopped } from '../../store/repos/contacts.ts';
import { billingMemberOf, breakdownOf } from '../billing-member.ts';
import { memberAccountOfContact, memberToday, type MemberAccount } from '../member-account.ts';
import type { EffectExecutor, EffectOutcome, EffectScope } from './effect-executor.ts';

const NOT_MEMBER: EffectOutcome = { ok: false, error: 'not_member' };

const actor = (scope: EffectScope) => `contact:${scope.contactId}`;

/** `cek iuran`: the member's ledger in the shape the `akun.*` texts read (member-effects.ts). */
export const cekIuranExecutor: EffectExecutor = async (scope): Promise<EffectOutcome> => {
  const account = await memberAccountOfContact(scope.tx, scope.contactId, scope.now, scope.data.rates);
  if (!account) return NOT_MEMBER;
  const contact = await findContactById(scope.tx, scope.contactId);
  return { ok: true, value: { ...accountResult(account), reminders: contact?.stoppedAt == null } };
};

function accountResult(account: MemberAccount): { [key: string]: Json } {
  const { coverage, nextDue, lastPayment } = account;
  const owed = owedTotal(account.bills, account.today);
  return {
    nama: account.fullName,
    status: coverage.status,
    // A request for help with no bill yet: cek iuran says it is waiting (and how to pay oneself).
    waitingForSponsor: account.funding === 'sponsor_request' && account.bills.length === 0,
    ...(coverage.status === 'pending' ? { firstMonth: coverage.firstMonth } : {}),
    ...(coverage.status === 'active' ? { paidThrough: coverage.paidThrough } : {}),
    ...(coverage.status === 'grace' ? { payBy: coverage.payBy } : {}),
    ...(coverage.status === 'lapsed' ? { since: coverage.since } : {}),
    next: nextDue === null ? null : {
      amount: nextDue.outstanding, total: nextDue.amount, dueDate: nextDue.dueDate, code: nextDue.paymentCode,
      startMonth: nextDue.startMonth, months: nextDue.months,
    },
    lastPayment: lastPayment === null ? null : { amount: lastPayment.amount, date: isoToday(lastPayment.paidAt, account.zone.utcOffset) },
    // Over-payments are kept, never rounded away: the vendor is told what we hold.
    credit: account.bills.reduce((sum, b) => sum + b.credit, 0),
    // Arrears: every bill due by today that can still be paid (not lapsed), so the total is never
    // hidden; a bill made ahead of its months is not owed yet.
    owed: owed.amount,
    owedBills: owed.bills,
  };
}

/** Filed against the oldest bill still open, so whoever checks knows which one it is about. */
export const recordClaimExecutor: EffectExecutor = async (scope, payload) => {
  const member = await newestMemberOfContact(scope.tx, scope.contactId);
  if (!member) return NOT_MEMBER;
  const reference = String(payload['reference'] ?? '').slice(0, 60);
  const open = (await billsOfMember(scope.tx, member.id)).find((b) => b.status === 'unpaid' || b.status === 'overdue');
  const claim = await insertPaymentClaim(scope.tx, { memberId: member.id, contactId: scope.contactId, billId: open?.id ?? null, reference, createdAt: scope.now });
  await writeAudit(scope.tx, { actor: actor(scope), action: 'payment.claimed', entity: 'payment_claim', entityId: claim.id, at: scope.now, details: { billId: open?.id ?? null, reference } });
  return { ok: true, value: { reference } };
};

/** The open bill stays as quoted; the next one is made for the new period by the bill upkeep. */
export const changePeriodExecutor: EffectExecutor = async (scope, payload): Promise<EffectOutcome> => {
  const member = await newestMemberOfContact(scope.tx, scope.contactId);
  if (!member) return NOT_MEMBER;
  const months = Number(payload['months']);
  if (!scope.data.rates.periods.includes(months)) throw new RangeError(`period ${months} is not one of ${scope.data.rates.periods.join(', ')}: the flow offers only those`);
  if (months === member.paymentPeriodMonths) return { ok: false, error: 'same_period', value: { months } };
  await setPaymentPeriod(scope.tx, member.id, months);
  await writeAudit(scope.tx, { actor: actor(scope), action: 'member.period_changed', entity: 'member', entityId: member.id, at: scope.now, details: { from: member.paymentPeriodMonths, to: months } });
  const last = (await billsOfMember(scope.tx, member.id)).at(-1);
  const startMonth = last ? monthAfterBill(last) : null;
  if (startMonth === null) return { ok: true, value: { months, startMonth: null, amount: null, dueDate: null } };
  const quote = periodQuote({ ...billingMemberOf(member), startMonth, months }, scope.data.rates);
  return { ok: true, value: { months, startMonth, amount: quote.total, dueDate: quote.dueDate } };
};

/** "Berhenti": the contact's waiting reminders and campaigns are buried now, later ones never queued. */
export const stopRemindersExecutor: EffectExecutor = async (scope) => {
  const member = await newestMemberOfContact(scope.tx, scope.contactId);
  if (!member) return NOT_MEMBER;
  await markStopped(scope.tx, scope.contactId, scope.now, 'opt_out');
  const buried = await buryStoppedContactRows(scope.tx, scope.contactId, CONTACT_STOPPED);
  await writeAudit(scope.tx, { actor: actor(scope), action: 'reminders.opted_out', entity: 'contact', entityId: scope.contactId, at: scope.now, details: { buried } });
  return { ok: true, value: null };
};

/** "Mulai": reminders again (a block the platform reported is undone by the message itself). */
export const resumeRemindersExecutor: EffectExecutor = async (scope) => {
  const member = await newestMemberOfContact(scope.tx, scope.contactId);
  if (!member) return NOT_MEMBER;
  const contact = await findContactById(scope.tx, scope.contactId);
  const wasStopped = contact?.stoppedAt != null;
  if (wasStopped) {
    await clearStopped(scope.tx, scope.contactId);
    await writeAudit(scope.tx, { actor: actor(scope), action: 'reminders.opted_in', entity: 'contact', entityId: scope.contactId, at: scope.now });
  }
  return { ok: true, value: { wasStopped } };
};

/**
 * "Bayar sendiri" from a vendor who asked for help with the contribution: they pay themselves from
 * now on, and the first bill is issued as the enrolment would have (their period, from the first
 * contribution month as of today), with its own payment code; reminders follow from the bill.
 */
export const payOwnContributionExecutor: EffectExecutor = async (scope): Promise<EffectOutcome> => {
  const member = await newestMemberOfContact(scope.tx, scope.contactId);
  if (!member) return NOT_MEMBER;
  if (member.funding !== 'sponsor_request' || (await billsOfMember(scope.tx, member.id)).length > 0) return { ok: false, error: 'already_paying' };
  const rates = scope.data.rates;
  const startMonth = firstContributionMonth(memberToday(member, scope.now).today, rates);
  const quote = periodQuote({ ...billingMemberOf({ ...member, funding: 'mandiri' }), startMonth, months: member.paymentPeriodMonths }, rates);
  const code = paymentCode(scope.randomDigits(10));
  await setFunding(scope.tx, member.id, 'mandiri');
  const bill = await insertBill(scope.tx, {
    memberId: member.id, startMonth, months: member.paymentPeriodMonths, amount: quote.total, breakdown: breakdownOf(quote), dueDate: quote.dueDate, paymentCode: code,
  });
  await writeAudit(scope.tx, {
    actor: actor(scope), action: 'member.funding_changed', entity: 'member', entityId: member.id, at: scope.now,
    details: { from: 'sponsor_request', to: 'mandiri', billId: bill.id },
  });
  return { ok: true, value: { amount: quote.total, dueDate: quote.dueDate, code, startMonth, months: member.paymentPeriodMonths } };
};
