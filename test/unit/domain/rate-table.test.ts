import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rateTableSchema } from '../../../src/domain/rate-table.ts';

const raw = parse(readFileSync('flows/data/iuran.yaml', 'utf8')) as Record<string, unknown>;
const errorsOf = (change: Record<string, unknown>) => {
  const r = rateTableSchema.safeParse({ ...raw, ...change });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('iuran.yaml', () => {
  it('is valid and holds the facts of domain.md', () => {
    const table = rateTableSchema.parse(raw);
    expect(table).toMatchObject({ jkkPercent: 1, jkmMonthly: 6_800, jhtPercent: 2, periods: [1, 3, 6, 12], dueDay: 15, nonWorkingWeekdays: [0, 6] });
    expect(table.tiers[0]).toEqual({ from: 0, base: 1_000_000 });
    expect(table.tiers[1]).toEqual({ from: 1_100_000, base: 1_200_000 });
    expect(table.tiers.at(-1)).toEqual({ from: 20_200_000, base: 20_700_000 });
    expect(table.discounts).toEqual([
      { id: 'pp-50-2025', validFrom: '2026-04', validTo: '2026-12', sectors: ['other'], programmes: ['JKK', 'JKM'], percent: 50, excludedFunding: ['apbn', 'apbd'] },
      { id: 'pp-50-2025-transport', validFrom: '2026-01', validTo: '2027-03', sectors: ['transport'], programmes: ['JKK', 'JKM'], percent: 50, excludedFunding: ['apbn', 'apbd'] },
    ]);
    expect(table.holidays).toContain('2026-08-17');
    expect(table.version).toMatch(/\S/);
  });
});

describe('rateTableSchema', () => {
  it('refuses tiers out of order or not starting at 0', () => {
    expect(errorsOf({ tiers: [{ from: 0, base: 1_000_000 }, { from: 0, base: 1_200_000 }] })).toEqual(['tiers: tiers must ascend in both from and base']);
    expect(errorsOf({ tiers: [{ from: 0, base: 1_200_000 }, { from: 1_100_000, base: 1_000_000 }] })).toEqual(['tiers: tiers must ascend in both from and base']);
    expect(errorsOf({ tiers: [{ from: 100, base: 1_000_000 }] })).toEqual(['tiers: the first tier must start at income 0']);
    expect(errorsOf({ tiers: [] }).length).toBeGreaterThan(0);
    expect(errorsOf({ tiers: [{ from: 0, base: 1.5 }] })).toEqual(['tiers.0.base: Invalid input: expected int, received number']);
  });

  it('refuses a discount on JHT, an inverted window or a bad month', () => {
    const rule = (raw.discounts as Record<string, unknown>[])[0];
    expect(errorsOf({ discounts: [{ ...rule, programmes: ['JKK', 'JHT'] }] })[0]).toMatch(/^discounts\.0\.programmes\.1/);
    expect(errorsOf({ discounts: [{ ...rule, validFrom: '2027-01', validTo: '2026-12' }] })).toEqual(['discounts.0.validTo: validFrom must not be after validTo']);
    expect(errorsOf({ discounts: [{ ...rule, validFrom: '2026-13' }] })).toEqual(['discounts.0.validFrom: expected a month YYYY-MM']);
    expect(errorsOf({ discounts: [{ ...rule, percent: 150 }] }).length).toBe(1);
  });

  it('refuses impossible holidays and due days', () => {
    expect(errorsOf({ holidays: ['2026-02-30'] })).toEqual(['holidays.0: expected a real date YYYY-MM-DD']);
    expect(errorsOf({ dueDay: 31 }).length).toBe(1);
    expect(errorsOf({ nonWorkingWeekdays: [7] }).length).toBe(1);
  });
});
