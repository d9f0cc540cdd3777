import { describe, expect, it } from 'vitest';
import { maskNik, nikBirthDateMatches, normalizeNik, parseNik } from '../../../src/domain/nik.ts';

// Province codes as the data would give them (domain.md's strict set).
const PROVINCES = '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96'.split(' ');
const known = { provinceCodes: new Set(PROVINCES), regencyCodes: new Set(['31.74', '32.01', '94.03']) };
const TODAY = '2026-05-10';

describe('parseNik', () => {
  it('reads region, birth date and sex of a man', () => {
    expect(parseNik('3174011708850001', TODAY, known)).toEqual({
      ok: true,
      value: {
        nik: '3174011708850001', provinceCode: '31', regencyCode: '31.74', districtCode: '31.74.01',
        birthDate: '1985-08-17', sex: 'L', regencyKnown: true,
      },
    });
  });

  it('reads a woman (day + 40)', () => {
    const r = parseNik('3201025708850002', TODAY, known);
    expect(r).toMatchObject({ ok: true, value: { birthDate: '1985-08-17', sex: 'P', regencyCode: '32.01' } });
  });

  it.each([
    '3174 0117 0885 0001', '3174.0117.0885.0001', '3174-0117-0885-0001', ' 3174011708850001 ',
    '３１７４０１１７０８８５０００１', '3174\u200b011708850001',
  ])('strips separators and odd Unicode: %j', (text) => {
    expect(parseNik(text, TODAY, known)).toMatchObject({ ok: true, value: { nik: '3174011708850001' } });
  });

  it('accepts a regency code missing from today\'s list, flagged', () => {
    // 91.03 was Kab. Paniai before Papua was split in 2022; NIKs keep their codes.
    expect(parseNik('9103011708850001', TODAY, known)).toMatchObject({ ok: true, value: { regencyCode: '91.03', regencyKnown: false } });
  });

  it('accepts day 71 (31st, woman) and day 41 (1st, woman)', () => {
    expect(parseNik('3174017112850001', TODAY, known)).toMatchObject({ ok: true, value: { birthDate: '1985-12-31', sex: 'P' } });
    expect(parseNik('3174014101850001', TODAY, known)).toMatchObject({ ok: true, value: { birthDate: '1985-01-01', sex: 'P' } });
  });

  describe('century of the birth year', () => {
    it('takes 20YY when the holder is then at least 15', () => {
      expect(parseNik('3174010101100001', TODAY, known)).toMatchObject({ ok: true, value: { birthDate: '2010-01-01' } });
    });
    it('takes 19YY when 20YY would make a child', () => {
      expect(parseNik('3174010101200001', TODAY, known)).toMatchObject({ ok: true, value: { birthDate: '1920-01-01' } });
    });
    it('takes 19YY when 20YY is in the future', () => {
      expect(parseNik('3174011708850001', TODAY, known)).toMatchObject({ ok: true, value: { birthDate: '1985-08-17' } });
    });
    it('keeps 20YY for a child when 19YY is not a real date', () => {
      // 29 Feb 2020 exists, 29 Feb 1920 too; 29 Feb 2000 exists, 29 Feb 1900 does not.
      expect(parseNik('3174012902000001', TODAY, known)).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
    });
    it('keeps the recent century for a child born this year', () => {
      expect(parseNik('3174010101260001', TODAY, known)).toMatchObject({ ok: true, value: { birthDate: '1926-01-01' } });
    });
    it('honours another adult age', () => {
      expect(parseNik('3174010101100001', TODAY, known, { adultAge: 17 })).toMatchObject({ ok: true, value: { birthDate: '1910-01-01' } });
    });
  });

  it.each([
    ['', 'nik.empty', undefined], ['  - . ', 'nik.empty', undefined],
    ['3174O11708850001', 'nik.not_digits', undefined], ['NIK saya 3174011708850001', 'nik.not_digits', undefined],
    ['317401170885000', 'nik.length', { got: 15 }], ['31740117088500011', 'nik.length', { got: 17 }],
    ['1'.repeat(10_000), 'nik.length', { got: 10_000 }],
    ['9974011708850001', 'nik.province', { code: '99' }], ['2074011708850001', 'nik.province', { code: '20' }],
    ['0074011708850001', 'nik.province', { code: '00' }],
    // Regency and district codes start at 01: "00" is no place (issue #8 item 20).
    ['3100011708850001', 'nik.regency', undefined], ['3174001708850001', 'nik.district', undefined],
    ['3100001708850001', 'nik.regency', undefined],
    ['3174013208850001', 'nik.birth_date', undefined], ['3174014008850001', 'nik.birth_date', undefined],
    ['3174017208850001', 'nik.birth_date', undefined], ['3174011713850001', 'nik.birth_date', undefined],
    ['3174011700850001', 'nik.birth_date', undefined], ['3174013102850001', 'nik.birth_date', undefined],
    ['3174010008850001', 'nik.birth_date', undefined], ['3174012902010001', 'nik.birth_date', undefined],
    ['3174011708850000', 'nik.serial', undefined],
  ])('%j → %s', (text, error, params) => {
    expect(parseNik(text, TODAY, known)).toEqual(params ? { ok: false, error, params } : { ok: false, error });
  });

  it('prefers the adult reading even when the recent one is today', () => {
    // 10 May 2026 is today: a new-born in 2026, or 100 years old in 1926.
    expect(parseNik('3174011005260001', TODAY, known)).toMatchObject({ ok: true, value: { birthDate: '1926-05-10' } });
  });
});

describe('normalizeNik', () => {
  it.each([
    ['underscores', '3174_0117_0885_0001'],
    ['double spaces', '3174  0117  0885  0001'],
    ['em-dashes', '3174—0117—0885—0001'],
    ['en-dashes and a middle dot', '3174–0117·0885–0001'],
    ['full-width digits', '３１７４０１１７０８８５０００１'],
    ['zero-width spaces', '3174\u200b0117\u200b0885\u200b0001'],
  ])('reads a NIK written with %s', (_label, typed) => {
    expect(normalizeNik(typed)).toBe('3174011708850001');
    expect(parseNik(typed, '2026-11-25', { provinceCodes: new Set(['31']), regencyCodes: new Set(['31.74']) })).toMatchObject({ ok: true });
  });
});

describe('maskNik', () => {
  it('shows the last four digits only', () => {
    expect(maskNik('3174011708850001')).toBe('************0001');
  });
  it('hides short strings entirely', () => {
    expect(maskNik('12345678')).toBe('********');
    expect(maskNik('')).toBe('');
  });
});

describe('nikBirthDateMatches', () => {
  const info = parseNik('3174015708850001', TODAY, known);
  if (!info.ok) throw new Error('fixture');

  it('compares day, month and the two year digits', () => {
    expect(nikBirthDateMatches(info.value, '1985-08-17')).toBe(true);
    expect(nikBirthDateMatches(info.value, '1985-08-18')).toBe(false);
    expect(nikBirthDateMatches(info.value, '1986-08-17')).toBe(false);
  });
  it('ignores the century, which the NIK does not hold', () => {
    expect(nikBirthDateMatches(info.value, '2085-08-17')).toBe(true);
  });
});
