import { matchEntries, type EntryMatch, type MatchTier, type RegionEntry } from './region-match.ts';
import { regionKey } from './region-text.ts';

export { timeZoneOfProvince, type TimeZone } from './time-zones.ts';

export interface Region {
  readonly code: string;
  /** The data's own name: "Kota Administrasi Jakarta Selatan". */
  readonly name: string;
  /** Set for regencies and cities. */
  readonly provinceCode?: string;
}

export type RegionMatch =
  /** The name or an alias as written: safe to store without asking. */
  | { readonly kind: 'match'; readonly region: Region }
  /** One region found by a typo, a part of its name or a guess: ask the vendor before storing it. */
  | { readonly kind: 'likely'; readonly region: Region }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Region[] }
  | { readonly kind: 'none'; readonly suggestions: readonly Region[] };

export interface RegionData {
  readonly provinces: readonly { readonly code: string; readonly name: string }[];
  readonly regencies: readonly { readonly code: string; readonly provinceCode: string; readonly name: string }[];
  /**
   * Typed name → code, e.g. { provinces: { jabar: '32' }, regencies: { jaksel: '31.74' } }; a list
   * when one short form names several ("mura": Musi Rawas and Murung Raya): the province decides.
   */
  readonly aliases: { readonly provinces: Readonly<Record<string, AliasTarget>>; readonly regencies: Readonly<Record<string, AliasTarget>> };
}

export interface RegionIndex {
  /** A province; a regency typed here ("jaksel", "bogor") answers with its province. */
  matchProvince(text: string): RegionMatch;
  /** A regency or city, within `provinceCode` when given, else anywhere. */
  matchRegency(text: string, provinceCode?: string): RegionMatch;
  province(code: string): Region | undefined;
  regency(code: string): Region | undefined;
  readonly provinces: readonly Region[];
  regenciesOf(provinceCode: string): readonly Region[];
}

export type AliasTarget = string | readonly string[];

/** At most this many candidates are offered back to the vendor. */
export const MAX_CANDIDATES = 5;

/** Builds the lookups once; throws when an alias names a code missing from the data. */
export function buildRegionIndex(data: RegionData): RegionIndex {
  const provinces = data.provinces.map((p): Region => ({ code: p.code, name: p.name }));
  const regencies = data.regencies.map((r): Region => ({ code: r.code, name: r.name, provinceCode: r.provinceCode }));
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const regencyByCode = new Map(regencies.map((r) => [r.code, r]));
  const provinceEntries = entriesOf(provinces, data.aliases.provinces, provinceByCode, 'province');
  const regencyEntries = entriesOf(regencies, data.aliases.regencies, regencyByCode, 'regency');
  const regencyEntriesOf = groupByProvince(regencyEntries);
  const regenciesOfProvince = groupRegions(regencies);

  const matchRegency = (text: string, provinceCode?: string): RegionMatch => {
    const pool = provinceCode === undefined ? regencyEntries : (regencyEntriesOf.get(provinceCode) ?? []);
    return toRegionMatch(matchText(pool, text, ALL_TIERS));
  };

  const matchProvince = (text: string): RegionMatch => {
    const sure = matchText(provinceEntries, text, SURE_TIERS);
    if (sure.tier !== 'none') return toRegionMatch(sure);
    const viaRegency = matchText(regencyEntries, text, SURE_TIERS);
    if (viaRegency.tier !== 'none') return toRegionMatch(provincesOf(viaRegency, provinceByCode));
    const loose = matchText(provinceEntries, text, ['fuzzy']);
    if (loose.tier !== 'none') return toRegionMatch(loose);
    const looseRegency = matchText(regencyEntries, text, ['fuzzy']);
    if (looseRegency.tier !== 'none') return toRegionMatch(provincesOf(looseRegency, provinceByCode));
    return toRegionMatch(loose);
  };

  return {
    matchProvince,
    matchRegency,
    province: (code) => provinceByCode.get(code),
    regency: (code) => regencyByCode.get(code),
    provinces,
    regenciesOf: (code) => regenciesOfProvince.get(code) ?? [],
  };
}

/**
 * A shorter form of a data name for tight messages: "Kota Administrasi Jakarta Selatan" →
 * "Kota Adm. Jakarta Selatan", "Kabupaten Bogor" → "Kab. Bogor", "Daerah Khusus Ibukota
 * Jakarta" → "DKI Jakarta". 'full' is the data's name unchanged.
 */
