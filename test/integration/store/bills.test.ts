import { describe, expect, it } from 'vitest';
import { billsOfMember, insertBill, type NewBill } from '../../../src/store/repos/bills.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { aContact, aMemberId } from './fixtures.ts';

describe('bills repository', () => {
  const database = useTestDatabase();

  const aBill = (memberId: string, overrides: Partial<NewBill> = {}): NewBill => ({
    memberId, startMonth: '2025-03', months: 1, amount: 16_800, breakdown: { JKK: 10_000, JKM: 6_800 },
    dueDate: '2025-03-15', paymentCode: '8888123400001', ...overrides,
  });

  it('inserts bills and lists a member\'s, oldest period first', async () => {
    const { db } = database();
    const memberId = await aMemberId(db, (await aContact(db)).id);
    const april = await insertBill(db, aBill(memberId, { startMonth: '2025-04', paymentCode: 'P2', dueDate: '2025-04-15' }));
    const march = await insertBill(db, aBill(memberId, { paymentCode: 'P1' }));
    const bills = await billsOfMember(db, memberId);
    expect(bills.map((b) => b.id)).toEqual([march.id, april.id]);
    expect(bills[0]).toMatchObject({ amount: 16_800, dueDate: '2025-03-15', status: 'unpaid', breakdown: { JKK: 10_000, JKM: 6_800 } });
    expect(await billsOfMember(db, '00000000-0000-0000-0000-000000000000')).toEqual([]);
  });

  it('refuses a duplicate payment code and a malformed month', async () => {
    const { db } = database();
    const memberId = await aMemberId(db, (await aContact(db)).id);
    await insertBill(db, aBill(memberId));
    await expect(insertBill(db, aBill(memberId))).rejects.toThrow();
    await expect(insertBill(db, aBill(memberId, { paymentCode: 'P9', startMonth: '2025-13' }))).rejects.toThrow();
  });
});
