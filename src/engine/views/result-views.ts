import { formatRupiah } from '../../i18n/rupiah.ts';
import { longDate, monthName } from './month-name.ts';
import type { View } from './view.ts';

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `{agen.nama}`, `{agen.kode}`: the agent found by checkAgent. */
export const agentView: View = {
  prefix: 'agen',
  fills: ['agen.nama', 'agen.kode'],
  render({ context }) {
    const agent = record(context.results['checkAgent']);
    return { 'agen.nama': String(agent['name'] ?? ''), 'agen.kode': String(agent['code'] ?? context.referral ?? '') };
  },
};

/** `{tagihan.*}`: the first bill registerMember created. */
export const billView: View = {
  prefix: 'tagihan',
  fills: ['tagihan.jumlah', 'tagihan.kode', 'tagihan.jatuh_tempo', 'tagihan.bulan_mulai', 'tagihan.bulan'],
  render({ context, env, languages }) {
    const bill = record(context.results['registerMember']);
    const amount = Number(bill['amount'] ?? 0);
    const startMonth = String(bill['startMonth'] ?? '');
    return {
      'tagihan.jumlah': formatRupiah(amount),
      'tagihan.kode': String(bill['paymentCode'] ?? ''),
      'tagihan.jatuh_tempo': bill['dueDate'] ? longDate(env.catalogs, languages, String(bill['dueDate'])) : '',
      'tagihan.bulan_mulai': startMonth ? monthName(env.catalogs, languages, startMonth) : '',
      'tagihan.bulan': String(bill['months'] ?? ''),
    };
  },
};

/** `{nik_tanggal_lahir}`: the birth date the NIK encodes, for the soft mismatch warning. */
export const nikDateView: View = {
  prefix: 'nik_tanggal_lahir',
  fills: ['nik_tanggal_lahir'],
  render({ context, env, languages }) {
    const nik = record(context.answers['nik']);
    const date = typeof nik['birthDate'] === 'string' ? nik['birthDate'] : '';
    return { nik_tanggal_lahir: date ? longDate(env.catalogs, languages, date) : '' };
  },
};
