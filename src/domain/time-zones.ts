/** Indonesia's three zones; none observes daylight saving time. */
export interface TimeZone {
  readonly abbr: 'WIB' | 'WITA' | 'WIT';
  readonly iana: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  readonly utcOffset: 7 | 8 | 9;
}

export const WIB: TimeZone = { abbr: 'WIB', iana: 'Asia/Jakarta', utcOffset: 7 };
export const WITA: TimeZone = { abbr: 'WITA', iana: 'Asia/Makassar', utcOffset: 8 };
export const WIT: TimeZone = { abbr: 'WIT', iana: 'Asia/Jayapura', utcOffset: 9 };

/**
 * The zone of a province by its Kemendagri code. Sumatra, Java, West and Central Kalimantan are
 * WIB; Bali, Nusa Tenggara, the rest of Kalimantan and Sulawesi WITA; Maluku and Papua WIT.
 * An unknown code gets WIB, the zone of most members and of the capital; `isKnownZone` tells.
 */
export function timeZoneOfProvince(code: string): TimeZone {
  return ZONES.get(code) ?? WIB;
}

export function isKnownZone(provinceCode: string): boolean {
  return ZONES.has(provinceCode);
}

const ZONES: ReadonlyMap<string, TimeZone> = new Map([
  ...codes(WIB, '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 61 62'),
  ...codes(WITA, '51 52 53 63 64 65 71 72 73 74 75 76'),
  ...codes(WIT, '81 82 91 92 93 94 95 96'),
]);

function codes(zone: TimeZone, list: string): [string, TimeZone][] {
  return list.split(' ').map((code) => [code, zone]);
}
