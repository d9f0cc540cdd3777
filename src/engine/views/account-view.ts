import { formatRupiah } from '../../i18n/rupiah.ts';
import { t } from '../../i18n/translate.ts';
import { STATUS_QUERY } from '../effects/member-effects.ts';
import { longDate, monthName } from './month-name.ts';
import type { View, ViewArgs } from './view.ts';

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * `{akun.*}`: the member's ledger from the `cekIuran` result — `akun.keadaan` (coverage in
 * words, without a date), `akun.tagihan` (the one bill to pay now, its due date and code; a
 * partial payment shows what is left of the total), `akun.total` (all that is due and unpaid,
 * only when several bills are),
 * `akun.bayar_terakhir`, `akun.kelebihan` (an over-payment, only when
 * there is one), `akun.pengingat` (said only when off), and
 * the bare `akun.nama`, `akun.jumlah`, `akun.jatuh_tempo`, `akun.kode`.
 */
export const accountView: View = {
  prefix: 'akun',
  render(args) {
    const { env, languages, context } = args;
    const account = record(context.results[STATUS_QUERY]);
    const next = account['next'] === null ? null : record(account['next']);
    const last = account['lastPayment'] === null ? null : record(account['lastPayment']);
    const say = (key: string, params: Record<string, string | number> = {}) => t(env.catalogs, languages, key, params);
    const date = (iso: unknown) => (text(iso) ? longDate(env.catalogs, languages, text(iso)) : '');
    const month = (m: unknown) => (text(m) ? monthName(env.catalogs, languages, text(m)) : '');
    const amount = Number(next?.['amount'] ?? 0);
    const total = Number(next?.['total'] ?? amount);
    return {
      'akun.nama': text(account['nama']),
      'akun.keadaan': coverageText(args, account, date, month),
      'akun.jumlah': formatRupiah(amount),
      'akun.jatuh_tempo': date(next?.['dueDate']),
      'akun.kode': text(next?.['code']),
      'akun.tagihan': next === null
        ? say('akun.tagihan.tidak_ada')
        : say(amount < total ? 'akun.tagihan.sisa' : 'akun.tagihan.ada', {
          jumlah: formatRupiah(amount), total: formatRupiah(total), jatuh_tempo: date(next['dueDate']), kode: text(next['code']),
          bulan: month(next['startMonth']), lama: Number(next['months'] ?? 1),
        }),
      'akun.total': Number(account['owedBills'] ?? 0) > 1
        ? say('akun.tagihan.total', { jumlah: formatRupiah(Number(account['owed'] ?? 0)), banyak: Number(account['owedBills']) })
        : '',
      'akun.bayar_terakhir': last === null
        ? say('akun.bayar.belum')
        : say('akun.bayar.terakhir', { jumlah: formatRupiah(Number(last['amount'] ?? 0)), tanggal: date(last['date']) }),
      'akun.kelebihan': Number(account['credit'] ?? 0) > 0 ? say('akun.kelebihan', { jumlah: formatRupiah(Number(account['credit'])) }) : '',
      'akun.pengingat': account['reminders'] === false ? say('akun.pengingat_mati') : '',
    };
  },
};

function coverageText(args: ViewArgs, account: Record<string, unknown>, date: (iso: unknown) => string, month: (m: unknown) => string): string {
  const say = (key: string, params: Record<string, string | number> = {}) => t(args.env.catalogs, args.languages, key, params);
  switch (account['status']) {
    case 'active': return say('akun.keadaan.aktif', { sampai: month(account['paidThrough']) });
    // No date here: the bill below carries the one date to act on (issue #8).
    case 'grace': return say('akun.keadaan.tenggang');
    case 'lapsed': return say('akun.keadaan.nonaktif', { sejak: date(account['since']) });
    default:
      if (account['waitingForSponsor'] === true) return say('akun.keadaan.menunggu_bantuan');
      // Never paid: registered, not protected, and the bill below is how to start (issue #8).
      if (account['lastPayment'] === null || account['lastPayment'] === undefined) return say('akun.keadaan.belum_bayar');
      return say('akun.keadaan.belum_mulai', { bulan: month(account['firstMonth']) });
  }
}

/** `{periode_baru.*}`: the next bill after "ganti periode", from the `changePeriod` result. */
export const newPeriodView: View = {
  prefix: 'periode_baru',
  fills: ['periode_baru.bulan', 'periode_baru.mulai', 'periode_baru.jumlah', 'periode_baru.jatuh_tempo'],
  render({ env, languages, context }) {
    const result = record(context.results['changePeriod']);
    return {
      'periode_baru.bulan': String(result['months'] ?? ''),
      'periode_baru.mulai': text(result['startMonth']) ? monthName(env.catalogs, languages, text(result['startMonth'])) : '',
      'periode_baru.jumlah': formatRupiah(Number(result['amount'] ?? 0)),
      'periode_baru.jatuh_tempo': text(result['dueDate']) ? longDate(env.catalogs, languages, text(result['dueDate'])) : '',
    };
  },
};

/** `{bayar_sendiri.*}`: the first bill "bayar sendiri" issued, from the `payOwnContribution` result. */
export const ownPaymentView: View = {
  prefix: 'bayar_sendiri',
  render({ env, languages, context }) {
    const result = record(context.results['payOwnContribution']);
    return {
      'bayar_sendiri.jumlah': formatRupiah(Number(result['amount'] ?? 0)),
      'bayar_sendiri.bulan': String(result['months'] ?? ''),
      'bayar_sendiri.bulan_mulai': text(result['startMonth']) ? monthName(env.catalogs, languages, text(result['startMonth'])) : '',
      'bayar_sendiri.jatuh_tempo': text(result['dueDate']) ? longDate(env.catalogs, languages, text(result['dueDate'])) : '',
      'bayar_sendiri.kode': text(result['code']),
    };
  },
};
