import { describe, expect, it } from 'vitest';
import { payung } from './fake-cli.ts';

describe('payung start', () => {
  it('leaves channels and port to the configuration by default', async () => {
    const { code, deps } = await payung(['start']);
    expect(code).toBe(0);
    expect(deps.start).toHaveBeenCalledWith({});
  });

  it('passes channels and port', async () => {
    const { deps } = await payung(['start', '--channels', 'simulator,telegram', '--port', '3000']);
    expect(deps.start).toHaveBeenCalledWith({ channels: ['simulator', 'telegram'], port: 3000 });
  });

  it('accepts --option=value, spaces, capitals and repeats', async () => {
    const { deps } = await payung(['start', '--channels= WhatsApp, simulator,whatsapp', '--port=8080']);
    expect(deps.start).toHaveBeenCalledWith({ channels: ['whatsapp', 'simulator'], port: 8080 });
  });

  it.each([
    [['--channels', 'sms'], 'unknown channel "sms"'],
    [['--channels', 'simulator,,telegram'], '--channels needs channel names'],
    [['--channels', ''], '--channels needs channel names'],
    [['--port', 'abc'], '--port must be a whole number from 1 to 65535, got "abc"'],
    [['--port', '0'], '--port must be'],
    [['--port', '70000'], '--port must be'],
    [['--port', '30.5'], '--port must be'],
    [['--port'], "Option '--port <value>' argument missing"],
  ])('refuses %j with exit 2', async (args, message) => {
    const { code, stderr, deps } = await payung(['start', ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(deps.start).not.toHaveBeenCalled();
  });
});

describe('payung chat', () => {
  it('talks as "terminal" by default', async () => {
    const { code, deps } = await payung(['chat']);
    expect(code).toBe(0);
    expect(deps.chat).toHaveBeenCalledWith({ contact: 'terminal' });
  });

  it('talks as the given contact', async () => {
    const { deps } = await payung(['chat', '--contact', 'budi']);
    expect(deps.chat).toHaveBeenCalledWith({ contact: 'budi' });
  });

  it('refuses a blank contact', async () => {
    const { code, stderr } = await payung(['chat', '--contact', ' ']);
    expect(code).toBe(2);
    expect(stderr).toContain('--contact needs an ID');
  });
});

describe('payung migrate', () => {
  it('migrates', async () => {
    const { code, deps } = await payung(['migrate']);
    expect(code).toBe(0);
    expect(deps.migrate).toHaveBeenCalledOnce();
  });
});

describe('payung flows lint', () => {
  it('lints every flow when given no files, and exits 0 when all is well', async () => {
    const { code, stdout, deps } = await payung(['flows', 'lint'], { ok: true, report: '2 flows, no problems.' });
    expect(code).toBe(0);
    expect(deps.lintFlows).toHaveBeenCalledWith([]);
    expect(stdout).toBe('2 flows, no problems.\n');
  });

  it('lints the given files, prints the report and exits 1 on problems', async () => {
    const report = 'flows/daftar.yaml:12: state "nik" is unreachable\n';
    const { code, stdout, deps } = await payung(['flows', 'lint', 'flows/daftar.yaml', 'flows/bayar.yaml'], { ok: false, report });
    expect(code).toBe(1);
    expect(deps.lintFlows).toHaveBeenCalledWith(['flows/daftar.yaml', 'flows/bayar.yaml']);
    expect(stdout).toBe(report);
  });

  it('takes a file whose name starts with a dash after --', async () => {
    const { deps } = await payung(['flows', 'lint', '--', '-odd.yaml']);
    expect(deps.lintFlows).toHaveBeenCalledWith(['-odd.yaml']);
  });
});
