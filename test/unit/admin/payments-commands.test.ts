import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../../src/admin/import-payments.ts';
import type { MarkPaidResult } from '../../../src/admin/mark-paid.ts';
import type { CliDeps, ImportPaymentsRequest } from '../../../src/cli/cli-deps.ts';
import { formatImportReport } from '../../../src/cli/commands/payments-import-report.ts';
import { paymentsProgress } from '../../../src/cli/commands/payments-progress.ts';
import { runCli } from '../../../src/cli/run-cli.ts';

const REPORT: ImportReport = {
  mode: 'apply-valid',
  status: 'committed',
  message: 'the valid rows were recorded; 1 invalid row(s) were not',
  entries: [
    { line: 2, externalRef: 'TRX-1', amount: 40_001, outcome: { kind: 'applied', billCode: 'PY12345678903', applied: 40_001, credit: 0, outstanding: 26_999, billPaid: false } },
    { line: 3, externalRef: 'TRX-22', amount: 30_000, outcome: { kind: 'applied', billCode: 'PY12345678903', applied: 26_999, credit: 3_001, outstanding: 0, billPaid: true } },
    { line: 4, externalRef: 'TRX-3', amount: 13_400, outcome: { kind: 'unmatched', reason: 'unknown_code' } },
    { line: 5, externalRef: 'TRX-4', amount: 5_000, outcome: { kind: 'duplicate', recordedAmount: 5_000 } },
    { line: 6, externalRef: '', amount: null, outcome: { kind: 'invalid', errors: [{ field: 'external_ref', message: 'is empty' }, { field: 'amount', message: '"12,5" has decimals' }] } },
  ],
  counts: { applied: 2, duplicate: 1, unmatched: 1, conflict: 0, invalid: 1, not_applied: 0 },
};

async function payung(argv: string[], overrides: Partial<CliDeps> = {}) {
  const deps = {
    start: vi.fn(async () => {}), chat: vi.fn(async () => {}), migrate: vi.fn(async () => {}),
    lintFlows: vi.fn(async () => ({ ok: true, report: '' })),
    importPayments: vi.fn(async (request: ImportPaymentsRequest) => {
      request.onProgress(1, 1);
      return REPORT;
    }),
    markPaid: vi.fn(async (): Promise<MarkPaidResult> => ({
      duplicate: false, conflict: false, externalRef: 'MANUAL:KW-1', paymentId: 'p', billId: 'b', billCode: 'PY12345678903',
      applied: 20_000, credit: 0, outstanding: 47_000, billPaid: false,
    })),
    ...overrides,
  };
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, deps, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr, deps };
}

describe('the import report', () => {
  it('lines the rows up in a table with amounts in Rupiah, then the summary and what happened', () => {
    expect(formatImportReport(REPORT)).toBe([
      'line  reference  amount    outcome    details',
      '2     TRX-1      Rp40.001  applied    PY12345678903: applied Rp40.001, credit Rp0, outstanding Rp26.999',
      '3     TRX-22     Rp30.000  applied    PY12345678903: applied Rp26.999, credit Rp3.001, outstanding Rp0, bill paid',
      '4     TRX-3      Rp13.400  unmatched  no bill has this payment code (kept on the unmatched list)',
      '5     TRX-4      Rp5.000   duplicate  already recorded with Rp5.000; nothing changed',
      '6     -          -         invalid    external_ref: is empty; amount: "12,5" has decimals',
      'applied 2, duplicate 1, unmatched 1, invalid 1',
      'The valid rows were recorded; 1 invalid row(s) were not.',
      '',
    ].join('\n'));
  });
});

describe('the progress bar', () => {
  it('redraws in place on a terminal, only when it changes', () => {
    let out = '';
    const bar = paymentsProgress({ isTTY: true, write: (t: string) => (out += t) }, 4);
    for (const done of [1, 2, 2, 3, 4]) bar.update(done);
    bar.finish();
    expect(out.split('\r').slice(1)).toEqual([
      '[#######.......................] 1/4', '[###############...............] 2/4',
      '[######################........] 3/4', '[##############################] 4/4\n',
    ]);
  });

  it('writes one final line elsewhere', () => {
    let out = '';
    const bar = paymentsProgress({ write: (t: string) => (out += t) }, 1000);
    for (let done = 1; done <= 412; done += 1) bar.update(done);
    bar.finish();
    expect(out).toBe('[############..................] 412/1000\n');
  });
});

