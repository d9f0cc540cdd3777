import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { monthlyContribution, periodQuote, tierFor } from '../../../src/domain/contribution.ts';
import { rateTableSchema, type RateTable } from '../../../src/domain/rate-table.ts';

const table: RateTable = rateTableSchema.parse(parse(readFileSync('flows/data/iuran.yaml', 'utf8')));

// The oracle: domain-sources.md §1.3, copied verbatim. Columns: #, income range, dasar, JKK 1%,
// JKM, JKK+JKM, JHT 2%, JKK+JKM+JHT, JKK+JKM after the PP 50/2025 discount.
const SOURCE_TABLE = `
| 1 | s.d. Rp1.099.000 | Rp1.000.000 | Rp10.000 | Rp6.800 | Rp16.800 | Rp20.000 | Rp36.800 | Rp8.400 |
| 2 | Rp1.100.000 – Rp1.299.000 | Rp1.200.000 | Rp12.000 | Rp6.800 | Rp18.800 | Rp24.000 | Rp42.800 | Rp9.400 |
| 3 | Rp1.300.000 – Rp1.499.000 | Rp1.400.000 | Rp14.000 | Rp6.800 | Rp20.800 | Rp28.000 | Rp48.800 | Rp10.400 |
| 4 | Rp1.500.000 – Rp1.699.000 | Rp1.600.000 | Rp16.000 | Rp6.800 | Rp22.800 | Rp32.000 | Rp54.800 | Rp11.400 |
| 5 | Rp1.700.000 – Rp1.899.000 | Rp1.800.000 | Rp18.000 | Rp6.800 | Rp24.800 | Rp36.000 | Rp60.800 | Rp12.400 |
| 6 | Rp1.900.000 – Rp2.099.000 | Rp2.000.000 | Rp20.000 | Rp6.800 | Rp26.800 | Rp40.000 | Rp66.800 | Rp13.400 |
| 7 | Rp2.100.000 – Rp2.299.000 | Rp2.200.000 | Rp22.000 | Rp6.800 | Rp28.800 | Rp44.000 | Rp72.800 | Rp14.400 |
| 8 | Rp2.300.000 – Rp2.499.000 | Rp2.400.000 | Rp24.000 | Rp6.800 | Rp30.800 | Rp48.000 | Rp78.800 | Rp15.400 |
| 9 | Rp2.500.000 – Rp2.699.000 | Rp2.600.000 | Rp26.000 | Rp6.800 | Rp32.800 | Rp52.000 | Rp84.800 | Rp16.400 |
| 10 | Rp2.700.000 – Rp3.199.000 | Rp2.950.000 | Rp29.500 | Rp6.800 | Rp36.300 | Rp59.000 | Rp95.300 | Rp18.150 |
| 11 | Rp3.200.000 – Rp3.699.000 | Rp3.450.000 | Rp34.500 | Rp6.800 | Rp41.300 | Rp69.000 | Rp110.300 | Rp20.650 |
| 12 | Rp3.700.000 – Rp4.199.000 | Rp3.950.000 | Rp39.500 | Rp6.800 | Rp46.300 | Rp79.000 | Rp125.300 | Rp23.150 |
| 13 | Rp4.200.000 – Rp4.699.000 | Rp4.450.000 | Rp44.500 | Rp6.800 | Rp51.300 | Rp89.000 | Rp140.300 | Rp25.650 |
| 14 | Rp4.700.000 – Rp5.199.000 | Rp4.950.000 | Rp49.500 | Rp6.800 | Rp56.300 | Rp99.000 | Rp155.300 | Rp28.150 |
| 15 | Rp5.200.000 – Rp5.699.000 | Rp5.450.000 | Rp54.500 | Rp6.800 | Rp61.300 | Rp109.000 | Rp170.300 | Rp30.650 |
| 16 | Rp5.700.000 – Rp6.199.000 | Rp5.950.000 | Rp59.500 | Rp6.800 | Rp66.300 | Rp119.000 | Rp185.300 | Rp33.150 |
| 17 | Rp6.200.000 – Rp6.699.000 | Rp6.450.000 | Rp64.500 | Rp6.800 | Rp71.300 | Rp129.000 | Rp200.300 | Rp35.650 |
| 18 | Rp6.700.000 – Rp7.199.000 | Rp6.950.000 | Rp69.500 | Rp6.800 | Rp76.300 | Rp139.000 | Rp215.300 | Rp38.150 |
| 19 | Rp7.200.000 – Rp7.699.000 | Rp7.450.000 | Rp74.500 | Rp6.800 | Rp81.300 | Rp149.000 | Rp230.300 | Rp40.650 |
| 20 | Rp7.700.000 – Rp8.199.000 | Rp7.950.000 | Rp79.500 | Rp6.800 | Rp86.300 | Rp159.000 | Rp245.300 | Rp43.150 |
| 21 | Rp8.200.000 – Rp9.199.000 | Rp8.700.000 | Rp87.000 | Rp6.800 | Rp93.800 | Rp174.000 | Rp267.800 | Rp46.900 |
| 22 | Rp9.200.000 – Rp10.199.000 | Rp9.700.000 | Rp97.000 | Rp6.800 | Rp103.800 | Rp194.000 | Rp297.800 | Rp51.900 |
| 23 | Rp10.200.000 – Rp11.199.000 | Rp10.700.000 | Rp107.000 | Rp6.800 | Rp113.800 | Rp214.000 | Rp327.800 | Rp56.900 |
| 24 | Rp11.200.000 – Rp12.199.000 | Rp11.700.000 | Rp117.000 | Rp6.800 | Rp123.800 | Rp234.000 | Rp357.800 | Rp61.900 |
| 25 | Rp12.200.000 – Rp13.199.000 | Rp12.700.000 | Rp127.000 | Rp6.800 | Rp133.800 | Rp254.000 | Rp387.800 | Rp66.900 |
| 26 | Rp13.200.000 – Rp14.199.000 | Rp13.700.000 | Rp137.000 | Rp6.800 | Rp143.800 | Rp274.000 | Rp417.800 | Rp71.900 |
| 27 | Rp14.200.000 – Rp15.199.000 | Rp14.700.000 | Rp147.000 | Rp6.800 | Rp153.800 | Rp294.000 | Rp447.800 | Rp76.900 |
| 28 | Rp15.200.000 – Rp16.199.000 | Rp15.700.000 | Rp157.000 | Rp6.800 | Rp163.800 | Rp314.000 | Rp477.800 | Rp81.900 |
| 29 | Rp16.200.000 – Rp17.199.000 | Rp16.700.000 | Rp167.000 | Rp6.800 | Rp173.800 | Rp334.000 | Rp507.800 | Rp86.900 |
| 30 | Rp17.200.000 – Rp18.199.000 | Rp17.700.000 | Rp177.000 | Rp6.800 | Rp183.800 | Rp354.000 | Rp537.800 | Rp91.900 |
| 31 | Rp18.200.000 – Rp19.199.000 | Rp18.700.000 | Rp187.000 | Rp6.800 | Rp193.800 | Rp374.000 | Rp567.800 | Rp96.900 |
| 32 | Rp19.200.000 – Rp20.199.000 | Rp19.700.000 | Rp197.000 | Rp6.800 | Rp203.800 | Rp394.000 | Rp597.800 | Rp101.900 |
| 33 | ≥ Rp20.200.000 | Rp20.700.000 | Rp207.000 | Rp6.800 | Rp213.800 | Rp414.000 | Rp627.800 | Rp106.900 |
`;