export function regionDisplayName(region: Pick<Region, 'name'>, style: 'full' | 'short' = 'full'): string {
  if (style === 'full') return region.name;
  return region.name
    .replace(/^Kabupaten Administrasi /u, 'Kab. Adm. ')
    .replace(/^Kota Administrasi /u, 'Kota Adm. ')
    .replace(/^Kabupaten /u, 'Kab. ')
    .replace(/^Daerah Khusus Ibukota /u, 'DKI ')
    .replace(/^Daerah Istimewa /u, 'DI ');
}

const ALL_TIERS: readonly MatchTier[] = ['exact', 'words', 'fuzzy'];
const SURE_TIERS: readonly MatchTier[] = ['exact', 'words'];
const MAX_INPUT = 100;

/**
 * Reads the text three ways and keeps the surest: as typed ("Gunung Mas" ends in a polite word),
 * without "kak", "mas" … ("sleman kak"), and with a leading "kota" kept as part of the name
 * ("kota baru" is Kotabaru, not a city called Baru).
 */
function matchText(pool: readonly RegionEntry<Region>[], text: string, tiers: readonly MatchTier[]): EntryMatch<Region> {
  if (text.length > MAX_INPUT * 4) return { tier: 'none', hits: [], suggestions: [] };
  const asTyped = regionKey(text, { keepPoliteWords: true });
  if (asTyped.compact.length > MAX_INPUT) return { tier: 'none', hits: [], suggestions: [] };
  if (asTyped.kind !== null) {
    // Only as a whole name: "kota padang panjng" is a typo of Kota Padang Panjang, not "Kota" + Padang.
    const kept = matchEntries(pool, regionKey(text, { keepPoliteWords: true, keepKind: true }), ['exact']);
    if (kept.tier === 'exact') return kept;
  }
  const first = matchEntries(pool, asTyped, tiers);
  if (first.tier === 'exact') return first;
  const polite = regionKey(text);
  if (polite.compact === asTyped.compact) return first;
  const second = matchEntries(pool, polite, tiers);
  return rank(second) < rank(first) ? second : first;
}

// Lower is better: a surer tier first, then fewer candidates.
function rank(m: EntryMatch<Region>): number {
  const tier = m.tier === 'none' ? 3 : ALL_TIERS.indexOf(m.tier);
  return tier * 1000 + m.hits.length;
}

function toRegionMatch(m: EntryMatch<Region>): RegionMatch {
  if (m.tier === 'none') return { kind: 'none', suggestions: m.suggestions };
  const [only, ...rest] = m.hits;
  if (only !== undefined && rest.length === 0) return { kind: m.tier === 'exact' ? 'match' : 'likely', region: only };
  return { kind: 'ambiguous', candidates: m.hits.slice(0, MAX_CANDIDATES) };
}

// Regencies found for a province question stand for their provinces: both Bogors are in Jawa Barat.
function provincesOf(m: EntryMatch<Region>, byCode: ReadonlyMap<string, Region>): EntryMatch<Region> {
  const hits = [...new Set(m.hits.map((r) => byCode.get(r.provinceCode ?? '')).filter((p) => p !== undefined))];
  return hits.length > 0 ? { tier: m.tier === 'none' ? 'fuzzy' : m.tier, hits } : m;
}

function entriesOf(regions: readonly Region[], aliases: Readonly<Record<string, AliasTarget>>, byCode: ReadonlyMap<string, Region>, what: string): RegionEntry<Region>[] {
  const own = regions.map((region) => ({ region, key: regionKey(region.name, { keepPoliteWords: true }) }));
  const aliased = Object.entries(aliases).flatMap(([alias, target]) => (typeof target === 'string' ? [target] : target).map((code) => {
    const region = byCode.get(code);
    if (region === undefined) throw new Error(`${what} alias "${alias}" names unknown code ${code}`);
    return { region, key: regionKey(alias, { keepPoliteWords: true }) };
  }));
  return [...own, ...aliased];
}

function groupByProvince(entries: readonly RegionEntry<Region>[]): Map<string, RegionEntry<Region>[]> {
  const groups = new Map<string, RegionEntry<Region>[]>();
  for (const e of entries) groups.set(e.region.provinceCode ?? '', [...(groups.get(e.region.provinceCode ?? '') ?? []), e]);
  return groups;
}

function groupRegions(regions: readonly Region[]): Map<string, Region[]> {
  const groups = new Map<string, Region[]>();
  for (const r of regions) groups.set(r.provinceCode ?? '', [...(groups.get(r.provinceCode ?? '') ?? []), r]);
  return groups;
}
