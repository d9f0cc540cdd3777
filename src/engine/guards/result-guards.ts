import type { Guard } from './guard.ts';

/** The effect this state ran succeeded. */
export const resultOkGuard: Guard = { name: 'result_ok', test: (c) => c.arrived?.ok === true };

/** The effect failed with this code, e.g. `{ result_error: { code: nik_taken } }`. */
export const resultErrorGuard: Guard = {
  name: 'result_error',
  params: ['code'],
  test: (c, p) => c.arrived?.ok === false && c.arrived.error === p['code'],
};
