import { invalid, type InputResult, type InputType } from './input-type.ts';
import type { Region, RegionMatch } from '../../domain/regions.ts';

function fromMatch(match: RegionMatch, notFound: string): InputResult {
  if (match.kind === 'match') return answerOf(match.region);
  // A typo or a part of a name may be a neighbour of what was meant: "bengkulu selatn" is asked back.
  if (match.kind === 'likely') return { kind: 'confirm', value: match.region.code, display: match.region.name };
  if (match.kind === 'ambiguous') {
    return { kind: 'pick', options: match.candidates.map((r) => ({ value: r.code, display: r.name })) };
  }
  const hint = match.suggestions.map((r) => r.name).slice(0, 3).join(', ');
  return hint ? invalid(`${notFound}_saran`, { saran: hint }) : invalid(notFound);
}

function answerOf(region: Region): InputResult {
  return { kind: 'answer', value: region.code, display: region.name };
}

/** A province by name, loosely ("jabar", "Jawa Barat", "jawa barta"); a city typed here gives its province. */
export const provinceInput: InputType = {
  name: 'province',
  errors: ['provinsi.invalid', 'provinsi.invalid_saran'],
  parse({ text, env }) {
    const match = env.data.regions.matchProvince(text);
    if (match.kind === 'none') {
      // "jaksel" or "kota bandung" answers the province question too.
      const city = env.data.regions.matchRegency(text);
      if (city.kind === 'match' || city.kind === 'likely') {
        const province = env.data.regions.province(city.region.provinceCode ?? '');
        if (province) return fromMatch({ kind: city.kind, region: province }, 'provinsi.invalid');
      }
    }
    return fromMatch(match, 'provinsi.invalid');
  },
};

/** A regency or city within the province answered under `ask.within`. */
export const regencyInput: InputType = {
  name: 'regency',
  errors: ['kabupaten.invalid', 'kabupaten.invalid_saran'],
  parse({ text, ask, context, env }) {
    const province = ask.within ? context.answers[ask.within] : undefined;
    const match = env.data.regions.matchRegency(text, typeof province === 'string' ? province : undefined);
    return fromMatch(match, 'kabupaten.invalid');
  },
};
