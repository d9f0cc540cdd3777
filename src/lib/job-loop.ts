import type { Logger } from './logger.ts';

export interface JobLoopOptions<R> {
  /** Names the job in the log line of a failed round. */
  readonly name: string;
  readonly runOnce: () => Promise<R>;
  /** Whether a round found work, so the next one starts at once; by default every round pauses. */
  readonly busy?: (round: R) => boolean;
  /** The pause after a round without work. */
  readonly idleMs: number;
  /** After failed rounds the pause doubles each time (the database is down, a bug repeats), up to this. */
  readonly maxErrorPauseMs: number;
  /** How the loop waits; tests pass one that returns at once or advances a manual clock. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly logger?: Logger;
}

export interface JobLoop {
  /** Loops the job until stop(); a round that fails is logged and the loop goes on. */
  start(): void;
  /** Lets the current round finish (a pause is cut short), then resolves. */
  stop(): Promise<void>;
  /** True between stop() and the loop's end: a long round may stop between its batches. */
  stopping(): boolean;
}

/** A background job: one round on demand (tests, CLI), or rounds in a loop until stopped. */
export interface BackgroundJob<R> extends Pick<JobLoop, 'start' | 'stop'> {
  runOnce(): Promise<R>;
}

/** The background loop the dispatcher, the bill upkeep and the reminder scheduler run in. */
export function createJobLoop<R>(options: JobLoopOptions<R>): JobLoop {
  let loop: Promise<void> | null = null;
  let running = false;
  const idle = createIdle(options.sleep);
  return {
    start() {
      if (loop !== null) return;
      running = true;
      loop = (async () => {
        let failures = 0;
        while (running) {
          const round = await options.runOnce().then((r) => ({ r }), (error: unknown) => {
            options.logger?.error({ err: error, failures: failures + 1 }, `${options.name} round failed`);
            return null;
          });
          failures = round === null ? failures + 1 : 0;
          const busy = round !== null && (options.busy?.(round.r) ?? false);
          if (!busy && running) await idle.wait(Math.min(options.maxErrorPauseMs, options.idleMs * 2 ** failures));
        }
      })();
    },
    async stop() {
      running = false;
      idle.wake();
      await loop;
      loop = null;
    },
    stopping: () => loop !== null && !running,
  };
}

/** The idle pause: the injected sleep, or a timer that stop() cuts short. */
function createIdle(sleep: ((ms: number) => Promise<void>) | undefined) {
  let wakeUp: (() => void) | null = null;
  return {
    wait(ms: number): Promise<void> {
      if (sleep !== undefined) return sleep(ms);
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => { wakeUp = null; resolve(); }, ms);
        wakeUp = () => { clearTimeout(timer); wakeUp = null; resolve(); };
      });
    },
    wake(): void {
      wakeUp?.();
    },
  };
}
