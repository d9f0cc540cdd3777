import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../../src/domain/money.ts';

describe('parseMoney: amounts vendors write', () => {
  it.each([
    ['1,5 jt', 1_500_000], ['1.5jt', 1_500_000], ['1,5 juta', 1_500_000], ['Rp2.000.000', 2_000_000],
    ['rp 2.000.000,-', 2_000_000], ['Rp. 2.000.000,-', 2_000_000], ['2 juta', 2_000_000],
    ['2jt', 2_000_000], ['500rb', 500_000], ['500 ribu', 500_000], ['500k', 500_000],
    ['500K', 500_000], ['1500000', 1_500_000], ['1.500.000', 1_500_000],
    ['dua juta setengah', 2_500_000], ['dua setengah juta', 2_500_000],
    ['satu setengah juta', 1_500_000], ['sejuta', 1_000_000], ['setengah juta', 500_000],
    ['seratus ribu', 100_000], ['dua ratus lima puluh ribu', 250_000],
    ['tiga juta lima ratus ribu', 3_500_000], ['2 juta 500 ribu', 2_500_000],
    ['kurang lebih 2 juta', 2_000_000], ['sekitar 3jt per bulan', 3_000_000],
    ['3 juta/bln', 3_000_000], ['3jt / bulan', 3_000_000], ['± 2jt', 2_000_000], ['+- 2jt', 2_000_000],
    ['+/- 2 juta', 2_000_000],
  ])('%j → %i', (text, value) => {
    expect(parseMoney(text)).toEqual({ ok: true, value });
  });
});

describe('parseMoney: separators, decimals and number words', () => {
  it.each([
    ['1.500', 1_500], ['1.250.000', 1_250_000], ['2.000.000,00', 2_000_000], ['1,500,000', 1_500_000],
    ['1 500 000', 1_500_000], ['2,25 jt', 2_250_000], ['0,5 juta', 500_000], ['1.5 rb', 1_500],
    ['1.500 rb', 1_500_000], ['lima belas ribu', 15_000], ['sebelas juta', 11_000_000],
    ['15 ratus ribu', 1_500_000], ['seribu lima ratus', 1_500], ['dua puluh ribu', 20_000],
    ['sepuluh juta', 10_000_000], ['seratus dua puluh lima ribu', 125_000],
    ['2jtan', 2_000_000], ['2 jutaan', 2_000_000], ['2 jtua', 2_000_000], ['dua jutta', 2_000_000],
    ['Rp 2.000.000 (dua juta)', 2_000_000], ['penghasilan saya 2 juta kak', 2_000_000],
    ['２ｊｔ', 2_000_000], ['2\u200bjt', 2_000_000], ['RP2,5JT', 2_500_000], ['satu miliar', 1_000_000_000],
    ['10 miliar', 10_000_000_000], ['2 juta lebih', 2_000_000], ['gaji 1,2 jt bersih', 1_200_000],
  ])('%j → %i', (text, value) => {
    expect(parseMoney(text)).toEqual({ ok: true, value });
  });
});

describe('parseMoney: refusals', () => {
  it.each([
    ['', 'money.empty'], ['   ', 'money.empty'], ['🙏', 'money.empty'], ['Rp', 'money.invalid'],
    ['abc', 'money.invalid'], ['banyak', 'money.invalid'], ['jutaan', 'money.invalid'],
    ['1,5', 'money.invalid'], ['1.2.3', 'money.invalid'],
    ['-2jt', 'money.negative'], ['- Rp 500.000', 'money.negative'], ['minus 2 juta', 'money.negative'],
    ['−500rb', 'money.negative'],
    // The sign may sit after the currency (issue #8 item 12: these were read as positive amounts).
    ['Rp -5 jt', 'money.negative'], ['-2000000', 'money.negative'], ['rp-5.000.000', 'money.negative'],
    ['Rp. −2,5 juta', 'money.negative'], ['kira-kira -2 juta', 'money.negative'], ['sekitar minus 1 jt', 'money.negative'],
    ['0', 'money.zero'], ['Rp 0,-', 'money.zero'], ['nol', 'money.zero'], ['0 rupiah', 'money.zero'],
    ['2 atau 3 juta', 'money.ambiguous'], ['2-3 juta', 'money.ambiguous'], ['2 sampai 3 jt', 'money.ambiguous'],
    ['2jt s/d 3jt', 'money.ambiguous'], ['2 juta, 3 juta', 'money.ambiguous'], ['2 juta 3 juta', 'money.ambiguous'],
    ['3 juta 500', 'money.ambiguous'], ['dua juta lima ratus', 'money.ambiguous'], ['1.500 jt', 'money.ambiguous'],
    ['1,500 jt', 'money.ambiguous'], ['1 500', 'money.ambiguous'],
    ['11 miliar', 'money.too_large'], ['99999999999999999999', 'money.too_large'], ['2 triliun', 'money.too_large'],
  ])('%j → %s', (text, error) => {
    const result = parseMoney(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error).toBe(error);
  });

  it('gives the limit with too_large', () => {
    expect(parseMoney('20 miliar')).toEqual({ ok: false, error: 'money.too_large', params: { max: 10_000_000_000 } });
  });

  it('names the period of an amount that is not monthly', () => {
    expect(parseMoney('100rb sehari')).toEqual({ ok: false, error: 'money.not_monthly', params: { period: 'day' } });
    expect(parseMoney('500rb per minggu')).toEqual({ ok: false, error: 'money.not_monthly', params: { period: 'week' } });
    expect(parseMoney('24 juta/tahun')).toEqual({ ok: false, error: 'money.not_monthly', params: { period: 'year' } });
  });

  it('accepts the same amount written twice', () => {
    expect(parseMoney('2jt (2 juta)')).toEqual({ ok: true, value: 2_000_000 });
  });

  it('stays quick and calm on 10,000 characters', () => {
    const start = performance.now();
    expect(parseMoney('x'.repeat(10_000))).toEqual({ ok: false, error: 'money.invalid' });
    expect(parseMoney('1'.repeat(10_000)).ok).toBe(false);
    expect(parseMoney('2 juta '.repeat(1_500)).ok).toBe(false);
    expect(parseMoney('.'.repeat(10_000))).toEqual({ ok: false, error: 'money.empty' });
    // A guard against quadratic work on long input (seconds), not a speed target: loose on purpose.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
