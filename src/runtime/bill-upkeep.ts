/**
 * The bill upkeep: keeps the ledger moving without anyone writing. For every member, in pages of
 * `batchSize`, one transaction each, it
 * (a) creates the next bill once the last one is paid or falls due (nextBill: the member's current
 *     period, each month priced by the rate table so discounts follow the contribution month),
 *     catching up month by month after a pause, never once the membership has lapsed, and never
 *     for a member who has not paid anything yet (they are reminded to start instead);
 * (b) sets each bill's stored `status` to the one derived from the ledger (bill-status.ts), with
 *     a `bill.status_changed` audit row.
 * The member's row is locked FOR UPDATE SKIP LOCKED, so two upkeeps (two processes) share the
 * members and neither waits; the bills are then locked FOR UPDATE, so a payment being recorded
 * finishes first. UNIQUE(member_id, start_month) with ON CONFLICT DO NOTHING makes a bill created
 * twice a no-op.
 */
import { billStatuses } from '../domain/bill-status.ts';
import { coverageStatus } from '../domain/coverage-status.ts';
import { hasPaidAnything, type Bill } from '../domain/ledger.ts';
import { nextBill, type NewBill } from '../domain/next-bill.ts';
import { paymentCode } from '../domain/payment-code.ts';
import type { RateTable } from '../domain/rate-table.ts';
import type { ReferenceData } from '../domain/reference-data-types.ts';
import type { Clock } from '../lib/clock.ts';
import { createJobLoop, type BackgroundJob } from '../lib/job-loop.ts';
import type { Logger } from '../lib/logger.ts';
import type { Db, Tx } from '../store/db-types.ts';
import { writeAudit } from '../store/repos/audit.ts';
import { insertBillOnce, updateBillStatus } from '../store/repos/bills.ts';
import { lockMemberSkipLocked, memberIdsAfter } from '../store/repos/members.ts';
import { lockBillsOfMember, paymentsOfBills } from '../store/repos/payments.ts';
import { billingMemberOf, breakdownOf } from './billing-member.ts';
import { ledgerOf, memberToday } from './member-account.ts';

