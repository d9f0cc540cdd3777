import { longDate } from '../../engine/views/month-name.ts';
import type { Catalogs } from '../../i18n/catalog.ts';
import { formatRupiah } from '../../i18n/rupiah.ts';
import { t } from '../../i18n/translate.ts';
import type { OutboxPayload } from '../../store/schema.ts';

/** The approved WhatsApp template a reminder falls back to when the 24-hour window is closed. */
export const REMINDER_TEMPLATE = 'pengingat_iuran';
const TEMPLATE_LANGUAGE = 'id';
/**
 * The answers a reminder offers as buttons (Telegram) or a numbered list (WhatsApp): the member
 * menu's own labels, so a tapped button is read there as that choice.
 */
const REPLY_CHOICES = ['pengingat.menu.sudah_bayar', 'pengingat.menu.cara_bayar', 'pengingat.menu.cek', 'pengingat.menu.berhenti'] as const;

/** The placeholders a rule's text may use: what a reminder knows to fill in. */
export const REMINDER_PLACEHOLDERS = ['nama', 'tagihan.jumlah', 'tagihan.jatuh_tempo', 'tagihan.kode'] as const;

export interface ReminderContent {
  readonly localeKey: string;
  readonly fullName: string;
  /** What is still owed on the bill: the amount less the payments so far. */
  readonly outstanding: number;
  readonly dueDate: string;
  readonly paymentCode: string;
  /** Every bill of the member that is still owed and payable (this one included), when there are several. */
  readonly allOwed?: { readonly amount: number; readonly bills: number };
}

const TOTAL_KEY = 'pengingat.total_tagihan';
const TOTAL_PLACEHOLDERS = ['jumlah', 'banyak'] as const;

/** Texts every reminder may use besides its rule's, each with the placeholders it is given. */
export const REMINDER_FIXED_TEXTS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(REPLY_CHOICES.map((key) => [key, []])),
  [TOTAL_KEY]: TOTAL_PLACEHOLDERS,
};

/**
 * A reminder as an outbox payload: the rule's text in the contact's language (Indonesian as the
 * fallback), with the same `{nama}` and `{tagihan.*}` values the enrolment's bill view gives,
 * the answers the member menu reads as buttons, and the template with its parameters in order:
 * name, amount, due date, payment code. A vendor in arrears is told the total of all they owe
 * under the rule's text: one reminder a day is sent, so it must not hide the other bills.
 * E.g. { text: 'Hari ini batas bayar iuran Rp16.800. Kode bayar: PY…', template: { name:
 * 'pengingat_iuran', language: 'id', params: ['Siti', 'Rp16.800', '15 Desember 2026', 'PY…'] } }.
 */
export function reminderMessage(catalogs: Catalogs, language: string, content: ReminderContent): OutboxPayload {
  const languages = [language, TEMPLATE_LANGUAGE];
  const amount = formatRupiah(content.outstanding);
  const text = t(catalogs, languages, content.localeKey, {
    'nama': content.fullName,
    'tagihan.jumlah': amount,
    'tagihan.jatuh_tempo': longDate(catalogs, languages, content.dueDate),
    'tagihan.kode': content.paymentCode,
  }) + (content.allOwed !== undefined && content.allOwed.bills > 1
    ? t(catalogs, languages, TOTAL_KEY, { jumlah: formatRupiah(content.allOwed.amount), banyak: content.allOwed.bills })
    : '');
  const params = [content.fullName, amount, longDate(catalogs, [TEMPLATE_LANGUAGE], content.dueDate), content.paymentCode];
  const choices = REPLY_CHOICES.map((key) => t(catalogs, languages, key));
  return { text, choices, template: { name: REMINDER_TEMPLATE, language: TEMPLATE_LANGUAGE, params } };
}
