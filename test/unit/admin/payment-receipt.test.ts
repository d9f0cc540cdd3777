import { describe, expect, it } from 'vitest';
import { receiptFacts } from '../../../src/domain/payment-receipt.ts';
import type { Bill } from '../../../src/domain/ledger.ts';

const calendar = { dueDay: 15, nonWorkingWeekdays: [0, 6], holidays: [] };
const bill = (id: string, startMonth: string, dueDate: string, payments: Bill['payments'] = []): Bill => ({ id, startMonth, months: 1, amount: 16_800, dueDate, payments });

describe('receiptFacts', () => {
  it('never calls a vendor covered while the current month is unpaid, even when older months were just paid', () => {
    const before = [bill('oct', '2026-10', '2026-10-15'), bill('nov', '2026-11', '2026-11-16'), bill('dec', '2026-12', '2026-12-15')];
    const after = [bill('oct', '2026-10', '2026-10-15', [{ amount: 16_800, date: '2026-12-05' }]), ...before.slice(1)];
    const facts = receiptFacts({ before, after, billId: 'oct', amount: 16_800, credit: 0, today: '2026-12-05' }, calendar);
    expect(facts).toEqual({
      amount: 16_800, paidMonths: ['2026-10'], coveredUntil: null, missing: null, credit: 0,
      nextDue: { amount: 16_800, dueDate: '2026-11-16', billId: 'nov' },
    });
  });

  it('names the months paid and the cover when the current month is paid, and the next month due after the last bill', () => {
    const before = [bill('dec', '2026-12', '2026-12-15')];
    const after = [bill('dec', '2026-12', '2026-12-15', [{ amount: 16_800, date: '2026-12-05' }])];
    const facts = receiptFacts({ before, after, billId: 'dec', amount: 16_800, credit: 0, today: '2026-12-05' }, calendar);
    expect(facts).toMatchObject({ paidMonths: ['2026-12'], coveredUntil: '2026-12-31', nextDue: { amount: null, dueDate: '2027-01-15', billId: null } });
  });
});
