import { describe, expect, it } from 'vitest';
import { buildRegionIndex, regionDisplayName, type RegionMatch } from '../../../src/domain/regions.ts';
import { realRegionData, realRegionIndex } from './region-fixture.ts';

const index = realRegionIndex();

/** A match as "code", "~code" (likely: asked back), "?code|code" (ambiguous) or "-" (none), for compact tables. */
function short(m: RegionMatch): string {
  if (m.kind === 'match') return m.region.code;
  if (m.kind === 'likely') return `~${m.region.code}`;
  if (m.kind === 'ambiguous') return `?${m.candidates.map((c) => c.code).join('|')}`;
  return '-';
}

describe('matchProvince', () => {
  it.each([
    ['Jawa Barat', '32'], ['jawa barat', '32'], ['JAWA BARAT', '32'], ['provinsi jawa barat', '32'], ['prov. jawa barat', '32'],
    ['jabar', '32'], ['jawa barta', '~32'], ['jawa brat', '~32'], ['jateng', '33'], ['jatim', '35'], ['Jawa Timur kak', '35'],
    ['dki', '31'], ['DKI Jakarta', '31'], ['jakarta', '31'], ['jkt', '31'], ['diy', '34'], ['jogja', '34'], ['yogya', '34'],
    ['jogjakarta', '34'], ['DI Yogyakarta', '34'], ['Daerah Istimewa Yogyakarta', '34'], ['ntb', '52'], ['ntt', '53'],
    ['kalbar', '61'], ['kalteng', '62'], ['kalsel', '63'], ['kaltim', '64'], ['kaltara', '65'], ['sulut', '71'],
    ['sulteng', '72'], ['sulsel', '73'], ['sultra', '74'], ['sulbar', '76'], ['sumut', '12'], ['sumbar', '13'],
    ['sumsel', '16'], ['babel', '19'], ['kepri', '21'], ['bali', '51'], ['Bali 🙏', '51'], ['papua', '91'],
    ['papua barat', '92'], ['papua selatan', '93'], ['papua tengah', '94'], ['papua pegunungan', '95'],
    ['papua barat daya', '96'], ['sumatra utara', '12'], ['aceh', '11'], ['gorontalo', '75'], ['maluku utara', '82'],
    ['kepulauan riau', '21'], ['riau', '14'], ['banten', '36'],
  ])('%j → %s', (text, code) => {
    expect(short(index.matchProvince(text))).toBe(code);
  });

  it('answers a regency typed at the province question with its province', () => {
    expect(index.matchProvince('jaksel')).toEqual({ kind: 'match', region: { code: '31', name: 'Daerah Khusus Ibukota Jakarta' } });
    expect(short(index.matchProvince('surabaya'))).toBe('35');
    expect(short(index.matchProvince('kota bandung'))).toBe('32');
    expect(short(index.matchProvince('bogor'))).toBe('32'); // both Bogors are in Jawa Barat
    expect(short(index.matchProvince('bandunh'))).toBe('~32'); // a typo of both Bandungs: asked back
    expect(short(index.matchProvince('malang'))).toBe('35');
  });

  it('offers candidates when several provinces fit', () => {
    expect(short(index.matchProvince('sumatera'))).toBe('?12|13|16');
    expect(short(index.matchProvince('nusa tenggara'))).toBe('?52|53');
    expect(short(index.matchProvince('kalimantn'))).toBe('?61|62|63|64|65');
    expect(short(index.matchProvince('jwa tngh'))).toBe('~33');
    expect(short(index.matchProvince('nusa tengara timor'))).toBe('~53');
    expect(short(index.matchProvince('jawa barot tengah'))).toBe('~33'); // the words of one name are there
    expect(short(index.matchProvince('banjar'))).toBe('?32|63'); // Kota Banjar (Jabar), Kab. Banjar (Kalsel)
    const sulawesi = index.matchProvince('sulawesi');
    expect(sulawesi.kind === 'ambiguous' && sulawesi.candidates).toHaveLength(5); // six exist: at most five offered
  });

  it('finds nothing in nonsense, long text or empty text', () => {
    expect(index.matchProvince('xyzzy')).toEqual({ kind: 'none', suggestions: [] });
    expect(index.matchProvince('')).toEqual({ kind: 'none', suggestions: [] });
    expect(index.matchProvince('🙏')).toEqual({ kind: 'none', suggestions: [] });
    const start = performance.now();
    expect(index.matchProvince('jawa '.repeat(2_000)).kind).toBe('none');
    expect(index.matchProvince('q'.repeat(10_000)).kind).toBe('none');
    // A guard against quadratic work on long input (seconds), not a speed target: loose on purpose.
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('suggests near names when nothing is close enough to match', () => {
    const m = index.matchProvince('baliii'); // two typos: too many for a four-letter name
    expect(m.kind).toBe('none');
    expect(m.kind === 'none' && m.suggestions[0]?.code).toBe('51');
  });
});

describe('matchRegency', () => {
  it.each([
    ['Kota Bandung', undefined, '32.73'], ['kota bandung', '32', '32.73'], ['kab. bogor', undefined, '32.01'],
    ['kab bogor', undefined, '32.01'], ['kabupaten bogor', undefined, '32.01'], ['Kab.Bogor', undefined, '32.01'],
    ['kota bogor', '32', '32.71'], ['kodya bandung', undefined, '32.73'], ['surabya', undefined, '~35.78'],
    ['surabaya', '35', '35.78'], ['jaksel', undefined, '31.74'], ['jaksel', '31', '31.74'], ['jakpus', '31', '31.71'],
    ['jaktim', '31', '31.75'], ['jakbar', '31', '31.73'], ['jakut', '31', '31.72'], ['jakarta selatan', '31', '31.74'],
    ['Kota Adm. Jakarta Selatan', undefined, '31.74'], ['kota administrasi jakarta selatan', '31', '31.74'],
    ['jakarta sel', '31', '~31.74'], ['kepulauan seribu', '31', '31.01'], ['pulau seribu', '31', '31.01'],
    ['gunung mas', undefined, '62.10'], ['Gunung Mas', '62', '62.10'], ['gunungkidul', '34', '34.03'],
    ['gunung kidul', '34', '34.03'], ['toli toli', undefined, '72.04'], ['tolitoli', undefined, '72.04'],
    ['sleman kak', '34', '34.04'], ['denpasar', '51', '51.71'], ['bandung barat', '32', '32.17'],
    ['kota tangerang selatan', undefined, '36.74'], ['tangsel', '36', '36.74'], ['solo', '33', '33.72'],
    ['jogja', '34', '34.71'], ['mks', undefined, '73.71'], ['makasar', undefined, '~73.71'],
  ])('%j in %s → %s', (text, province, code) => {
    expect(short(index.matchRegency(text, province))).toBe(code);
  });

  it('offers Kota and Kabupaten when the kind is not said', () => {
    expect(index.matchRegency('bogor')).toEqual({
      kind: 'ambiguous',
      candidates: [
        { code: '32.01', name: 'Kabupaten Bogor', provinceCode: '32' },
        { code: '32.71', name: 'Kota Bogor', provinceCode: '32' },
      ],
    });
    expect(short(index.matchRegency('bandunh', '32'))).toBe('?32.04|32.73');
    expect(short(index.matchRegency('tangerang', '36'))).toBe('?36.03|36.71');
    expect(short(index.matchRegency('bogor jawa barat'))).toBe('?32.01|32.71');
  });

  it('lists the five Jakarta cities for "jakarta"', () => {
    expect(short(index.matchRegency('jakarta', '31'))).toBe('?31.71|31.72|31.73|31.74|31.75');
  });

  it('searches only the given province', () => {
    expect(index.matchRegency('jaksel', '32').kind).toBe('none');
    expect(short(index.matchRegency('kota bandung', '35'))).toBe('-');
  });

  it('returns the region with its province code and the data name', () => {
    expect(index.matchRegency('jaksel')).toEqual({
      kind: 'match',
      region: { code: '31.74', name: 'Kota Administrasi Jakarta Selatan', provinceCode: '31' },
    });
  });

  it('suggests regencies a few typos away', () => {
    const m = index.matchRegency('bandunggggg', '32');
    expect(m.kind).toBe('none');
    expect(m.kind === 'none' && m.suggestions.map((s) => s.code)).toContain('32.73');
  });

  it('is quick on junk', () => {
    const start = performance.now();
    for (let i = 0; i < 20; i++) index.matchRegency(`zzqx${i}`);
    expect(index.matchRegency('x'.repeat(10_000))).toEqual({ kind: 'none', suggestions: [] });
    // A guard against quadratic work on long input (seconds), not a speed target: loose on purpose.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('buildRegionIndex', () => {
  it('exposes lookups by code', () => {
    expect(index.provinces).toHaveLength(38);
    expect(index.province('34')?.name).toBe('Daerah Istimewa Yogyakarta');
    expect(index.regency('31.74')).toEqual({ code: '31.74', name: 'Kota Administrasi Jakarta Selatan', provinceCode: '31' });
    expect(index.regenciesOf('31').map((r) => r.code)).toEqual(['31.01', '31.71', '31.72', '31.73', '31.74', '31.75']);
    expect(index.regenciesOf('99')).toEqual([]);
  });

  it('refuses an alias to a code that does not exist', () => {
    const data = realRegionData();
    expect(() => buildRegionIndex({ ...data, aliases: { provinces: {}, regencies: { bogus: '99.99' } } })).toThrow(/bogus.*99\.99/);
  });
});

describe('regionDisplayName', () => {
  it('shortens the data names on request', () => {
    expect(regionDisplayName({ name: 'Kota Administrasi Jakarta Selatan' }, 'short')).toBe('Kota Adm. Jakarta Selatan');
    expect(regionDisplayName({ name: 'Kabupaten Administrasi Kepulauan Seribu' }, 'short')).toBe('Kab. Adm. Kepulauan Seribu');
    expect(regionDisplayName({ name: 'Kabupaten Bogor' }, 'short')).toBe('Kab. Bogor');
    expect(regionDisplayName({ name: 'Kota Bogor' }, 'short')).toBe('Kota Bogor');
    expect(regionDisplayName({ name: 'Daerah Khusus Ibukota Jakarta' }, 'short')).toBe('DKI Jakarta');
    expect(regionDisplayName({ name: 'Daerah Istimewa Yogyakarta' }, 'short')).toBe('DI Yogyakarta');
    expect(regionDisplayName({ name: 'Kabupaten Bogor' })).toBe('Kabupaten Bogor');
  });
});

describe('issue #8 item 20: typos, short forms and old names', () => {
  it.each([
    ['bengkulu sellatan', '17', '~17.01'], ['kolaka uatra', '74', '~74.08'], ['padang pariiaman', '13', '~13.05'],
    ['kota padang panjng', '13', '~13.74'], ['aceh barat dya', '11', '~11.12'],
  ])('a typo of a longer name %j in %s is asked back as that name, not its shorter sibling (%s)', (text, province, code) => {
    expect(short(index.matchRegency(text, province))).toBe(code);
  });

  it('asks back a typo of a province instead of storing its shorter sibling', () => {
    expect(short(index.matchProvince('maluku utra'))).toBe('~82');
    expect(short(index.matchProvince('papua barat dya'))).toBe('~96');
  });

  it.each([
    // City codes; where a city and a regency share the name, both are offered.
    ['bdg', '32', '?32.73|32.04'], ['smg', '33', '?33.74|33.22'], ['mlg', '35', '?35.73|35.07'], ['plg', '16', '16.71'],
    ['bpn', '64', '64.71'], ['dps', '51', '51.71'], ['mdn', '12', '12.71'], ['pku', '14', '14.71'], ['pdg', '13', '13.71'],
    ['bjm', '63', '63.71'],
    // Regional short forms.
    ['kukar', '64', '64.02'], ['oku', '16', '16.01'], ['muba', '16', '16.06'], ['tts', '53', '53.02'], ['hss', '63', '63.06'],
    ['lobar', '52', '52.01'], ['lamsel', '18', '18.01'], ['bolmong', '71', '71.01'], ['sidrap', '73', '73.14'],
    ['pangkep', '73', '73.10'],
    // One short form, two places: the province decides, and without one the vendor picks.
    ['mura', '16', '16.05'], ['mura', '62', '62.12'], ['mura', undefined, '?16.05|62.12'],
    ['mateng', '76', '76.06'], ['mateng', '81', '81.01'], ['malteng', '81', '81.01'],
    // Former names.
    ['mamuju utara', '76', '76.01'], ['maluku tenggara barat', '81', '81.03'], ['toba samosir', '12', '12.12'],
    ['ujung pandang', '73', '73.71'], ['ujung pandang', undefined, '73.71'],
    // "kota" as part of a name, and "kep." as kepulauan.
    ['kota baru', '63', '63.02'], ['kota baru', undefined, '63.02'], ['kota mobagu', '71', '71.74'],
    ['kep. selayar', '73', '73.01'], ['kep seribu', '31', '31.01'],
    // English names of the Jakarta cities.
    ['south jakarta', '31', '31.74'], ['east jakarta', undefined, '31.75'],
  ])('%j in %s → %s', (text, province, code) => {
    expect(short(index.matchRegency(text, province))).toBe(code);
  });

  it.each([
    ['kep. riau', '21'], ['kep riau', '21'], ['papeg', '95'], ['west java', '32'], ['east java', '35'],
    ['central java', '33'], ['north sumatra', '12'], ['south sulawesi', '73'], ['jakarta', '31'], ['bali', '51'],
    ['West Java', '32'], ['east kalimantan', '64'], ['west nusa tenggara', '52'], ['special region of yogyakarta', '34'],
    ['north maluku', '82'], ['highland papua', '95'], ['sumatra barat', '13'], ['kota baru', '63'], ['kukar', '64'],
  ])('province %j → %s', (text, code) => {
    expect(short(index.matchProvince(text))).toBe(code);
  });
});
