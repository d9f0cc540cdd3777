import { describe, expect, it } from 'vitest';
import { localTime } from '../../../src/domain/quiet-hours.ts';
import { decideReminder, SKIP, type ReminderFacts } from '../../../src/runtime/reminders/decide-reminder.ts';

const WIB = { utcOffset: 7 } as const;
const window = { startHour: 8, endHour: 20 };
const at9 = localTime('2026-12-08', 9, 7);
const facts: ReminderFacts = {
  ruleRemoved: false, superseded: false, billStatus: 'unpaid', storedStatus: 'unpaid',
  contactStopped: false, stopReason: null, zone: WIB, lastRemindedAt: undefined,
};
const decide = (change: Partial<ReminderFacts>, now = at9, holidays: string[] = []) => decideReminder({ ...facts, ...change }, now, window, holidays);

describe('decideReminder', () => {
  it('sends a due reminder of an unpaid bill inside the window', () => {
    expect(decide({})).toEqual({ action: 'send' });
  });

  it('skips a rule an admin removed before anything else', () => {
    expect(decide({ ruleRemoved: true, billStatus: 'paid', contactStopped: true })).toEqual({ action: 'skip', reason: SKIP.ruleRemoved });
  });

  it('skips a paid bill (ledger or stored status), then a stopped contact, then a lapse, then a superseded reminder', () => {
    expect(decide({ storedStatus: 'paid', contactStopped: true })).toEqual({ action: 'skip', reason: SKIP.billPaid });
    expect(decide({ contactStopped: true, stopReason: 'opt_out', billStatus: 'lapsed' })).toEqual({ action: 'skip', reason: 'contact stopped (opt_out)' });
    expect(decide({ storedStatus: 'lapsed', superseded: true })).toEqual({ action: 'skip', reason: SKIP.lapsed });
    expect(decide({ superseded: true })).toEqual({ action: 'skip', reason: SKIP.superseded });
  });

  it('waits outside 08:00–20:00 local and on a holiday, until the next allowed morning', () => {
    expect(decide({}, localTime('2026-12-08', 21, 7))).toEqual({ action: 'wait', until: localTime('2026-12-09', 8, 7) });
    expect(decide({}, at9, ['2026-12-08'])).toEqual({ action: 'wait', until: localTime('2026-12-09', 8, 7) });
  });

  it('skips a second reminder on the same local day, not one the day before', () => {
    expect(decide({ lastRemindedAt: localTime('2026-12-08', 8, 7) })).toEqual({ action: 'skip', reason: SKIP.remindedToday });
    expect(decide({ lastRemindedAt: localTime('2026-12-07', 19, 7) })).toEqual({ action: 'send' });
  });
});
