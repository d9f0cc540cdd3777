import { maskNik, parseNik } from '../../domain/nik.ts';
import { vendorToday } from '../flow-env.ts';
import { invalid, type InputType } from './input-type.ts';

/** The answer keeps what the NIK says (region, birth date, sex) for later soft checks. */
export const nikInput: InputType = {
  name: 'nik',
  errors: ['nik.empty', 'nik.not_digits', 'nik.length', 'nik.province', 'nik.regency', 'nik.district', 'nik.birth_date', 'nik.serial'],
  parse({ text, context, env }) {
    const parsed = parseNik(text, vendorToday(context, env), {
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
