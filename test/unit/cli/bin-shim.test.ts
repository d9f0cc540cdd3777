import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * src/main.ts belongs to the composition root, so the shim is checked in a temporary copy with
 * a stub main that wires runCli the way the real one should: exit code via process.exitCode.
 */
const stubMain = `
import { runCli } from '${repo}src/cli/run-cli.ts';
import { runTerminalChat } from '${repo}src/channels/simulator/terminal-chat.ts';

const queued = [];
const handler = { async handle(m) { queued.push({ text: 'Anda menulis: ' + m.text, choices: ['Ya', 'Tidak'] }); return { duplicate: false, replies: [] }; } };
const outbox = { async takeFor() { return queued.splice(0); } };
let n = 0;
const deps = {
  async start(options) { console.log('start', JSON.stringify(options)); },
  async chat({ contact }) {
    await runTerminalChat({ handler, outbox, contact, input: process.stdin, output: process.stdout,
      isTTY: Boolean(process.stdin.isTTY), newExternalId: () => 'x' + ++n });
  },
  async migrate() { console.log('migrated'); },
  async lintFlows(files) { return { ok: files.length === 0, report: files.map((f) => f + ':1: bad').join('\\n') }; },
};
process.exitCode = await runCli(process.argv.slice(2), deps, process);
`;

describe('bin/payung.js', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'payung-bin-'));
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'src'));
    copyFileSync(join(repo, 'bin/payung.js'), join(dir, 'bin/payung.js'));
    chmodSync(join(dir, 'bin/payung.js'), 0o755);
    copyFileSync(join(repo, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'src/main.ts'), stubMain);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const payung = (args: string[], input = '') =>
    spawnSync(join(dir, 'bin/payung.js'), args, { input, encoding: 'utf8', cwd: dir, timeout: 30_000 });

  it('runs as an executable and prints help', () => {
    const run = payung(['--help']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: payung <command>');
  });

  it('passes arguments through and exits with runCli code', () => {
    expect(payung(['start', '--channels', 'simulator', '--port', '3000']).stdout).toBe('start {"channels":["simulator"],"port":3000}\n');
    expect(payung(['flows', 'lint', 'flows/a.yaml'])).toMatchObject({ status: 1, stdout: 'flows/a.yaml:1: bad\n' });
    expect(payung(['frobnicate']).status).toBe(2);
  });

  it('chats from piped input', () => {
    const run = payung(['chat', '--contact', 'budi'], 'halo\nya\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Payung> Anda menulis: halo\n  1. Ya\n  2. Tidak\nPayung> Anda menulis: ya\n  1. Ya\n  2. Tidak\n');
  });
});
