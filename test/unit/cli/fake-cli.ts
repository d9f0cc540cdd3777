import { vi } from 'vitest';
import type { CliIO } from '../../../src/cli/cli-command.ts';
import type { CliDeps, FlowLintResult } from '../../../src/cli/cli-deps.ts';
import { runCli } from '../../../src/cli/run-cli.ts';

/** Runs `payung …` against recording deps and string outputs. */
export async function payung(argv: string[], lint: FlowLintResult = { ok: true, report: '' }) {
  const deps = {
    start: vi.fn<CliDeps['start']>(async () => {}),
    chat: vi.fn<CliDeps['chat']>(async () => {}),
    migrate: vi.fn<CliDeps['migrate']>(async () => {}),
    lintFlows: vi.fn<CliDeps['lintFlows']>(async () => lint),
  };
  return runWith(argv, deps);
}

export async function runWith<D extends CliDeps>(argv: string[], deps: D) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await runCli(argv, deps, io);
  return { code, stdout, stderr, deps };
}