export interface BillUpkeepOptions {
  readonly db: Db;
  /** Only `rates` is read: prices, periods and the due-date calendar. */
  readonly data: Pick<ReferenceData, 'rates'>;
  readonly clock: Clock;
  /** n random decimal digits, for new bills' payment codes (tests pass a counter). */
  readonly randomDigits: (n: number) => string;
  /** Members read per page; default 100. */
  readonly batchSize?: number;
  readonly logger?: Logger;
  /** The pause of start()'s loop between rounds; default 15 minutes (days turn at local midnight). */
  readonly intervalMs?: number;
  /** How start() waits; tests pass one that returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What one round did. */
export interface UpkeepRound {
  /** Members looked at (locked and brought up to date). */
  readonly members: number;
  /** Members another upkeep held at the time: the next round takes them. */
  readonly skipped: number;
  /** Members whose upkeep failed (logged); their transaction was rolled back. */
  readonly failed: number;
  readonly billsCreated: number;
  readonly statusesChanged: number;
}

export type BillUpkeep = BackgroundJob<UpkeepRound>;

export const UPKEEP_ACTOR = 'system:upkeep';

export function createBillUpkeep(options: BillUpkeepOptions): BillUpkeep {
  const { db, clock } = options;
  const rates = options.data.rates;
  const batchSize = options.batchSize ?? 100;
  const log = options.logger?.child({ component: 'bill-upkeep' });
  const newCode = () => paymentCode(options.randomDigits(10));

  async function runOnce(): Promise<UpkeepRound> {
    const now = clock();
    const counts = { members: 0, skipped: 0, failed: 0, billsCreated: 0, statusesChanged: 0 };
    let after: string | null = null;
    for (;;) {
      const ids = await memberIdsAfter(db, after, batchSize);
      for (const id of ids) {
        try {
          const done = await db.transaction((tx) => upkeepMember(tx, id, now, rates, newCode));
          if (done === null) counts.skipped += 1;
          else {
            counts.members += 1;
            counts.billsCreated += done.billsCreated;
            counts.statusesChanged += done.statusesChanged;
          }
        } catch (error) {
          counts.failed += 1;
          log?.error({ err: error, memberId: id }, 'bill upkeep of a member failed');
        }
      }
      const last = ids.at(-1);
      if (last === undefined || ids.length < batchSize) break;
      after = last;
    }
    if (counts.billsCreated + counts.statusesChanged + counts.failed > 0) log?.info(counts, 'bill upkeep round');
    return counts;
  }

  const interval = options.intervalMs ?? 15 * 60_000;
  const loop = createJobLoop({
    name: 'bill upkeep', runOnce, idleMs: interval, maxErrorPauseMs: interval, ...(options.sleep ? { sleep: options.sleep } : {}), ...(log ? { logger: log } : {}),
  });
  return { runOnce, start: loop.start, stop: loop.stop };
}

/** A guard against bad data: a catch-up never creates more bills than this for one member per round. */
const MAX_NEW_BILLS = 24;
/** Draws of a payment code before giving up (10 random digits: a clash is already rare). */
const CODE_ATTEMPTS = 5;

/** One member's upkeep inside its transaction; null when another upkeep holds the member. */
async function upkeepMember(tx: Tx, memberId: string, now: Date, rates: RateTable, newCode: () => string) {
  const member = await lockMemberSkipLocked(tx, memberId);
  if (member === null) return null;
  const { zone, today } = memberToday(member, now);
  const rows = await lockBillsOfMember(tx, member.id);
  const ledger = ledgerOf(rows, await paymentsOfBills(tx, rows.map((b) => b.id)), zone);
  const stored = new Map(rows.map((b) => [b.id, b.status]));
  const audit = { actor: UPKEEP_ACTOR, entity: 'bill', at: now };

  let billsCreated = 0;
  for (let last = ledger.at(-1); last !== undefined && billsCreated < MAX_NEW_BILLS;) {
    if (coverageStatus(ledger, today, rates).status === 'lapsed') break;
    // One who never paid was never covered: they are reminded to start, not billed for later months.
    if (!hasPaidAnything(ledger, today)) break;
    const next = nextBill(billingMemberOf(member), last, rates, today);
    if (next === null) break;
    const id = await insertNextBill(tx, member.id, next, newCode);
    // Another run made it (only possible without the member lock): nothing more to do here.
    if (id === null) break;
    await writeAudit(tx, { ...audit, action: 'bill.created', entityId: id, details: { memberId: member.id, startMonth: next.startMonth, months: next.months, amount: next.amount, dueDate: next.dueDate, today } });
    last = { id, startMonth: next.startMonth, months: next.months, amount: next.amount, dueDate: next.dueDate, payments: [] } satisfies Bill;
    ledger.push(last);
    stored.set(id, 'unpaid');
    billsCreated += 1;
  }

  let statusesChanged = 0;
  for (const view of billStatuses(ledger, today, rates)) {
    const from = stored.get(view.id);
    if (from === view.status) continue;
    await updateBillStatus(tx, view.id, view.status);
    await writeAudit(tx, { ...audit, action: 'bill.status_changed', entityId: view.id, details: { memberId: member.id, from: from ?? null, to: view.status, today } });
    statusesChanged += 1;
  }
  return { billsCreated, statusesChanged };
}

/** The new bill's id, or null when the member has a bill starting that month already. */
async function insertNextBill(tx: Tx, memberId: string, next: NewBill, newCode: () => string): Promise<string | null> {
  // The same breakdown as the enrolment's first bill (engine/effects/register-member.ts).
  const breakdown = breakdownOf(next.quote);
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const result = await insertBillOnce(tx, {
      memberId, startMonth: next.startMonth, months: next.months, amount: next.amount, breakdown, dueDate: next.dueDate, paymentCode: newCode(),
    });
    if ('id' in result) return result.id;
    if (result.conflict === 'start_month') return null;
  }
  throw new Error(`no free payment code after ${CODE_ATTEMPTS} draws`);
}
