import type { Json } from '../json.ts';
import { quoteOf } from '../quote-of.ts';
import { nikOf } from './check-nik.ts';
import type { EffectBuilder } from './effect-builder.ts';

/**
 * Saves the member and their first bill. The payload carries every answer and the quote the
 * vendor agreed to, so the runtime stores exactly what was shown. Result value:
 * { memberId, paymentCode, amount, dueDate, startMonth, months }; error `nik_taken` when the NIK
 * was registered meanwhile.
 */
export const registerMember: EffectBuilder = {
  name: 'registerMember',
  requires: ['nama', 'nik', 'tanggal_lahir', 'provinsi', 'kabupaten', 'pekerjaan', 'tempat_usaha', 'penghasilan', 'program', 'periode', 'pendanaan'],
  errors: ['nik_taken'],
  build(context, _params, env) {
    const a = context.answers;
    const nik = a['nik'] as { sex?: string } | undefined;
    const occupation = env.data.occupations.find((o) => o.code === a['pekerjaan']);
    const quote = quoteOf(context, env);
    const bill: Json = quote === null ? null : {
      startMonth: quote.months[0]?.month ?? '',
      months: quote.months.length,
      amount: quote.total,
      dueDate: quote.dueDate,
      breakdown: quote.months.map((m) => ({ month: m.month, jkk: m.jkk, jkm: m.jkm, jht: m.jht, total: m.total, discount: m.discount?.ruleId ?? null })),
    };
    return {
      fullName: String(a['nama'] ?? ''),
      nik: nikOf(a['nik']),
      sex: typeof nik?.sex === 'string' ? nik.sex : null,
      birthDate: String(a['tanggal_lahir'] ?? ''),
      motherMaidenName: typeof a['ibu_kandung'] === 'string' ? a['ibu_kandung'] : null,
      provinceCode: String(a['provinsi'] ?? ''),
      regencyCode: String(a['kabupaten'] ?? ''),
      occupationCode: String(a['pekerjaan'] ?? ''),
      sector: occupation?.sector ?? 'other',
      workplaceType: String(a['tempat_usaha'] ?? ''),
      declaredIncome: Number(a['penghasilan'] ?? 0),
      incomeTier: quote?.months[0]?.tier ?? 0,
      baseIncome: quote?.months[0]?.base ?? 0,
      programmes: a['program'] === 'lengkap' ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'],
      paymentPeriodMonths: Number(a['periode'] ?? 1),
      funding: a['pendanaan'] === 'bantuan' ? 'sponsor_request' : 'mandiri',
      referralCode: context.referral,
      bill,
    };
  },
};
