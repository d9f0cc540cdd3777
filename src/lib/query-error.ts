/**
 * Database errors as they may be shown or logged. drizzle's DrizzleQueryError puts the query's
 * parameters in its message ("Failed query: insert …\nparams: simulator,m1,…,Sri Wahyuni") and in
 * a `params` field, and PostgreSQL's error adds `detail` ("Key (nik_hash)=(…) already exists"):
 * the parameters are what vendors typed. What is kept: the SQL text (no data: values travel as
 * parameters), the SQLSTATE code, the constraint, table and column, and the cause's message.
 */
export function scrubQueryError(error: unknown): unknown {
  if (!(error instanceof Error) || !carriesQueryData(error)) return error;
  const message = quotesValues(error) ? error.message.replace(/"[^"]*"/gu, '"…"') : withoutParams(error.message);
  const scrubbed = new Error(message, error.cause === undefined ? undefined : { cause: scrubQueryError(error.cause) });
  scrubbed.name = error.name;
  const stack = error.stack ?? '';
  const at = stack.indexOf(error.message);
  scrubbed.stack = at < 0 ? `${error.name}: ${message}` : stack.slice(0, at) + message + stack.slice(at + error.message.length);
  const fields = scrubbed as unknown as Record<string, unknown>;
  for (const key of KEPT_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return scrubbed;
}

/**
 * Whether a failure is the data's fault, not the database's: a SQLSTATE of class 22 (data
 * exception: a byte sequence or value PostgreSQL cannot take). Retrying such a message fails the
 * same way for ever, so callers answer 4xx / "ignored" instead of 5xx.
 */
export function isBadDataError(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) return true;
  }
  return false;
}

/** Fields that name where a query failed, never what it carried. */
const KEPT_FIELDS = ['query', 'code', 'severity', 'constraint', 'table', 'column', 'routine'] as const;
/** Fields that carry what a query carried. */
const DATA_FIELDS = ['params', 'parameters', 'detail', 'where', 'internalQuery', 'args'];

function carriesQueryData(error: Error): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.message.includes(PARAMS_MARK) || DATA_FIELDS.some((key) => key in e)) return true;
  }
  return false;
}

const PARAMS_MARK = '\nparams:';

/** PostgreSQL's data exceptions (class 22) quote the value they could not take: `invalid input syntax for type integer: "Sri"`. */
function quotesValues(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}

/** drizzle writes `Failed query: <sql>\nparams: <values>`, values last. */
function withoutParams(message: string): string {
  const at = message.indexOf(PARAMS_MARK);
  return at < 0 ? message : message.slice(0, at);
}
