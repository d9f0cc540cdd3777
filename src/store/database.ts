/**
 * Opens Payung's database: embedded PGlite (a folder, or memory for tests) when no DATABASE_URL
 * is set, a postgres.js pool against PostgreSQL when it is. Callers get the same drizzle `Db`.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { StoreError } from '../lib/errors.ts';
import type { Db } from './db-types.ts';
import * as schema from './schema.ts';

export type { Db, Executor, Tx } from './db-types.ts';

/** `dir: null` keeps PGlite in memory (tests). */
export type DatabaseConfig =
  | { readonly driver: 'postgres'; readonly url: string }
  | { readonly driver: 'pglite'; readonly dir: string | null };

/** An open database. `client` is the raw driver, for the few things drizzle does not cover. */
export type Database =
  | { readonly driver: 'pglite'; readonly db: Db; readonly client: PGlite; close(): Promise<void> }
  | { readonly driver: 'postgres'; readonly db: Db; readonly client: postgres.Sql; close(): Promise<void> };

export interface PostgresOptions {
  /** Connections in the pool; at least 2 (migrations hold one for their lock). Default 10. */
  readonly max?: number;
}

export async function openDatabase(config: DatabaseConfig, options: PostgresOptions = {}): Promise<Database> {
  return config.driver === 'pglite'
    ? openPglite(config.dir)
    : openPostgres(config.url, options);
}

/** Wraps an already created PGlite (e.g. a clone of a migrated template in tests). */
export function wrapPglite(client: PGlite): Database {
  const db: Db = drizzlePglite({ client, schema });
  return { driver: 'pglite', db, client, close: () => client.close() };
}

async function openPglite(dir: string | null): Promise<Database> {
  try {
    if (dir !== null) await mkdir(dir, { recursive: true });
    const client = await PGlite.create(dir === null ? {} : { dataDir: dir });
    return wrapPglite(client);
  } catch (error) {
    throw new StoreError(`cannot open the embedded database in ${dir ?? 'memory'}: ${String(error)}`, { cause: error });
  }
}

async function openPostgres(url: string, options: PostgresOptions): Promise<Database> {
  const client = postgres(url, {
    max: Math.max(2, options.max ?? 10),
    // PostgreSQL's NOTICEs ("relation already exists, skipping") are not ours to print.
    onnotice: () => {},
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new StoreError(`DATABASE_URL: cannot connect to PostgreSQL at ${describeHost(url)}: ${reason(error)}`, { cause: error });
  }
  const db: Db = drizzlePostgres({ client, schema });
  return { driver: 'postgres', db, client, close: () => client.end({ timeout: 5 }) };
}

/** host:port/database, never the password. */
function describeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
