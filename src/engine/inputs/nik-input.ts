import { maskNik, parseNik } from '../../domain/nik.ts';
import { foldText } from '../../domain/normalize-text.ts';
import { vendorToday } from '../flow-env.ts';
import { invalid, type InputType } from './input-type.ts';

/** The answer keeps what the NIK says (region, birth date, sex) for later soft checks. */
export const nikInput: InputType = {
  name: 'nik',
  errors: ['nik.empty', 'nik.not_digits', 'nik.length', 'nik.province', 'nik.regency', 'nik.district', 'nik.birth_date', 'nik.serial'],
  parse({ text, context, env }) {
    const parsed = parseNik(nikPartOf(text), vendorToday(context, env), {
      provinceCodes: env.data.provinceCodes,
      regencyCodes: env.data.regencyCodes,
    });
    if (!parsed.ok) return invalid(parsed.error, parsed.params);
    const info = parsed.value;
    return {
      kind: 'answer',
      value: { nik: info.nik, provinceCode: info.provinceCode, regencyCode: info.regencyCode, birthDate: info.birthDate, sex: info.sex, regencyKnown: info.regencyKnown },
      display: maskNik(info.nik),
    };
  },
};

// A run of digits, possibly grouped as on the card ("3374 0157 0885 0001", "3374-0157-…").
const DIGIT_RUN = /\d(?:[\d\s.\-‐-―−_]*\d)?/gu;

/**
 * Vendors answer in a sentence: "NIK saya 3374015708850001", "nik: 3374-0157-0885-0001 kak".
 * With words around it, the one run of 16 digits is the NIK; a single shorter run is passed on
 * so the vendor hears how many digits they typed. Anything else goes to parseNik as typed, which
 * says what is wrong with it ("33740157O8850001" has a letter O).
 */
function nikPartOf(text: string): string {
  const folded = foldText(text);
  if (!/\p{L}/u.test(folded)) return text;
  const runs = folded.match(DIGIT_RUN) ?? [];
  const sixteen = runs.filter((run) => run.replace(/\D/gu, '').length === 16);
  if (sixteen.length === 1) return sixteen[0] ?? text;
  if (sixteen.length === 0 && runs.length === 1) return runs[0] ?? text;
  return text;
}