describe('payung payments import and mark-paid, on the command line', () => {
  it('passes the parsed rows, the mode and who imports, and exits 0 once recorded', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'payung-cli-'));
    const file = join(folder, 'bri.csv');
    await writeFile(file, 'external_ref,payment_code,amount,paid_at\nTRX-1,PY12345678903,67000,2026-12-03\n');
    const { code, stdout, stderr, deps } = await payung(['payments', 'import', file, '--mode', 'apply-valid', '--by', 'siti']);
    expect(code).toBe(0);
    expect(deps.importPayments).toHaveBeenCalledWith(expect.objectContaining({
      mode: 'apply-valid', by: 'siti', file: 'bri.csv', rows: [expect.objectContaining({ ok: true, line: 2, externalRef: 'TRX-1' })],
    }));
    expect(stderr).toBe('[##############################] 1/1\n');
    expect(stdout).toContain('applied 2, duplicate 1, unmatched 1, invalid 1');
  });

  it.each([
    [['payments', 'import'], 'payung payments import: missing FILE: the CSV file to import.'],
    [['payments', 'import', 'nope.csv'], 'payung payments import: cannot read nope.csv: no such file.'],
    [['payments', 'import', 'a.csv', '--mode', 'some'], 'payung payments import: --mode must be all-or-nothing or apply-valid, got "some".'],
    [['payments', 'mark-paid', 'PY12345678903'], 'payung payments mark-paid: needs CODE and AMOUNT, for example PY93233739296 67000.'],
    [['payments', 'mark-paid', 'PY12345678903', '67000,50', '--admin', 'siti'], 'payung payments mark-paid: AMOUNT "67000,50" has decimals: payments are whole Rupiah, never rounded.'],
    [['payments', 'mark-paid', 'PY12345678903', '67000'], 'payung payments mark-paid: say who records the payment: --admin NAME or --agent CODE.'],
    [['payments', 'mark-paid', 'PY12345678903', '67000', '--admin', 'a', '--agent', 'B'], 'payung payments mark-paid: give --admin NAME or --agent CODE, not both.'],
  ])('%j is a usage error (exit 2) and touches nothing', async (argv, message) => {
    const { code, stderr, deps } = await payung(argv);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(message);
    expect(deps.importPayments).not.toHaveBeenCalled();
    expect(deps.markPaid).not.toHaveBeenCalled();
  });

  it('hands mark-paid the code, the exact amount and who, and says what was applied', async () => {
    const { code, stdout, deps } = await payung(['payments', 'mark-paid', 'py 1234-5678 903', 'Rp20.000', '--agent', 'agen123', '--note', 'tunai']);
    expect(code).toBe(0);
    expect(deps.markPaid).toHaveBeenCalledWith({ paymentCode: 'py 1234-5678 903', amount: 20_000, reference: null, note: 'tunai', by: { kind: 'agent', code: 'agen123' } });
    expect(stdout).toBe('Recorded Rp20.000 for PY12345678903 as MANUAL:KW-1: applied Rp20.000, credit Rp0, outstanding Rp47.000.\n');
  });

  it('exits 1 when mark-paid finds the reference recorded with another amount, saying it is kept for review', async () => {
    const conflict = async (): Promise<MarkPaidResult> => ({ duplicate: false, conflict: true, externalRef: 'MANUAL:KW-1', recordedAmount: 67_000 });
    const { code, stdout, stderr } = await payung(['payments', 'mark-paid', 'PY12345678903', '20000', '--admin', 'siti', '--reference', 'kw-1'], { markPaid: conflict });
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toBe('Reference MANUAL:KW-1 was recorded with Rp67.000, not Rp20.000: this payment was not applied and is kept for review (payung payments review).\n');
  });

  it('confirms a claim with the amount seen and says the payment was recorded and the vendor gets a receipt', async () => {
    const settleClaim = vi.fn(async () => ({
      id: '3f2a9c1e-0000-0000-0000-000000000000', memberId: 'm', contactId: 'c', billId: 'b', reference: 'TRX 8812', status: 'confirmed' as const,
      createdAt: new Date(), resolvedAt: new Date(), resolvedBy: 'admin:siti', recorded: { amount: 20_000, outstanding: 47_000, externalRef: 'CLAIM:3F2A9C1E' },
    }));
    const { code, stdout } = await payung(['payments', 'claim', '3f2a9c1e', 'confirmed', '--admin', 'siti', '--amount', 'Rp20.000'], { settleClaim });
    expect(code).toBe(0);
    expect(settleClaim).toHaveBeenCalledWith({ claim: '3f2a9c1e', resolution: 'confirmed', admin: 'siti', note: null, amount: 20_000 });
    expect(stdout).toBe('Claim 3f2a9c1e (reference "TRX 8812") is confirmed. Recorded Rp20.000 as CLAIM:3F2A9C1E (outstanding Rp47.000); the vendor gets a receipt.\n');
    expect((await payung(['payments', 'claim', '3f2a9c1e', 'rejected', '--admin', 'siti', '--amount', '5000'], { settleClaim })).code).toBe(2);
  });

  it('exits 1 when the import was refused', async () => {
    const refused: ImportReport = { ...REPORT, status: 'refused', message: 'nothing was applied: 1 of 5 row(s) are invalid (all-or-nothing)' };
    const folder = await mkdtemp(join(tmpdir(), 'payung-cli-'));
    const file = join(folder, 'bri.csv');
    await writeFile(file, 'external_ref,payment_code,amount,paid_at\nTRX-1,PY12345678903,67000,2026-12-03\n');
    const { code, stdout, stderr } = await payung(['payments', 'import', file], { importPayments: async () => refused });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('Nothing was applied: 1 of 5 row(s) are invalid (all-or-nothing). Fix them and import the file again, or use --mode apply-valid');
  });
});
