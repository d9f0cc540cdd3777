/**
 * A progress bar on standard error, `[########............] 412/1000`: redrawn in place with
 * `\r` on a terminal; elsewhere (a log file, CI) only the final line, so logs stay readable.
 */
export interface ProgressTarget {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const WIDTH = 30;

export function paymentsProgress(target: ProgressTarget, total: number): { update(done: number): void; finish(): void } {
  let done = 0;
  let drawn = '';
  const bar = () => {
    const filled = total === 0 ? WIDTH : Math.floor((done / total) * WIDTH);
    return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`;
  };
  return {
    update(n) {
      done = n;
      if (target.isTTY !== true) return;
      const next = bar();
      if (next !== drawn) target.write(`\r${next}`);
      drawn = next;
    },
    finish() {
      target.write(target.isTTY === true ? (drawn === '' ? `${bar()}\n` : '\n') : `${bar()}\n`);
    },
  };
}
