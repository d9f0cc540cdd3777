import { z } from 'zod';
import { isIsoDate, isIsoMonth } from './calendar.ts';

const month = z.string().refine(isIsoMonth, 'expected a month YYYY-MM');
const date = z.string().refine(isIsoDate, 'expected a real date YYYY-MM-DD');
const rupiah = z.number().int().nonnegative();

/** A dated discount rule, e.g. PP 50/2025: 50% off JKK and JKM for some sectors and months. */
const discountRule = z.object({
  id: z.string().min(1),
  validFrom: month,
  validTo: month,
  sectors: z.array(z.enum(['transport', 'other'])).min(1),
  // JHT is savings, not insurance: no rule ever discounts it.
  programmes: z.array(z.enum(['JKK', 'JKM'])).min(1),
  percent: z.number().gt(0).max(100),
  excludedFunding: z.array(z.enum(['mandiri', 'sponsor', 'apbn', 'apbd'])).default([]),
}).refine((r) => !isIsoMonth(r.validFrom) || !isIsoMonth(r.validTo) || r.validFrom <= r.validTo, { message: 'validFrom must not be after validTo', path: ['validTo'] });

/**
 * Schema of flows/data/iuran.yaml: everything the contribution depends on is data an admin can
 * correct when a regulation changes. Tiers are income lower bounds with their dasar penghasilan,
 * ascending, starting at 0.
 */
export const rateTableSchema = z.object({
  version: z.string().min(1),
  tiers: z.array(z.object({ from: rupiah, base: rupiah.positive() })).min(1)
    .refine((t) => t[0]?.from === 0, { message: 'the first tier must start at income 0' })
    .refine((t) => t.every((row, i) => i === 0 || (row.from > (t[i - 1]?.from ?? 0) && row.base > (t[i - 1]?.base ?? 0))), {
      message: 'tiers must ascend in both from and base',
    }),
  jkkPercent: z.number().positive().max(100),
  jkmMonthly: rupiah,
  jhtPercent: z.number().positive().max(100),
  discounts: z.array(discountRule).default([]),
  periods: z.array(z.number().int().min(1).max(12)).min(1),
  dueDay: z.number().int().min(1).max(28),
  nonWorkingWeekdays: z.array(z.number().int().min(0).max(6)).max(6),
  holidays: z.array(date).default([]),
  /**
   * Registering after this day makes the next month the first contribution month. No source
   * was found for such a rule (domain.md), and it would cost a late registrant a month of the
   * discount: absent by default, so the first month is the month of registration.
   */
  firstMonthCutoffDay: z.number().int().min(1).max(31).optional(),
});

export type RateTable = z.infer<typeof rateTableSchema>;
export type DiscountRule = RateTable['discounts'][number];
export type Funding = DiscountRule['excludedFunding'][number];
