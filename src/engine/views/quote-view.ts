import { formatRupiah } from '../../i18n/rupiah.ts';
import { t } from '../../i18n/translate.ts';
import { quoteOf } from '../quote-of.ts';
import { longDate, monthName } from './month-name.ts';
import type { View } from './view.ts';

/**
 * `{iuran.*}`: what the vendor would pay, from the rate table and their answers.
 * dasar / lengkap: the first month's JKK+JKM and JKK+JKM+JHT; *_normal: without the discount;
 * diskon: a sentence on the discount and when it ends, empty when none applies;
 * total, bulan_mulai, jatuh_tempo: for the chosen period; periode_1/3/6/12: totals per period.
 */
export const quoteView: View = {
  prefix: 'iuran',
  fills: ['iuran.dasar', 'iuran.lengkap', 'iuran.dasar_normal', 'iuran.lengkap_normal', 'iuran.total', 'iuran.bulan', 'iuran.bulan_mulai', 'iuran.jatuh_tempo', 'iuran.diskon', 'iuran.periode_*'],
  render({ context, env, languages }) {
    const basic = quoteOf(context, env, { jht: false, months: 1 });
    const full = quoteOf(context, env, { jht: true, months: 1 });
    const chosen = quoteOf(context, env);
    if (!basic || !full || !chosen) return {};
    const first = (q: typeof basic) => q.months[0];
    const out: Record<string, string> = {
      'iuran.dasar': formatRupiah(basic.total),
      'iuran.lengkap': formatRupiah(full.total),
      'iuran.dasar_normal': formatRupiah(first(basic)?.totalWithoutDiscount ?? basic.total),
      'iuran.lengkap_normal': formatRupiah(first(full)?.totalWithoutDiscount ?? full.total),
      'iuran.total': formatRupiah(chosen.total),
      'iuran.bulan': String(chosen.months.length),
      'iuran.bulan_mulai': monthName(env.catalogs, languages, chosen.months[0]?.month ?? ''),
      'iuran.jatuh_tempo': longDate(env.catalogs, languages, chosen.dueDate),
      'iuran.diskon': '',
    };
    for (const months of env.data.rates.periods) {
      const q = quoteOf(context, env, { months });
      if (q) out[`iuran.periode_${months}`] = formatRupiah(q.total);
    }
    const discount = first(basic)?.discount;
    if (discount) {
      out['iuran.diskon'] = t(env.catalogs, languages, 'sistem.diskon', {
        persen: discount.percent,
        sampai: monthName(env.catalogs, languages, discount.validTo),
      });
    }
    return out;
  },
};
