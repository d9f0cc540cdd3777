import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A long-running `payung` process (bin/payung.js), as an operator starts it, for tests that kill it. */
export interface PayungProcess {
  readonly child: ChildProcess;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout + stderr; rejects after `timeoutMs` or when the process ends first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The exit code (null when killed by a signal) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnPayung(args: readonly string[], env: Record<string, string> = {}): PayungProcess {
  const child = spawn('node', ['bin/payung.js', ...args], { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => { out += chunk.toString(); for (const l of listeners) l(); });
  child.stderr?.on('data', (chunk: Buffer) => { err += chunk.toString(); for (const l of listeners) l(); });
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => { ended = true; for (const l of listeners) l(); resolve({ code, signal }); });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = (out + err).match(pattern);
          if (match) return finish(() => resolve(match));
          if (ended) finish(() => reject(new Error(`payung ended before printing ${pattern}:\n${out}\n${err}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`payung did not print ${pattern} within ${timeoutMs} ms:\n${out}\n${err}`))), timeoutMs);
        const finish = (then: () => void) => { clearTimeout(timer); listeners.delete(check); then(); };
        listeners.add(check);
        check();
      });
    },
    async kill(signal = 'SIGTERM') {
      if (!ended) child.kill(signal);
      await exited;
    },
  };
}

/** A TCP port nothing listens on now, for a server a test starts (port 0 is not always possible). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
