import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '../../../src/i18n/rupiah.ts';
import { openDatabase } from '../../../src/store/database.ts';
import { auditLog, bills, outbox, payments } from '../../../src/store/schema.ts';
import { enrolmentAnswers, testNik } from '../../helpers/enrolment-script.ts';
import { runPayung } from '../../helpers/run-payung.ts';
import { TEST_SECRET } from '../../helpers/runtime-app.ts';
import { createTestDatabase, usesPostgres, type TestDatabase } from '../../helpers/test-db.ts';

// Every step starts the real command (and PGlite from disk): seconds each on a busy machine.
const SLOW = 240_000;

/**
 * The real `payung` command on a database of its own: a fresh PostgreSQL database when the
 * suite runs on one, else the embedded database in a temporary data folder.
 */
// Real `payung` processes, each opening an embedded PGlite: a generous limit for a loaded machine.
describe('payung payments', { timeout: 240_000 }, () => {
  let folder = '';
  let server: TestDatabase | null = null;
  let env: Record<string, string> = {};

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'payung-payments-'));
    server = usesPostgres() ? await createTestDatabase() : null;
    env = { PAYUNG_SECRET: TEST_SECRET, PAYUNG_DATA_DIR: join(folder, 'data'), DATABASE_URL: server?.url ?? '' };
    expect((await payung(['migrate'])).code).toBe(0);
  }, SLOW);
  afterAll(async () => {
    await server?.close();
  });

  const payung = (args: string[], input?: string) => runPayung(args, env, input);

  /** Reads the command's database between runs (PGlite allows one process at a time). */
  async function inDatabase<T>(read: (db: TestDatabase['db']) => Promise<T>): Promise<T> {
    if (server !== null) return read(server.db);
    const database = await openDatabase({ driver: 'pglite', dir: join(folder, 'data', 'pglite') });
    try {
      return await read(database.db);
    } finally {
      await database.close();
    }
  }

  async function csv(name: string, text: string): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, text);
    return path;
  }

  it('refuses a file with wrong columns, naming them, and records nothing', async () => {
    const file = await csv('salah.csv', 'external_ref;payment_code;amount;tanggal\nTRX-1;PY12345678903;67000;2026-12-03\n');
    const result = await payung(['payments', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('payung payments import: missing column(s): paid_at; unknown column(s): tanggal'
      + ' — expected external_ref, amount, paid_at, payment_code or nik, note\n');
    expect(result.stdout).toBe('');
    expect(await inDatabase((db) => db.select().from(payments))).toEqual([]);
  }, SLOW);

  it('imports a good file once (bill paid, unknown code kept unmatched, a second run all duplicates), then marks paid by hand', async () => {
    const chat = await payung(['chat', '--contact', 'siti'], `${enrolmentAnswers(testNik(0)).join('\n')}\n`);
    expect(chat.stdout).toContain('Selamat, SITI AMINAH');
    const [bill] = await inDatabase((db) => db.select().from(bills));
    if (bill === undefined) throw new Error('the chat enrolment made no bill');

    // The command runs on the real clock, and a payment dated after tomorrow is refused: yesterday.
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const file = await csv('bri.csv', `\uFEFFexternal_ref;payment_code;amount;paid_at;note\r\n`
      + `TRX-1;${bill.paymentCode};${bill.amount + 1_000};${day}T09:00:00+07:00;"lebih; 1000"\r\n`
      + `TRX-2;PY99999999999;Rp13.400;${day};\r\n`);
    const first = await payung(['payments', 'import', file, '--by', 'siti']);
    expect(first.stderr).toBe('[##############################] 2/2\n');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${bill.paymentCode}: applied ${formatRupiah(bill.amount)}, credit Rp1.000, outstanding Rp0, bill paid`);
    expect(first.stdout).toMatch(/TRX-2 +Rp13\.400 +unmatched +no bill has this payment code/);
    expect(first.stdout).toContain('applied 1, duplicate 0, unmatched 1, invalid 0\nEvery row was recorded.\n');

    const review = await payung(['payments', 'review']);
    expect(review.code).toBe(0);
    expect(review.stdout).toMatch(new RegExp(`Unmatched payments \\(1\\):\\n {2}${day} 00:00 +Rp13\\.400 {2}TRX-2 {2}code PY99999999999 {2}\\(csv\\): no bill has this payment code\\n`));

    const claim = await payung(['payments', 'claim', 'ffffffff', 'confirmed', '--admin', 'siti']);
    expect(claim).toMatchObject({ code: 1, stderr: 'payung payments claim: no claim has the id "ffffffff": see `payung payments review`\n' });
    expect((await payung(['payments', 'claim', 'ffffffff', 'lunas', '--admin', 'siti'])).code).toBe(2);

    const second = await payung(['payments', 'import', file]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('applied 0, duplicate 2, unmatched 0, invalid 0');

    const stored = await inDatabase(async (db) => ({
      payments: await db.select().from(payments).orderBy(asc(payments.externalRef)),
      bills: await db.select().from(bills),
      imports: (await db.select().from(auditLog)).filter((a) => a.action === 'payment.csv_imported'),
      receipts: await db.select().from(outbox).where(like(outbox.dedupeKey, 'receipt:%')),
    }));
    expect(stored.payments.map((p) => [p.externalRef, p.source, p.status, p.amount, p.appliedAmount, p.creditAmount])).toEqual([
      ['TRX-1', 'csv', 'applied', bill.amount + 1_000, bill.amount, 1_000],
      ['TRX-2', 'csv', 'unmatched', 13_400, 0, 0],
    ]);
    expect(stored.bills[0]?.status).toBe('paid');
    // The vendor's receipt, written by the command from the locale files, waits for their chat.
    expect(stored.receipts.map((r) => [r.address, r.payload.text.split('\n')[0]])).toEqual([['siti', `Terima kasih, SITI AMINAH! Pembayaran iuran ${formatRupiah(bill.amount + 1_000)} sudah kami terima. 🙏`]]);
    expect(stored.imports.map((a) => [a.actor, a.entityId])).toEqual([['admin:siti', 'bri.csv'], [expect.stringMatching(/^admin:./), 'bri.csv']]);

    const marked = await payung(['payments', 'mark-paid', bill.paymentCode, 'Rp5.000', '--admin', 'siti', '--reference', 'KW-1']);
    expect(marked).toMatchObject({ code: 0, stdout: `Recorded Rp5.000 for ${bill.paymentCode} as MANUAL:KW-1: applied Rp0, credit Rp5.000, outstanding Rp0.\n` });
    expect((await inDatabase((db) => db.select().from(payments))).map((p) => [p.externalRef, p.source, p.creditAmount]))
      .toContainEqual(['MANUAL:KW-1', 'manual', 5_000]);
  }, SLOW);
});
