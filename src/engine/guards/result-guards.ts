import type { Guard } from './guard.ts';

/** The effect this state ran succeeded. */
export const resultOkGuard: Guard = { name: 'result_ok', test: (c) => c.arrived?.ok === true };

/**
 * A field of an effect's last result, whatever state ran it:
 * `{ result_is: { effect: cekIuran, field: reminders, value: false } }`.
 */
export const resultIsGuard: Guard = {
  name: 'result_is',
  params: ['effect', 'field', 'value'],
  test: (c, p) => {
    const result = c.results[String(p['effect'])];
    const fields = result !== null && typeof result === 'object' && !Array.isArray(result) ? result : {};
    return fields[String(p['field'])] === p['value'];
  },
};

/** The effect failed with this code, e.g. `{ result_error: { code: nik_taken } }`. */
export const resultErrorGuard: Guard = {
  name: 'result_error',
  params: ['code'],
  test: (c, p) => c.arrived?.ok === false && c.arrived.error === p['code'],
};
