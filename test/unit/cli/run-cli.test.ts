import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/command-table.ts';
import { FlowError, PayungError } from '../../../src/lib/errors.ts';
import { payung, runWith } from './fake-cli.ts';

describe('payung --help', () => {
  it.each([['--help'], ['-h'], ['help']])('%s lists every command', async (flag) => {
    const { code, stdout, stderr } = await payung([flag]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: payung <command>/);
    for (const name of ['start', 'chat', 'migrate', 'flows lint']) expect(stdout).toContain(`  ${name} `);
  });

  it.each([['start'], ['chat'], ['migrate'], ['flows', 'lint']])('payung %s --help says what it does, with an example', async (...words) => {
    const { code, stdout, deps } = await payung([...words, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: payung ${words.join(' ')}`);
    expect(stdout).toMatch(/-h, --help/);
    expect(stdout).toMatch(/Examples?:\n {2}payung /);
    expect(Object.values(deps).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });

  it('payung help start is payung start --help', async () => {
    expect((await payung(['help', 'start'])).stdout).toBe((await payung(['start', '--help'])).stdout);
    expect((await payung(['help', 'flows', 'lint'])).stdout).toBe((await payung(['flows', 'lint', '-h'])).stdout);
  });

  it('payung flows --help lists the flows commands', async () => {
    const { code, stdout } = await payung(['flows', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: payung flows <command>');
    expect(stdout).toContain('  lint');
  });

  it('fits every help text in an 80-column terminal', async () => {
    const texts = [(await payung(['--help'])).stdout, (await payung(['flows', '--help'])).stdout, ...COMMANDS.map((c) => c.help)];
    for (const line of texts.join('\n').split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});

describe('payung with a wrong command line', () => {
  it.each([
    [[], 'payung: missing command.'],
    [['frobnicate'], 'payung: unknown command "frobnicate".'],
    [['--verbose'], 'payung: unknown option "--verbose".'],
    [['flows'], 'payung flows: missing command.'],
    [['flows', 'publish'], 'payung flows: unknown command "flows publish".'],
    [['help', 'nope'], 'payung help: unknown command "nope".'],
    [['start', '--verbose'], "payung start: Unknown option '--verbose'."],
    [['start', 'now'], "payung start: Unexpected argument 'now'."],
    [['migrate', '--force'], "payung migrate: Unknown option '--force'."],
  ])('%j exits 2 and points to help', async (argv, message) => {
    const { code, stdout, stderr, deps } = await payung(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(message);
    expect(stderr).toMatch(/Run 'payung[a-z ]* --help'/);
    expect(Object.values(deps).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });
});

describe('payung when the work fails', () => {
  const failing = (error: unknown) => ({
    start: async () => {},
    chat: async () => {},
    migrate: async () => {
      throw error;
    },
    lintFlows: async () => ({ ok: true, report: '' }),
  });

  it('prints a Payung error as its message and exits 1', async () => {
    const { code, stderr } = await runWith(['migrate'], failing(new PayungError('cannot reach the database at localhost:5432')));
    expect(code).toBe(1);
    expect(stderr).toBe('payung migrate: cannot reach the database at localhost:5432\n');
  });

  it('lists a FlowError with its issues', async () => {
    const error = new FlowError('flows/daftar.yaml is not valid', [{ file: 'flows/daftar.yaml', line: 12, message: 'state "nik" is unreachable' }]);
    const { stderr } = await runWith(['migrate'], failing(error));
    expect(stderr).toContain('  flows/daftar.yaml:12: state "nik" is unreachable');
  });

  it('shows the stack of an unexpected error', async () => {
    const { code, stderr } = await runWith(['migrate'], failing(new RangeError('oops')));
    expect(code).toBe(1);
    expect(stderr).toContain('RangeError: oops\n    at ');
  });
});
