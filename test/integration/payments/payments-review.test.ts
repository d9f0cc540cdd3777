import { describe, expect, it } from 'vitest';
import { formatPaymentsReview, loadPaymentsReview } from '../../../src/admin/payments-review.ts';
import { recordPayment } from '../../../src/runtime/record-payment.ts';
import { bills } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { openTestApp, TEST_SECRET } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

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
    expect(report).toContain(`Open "sudah bayar" claims (1):\n  2026-11-25 10:00  SITI AMINAH (3174********0001, in grace, pay by 2027-03-15)  bill ${bill?.paymentCode}, Rp67.000 due 2026-12-15  reference "TRX 8812 3341"\n`);
    expect(report).not.toContain('3174015708859999');
  });

  it('says none when there is nothing to sort out', async () => {
    const { app } = await openTestApp(database());
    expect(formatPaymentsReview(await loadPaymentsReview(database().db, 10, new Date('2026-12-01T00:00:00Z'), app.data.rates))).toBe('Unmatched payments (0):\n  none\n\nOpen "sudah bayar" claims (0):\n  none\n');
  });
});
