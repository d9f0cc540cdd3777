import { describe, expect, it } from 'vitest';
import { localTime, nextAllowedSendTime } from '../../../src/domain/quiet-hours.ts';

const window = { startHour: 8, endHour: 20 };
const at = (iso: string): Date => new Date(iso);

describe('nextAllowedSendTime', () => {
  describe.each([
    ['WIB', 7, '+07:00'],
    ['WITA', 8, '+08:00'],
    ['WIT', 9, '+09:00'],
  ])('%s', (_zone, offset, suffix) => {
    const local = (dateTime: string): Date => at(`${dateTime}${suffix}`);

    it('sends at 19:59 local', () => {
      expect(nextAllowedSendTime(local('2026-11-25T19:59:00'), offset, window, [])).toEqual(local('2026-11-25T19:59:00'));
    });

    it('sends at 19:59:59.999 local', () => {
      expect(nextAllowedSendTime(local('2026-11-25T19:59:59.999'), offset, window, [])).toEqual(local('2026-11-25T19:59:59.999'));
    });

    it('waits from 20:00 local to 08:00 the next morning', () => {
      expect(nextAllowedSendTime(local('2026-11-25T20:00:00'), offset, window, [])).toEqual(local('2026-11-26T08:00:00'));
    });

    it('waits from 07:59 local to 08:00 the same morning', () => {
      expect(nextAllowedSendTime(local('2026-11-25T07:59:00'), offset, window, [])).toEqual(local('2026-11-25T08:00:00'));
    });

    it('sends at 08:00 sharp', () => {
      expect(nextAllowedSendTime(local('2026-11-25T08:00:00'), offset, window, [])).toEqual(local('2026-11-25T08:00:00'));
    });

    it('waits across midnight', () => {
      expect(nextAllowedSendTime(local('2026-11-25T23:59:00'), offset, window, [])).toEqual(local('2026-11-26T08:00:00'));
      expect(nextAllowedSendTime(local('2026-11-26T00:00:00'), offset, window, [])).toEqual(local('2026-11-26T08:00:00'));
    });

    it('waits across the end of a month and of a year', () => {
      expect(nextAllowedSendTime(local('2026-11-30T21:00:00'), offset, window, [])).toEqual(local('2026-12-01T08:00:00'));
      expect(nextAllowedSendTime(local('2026-12-31T20:00:00'), offset, window, ['2027-01-01'])).toEqual(local('2027-01-02T08:00:00'));
    });

    it('waits across the end of February in leap and common years', () => {
      expect(nextAllowedSendTime(local('2028-02-28T20:30:00'), offset, window, [])).toEqual(local('2028-02-29T08:00:00'));
      expect(nextAllowedSendTime(local('2027-02-28T20:30:00'), offset, window, [])).toEqual(local('2027-03-01T08:00:00'));
    });

    it('skips a holiday, even at noon', () => {
      expect(nextAllowedSendTime(local('2026-08-17T12:00:00'), offset, window, ['2026-08-17'])).toEqual(local('2026-08-18T08:00:00'));
    });

    it('skips a run of holidays after the evening before', () => {
      const lebaran = ['2027-03-10', '2027-03-11', '2027-03-12'];
      expect(nextAllowedSendTime(local('2027-03-09T20:00:00'), offset, window, lebaran)).toEqual(local('2027-03-13T08:00:00'));
    });
  });

  it('uses the local date, not the UTC date, to tell a holiday', () => {
    // 17:00 UTC on 16 August is 00:00 WIB on 17 August, a holiday in Jakarta.
    expect(nextAllowedSendTime(at('2026-08-16T17:00:00Z'), 7, window, ['2026-08-17'])).toEqual(at('2026-08-18T01:00:00Z'));
    // 10:00 UTC on 17 August is 17:00 WIB: still the holiday.
    expect(nextAllowedSendTime(at('2026-08-17T10:00:00Z'), 7, window, ['2026-08-17'])).toEqual(at('2026-08-18T01:00:00Z'));
  });

  it('gives different instants in each zone for the same wall-clock morning', () => {
    const night = at('2026-11-25T14:00:00Z'); // 21:00 WIB, 22:00 WITA, 23:00 WIT
    expect(nextAllowedSendTime(night, 7, window, []).toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(nextAllowedSendTime(night, 8, window, []).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(nextAllowedSendTime(night, 9, window, []).toISOString()).toBe('2026-11-25T23:00:00.000Z');
  });

  it('refuses a window that is not whole hours in order', () => {
    expect(() => nextAllowedSendTime(at('2026-11-25T00:00:00Z'), 7, { startHour: 20, endHour: 8 }, [])).toThrow(RangeError);
    expect(() => nextAllowedSendTime(at('2026-11-25T00:00:00Z'), 7, { startHour: 8.5, endHour: 20 }, [])).toThrow(RangeError);
  });
});

describe('localTime', () => {
  it('is hour:00 on the date in the zone', () => {
    expect(localTime('2026-12-31', 9, 9).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(localTime('2027-01-01', 2, 7).toISOString()).toBe('2026-12-31T19:00:00.000Z');
  });
});
