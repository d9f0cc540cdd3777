import { describe, expect, it } from 'vitest';
import { isKnownZone, timeZoneOfProvince } from '../../../src/domain/time-zones.ts';
import { realRegionData } from './region-fixture.ts';

describe('timeZoneOfProvince', () => {
  it.each([
    ['11', 'WIB'], ['21', 'WIB'], ['31', 'WIB'], ['36', 'WIB'], ['61', 'WIB'], ['62', 'WIB'],
    ['51', 'WITA'], ['53', 'WITA'], ['63', 'WITA'], ['64', 'WITA'], ['65', 'WITA'], ['71', 'WITA'], ['76', 'WITA'],
    ['81', 'WIT'], ['82', 'WIT'], ['91', 'WIT'], ['96', 'WIT'],
  ])('%s → %s', (code, abbr) => {
    expect(timeZoneOfProvince(code).abbr).toBe(abbr);
  });

  it('gives the IANA name and offset', () => {
    expect(timeZoneOfProvince('31')).toEqual({ abbr: 'WIB', iana: 'Asia/Jakarta', utcOffset: 7 });
    expect(timeZoneOfProvince('51')).toEqual({ abbr: 'WITA', iana: 'Asia/Makassar', utcOffset: 8 });
    expect(timeZoneOfProvince('94')).toEqual({ abbr: 'WIT', iana: 'Asia/Jayapura', utcOffset: 9 });
  });

  it('covers every province in the data, and says when it falls back', () => {
    for (const p of realRegionData().provinces) expect(isKnownZone(p.code)).toBe(true);
    expect(isKnownZone('99')).toBe(false);
    expect(timeZoneOfProvince('99').abbr).toBe('WIB');
  });
});
