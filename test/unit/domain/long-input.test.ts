import { describe, expect, it } from 'vitest';
import { matchChoice } from '../../../src/domain/choice.ts';
import { parseDate } from '../../../src/domain/dates.ts';
import { parseMoney } from '../../../src/domain/money.ts';
import { parseNik } from '../../../src/domain/nik.ts';
import { normalizePhone } from '../../../src/domain/phone.ts';
import { parseYesNo } from '../../../src/domain/yes-no.ts';
import { realRegionIndex } from './region-fixture.ts';

// Shapes that make careless regular expressions or distance loops slow.
const HOSTILE = [
  'a'.repeat(10_000), `a${'!'.repeat(10_000)}a`, '! '.repeat(5_000), '1.'.repeat(5_000), '1,'.repeat(5_000),
  '👍'.repeat(5_000), '\u0301'.repeat(10_000), 'ya '.repeat(3_333), '2 juta '.repeat(1_400), `${'1 '.repeat(4_999)}1`,
  '\u200b'.repeat(10_000), 'kab '.repeat(2_500), '-'.repeat(10_000),
];

describe('every parser on 10,000 hostile characters', () => {
  const regions = realRegionIndex();
  const known = { provinceCodes: new Set(['31']), regencyCodes: new Set(['31.74']) };

  it.each(HOSTILE.map((text) => [JSON.stringify(text.slice(0, 8)), text]))('%s: no throw, refused, quick', (_label, text) => {
    const start = performance.now();
    expect(parseYesNo(text).ok).toBe(false);
    expect(parseMoney(text).ok).toBe(false);
    expect(parseDate(text, '2026-05-10').ok).toBe(false);
    expect(parseNik(text, '2026-05-10', known).ok).toBe(false);
    expect(normalizePhone(text).ok).toBe(false);
    expect(matchChoice(text, [{ value: 'a', label: 'Pedagang kaki lima' }]).kind).not.toBe('match');
    expect(regions.matchProvince(text).kind).not.toBe('match');
    expect(regions.matchRegency(text).kind).not.toBe('match');
    // A guard against quadratic regexes (seconds at this length), not a speed target: loose on purpose.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
