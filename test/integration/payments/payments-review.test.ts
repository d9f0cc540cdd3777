import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { formatPaymentsReview, loadPaymentsReview } from '../../../src/admin/payments-review.ts';
import { settleClaim, SettleClaimError } from '../../../src/admin/settle-claim.ts';
import { recordPayment } from '../../../src/runtime/record-payment.ts';
import { auditLog, bills, paymentClaims } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { testReceipts } from './receipt-deps.ts';

const database = useTestDatabase();

describe('the payments review (payung payments review)', () => {
  it('lists unmatched payments with their reason and open "sudah bayar" claims with vendor and bill, NIK masked', async () => {
    const app = await openTestApp(database());
    const { say } = app;
    for (const answer of enrolmentAnswers(testNik(0))) await say('siti', answer);
    await say('siti', 'sudah bayar');
    await say('siti', 'TRX 8812 3341');
    const db = database().db;
    const [bill] = await db.select().from(bills);
    const now = new Date('2026-12-03T03:15:00Z');
    await db.transaction(async (tx) => {
      await recordPayment(tx, { externalRef: 'BRI-0042', amount: 13_400, paidAt: now, source: 'webhook', paymentCode: 'PY99999999999' }, { secret: TEST_SECRET, actor: 'test', now });
      await recordPayment(tx, { externalRef: 'BRI-0043', amount: 20_000, paidAt: now, source: 'csv', nik: '3174015708859999' }, { secret: TEST_SECRET, actor: 'test', now });
    });

    const review = await loadPaymentsReview(db, 50, now, app.app.data.rates);
    expect(review.unmatched.map((p) => p.externalRef).sort()).toEqual(['BRI-0042', 'BRI-0043']);
    const report = formatPaymentsReview(review);
    expect(report).toContain('Unmatched payments (2):');
    expect(report).toMatch(/2026-12-03 10:15 +Rp13\.400 {2}BRI-0042 {2}code PY99999999999 {2}\(webhook\): no bill has this payment code/);
    expect(report).toMatch(/Rp20\.000 {2}BRI-0043 {2}by NIK {2}\(csv\): no member has this NIK/);
    expect(report).toContain(`Open "sudah bayar" claims (1; settle with \`payung payments claim ID confirmed|rejected\`):\n  ${review.claims[0]?.id.slice(0, 8)}  2026-11-25 10:00  SITI AMINAH (************0001, not started, first month 2026-11)  bill ${bill?.paymentCode}, Rp53.600 due 2026-12-15  reference "TRX 8812 3341"\n`);
    expect(report).not.toContain('3174015708859999');
  });

  it('says none when there is nothing to sort out', async () => {
    const { app } = await openTestApp(database());
    expect(formatPaymentsReview(await loadPaymentsReview(database().db, 10, new Date('2026-12-01T00:00:00Z'), app.data.rates))).toBe('Unmatched payments (0):\n  none\n\nOpen "sudah bayar" claims (0; settle with `payung payments claim ID confirmed|rejected`):\n  none\n');
  });
});

describe('settling a "sudah bayar" claim (payung payments claim)', () => {
  async function claimed(references: string[]) {
    const app = await openTestApp(database());
    for (const answer of enrolmentAnswers(testNik(0))) await app.say('siti', answer);
    for (const reference of references) {
      await app.say('siti', 'sudah bayar');
      await app.say('siti', reference);
    }
    return { ...app, db: database().db, claims: await database().db.select().from(paymentClaims) };
  }

  it('confirms or rejects by the 8 characters the review shows, audited; a settled claim is not settled again', async () => {
    const { db, claims } = await claimed(['TRX 1111', 'TRX 2222']);
    // Both were filed at the same (manual) time: told apart by reference.
    const first = claims.find((c) => c.reference === 'TRX 1111');
    const second = claims.find((c) => c.reference === 'TRX 2222');
    const now = new Date('2026-12-02T03:00:00Z');
    const rejected = await settleClaim(db, { claim: first?.id.slice(0, 8) ?? '', resolution: 'rejected', admin: 'siti', note: 'tidak ada di mutasi' }, { now, secret: TEST_SECRET, receipts: await testReceipts() });
    expect(rejected).toMatchObject({ status: 'rejected', resolvedBy: 'admin:siti', resolvedAt: now });
    await expect(settleClaim(db, { claim: first?.id ?? '', resolution: 'confirmed', admin: 'siti' }, { now, secret: TEST_SECRET, receipts: await testReceipts() })).rejects.toThrow(/is rejected already/);
    await expect(settleClaim(db, { claim: 'ffffffff', resolution: 'confirmed', admin: 'siti' }, { now, secret: TEST_SECRET, receipts: await testReceipts() })).rejects.toThrow(/no claim has the id "ffffffff"/);
    await expect(settleClaim(db, { claim: second?.id ?? '', resolution: 'confirmed', admin: ' ' }, { now, secret: TEST_SECRET, receipts: await testReceipts() })).rejects.toThrow(SettleClaimError);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'payment_claim.rejected'));
    expect(audit).toMatchObject([{ actor: 'admin:siti', entityId: first?.id, details: { reference: 'TRX 1111', note: 'tidak ada di mutasi' } }]);
    expect((await db.select().from(paymentClaims).where(eq(paymentClaims.id, second?.id ?? ''))).map((c) => c.status)).toEqual(['open']);
  });

  it('confirms the open claims of a bill by itself when the bill is paid in full', async () => {
    const { db, claims } = await claimed(['TRX 3333']);
    const [bill] = await db.select().from(bills);
    const now = new Date('2026-12-03T03:15:00Z');
    await db.transaction((tx) => recordPayment(tx, { externalRef: 'BRI-9', amount: 53_600, paidAt: now, source: 'webhook', paymentCode: bill?.paymentCode ?? '' }, { secret: TEST_SECRET, actor: 'test', now }));
    expect(await db.select().from(paymentClaims)).toMatchObject([{ id: claims[0]?.id, status: 'confirmed', resolvedBy: 'system:bill-paid', resolvedAt: now }]);
  });
});
