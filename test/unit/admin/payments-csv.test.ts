import { describe, expect, it } from 'vitest';
import { parsePaymentsCsv, PaymentsCsvError, type ParsedPaymentRow } from '../../../src/admin/payments-csv.ts';

const NIK = '3174015708850001';

function valid(rows: ParsedPaymentRow[]) {
  return rows.map((r) => {
    if (!r.ok) throw new Error(`line ${r.line} is invalid: ${JSON.stringify(r.errors)}`);
    return r.payment;
  });
}

function errorsOf(rows: ParsedPaymentRow[]) {
  return rows.flatMap((r) => (r.ok ? [] : r.errors.map((e) => ({ line: r.line, field: e.field, message: e.message }))));
}

function refusal(text: string): PaymentsCsvError {
  try {
    parsePaymentsCsv(text);
  } catch (error) {
    if (error instanceof PaymentsCsvError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parsePaymentsCsv: the file', () => {
  it('reads a comma-separated file with LF line ends', () => {
    const rows = parsePaymentsCsv('external_ref,payment_code,amount,paid_at\nTRX-1,PY12345678903,67000,2026-12-03T10:15:00+07:00\n');
    expect(valid(rows)).toEqual([{
      line: 2, externalRef: 'TRX-1', amount: 67_000, paidAt: new Date('2026-12-03T03:15:00Z'),
      paymentCode: 'PY12345678903', nik: null, note: null,
    }]);
  });

  it('reads what Indonesian Excel saves: BOM, semicolons, CRLF, Rp amounts, quoted separators and quotes', () => {
    const text = '\uFEFFExternal_Ref ; PAYMENT_CODE;Amount;paid_at;Note\r\n'
      + 'TRX-1;PY12345678903;Rp67.000;2026-12-03;"tunai; di kantor"\r\n'
      + 'TRX-2;PY12345678903;"Rp 13.400,00";2026-12-04;"kata ""lunas"""\r\n';
    const rows = valid(parsePaymentsCsv(text));
    expect(rows.map((r) => [r.line, r.externalRef, r.amount, r.note])).toEqual([
      [2, 'TRX-1', 67_000, 'tunai; di kantor'],
      [3, 'TRX-2', 13_400, 'kata "lunas"'],
    ]);
    // A bare date is midnight in Jakarta (WIB, +07:00).
    expect(rows[0]?.paidAt.toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });

  it('keeps a quoted line break in a value and counts lines from where each row starts', () => {
    const text = 'external_ref,nik,amount,paid_at,note\nA,' + NIK + ',1000,2026-12-03,"two\nlines"\nB,,1000,2026-12-03,\n';
    const rows = parsePaymentsCsv(text);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(valid(rows.slice(0, 1))[0]).toMatchObject({ nik: NIK, note: 'two\nlines' });
    expect(errorsOf(rows)).toEqual([{ line: 4, field: 'payment_code', message: expect.stringContaining('both empty') }]);
  });

  it('skips blank lines and rows of separators only, keeping the line numbers of the file', () => {
    const text = 'external_ref;payment_code;amount;paid_at\n\n;;;\nTRX-9;PY12345678903;500;2026-12-03\n';
    expect(valid(parsePaymentsCsv(text)).map((r) => [r.line, r.externalRef])).toEqual([[4, 'TRX-9']]);
  });

  it('names the missing and unknown columns and what it expects', () => {
    const error = refusal('external_ref;payment_code;amount;tanggal\nTRX-1;PY12345678903;500;2026-12-03\n');
    expect(error.message).toBe(
      'missing column(s): paid_at; unknown column(s): tanggal — expected external_ref, amount, paid_at, payment_code or nik, note',
    );
    expect(error.missing).toEqual(['paid_at']);
    expect(error.unknown).toEqual(['tanggal']);
  });

  it('asks for payment_code or nik when neither column is there, and refuses repeated and empty files', () => {
    expect(refusal('external_ref,amount,paid_at\n').message).toMatch(/^missing column\(s\): payment_code or nik — expected/);
    expect(refusal('external_ref,amount,amount,paid_at,nik\n').message).toMatch(/^repeated column\(s\): amount — /);
    expect(refusal('').message).toMatch(/^the file is empty/);
    expect(refusal('external_ref,nik,amount,paid_at\nA,1,2,"3\n').message).toBe('line 2: a quoted value is never closed (a " is missing)');
  });

  it('gives a file with a header only no rows', () => {
    expect(parsePaymentsCsv('external_ref,nik,amount,paid_at\r\n')).toEqual([]);
  });
});

describe('parsePaymentsCsv: the rows', () => {
  const file = (...lines: string[]) => ['external_ref;payment_code;amount;paid_at', ...lines].join('\n');
  const amountOf = (text: string) => {
    const [row] = parsePaymentsCsv(file(`T;PY12345678903;${text};2026-12-03`));
    return row?.ok ? row.payment.amount : row?.errors.map((e) => `${e.field}: ${e.message}`).join(' | ');
  };

  it('accepts whole Rupiah written the usual ways', () => {
    expect(['67000', '67.000', 'Rp67.000', 'rp 67.000', 'Rp. 67000', 'IDR 67000', '1.234.567', '67.000,00'].map(amountOf))
      .toEqual([67_000, 67_000, 67_000, 67_000, 67_000, 67_000, 1_234_567, 67_000]);
  });

  it('refuses decimals, negatives, zero and ambiguous amounts instead of rounding them', () => {
    expect(amountOf('67000,50')).toBe('amount: "67000,50" has decimals: payments are whole Rupiah, never rounded');
    expect(amountOf('67.5')).toMatch(/has decimals/);
    expect(amountOf('Rp67.000,5')).toMatch(/has decimals/);
    expect(amountOf('-67000')).toMatch(/is negative/);
    expect(amountOf('0')).toMatch(/Rp0/);
    expect(amountOf('67,000')).toMatch(/is not a whole Rupiah amount/);
    expect(amountOf('67.00.0')).toMatch(/is not a whole Rupiah amount/);
    expect(amountOf('')).toBe('amount: is empty');
  });

  it('reads date-times with and without an offset; a time without one is WIB', () => {
    const at = (text: string) => {
      const [row] = parsePaymentsCsv(file(`T;PY12345678903;500;${text}`));
      return row?.ok ? row.payment.paidAt.toISOString() : row?.errors[0]?.message;
    };
    expect(at('2026-12-03T10:15:00Z')).toBe('2026-12-03T10:15:00.000Z');
    expect(at('2026-12-03T10:15:30.250+08:00')).toBe('2026-12-03T02:15:30.250Z');
    expect(at('2026-12-03 10:15')).toBe('2026-12-03T03:15:00.000Z');
    expect(at('2026-12-03T10:15+0700')).toBe('2026-12-03T03:15:00.000Z');
    expect(at('03/12/2026')).toBe('"03/12/2026" is not an ISO date like 2026-12-03 or 2026-12-03T10:15:00+07:00');
    expect(at('2026-02-30')).toBe('"2026-02-30" is not a real date and time');
    expect(at('2026-12-03T24:00')).toBe('"2026-12-03T24:00" is not a real date and time');
  });

  it('reports every bad field of every row with its line, and keeps the good rows', () => {
    const rows = parsePaymentsCsv(file(
      'A;PY12345678903;1000;2026-12-03',
      ';PY12345678903;12,5;kemarin',
      'C;;1000;2026-12-03',
      'D;PY12345678903;1000;2026-12-03;extra',
    ));
    expect(rows.map((r) => r.ok)).toEqual([true, false, false, false]);
    expect(errorsOf(rows).map((e) => [e.line, e.field])).toEqual([
      [3, 'external_ref'], [3, 'amount'], [3, 'paid_at'],
      [4, 'payment_code'],
      [5, 'row'],
    ]);
  });

  it('refuses a reference repeated in the file, naming the first line, and a NIK that is not 16 digits without echoing it', () => {
    const text = 'external_ref,nik,amount,paid_at\nA,3174-0157-0885-0001,1000,2026-12-03\nA,3174015708850002,2000,2026-12-04\nB,31740157088500,1000,2026-12-03\n';
    const rows = parsePaymentsCsv(text);
    expect(rows[0]).toMatchObject({ ok: true, payment: { nik: NIK } });
    expect(errorsOf(rows)).toEqual([
      { line: 3, field: 'external_ref', message: 'repeats line 2: a reference is one payment' },
      { line: 4, field: 'nik', message: 'must be the 16 digits of a NIK' },
    ]);
    expect(JSON.stringify(errorsOf(rows))).not.toContain('31740157088500');
    const [noted] = valid(parsePaymentsCsv(`external_ref,nik,amount,paid_at,note\nA,${NIK},1000,2026-12-03,setoran NIK ${NIK}\n`));
    expect(noted?.note).toBe('setoran NIK ************0001');
  });
});
