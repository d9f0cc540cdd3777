/**
 * The reminder scheduler: plans a timer row per reminder of every bill still owed (the dedupe
 * key, bill + rule, makes planning idempotent across restarts and processes), and turns due
 * timers into 'reminder' outbox rows for the dispatcher. Both steps run in batches, each in one
 * transaction with FOR UPDATE SKIP LOCKED, so any number of schedulers share one PostgreSQL and
 * a crash mid-batch loses nothing and queues nothing twice. Time comes from the clock passed in.
 */
import type { ReferenceData } from '../domain/reference-data-types.ts';
import type { Clock } from '../lib/clock.ts';
import { createJobLoop, type BackgroundJob } from '../lib/job-loop.ts';
import type { Logger } from '../lib/logger.ts';
import type { Db, Tx } from '../store/db-types.ts';
import type { FlowRegistry } from './flow-registry.ts';
import { fireReminders, type FireBatch } from './reminders/fire-reminders.ts';
import { planReminders, type PlanBatch } from './reminders/plan-reminders.ts';

export interface ReminderSchedulerOptions {
  readonly db: Db;
  /** Where the reminder texts come from: the catalogues published with the flow `flowId`. */
  readonly flows: Pick<FlowRegistry, 'latest'>;
  readonly data: Pick<ReferenceData, 'rates' | 'reminders'>;
  readonly clock: Clock;
  /** Bills planned, or timers claimed, per transaction; default 500. */
  readonly batchSize?: number;
  /**
   * Batches run at once, each on its own pooled connection; default 1. Two on PostgreSQL take a
   * round about 1.4× as fast (bench); on PGlite, with one connection, they would only take turns.
   */
  readonly workers?: number;
  readonly logger?: Logger;
  /** Names this worker in logs. */
  readonly workerId?: string;
  /** The flow whose published locale catalogues hold the `pengingat.*` texts; default 'pendaftaran'. */
  readonly flowId?: string;
  /** The pause of start()'s loop after a round with nothing to do; default 30 s. */
  readonly idleMs?: number;
  /** How start() waits; tests pass one that returns at once or advances a manual clock. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface PlanRound {
  readonly bills: number;
  readonly timers: number;
  readonly pending: number;
}

export interface FireRound {
  readonly claimed: number;
  readonly queued: number;
  readonly skipped: Readonly<Record<string, number>>;
  readonly waiting: number;
}

/** runOnce is planOnce, then fireOnce; stop() lets the current batch finish. */
export interface ReminderScheduler extends BackgroundJob<{ readonly planned: PlanRound; readonly fired: FireRound }> {
  /** Plans every bill that has no timers yet, batch by batch. */
  planOnce(): Promise<PlanRound>;
  /** Settles every timer due now, batch by batch. */
  fireOnce(): Promise<FireRound>;
}

const MAX_ERROR_PAUSE_MS = 10 * 60_000;

export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { db, clock, data } = options;
  const batchSize = options.batchSize ?? 500;
  const flowId = options.flowId ?? 'pendaftaran';
  const log = options.logger?.child({ component: 'reminder-scheduler', worker: options.workerId ?? 'scheduler' });
  const fireDeps = { data, catalogs: async (tx: Tx) => (await options.flows.latest(tx, flowId)).catalogs };

  const workers = Math.max(1, Math.floor(options.workers ?? 1));

  /**
   * `batch` in `workers` loops at once, each batch after batch until one comes back short. A
   * failing batch stops the others after their current batch; the round then fails with it.
   */
  async function inParallel<T>(batch: () => Promise<T>, full: (t: T) => boolean): Promise<T[]> {
    const done: T[] = [];
    let failed = false;
    const loops = await Promise.allSettled(Array.from({ length: workers }, async () => {
      while (!failed) {
        const result = await batch().catch((error: unknown) => {
          failed = true;
          throw error;
        });
        done.push(result);
        if (!full(result) || stopping()) break;
      }
    }));
    const rejected = loops.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (rejected) throw rejected.reason;
    return done;
  }

  async function planOnce(): Promise<PlanRound> {
    const batches = await inParallel(
      () => db.transaction((tx) => planReminders(tx, data, clock(), batchSize)),
      (batch: PlanBatch) => batch.locked === batchSize,
    );
    const total = { bills: 0, timers: 0, pending: 0 };
    for (const batch of batches) {
      total.bills += batch.bills;
      total.timers += batch.timers;
      total.pending += batch.pending;
    }
    if (total.bills > 0) log?.info(total, 'reminders planned');
    return total;
  }

  async function fireOnce(): Promise<FireRound> {
    const batches = await inParallel(
      () => db.transaction((tx) => fireReminders(tx, fireDeps, clock(), batchSize)),
      (batch: FireBatch) => batch.claimed === batchSize,
    );
    const total = { claimed: 0, queued: 0, skipped: {} as Record<string, number>, waiting: 0 };
    for (const batch of batches) {
      total.claimed += batch.claimed;
      total.queued += batch.queued;
      total.waiting += batch.waiting;
      for (const [reason, n] of Object.entries(batch.skipped)) total.skipped[reason] = (total.skipped[reason] ?? 0) + n;
    }
    if (total.claimed > 0) log?.info(total, 'due reminders settled');
    return total;
  }

  async function runOnce() {
    const planned = await planOnce();
    return { planned, fired: await fireOnce() };
  }

  const loop = createJobLoop({
    name: 'reminder', runOnce, idleMs: options.idleMs ?? 30_000, maxErrorPauseMs: MAX_ERROR_PAUSE_MS,
    ...(options.sleep ? { sleep: options.sleep } : {}), ...(log ? { logger: log } : {}),
    busy: (round) => round.planned.bills + round.fired.claimed > 0,
  });
  // Only a started loop stops between batches; a direct planOnce/fireOnce call runs to the end.
  function stopping(): boolean {
    return loop.stopping();
  }
  return { planOnce, fireOnce, runOnce, start: loop.start, stop: loop.stop };
}
