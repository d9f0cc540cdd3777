/**
 * A payment partner's CSV export, read into rows `importPayments` can record. Pure: text in,
 * rows out. RFC 4180 quoting, `,` or `;` (Indonesian Excel writes `;`) detected from the header,
 * optional BOM, CRLF or LF. A file with wrong columns is refused as a whole (PaymentsCsvError);
 * a bad row is kept as data with its 1-based line and the field at fault, so the import can report
 * every row. Example, as Excel saves it in Indonesia:
 *
 *   external_ref;payment_code;amount;paid_at;note
 *   TRX-0001;PY12345678903;Rp67.000;2026-12-03;"tunai; di kantor"
 */
import { maskNik } from '../domain/nik.ts';
import { normalizeReference } from '../domain/payment-reference.ts';
import { PayungError } from '../lib/errors.ts';

/** A row ready to record. Amounts are integer Rupiah, exactly as written. */
export interface PaymentCsvRow {
  readonly line: number;
  readonly externalRef: string;
  readonly amount: number;
  readonly paidAt: Date;
  readonly paymentCode: string | null;
  readonly nik: string | null;
  readonly note: string | null;
}

export interface CsvFieldError {
  /** The column at fault, or 'row' when the row's shape is. */
  readonly field: string;
  /** Says what is wrong and what is expected; never repeats a NIK. */
  readonly message: string;
}

export type ParsedPaymentRow =
  | { readonly ok: true; readonly line: number; readonly externalRef: string; readonly payment: PaymentCsvRow }
  | { readonly ok: false; readonly line: number; readonly externalRef: string; readonly errors: readonly CsvFieldError[] };

/** The whole file cannot be read: wrong columns, an empty file, a quote never closed. */
export class PaymentsCsvError extends PayungError {
  override readonly name = 'PaymentsCsvError';
  constructor(message: string, readonly missing: readonly string[] = [], readonly unknown: readonly string[] = []) {
    super(message);
  }
}

const REQUIRED = ['external_ref', 'amount', 'paid_at'] as const;
const KNOWN = new Set<string>([...REQUIRED, 'payment_code', 'nik', 'note']);
const EXPECTED = 'expected external_ref, amount, paid_at, payment_code or nik, note';

/** Throws PaymentsCsvError when the file as a whole is unusable; row problems are in the rows. */
export function parsePaymentsCsv(text: string): ParsedPaymentRow[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const [header, ...records] = csvRecords(body, separatorOf(body));
  if (header === undefined) throw new PaymentsCsvError(`the file is empty — ${EXPECTED}`);
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  checkColumns(columns);
  const firstLineOf = new Map<string, number>();
  return records.map((record) => {
    const cells = new Map(columns.map((name, i) => [name, (record.fields[i] ?? '').trim()]));
    const row = rowOf(record.line, cells, record.fields.slice(columns.length).some((f) => f.trim() !== ''), columns.length);
    // "trx-001" and "TRX 001" are one reference (normalizeReference), so one payment.
    const key = normalizeReference(row.externalRef);
    const earlier = firstLineOf.get(key);
    if (key !== '' && earlier === undefined) firstLineOf.set(key, record.line);
    if (earlier === undefined) return row;
    const duplicate = { field: 'external_ref', message: `repeats line ${earlier}: a reference is one payment` };
    return { ok: false, line: row.line, externalRef: row.externalRef, errors: [...(row.ok ? [] : row.errors), duplicate] };
  });
}

