import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PayungRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The real `payung` command (bin/payung.js) as an admin runs it, with `env` over this process's
 * environment (DATABASE_URL empty unless given: the embedded database) and `input` on stdin.
 */
export async function runPayung(args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<PayungRun> {
  const child = run('node', ['bin/payung.js', ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 200_000 });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
