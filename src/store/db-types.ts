/**
 * The drizzle types every repository shares. PGlite and postgres.js give different query-result
 * types; both are PgDatabase over the same schema, so repositories accept this common base and
 * never learn which driver runs them.
 */
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What every repository function takes first: the database, or the transaction it runs in. */
export type Executor = Db | Tx;
