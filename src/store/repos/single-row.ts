import { StoreError } from '../../lib/errors.ts';

/** The one row an INSERT … RETURNING or UPDATE … RETURNING must give back. */
export function singleRow<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new StoreError(`${what}: the database returned no row`);
  return row;
}