function checkColumns(columns: readonly string[]): void {
  const missing: string[] = REQUIRED.filter((name) => !columns.includes(name));
  if (!columns.includes('payment_code') && !columns.includes('nik')) missing.push('payment_code or nik');
  const unknown = [...new Set(columns.filter((name) => !KNOWN.has(name)))].map((name) => name || '(empty)');
  const repeated = [...new Set(columns.filter((name, i) => KNOWN.has(name) && columns.indexOf(name) !== i))];
  const problems = [
    ...(missing.length > 0 ? [`missing column(s): ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`unknown column(s): ${unknown.join(', ')}`] : []),
    ...(repeated.length > 0 ? [`repeated column(s): ${repeated.join(', ')}`] : []),
  ];
  if (problems.length > 0) throw new PaymentsCsvError(`${problems.join('; ')} — ${EXPECTED}`, missing, unknown);
}

function rowOf(line: number, cells: ReadonlyMap<string, string>, extraFields: boolean, width: number): ParsedPaymentRow {
  const errors: CsvFieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (extraFields) fail('row', `has more fields than the ${width} columns of the header (an unquoted separator inside a value?)`);
  const externalRef = cells.get('external_ref') ?? '';
  if (externalRef === '') fail('external_ref', 'is empty: every payment needs its reference');
  else if (externalRef.length > 200) fail('external_ref', 'is longer than 200 characters');
  const amount = readRupiah(cells.get('amount') ?? '');
  if (typeof amount === 'string') fail('amount', amount);
  const paidAt = instantOf(cells.get('paid_at') ?? '');
  if (typeof paidAt === 'string') fail('paid_at', paidAt);
  const paymentCode = cells.get('payment_code') || null;
  const nikText = cells.get('nik') || null;
  const nik = nikText?.replace(/[\s.-]/gu, '') ?? null;
  if (paymentCode === null && nik === null) fail('payment_code', 'and nik are both empty: one of them says whose payment it is');
  if (paymentCode !== null && paymentCode.length > 64) fail('payment_code', 'is longer than 64 characters');
  if (nik !== null && !/^\d{16}$/u.test(nik)) fail('nik', 'must be the 16 digits of a NIK');
  // A note may quote a NIK; it is kept with the payment for an admin, so only masked.
  const note = cells.get('note')?.replace(/\b\d{16}\b/gu, maskNik) || null;
  if (errors.length > 0 || typeof amount === 'string' || typeof paidAt === 'string') return { ok: false, line, externalRef, errors };
  return { ok: true, line, externalRef, payment: { line, externalRef, amount, paidAt, paymentCode, nik, note } };
}

/**
 * "67000", "67.000", "Rp67.000", "Rp 67.000,00" → 67000; otherwise what is wrong with it.
 * Decimals other than ",00" are refused, never rounded; so are negatives, zero and "67,000"
 * (a decimal comma in Indonesia). Also reads the amount typed to `payung payments mark-paid`.
 */
export function readRupiah(text: string): number | string {
  const value = text.replace(/^(rp\.?|idr)\s*/iu, '').replace(/,0{1,2}$/u, '');
  if (value === '') return 'is empty';
  if (/^[-−(]/u.test(value)) return `"${text}" is negative: a payment is more than Rp0`;
  const digits = /^\d+$/u.test(value) ? value : /^\d{1,3}(\.\d{3})+$/u.test(value) ? value.replaceAll('.', '') : null;
  if (digits === null) {
    if (/^(\d+|\d{1,3}(\.\d{3})+)[.,]\d{1,2}$/u.test(value)) return `"${text}" has decimals: payments are whole Rupiah, never rounded`;
    return `"${text}" is not a whole Rupiah amount (write 67000, 67.000 or Rp67.000)`;
  }
  const amount = Number(digits);
  if (amount === 0) return 'is Rp0: a payment is more than Rp0';
  return Number.isSafeInteger(amount) ? amount : `"${text}" is too large`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/iu;

/** An ISO date or date-time. A bare date, or a time without offset, is in WIB (+07:00). */
function instantOf(text: string): Date | string {
  const m = DATE_TIME.exec(text);
  if (m === null) return `"${text}" is not an ISO date like 2026-12-03 or 2026-12-03T10:15:00+07:00`;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone] = m;
  // Not Date.UTC, which reads years 0–99 as 1900–1999: year 0001 must reach the date window
  // check (import-payments.ts) and be refused as a date, not called unreal.
  const calendar = new Date(0);
  calendar.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  const realDay = calendar.getUTCFullYear() === Number(y) && calendar.getUTCMonth() === Number(mo) - 1 && calendar.getUTCDate() === Number(d);
  if (!realDay || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return `"${text}" is not a real date and time`;
  const offset = zone === undefined ? '+07:00' : zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${offset}`);
}

/** The header's separator: whichever of `;` and `,` it has more of outside quotes. */
function separatorOf(text: string): ',' | ';' {
  let quoted = false;
  const count = { ',': 0, ';': 0 };
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';')) count[c] += 1;
  }
  return count[';'] > count[','] ? ';' : ',';
}

interface CsvRecord {
  /** Where the record starts, 1-based. */
  readonly line: number;
  readonly fields: readonly string[];
}

/** RFC 4180 records. Blank lines, and rows of separators only (Excel writes them), are skipped. */
function csvRecords(text: string, separator: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') {
        field += c;
        if (c === '\n') line += 1;
      } else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else {
        quoted = false;
      }
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new PaymentsCsvError(`line ${start}: a quoted value is never closed (a " is missing)`);
  endRecord();
  return records;
}
