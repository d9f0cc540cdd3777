/**
 * The result of reading a vendor's answer. A bad answer is a value, not an exception: the flow
 * turns `error` (a locale-key-like code, e.g. 'nik.length') and `params` into a friendly re-ask.
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly params?: Readonly<Record<string, string | number>> };

export type ParseFailure = Extract<Parsed<never>, { ok: false }>;

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail(error: string, params?: Record<string, string | number>): ParseFailure {
  return params === undefined ? { ok: false, error } : { ok: false, error, params };
}
