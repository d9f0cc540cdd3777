import type { ReceiptFacts } from '../domain/payment-receipt.ts';
import { longDate, monthName } from '../engine/views/month-name.ts';
import type { Catalogs } from '../i18n/catalog.ts';
import { formatRupiah } from '../i18n/rupiah.ts';
import { t } from '../i18n/translate.ts';
import type { OutboxPayload } from '../store/schema.ts';
import { addMonths } from '../domain/calendar.ts';

/** The approved WhatsApp template a receipt falls back to when the 24-hour window is closed. */
export const RECEIPT_TEMPLATE = 'kwitansi_iuran';
const TEMPLATE_LANGUAGE = 'id';

export interface ReceiptContent {
  readonly fullName: string;
  /** The payment code of the bill the payment went to. */
  readonly billCode: string;
  readonly facts: ReceiptFacts;
}

/**
 * A receipt as an outbox payload, in the contact's language (Indonesian as the fallback): one
 * short line each for the amount, the months it paid, cover, what is still missing and what comes
 * next. E.g. "Terima kasih, Siti! Pembayaran iuran Rp50.400 sudah kami terima. 🙏\nBulan yang
 * lunas: Desember 2026 – Februari 2027.\nPerlindungan Anda aktif sampai 28 Februari 2027.\n
 * Iuran berikutnya jatuh tempo 15 Maret 2027." Template params: name, amount, months, next due.
 */
export function receiptMessage(catalogs: Catalogs, language: string, content: ReceiptContent): OutboxPayload {
  const languages = [language, TEMPLATE_LANGUAGE];
  const text = receiptLines(catalogs, languages, content).join('\n');
  const { facts } = content;
  const params = [
    content.fullName,
    formatRupiah(facts.amount),
    facts.paidMonths.length > 0 ? monthRanges(catalogs, [TEMPLATE_LANGUAGE], facts.paidMonths) : '-',
    facts.nextDue === null ? '-' : longDate(catalogs, [TEMPLATE_LANGUAGE], facts.nextDue.dueDate),
  ];
  return { text, template: { name: RECEIPT_TEMPLATE, language: TEMPLATE_LANGUAGE, params } };
}

function receiptLines(catalogs: Catalogs, languages: readonly string[], { fullName, billCode, facts }: ReceiptContent): string[] {
  const say = (key: string, params: Record<string, string> = {}) => t(catalogs, languages, `kwitansi.${key}`, params);
  const date = (iso: string) => longDate(catalogs, languages, iso);
  const lines = [say('diterima', { nama: fullName, jumlah: formatRupiah(facts.amount) })];
  if (facts.paidMonths.length > 0) lines.push(say('bulan', { bulan: monthRanges(catalogs, languages, facts.paidMonths) }));
  else if (facts.missing !== null) lines.push(say('belum_sebulan'));
  if (facts.coveredUntil !== null) lines.push(say('sampai', { tanggal: date(facts.coveredUntil) }));
  if (facts.missing !== null) lines.push(say('kurang', { jumlah: formatRupiah(facts.missing.amount), kode: billCode, tanggal: date(facts.missing.dueDate) }));
  if (facts.credit > 0) lines.push(say('lebih', { jumlah: formatRupiah(facts.credit) }));
  const next = facts.nextDue;
  // The bill still missing money was just named with its date: not again as the next bill.
  if (next === null) lines.push(say('tidak_ada_berikutnya'));
  else if (facts.missing === null || next.billId === null || next.dueDate !== facts.missing.dueDate) {
    lines.push(next.amount === null
      ? say('berikutnya_tanggal', { tanggal: date(next.dueDate) })
      : say('berikutnya', { jumlah: formatRupiah(next.amount), tanggal: date(next.dueDate) }));
  }
  return lines;
}

/** ['2026-12', '2027-01', '2027-02', '2027-05'] → "Desember 2026 – Februari 2027, Mei 2027". */
export function monthRanges(catalogs: Catalogs, languages: readonly string[], months: readonly string[]): string {
  const runs: [string, string][] = [];
  for (const month of [...months].sort()) {
    const run = runs.at(-1);
    if (run !== undefined && addMonths(run[1], 1) === month) run[1] = month;
    else runs.push([month, month]);
  }
  const name = (m: string) => monthName(catalogs, languages, m);
  return runs.map(([from, to]) => (from === to ? name(from) : `${name(from)} – ${name(to)}`)).join(', ');
}
