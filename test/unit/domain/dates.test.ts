import { describe, expect, it } from 'vitest';
import { formatDateId, isoToday, parseDate } from '../../../src/domain/dates.ts';

const TODAY = '2026-05-10';

describe('parseDate', () => {
  it.each([
    '17-08-1985', '17/8/85', '17.08.1985', '17 Agustus 1985', '17 agt 85', '17 agu 1985', '17 ags 1985',
    '17 aug 1985', 'tgl 17 agustus 1985', '1985-08-17', '17081985', '17 agus 1985', '17 AGUSTUS 1985',
    'Tanggal 17 Agustus 1985 kak', '17-agt-1985', '17agustus1985', '17 - 08 - 1985', '17 8 1985',
    'August 17, 1985', 'agustus 17 1985', '170885', '19850817', 'lahir 17/08/1985', '17 agustis 1985',
    '１７－０８－１９８５', '17/08/1985.',
  ])('%j → 1985-08-17', (text) => {
    expect(parseDate(text, TODAY)).toEqual({ ok: true, value: '1985-08-17' });
  });

  it.each([
    ['5 jan 1990', '1990-01-05'], ['5 januari 1990', '1990-01-05'], ['5 feb 1990', '1990-02-05'],
    ['5 peb 1990', '1990-02-05'], ['5 pebruari 1990', '1990-02-05'], ['5 febuari 1990', '1990-02-05'],
    ['5 mar 1990', '1990-03-05'], ['5 maret 1990', '1990-03-05'], ['5 apr 1990', '1990-04-05'],
    ['5 mei 1990', '1990-05-05'], ['5 may 1990', '1990-05-05'], ['5 jun 1990', '1990-06-05'],
    ['5 juni 1990', '1990-06-05'], ['5 jul 1990', '1990-07-05'], ['5 juli 1990', '1990-07-05'],
    ['5 sep 1990', '1990-09-05'], ['5 sept 1990', '1990-09-05'], ['5 september 1990', '1990-09-05'],
    ['5 okt 1990', '1990-10-05'], ['5 oct 1990', '1990-10-05'], ['5 nov 1990', '1990-11-05'],
    ['5 nop 1990', '1990-11-05'], ['5 nopember 1990', '1990-11-05'], ['5 des 1990', '1990-12-05'],
    ['5 dec 1990', '1990-12-05'], ['5 desember 1990', '1990-12-05'],
  ])('month name %j → %s', (text, iso) => {
    expect(parseDate(text, TODAY)).toEqual({ ok: true, value: iso });
  });

  it('reads two-digit years as the most recent date not after today', () => {
    expect(parseDate('1/1/26', TODAY)).toEqual({ ok: true, value: '2026-01-01' });
    expect(parseDate('10/5/26', TODAY)).toEqual({ ok: true, value: '2026-05-10' }); // today itself
    expect(parseDate('11/5/26', TODAY)).toEqual({ ok: true, value: '1926-05-11' }); // tomorrow → 1926
    expect(parseDate('17/8/00', TODAY)).toEqual({ ok: true, value: '2000-08-17' });
    expect(parseDate('17/8/99', TODAY)).toEqual({ ok: true, value: '1999-08-17' });
    expect(parseDate('17/8/30', TODAY)).toEqual({ ok: true, value: '1930-08-17' });
  });

  it('knows leap days', () => {
    expect(parseDate('29-02-2000', TODAY)).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseDate('29 feb 1996', TODAY)).toEqual({ ok: true, value: '1996-02-29' });
    expect(parseDate('29-02-1900', TODAY)).toEqual({ ok: false, error: 'date.not_real' });
    expect(parseDate('29-02-2001', TODAY)).toEqual({ ok: false, error: 'date.not_real' });
  });

  it.each([
    ['31-02-1990', 'date.not_real'], ['31/04/1990', 'date.not_real'], ['00-01-1990', 'date.not_real'],
    ['12-13-1990', 'date.not_real'], ['08/17/1985', 'date.not_real'], ['32 agustus 1985', 'date.not_real'],
    ['11-05-2026', 'date.future'], ['17-08-2030', 'date.future'], ['1 jan 2027', 'date.future'],
    ['', 'date.invalid'], ['kemarin', 'date.invalid'], ['17 agustus', 'date.invalid'], ['tgl 5', 'date.invalid'],
    ['17 abc 1985', 'date.invalid'], ['17-08-198', 'date.invalid'], ['1985', 'date.invalid'],
    ['17 08 1985 12', 'date.invalid'], ['1708198', 'date.invalid'], ['x'.repeat(10_000), 'date.invalid'],
    ['17-08-1985 '.repeat(1_000), 'date.invalid'],
  ])('%j → %s', (text, error) => {
    expect(parseDate(text, TODAY)).toEqual({ ok: false, error });
  });
});

describe('isoToday', () => {
  it('gives the calendar date at a UTC offset', () => {
    const instant = new Date('2026-05-09T17:30:00Z');
    expect(isoToday(instant, 7)).toBe('2026-05-10'); // 00:30 WIB
    expect(isoToday(instant, 0)).toBe('2026-05-09');
    expect(isoToday(new Date('2026-12-31T15:00:00Z'), 9)).toBe('2027-01-01'); // midnight WIT
    expect(isoToday(new Date('2026-12-31T15:00:00Z'), 8)).toBe('2026-12-31');
  });
});

describe('formatDateId', () => {
  it('writes long and short forms', () => {
    expect(formatDateId('1985-08-17', 'long')).toBe('17 Agustus 1985');
    expect(formatDateId('1985-08-17', 'short')).toBe('17-08-1985');
    expect(formatDateId('2000-02-01', 'long')).toBe('1 Februari 2000');
    expect(formatDateId('2000-02-01', 'short')).toBe('01-02-2000');
    expect(formatDateId('1999-12-31', 'long')).toBe('31 Desember 1999');
  });
});
