import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RateTable } from '../../../src/domain/rate-table.ts';
import { loadReferenceData } from '../../../src/runtime/reference-data.ts';
import { loadMemberAccount, memberAccountOfContact } from '../../../src/runtime/member-account.ts';
import { recordPayment } from '../../../src/runtime/record-payment.ts';
import { upsertContact } from '../../../src/store/repos/contacts.ts';
import { bills, contacts, members } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();
let rates: RateTable;
beforeAll(async () => {
  rates = (await loadReferenceData()).rates;
});

/**
 * Enrols a vendor from West Java (WIB) for real on 2026-11-25: their first bill covers
 * November 2026 – January 2027 (2 × Rp13.400 + Rp26.800 = Rp53.600), due 2026-12-15: November's
 * due date (16 Nov) has passed, so the first bill is due on the next one.
 */
async function enrolledVendor(address = 'budi') {
  const { say } = await openTestApp(database());
  for (const answer of enrolmentAnswers(testNik(0))) await say(address, answer);
  const db = database().db;
  const [member] = await db.select().from(members);
  const [bill] = await db.select().from(bills);
  if (member === undefined || bill === undefined) throw new Error('enrolment saved no member or bill');
  return { db, member, bill };
}

async function pay(amount: number, code: string, paidAt: string, ref = `REF-${amount}-${paidAt}`) {
  const at = new Date(paidAt);
  return database().db.transaction((tx) => recordPayment(tx, { externalRef: ref, amount, paidAt: at, source: 'manual', paymentCode: code }, { secret: TEST_SECRET, actor: 'admin:test', now: at }));
}

describe('the member account', () => {
  it('is pending in the first contribution month until paid, with the first bill due on the next due date', async () => {
    const { db, member, bill } = await enrolledVendor();
    const account = await loadMemberAccount(db, member.id, new Date('2026-11-25T03:00:00Z'), rates);
    expect(account).toMatchObject({
      memberId: member.id, contactId: member.contactId, fullName: 'SITI AMINAH', zone: { abbr: 'WIB' }, today: '2026-11-25',
      paymentPeriodMonths: 3, coverage: { status: 'pending', firstMonth: '2026-11' }, lastPayment: null,
    });
    const expected = {
      id: bill.id, startMonth: '2026-11', months: 3, amount: 53_600, dueDate: '2026-12-15', paymentCode: bill.paymentCode,
      status: 'unpaid', paidAmount: 0, outstanding: 53_600, credit: 0, paidOn: null,
    };
    expect(account?.bills).toEqual([expected]);
    expect(account?.nextDue).toEqual(expected);
  });

  it('reads today on the vendor\'s clock: the bill is overdue from 00:00 WIB on the 16th; never paid, the cover is pending, not in grace', async () => {
    const { db, member } = await enrolledVendor();
    const lastMinute = await loadMemberAccount(db, member.id, new Date('2026-12-15T16:59:00Z'), rates);
    expect(lastMinute?.today).toBe('2026-12-15');
    expect(lastMinute?.bills[0]?.status).toBe('unpaid');
    const after = await loadMemberAccount(db, member.id, new Date('2026-12-15T17:00:00Z'), rates);
    expect(after?.today).toBe('2026-12-16');
    expect(after?.bills[0]).toMatchObject({ status: 'overdue', outstanding: 53_600 });
    // Nothing was ever paid: never covered, so never in grace and never lapsed (issue #8).
    expect(after?.coverage).toEqual({ status: 'pending', firstMonth: '2026-11' });
    expect(after?.nextDue?.status).toBe('overdue');
    const months = await loadMemberAccount(db, member.id, new Date('2027-05-01T03:00:00Z'), rates);
    expect(months?.coverage).toEqual({ status: 'pending', firstMonth: '2026-11' });
    expect(months?.nextDue).toMatchObject({ status: 'overdue', outstanding: 53_600 });
  });

  it('is active after paying, through the bill\'s last month, and shows the last payment', async () => {
    const { db, member, bill } = await enrolledVendor();
    const result = await pay(53_600, bill.paymentCode, '2026-12-10T02:00:00Z');
    expect(result).toMatchObject({ status: 'applied', billPaid: true });
    const account = await loadMemberAccount(db, member.id, new Date('2026-12-20T03:00:00Z'), rates);
    expect(account?.coverage).toEqual({ status: 'active', paidThrough: '2027-01', overdueMonths: [] });
    expect(account?.bills[0]).toMatchObject({ status: 'paid', paidAmount: 53_600, outstanding: 0, credit: 0, paidOn: '2026-12-10' });
    expect(account?.nextDue).toBeNull();
    expect(account?.lastPayment).toEqual({ amount: 53_600, paidAt: new Date('2026-12-10T02:00:00Z'), billId: bill.id });
  });

  it('shows a partial payment\'s outstanding amount exactly, and the later of two payments as the last', async () => {
    const { db, member, bill } = await enrolledVendor();
    await pay(30_000, bill.paymentCode, '2026-11-26T02:00:00Z');
    await pay(1_234, bill.paymentCode, '2026-11-28T02:00:00Z');
    const account = await loadMemberAccount(db, member.id, new Date('2026-12-01T03:00:00Z'), rates);
    expect(account?.bills[0]).toMatchObject({ status: 'unpaid', paidAmount: 31_234, outstanding: 22_366, credit: 0, paidOn: null });
    expect(account?.nextDue).toMatchObject({ id: bill.id, outstanding: 22_366 });
    // A part payment pays the months it reaches, oldest first: November and December (Rp13.400 each) are covered.
    expect(account?.coverage).toEqual({ status: 'active', paidThrough: '2026-12', overdueMonths: [] });
    const january = await loadMemberAccount(db, member.id, new Date('2027-01-20T03:00:00Z'), rates);
    expect(january?.coverage).toMatchObject({ status: 'grace', unpaidMonths: ['2027-01'], overdueMonths: ['2027-01'] });
    expect(account?.lastPayment).toEqual({ amount: 1_234, paidAt: new Date('2026-11-28T02:00:00Z'), billId: bill.id });
  });

  it('shows an over-payment as credit', async () => {
    const { db, member, bill } = await enrolledVendor();
    await pay(70_000, bill.paymentCode, '2026-11-26T02:00:00Z');
    const account = await loadMemberAccount(db, member.id, new Date('2026-12-01T03:00:00Z'), rates);
    expect(account?.bills[0]).toMatchObject({ status: 'paid', paidAmount: 70_000, outstanding: 0, credit: 16_400 });
  });

  it('finds the account by contact, and answers null for a contact who is not a member or an unknown member', async () => {
    const { db, member } = await enrolledVendor();
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, member.contactId));
    const byContact = await memberAccountOfContact(db, contact?.id ?? '', new Date('2026-11-25T03:00:00Z'), rates);
    expect(byContact?.memberId).toBe(member.id);
    const stranger = await upsertContact(db, { channel: 'simulator', address: 'tamu' });
    expect(await memberAccountOfContact(db, stranger.id, new Date('2026-11-25T03:00:00Z'), rates)).toBeNull();
    expect(await loadMemberAccount(db, '00000000-0000-4000-8000-000000000000', new Date('2026-11-25T03:00:00Z'), rates)).toBeNull();
  });
});
