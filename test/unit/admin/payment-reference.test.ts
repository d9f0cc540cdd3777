import { describe, expect, it } from 'vitest';
import { paidAtProblem } from '../../../src/domain/paid-at-window.ts';
import { normalizeReference } from '../../../src/domain/payment-reference.ts';

describe('normalizeReference', () => {
  it.each([
    ['trx-001', 'TRX-001'], [' TRX-001 ', 'TRX-001'], ['trx 8812 3341', 'TRX88123341'], ['ab\u200Bc\tD', 'ABCD'], ['BRI/2026/12', 'BRI/2026/12'],
  ])('%j → %j', (typed, stored) => {
    expect(normalizeReference(typed)).toBe(stored);
  });
});

describe('paidAtProblem', () => {
  const now = new Date('2026-12-05T03:00:00Z');
  it('accepts 2015-01-01 in WIB and up to one day after now', () => {
    expect(paidAtProblem(new Date('2015-01-01T00:00:00+07:00'), now)).toBeNull();
    expect(paidAtProblem(new Date('2026-12-06T03:00:00Z'), now)).toBeNull();
  });
  it('refuses earlier and later dates, saying which bound and the window', () => {
    expect(paidAtProblem(new Date('2014-12-31T23:59:00+07:00'), now)).toBe('2014-12-31 23:59 WIB is before 2015-01-01: a payment date must be between 2015-01-01 and one day from now');
    expect(paidAtProblem(new Date('2026-12-06T03:00:01Z'), now)).toMatch(/is more than a day after now \(2026-12-05T03:00:00.000Z\)/u);
    expect(paidAtProblem(new Date(Number.NaN), now)).toBe('is not a date');
  });
});