interface OracleRow {
  index: number; lowest: number; highest: number | null; base: number; jkk: number; jkm: number;
  basic: number; jht: number; full: number; basicDiscounted: number;
}

const rupiah = (cell: string) => Number(cell.replace(/[^\d]/g, ''));
const ORACLE: OracleRow[] = SOURCE_TABLE.trim().split('\n').map((line) => {
  const cells = line.split('|').slice(1, -1).map((c) => c.trim());
  const [index, range, base, jkk, jkm, basic, jht, full, discounted] = cells as [string, string, string, string, string, string, string, string, string];
  // "s.d. Rp1.099.000" starts at 0; "Rp1.100.000 – Rp1.299.000" and "≥ Rp20.200.000" at their first amount.
  const lowest = range.startsWith('s.d.') ? 0 : rupiah(range.split('–')[0] ?? '');
  const highest = range.startsWith('≥') ? null : rupiah(range.split(/–|s\.d\./)[1] ?? '');
  return {
    index: Number(index), lowest, highest, base: rupiah(base), jkk: rupiah(jkk), jkm: rupiah(jkm), basic: rupiah(basic),
    jht: rupiah(jht), full: rupiah(full), basicDiscounted: rupiah(discounted),
  };
});

const vendor = { sector: 'other', funding: 'mandiri' } as const;
const DISCOUNTED = '2026-11';
const NORMAL = '2027-01';

