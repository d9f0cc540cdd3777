import type { BillStatus } from '../../domain/bill-status.ts';
import { isoToday } from '../../domain/dates.ts';
import { nextAllowedSendTime, type SendWindow } from '../../domain/quiet-hours.ts';
import type { TimeZone } from '../../domain/time-zones.ts';

/** Why a due reminder was not sent; kept in the timer's `reason`. */
export const SKIP = {
  billPaid: 'bill paid',
  lapsed: 'lapsed',
  superseded: 'superseded',
  ruleRemoved: 'rule no longer in pengingat.yaml',
  remindedToday: 'already reminded today',
  stopped: (reason: string | null) => `contact stopped (${reason ?? 'blocked'})`,
} as const;

/** What became of a due reminder: sent now, skipped for good, or waiting for an allowed time. */
export type ReminderDecision =
  | { readonly action: 'send' }
  | { readonly action: 'skip'; readonly reason: string }
  | { readonly action: 'wait'; readonly until: Date };

/** What is known about a due reminder when it is claimed. */
export interface ReminderFacts {
  /** The timer's rule was taken out of the reminder rules after it was planned. */
  readonly ruleRemoved: boolean;
  /** A later reminder of the same bill is due as well (the scheduler was down). */
  readonly superseded: boolean;
  /** The bill's status on the vendor's local date, from the ledger (partial payments counted). */
  readonly billStatus: BillStatus;
  /** The status column, kept in step by the bill upkeep job; either one saying so is enough. */
  readonly storedStatus: string;
  readonly contactStopped: boolean;
  readonly stopReason: string | null;
  readonly zone: Pick<TimeZone, 'utcOffset'>;
  /** When the contact was last queued a reminder, if within the last day. */
  readonly lastRemindedAt: Date | undefined;
}

/**
 * The rules, in order: a rule an admin removed, a paid bill, a stopped contact, a lapsed
 * membership and a superseded reminder are skipped; outside the quiet-hours window or on a holiday in the vendor's zone it
 * waits for the next allowed time; a contact already reminded on this local day is skipped;
 * otherwise it is sent.
 */
export function decideReminder(facts: ReminderFacts, now: Date, window: SendWindow, holidays: readonly string[]): ReminderDecision {
  if (facts.ruleRemoved) return { action: 'skip', reason: SKIP.ruleRemoved };
  if (facts.billStatus === 'paid' || facts.storedStatus === 'paid') return { action: 'skip', reason: SKIP.billPaid };
  if (facts.contactStopped) return { action: 'skip', reason: SKIP.stopped(facts.stopReason) };
  if (facts.billStatus === 'lapsed' || facts.storedStatus === 'lapsed') return { action: 'skip', reason: SKIP.lapsed };
  if (facts.superseded) return { action: 'skip', reason: SKIP.superseded };
  const allowed = nextAllowedSendTime(now, facts.zone.utcOffset, window, holidays);
  if (allowed.getTime() > now.getTime()) return { action: 'wait', until: allowed };
  const today = isoToday(now, facts.zone.utcOffset);
  if (facts.lastRemindedAt !== undefined && isoToday(facts.lastRemindedAt, facts.zone.utcOffset) === today) {
    return { action: 'skip', reason: SKIP.remindedToday };
  }
  return { action: 'send' };
}
