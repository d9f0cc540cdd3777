import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findOccupation, matchOccupation, namesOccupationOutright, occupationFileSchema, occupationsByScreenOrder, shownOccupations, type Occupation } from '../../../src/domain/occupations.ts';

const occupations: readonly Occupation[] = occupationFileSchema.parse(parse(readFileSync('flows/data/pekerjaan.yaml', 'utf8'))).occupations;

function pick(text: string): string {
  const m = matchOccupation(text, occupations);
  if (m.kind === 'match') return m.value;
  if (m.kind === 'ambiguous') return `?${m.candidates.map((c) => c.value).join('|')}`;
  return '-';
}

describe('pekerjaan.yaml', () => {
  it('lists about 25 occupations with unique codes, ending with "lainnya"', () => {
    expect(occupations.length).toBeGreaterThanOrEqual(25);
    expect(new Set(occupations.map((o) => o.code)).size).toBe(occupations.length);
    expect(occupations.at(-1)?.code).toBe('lainnya');
  });

  it('puts transport work in the transport sector and street vending in other', () => {
    const sector = (code: string) => findOccupation(occupations, code)?.sector;
    expect(['ojek_pangkalan', 'ojek_online', 'sopir_angkot', 'sopir', 'kurir', 'becak'].map(sector)).toEqual(Array(6).fill('transport'));
    expect(['pkl', 'pedagang_keliling', 'pedagang_pasar', 'pedagang_asongan', 'tukang_parkir', 'buruh_angkut', 'nelayan', 'petani', 'lainnya'].map(sector))
      .toEqual(Array(9).fill('other'));
  });
});

describe('matchOccupation', () => {
  it.each([
    ['pkl', 'pkl'], ['PKL kak', 'pkl'], ['kaki lima', 'pkl'], ['1', 'pkl'], ['asongan', 'pedagang_asongan'],
    ['ojol', 'ojek_online'], ['gojek', 'ojek_online'], ['ojek online', 'ojek_online'], ['opang', 'ojek_pangkalan'],
    ['ojek', '?ojek_pangkalan|ojek_online'], ['angkot', 'sopir_angkot'], ['kurir paket', 'kurir'], ['becak', 'becak'],
    ['jukir', 'tukang_parkir'], ['kuli panggul', 'buruh_angkut'], ['penjahit', 'penjahit'], ['nelayan', 'nelayan'],
    ['petani', 'petani'], ['warteg', 'warung_makan'], ['lainnya', 'lainnya'], ['tukang sayur', 'pedagang_sayur_buah'],
    ['nelayn', 'nelayan'], ['astronot', '-'],
  ])('%j → %s', (text, code) => {
    expect(pick(text)).toBe(code);
  });

  it('carries the occupation with its sector', () => {
    const m = matchOccupation('ojol', occupations);
    expect(m.kind === 'match' && m.option.occupation.sector).toBe('transport');
  });
});

describe('occupationFileSchema', () => {
  it('refuses duplicate codes, unknown sectors and bad codes', () => {
    const bad = (occupations: unknown) => occupationFileSchema.safeParse({ occupations }).success;
    expect(bad([{ code: 'a', label: 'A', sector: 'other' }, { code: 'a', label: 'B', sector: 'other' }])).toBe(false);
    expect(bad([{ code: 'a', label: 'A', sector: 'farming' }])).toBe(false);
    expect(bad([{ code: 'Ojek Online', label: 'A', sector: 'transport' }])).toBe(false);
    expect(bad([])).toBe(false);
    expect(occupationFileSchema.parse({ occupations: [{ code: 'a', label: 'A', sector: 'other' }] }).occupations[0]?.aliases).toEqual([]);
  });
});

describe('the short list (issue #8 item 2)', () => {
  it('shows 6–8 occupations, street vendors first and Lainnya last; the rest stay in the data', () => {
    const shown = shownOccupations(occupations).map((o) => o.code);
    expect(shown.length).toBeGreaterThanOrEqual(7);
    expect(shown.length).toBeLessThanOrEqual(9);
    expect(shown[0]).toBe('pkl');
    expect(shown.at(-1)).toBe('lainnya');
    expect(occupationsByScreenOrder(occupations).map((o) => o.code).slice(0, shown.length)).toEqual(shown);
    // Every entry can be typed, sopir_pribadi included (to be told why it is not BPU), but it is never on screen.
    expect(occupationsByScreenOrder(occupations)).toHaveLength(occupations.length);
    expect(shown).not.toContain('sopir_pribadi');
  });

  it('without any entry marked shown, shows them all', () => {
    const plain = occupations.map((o) => ({ ...o, shown: false }));
    expect(shownOccupations(plain).length).toBe(occupations.length - 1);
  });
});

describe('sopir pribadi (issue #8 item 17)', () => {
  it('is no alias of the transport "sopir": it names the wage-earner entry', () => {
    expect(findOccupation(occupations, 'sopir')?.aliases).not.toContain('sopir pribadi');
    expect(pick('sopir pribadi')).toBe('sopir_pribadi');
    expect(pick('supir pribadi')).toBe('sopir_pribadi');
    expect(findOccupation(occupations, 'sopir_pribadi')?.wageEarner).toBe(true);
  });
});

describe('namesOccupationOutright', () => {
  const named = (text: string, code: string) => namesOccupationOutright(text, findOccupation(occupations, code) as Occupation);
  it.each([
    ['narik ojol', 'ojek_online'], ['keliling', 'pedagang_keliling'], ['tukang parkr', 'tukang_parkir'], ['jukir', 'tukang_parkir'],
    ['saya pedagang kaki lima', 'pkl'],
  ])('%j names %s', (text, code) => {
    expect(named(text, code)).toBe(true);
  });

  it('a near miss of a whole phrase is not sure', () => {
    expect(pick('tukang pijat')).toBe('buruh_angkut'); // matchChoice's whole-phrase typo tier
    expect(named('tukang pijat', 'buruh_angkut')).toBe(false);
  });
});
