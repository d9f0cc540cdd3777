import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Bill } from '../../../src/domain/ledger.ts';
import { isTimeForNextBill, nextBill, type BillingMember } from '../../../src/domain/next-bill.ts';
import { rateTableSchema, type RateTable } from '../../../src/domain/rate-table.ts';

const rates: RateTable = rateTableSchema.parse(parse(readFileSync('flows/data/iuran.yaml', 'utf8')));
const vendor: BillingMember = { income: 1_500_000, jht: false, sector: 'other', funding: 'mandiri', period: 1 };
const november: Bill = { id: 'b1', startMonth: '2026-11', months: 1, amount: 8_400, dueDate: '2026-11-16', payments: [] };

describe('isTimeForNextBill', () => {
  it('is not time before the due date while unpaid', () => {
    expect(isTimeForNextBill(november, '2026-11-15')).toBe(false);
  });

  it('is time on the due date', () => {
    expect(isTimeForNextBill(november, '2026-11-16')).toBe(true);
  });

  it('is time as soon as the bill is paid in full, not when partly paid', () => {
    expect(isTimeForNextBill({ ...november, payments: [{ amount: 8_400, date: '2026-11-02' }] }, '2026-11-02')).toBe(true);
    expect(isTimeForNextBill({ ...november, payments: [{ amount: 8_000, date: '2026-11-02' }] }, '2026-11-02')).toBe(false);
  });

  it('does not count a payment dated after today', () => {
    expect(isTimeForNextBill({ ...november, payments: [{ amount: 8_400, date: '2026-11-05' }] }, '2026-11-02')).toBe(false);
  });
});

describe('nextBill', () => {
  it('is null while it is not time', () => {
    expect(nextBill(vendor, november, rates, '2026-11-10')).toBeNull();
  });

  it('starts the month after the last bill, still discounted in December 2026', () => {
    // Tier 4 (dasar Rp1.600.000): JKK 16.000 + JKM 6.800 = 22.800, half off = 11.400.
    const bill = nextBill(vendor, november, rates, '2026-11-16');
    expect(bill).toMatchObject({ startMonth: '2026-12', months: 1, amount: 11_400, dueDate: '2026-12-15' });
  });

  it('prices each month of a period on its own: the discount ends after December 2026', () => {
    const bill = nextBill({ ...vendor, period: 3 }, november, rates, '2026-11-16');
    expect(bill?.quote.months.map((m) => m.total)).toEqual([11_400, 22_800, 22_800]);
    expect(bill).toMatchObject({ startMonth: '2026-12', months: 3, amount: 57_000, dueDate: '2026-12-15' });
    expect(bill?.quote.discountEnds).toBe('2026-12');
  });

  it('follows a twelve-month bill and adds JHT, which is never discounted', () => {
    const year: Bill = { id: 'y', startMonth: '2026-01', months: 12, amount: 1, dueDate: '2026-01-15', payments: [{ amount: 1, date: '2026-01-02' }] };
    const bill = nextBill({ ...vendor, jht: true, period: 12 }, year, rates, '2026-01-02');
    expect(bill).toMatchObject({ startMonth: '2027-01', months: 12, dueDate: '2027-01-15' });
    // 16.000 + 6.800 + 32.000 for each month of 2027: no discount for non-transport work.
    expect(bill?.amount).toBe(12 * 54_800);
  });

  it('keeps the transport discount to March 2027', () => {
    const bill = nextBill({ ...vendor, sector: 'transport', period: 6 }, november, rates, '2026-11-16');
    expect(bill?.quote.months.map((m) => m.total)).toEqual([11_400, 11_400, 11_400, 11_400, 22_800, 22_800]);
  });

  it('gives no discount to an APBD-funded member', () => {
    expect(nextBill({ ...vendor, funding: 'apbd' }, november, rates, '2026-11-16')?.amount).toBe(22_800);
  });

  it('moves the due date off a weekend (15 May 2027 is a Saturday)', () => {
    const april: Bill = { ...november, startMonth: '2027-04', dueDate: '2027-04-15' };
    expect(nextBill(vendor, april, rates, '2027-04-15')?.dueDate).toBe('2027-05-17');
  });

  it('refuses a period the rate table does not offer', () => {
    expect(() => nextBill({ ...vendor, period: 2 }, november, rates, '2026-11-16')).toThrow(RangeError);
  });
});