describe('the oracle table itself', () => {
  it('has the 33 rows of domain-sources.md §1.3', () => {
    expect(ORACLE).toHaveLength(33);
    expect(ORACLE.map((r) => r.index)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    expect(ORACLE[0]).toMatchObject({ lowest: 0, highest: 1_099_000 });
    expect(ORACLE[1]).toMatchObject({ lowest: 1_100_000, highest: 1_299_000 });
    expect(ORACLE[32]).toMatchObject({ lowest: 20_200_000, highest: null });
    expect(table.tiers).toHaveLength(33);
  });
});

describe.each(ORACLE)('tier $index (dasar $base)', (row) => {
  const incomes = [row.lowest, row.highest ?? row.lowest * 10];

  it('is the tier of its lowest and highest listed incomes', () => {
    for (const income of incomes) expect(tierFor(income, table)).toEqual({ index: row.index, from: row.lowest, base: row.base });
  });

  it('JKK + JKM without the discount', () => {
    const m = monthlyContribution({ income: row.lowest, jht: false, month: NORMAL, ...vendor }, table);
    expect(m).toMatchObject({ tier: row.index, base: row.base, jkk: row.jkk, jkm: row.jkm, jht: 0, discount: null, total: row.basic, totalWithoutDiscount: row.basic });
  });

  it('JKK + JKM + JHT without the discount', () => {
    const m = monthlyContribution({ income: row.lowest, jht: true, month: NORMAL, ...vendor }, table);
    expect(m).toMatchObject({ jkk: row.jkk, jkm: row.jkm, jht: row.jht, discount: null, total: row.full, totalWithoutDiscount: row.full });
  });

  it('JKK + JKM with the discount', () => {
    const m = monthlyContribution({ income: row.highest ?? row.lowest, jht: false, month: DISCOUNTED, ...vendor }, table);
    expect(m.total).toBe(row.basicDiscounted);
    expect(m.totalWithoutDiscount).toBe(row.basic);
    expect(m.discount).toEqual({ ruleId: 'pp-50-2025', percent: 50, jkkOff: row.jkk / 2, jkmOff: row.jkm / 2, validTo: '2026-12' });
  });

  it('JKK + JKM + JHT with the discount: JHT is never discounted', () => {
    const m = monthlyContribution({ income: row.lowest, jht: true, month: DISCOUNTED, ...vendor }, table);
    expect(m.jht).toBe(row.jht);
    expect(m.total).toBe(row.basicDiscounted + row.jht);
    expect(m.totalWithoutDiscount).toBe(row.full);
  });
});

describe('tierFor at the edges', () => {
  it.each([
    [0, 1, 1_000_000], [-5, 1, 1_000_000], [999_999, 1, 1_000_000], [1_099_000, 1, 1_000_000], [1_099_999, 1, 1_000_000],
    [1_100_000, 2, 1_200_000], [2_699_999, 9, 2_600_000], [2_700_000, 10, 2_950_000], [8_199_999, 20, 7_950_000],
    [8_200_000, 21, 8_700_000], [20_199_999, 32, 19_700_000], [20_200_000, 33, 20_700_000], [1_000_000_000, 33, 20_700_000],
  ])('income %i → tier %i, dasar %i', (income, index, base) => {
    expect(tierFor(income, table)).toMatchObject({ index, base });
  });
});

describe('discount boundaries (PP 50/2025)', () => {
  const total = (month: string, sector: 'other' | 'transport', funding: 'mandiri' | 'sponsor' | 'apbn' | 'apbd' = 'mandiri') =>
    monthlyContribution({ income: 1_000_000, jht: false, month, sector, funding }, table).total;

  it('gives a vendor (non-transport) the discount from April to December 2026 only', () => {
    expect(total('2026-03', 'other')).toBe(16_800);
    expect(total('2026-04', 'other')).toBe(8_400);
    expect(total('2026-12', 'other')).toBe(8_400);
    expect(total('2027-01', 'other')).toBe(16_800);
  });

  it('gives transport from January 2026 to March 2027', () => {
    expect(total('2025-12', 'transport')).toBe(16_800);
    expect(total('2026-01', 'transport')).toBe(8_400);
    expect(total('2027-03', 'transport')).toBe(8_400);
    expect(total('2027-04', 'transport')).toBe(16_800);
  });

  it('never discounts contributions paid from APBN or APBD; sponsors and mandiri get it', () => {
    expect(total('2026-11', 'other', 'apbd')).toBe(16_800);
    expect(total('2026-11', 'other', 'apbn')).toBe(16_800);
    expect(total('2026-02', 'transport', 'apbd')).toBe(16_800);
    expect(total('2026-11', 'other', 'sponsor')).toBe(8_400);
  });

  it('names the transport rule when it applies', () => {
    const m = monthlyContribution({ income: 0, jht: false, month: '2027-02', sector: 'transport', funding: 'mandiri' }, table);
    expect(m.discount).toEqual({ ruleId: 'pp-50-2025-transport', percent: 50, jkkOff: 5_000, jkmOff: 3_400, validTo: '2027-03' });
  });

  it('applies the largest of overlapping rules once, not both', () => {
    const overlapping: RateTable = { ...table, discounts: [...table.discounts, { ...table.discounts[0]!, id: 'extra', percent: 20 }] };
    const m = monthlyContribution({ income: 0, jht: false, month: '2026-05', ...vendor }, overlapping);
    expect(m.discount?.ruleId).toBe('pp-50-2025');
    expect(m.total).toBe(8_400);
  });

  it('rounds a half rupiah up should a table ever produce one', () => {
    const odd: RateTable = { ...table, tiers: [{ from: 0, base: 1_000_050 }], jkmMonthly: 6_801 };
    const m = monthlyContribution({ income: 0, jht: true, month: '2026-05', ...vendor }, odd);
    expect(m.jkk).toBe(10_001); // 10.000,5 → 10.001
    expect(m.jht).toBe(20_001);
    expect(m.discount).toMatchObject({ jkkOff: 5_001, jkmOff: 3_401 }); // 5.000,5 and 3.400,5 round up
  });
});

describe('periodQuote', () => {
  const base = { income: 1_500_000, jht: false, ...vendor };

  it('prices each month by its own date: 3 months from November 2026 = 8.400 + 8.400 + 16.800', () => {
    const q = periodQuote({ ...base, income: 1_000_000, startMonth: '2026-11', months: 3 }, table);
    expect(q.months.map((m) => [m.month, m.total])).toEqual([['2026-11', 8_400], ['2026-12', 8_400], ['2027-01', 16_800]]);
    expect(q.total).toBe(33_600);
    expect(q.dueDate).toBe('2026-11-16'); // 15 November 2026 is a Sunday
    expect(q.discountEnds).toBe('2026-12');
  });

  it('reports the discount ending right after the quote', () => {
    const q = periodQuote({ ...base, income: 1_000_000, startMonth: '2026-11', months: 2 }, table);
    expect(q.total).toBe(16_800);
    expect(q.discountEnds).toBe('2026-12');
  });

  it('says nothing about the end when the discount continues past the quote, or never applied', () => {
    expect(periodQuote({ ...base, startMonth: '2026-05', months: 1 }, table).discountEnds).toBeNull();
    expect(periodQuote({ ...base, startMonth: '2027-01', months: 12 }, table).discountEnds).toBeNull();
    expect(periodQuote({ ...base, startMonth: '2026-11', months: 3, funding: 'apbd' }, table).discountEnds).toBeNull();
  });

  it('adds up twelve months with JHT across the end of the discount', () => {
    const q = periodQuote({ ...base, jht: true, startMonth: '2026-07', months: 12 }, table);
    // Tier 4 (dasar 1.600.000): JKK 16.000, JKM 6.800, JHT 32.000; discounted months save 11.400.
    expect(q.months.filter((m) => m.discount !== null)).toHaveLength(6);
    expect(q.total).toBe(12 * 54_800 - 6 * 11_400);
    expect(q.discountEnds).toBe('2026-12');
  });

  it('gives transport workers their own end month', () => {
    const q = periodQuote({ ...base, sector: 'transport', startMonth: '2027-01', months: 6 }, table);
    expect(q.discountEnds).toBe('2027-03');
    expect(q.months.map((m) => m.total)).toEqual([11_400, 11_400, 11_400, 22_800, 22_800, 22_800]);
  });

  it('refuses a non-positive or fractional number of months', () => {
    expect(() => periodQuote({ ...base, startMonth: '2026-05', months: 0 }, table)).toThrow(RangeError);
    expect(() => periodQuote({ ...base, startMonth: '2026-05', months: 1.5 }, table)).toThrow(RangeError);
  });
});
