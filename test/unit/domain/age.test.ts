import { describe, expect, it } from 'vitest';
import { ageOn, checkAge } from '../../../src/domain/age.ts';

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('1985-08-17', '2026-08-16')).toBe(40);
    expect(ageOn('1985-08-17', '2026-08-17')).toBe(41);
    expect(ageOn('1985-08-17', '2026-12-31')).toBe(41);
    expect(ageOn('2026-05-10', '2026-05-10')).toBe(0);
    expect(ageOn('1985-12-31', '2026-01-01')).toBe(40);
  });

  it('has someone born on 29 February turn older on 1 March in other years', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn('2000-02-29', '2028-02-28')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });
});

describe('checkAge', () => {
  const limits = { min: 15, max: 65 };

  it('accepts ages from min up to, not including, max', () => {
    expect(checkAge('2011-05-10', '2026-05-10', limits)).toEqual({ ok: true, value: 15 });
    expect(checkAge('1961-05-11', '2026-05-10', limits)).toEqual({ ok: true, value: 64 });
  });

  it('refuses the too young and those who have reached 65', () => {
    expect(checkAge('2011-05-11', '2026-05-10', limits)).toEqual({ ok: false, error: 'age.too_young', params: { min: 15, max: 65, age: 14 } });
    expect(checkAge('1961-05-10', '2026-05-10', limits)).toEqual({ ok: false, error: 'age.too_old', params: { min: 15, max: 65, age: 65 } });
    expect(checkAge('1930-01-01', '2026-05-10', limits)).toMatchObject({ ok: false, error: 'age.too_old' });
  });

  it('takes the minimum as a setting', () => {
    expect(checkAge('2009-01-01', '2026-05-10', { min: 18, max: 65 })).toMatchObject({ ok: false, error: 'age.too_young', params: { min: 18 } });
  });
});
