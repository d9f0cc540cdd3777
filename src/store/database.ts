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
import { lockFolder } from './folder-lock.ts';
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
  const lock = dir === null ? null : await lockFolder(dir);
  try {
    if (dir !== null) await mkdir(dir, { recursive: true });
    const client = await PGlite.create(dir === null ? {} : { dataDir: dir });
    const database = wrapPglite(client);
    return lock === null ? database : { ...database, close: () => database.close().finally(() => lock.release()) };
  } catch (error) {
    await lock?.release();
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
  const db: Db = drizzlePostgres({ client: guardTransactions(client), schema });
  return { driver: 'postgres', db, client, close: () => client.end({ timeout: 5 }) };
}

/** SQLSTATEs and postgres.js codes that mean the connection under a transaction is gone. */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE']);
/** How long a transaction that saw a connection error waits for postgres.js to report the close. */
const CLOSE_CONFIRM_MS = 5_000;

export function isConnectionLost(error: unknown): boolean {
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_LOST.has(code) || code.startsWith('08'))) return true;
  }
  return false;
}

/**
 * Works around a postgres.js 3.4 bug that kills the process (porsager/postgres#1154, #1208):
 * when a transaction's connection closes (pg_terminate_backend, a restart, a network cut),
 * `sql.begin` rejects at once, but the transaction's callback and postgres.js's own `rollback`
 * still write to the closed connection, whose socket is null: "Cannot read properties of null
 * (reading 'write')" is thrown from a setImmediate, an uncaught exception, and the connection
 * object is left wedged. So every transaction goes through this guard: once its connection is
 * known to be lost, its queries fail here without reaching the connection, and its callback
 * never settles, so postgres.js sends no rollback (the server rolled back already). The caller
 * sees begin's rejection (CONNECTION_CLOSED) and retries as after any failed transaction.
 */
function guardTransactions(client: postgres.Sql): postgres.Sql {
  const begin = (...args: unknown[]): Promise<unknown> => {
    const fn = args.pop() as (sql: postgres.TransactionSql) => Promise<unknown>;
    let lost = false;
    let confirmLost: () => void = () => {};
    const closed = new Promise<void>((resolve) => { confirmLost = resolve; });
    const run = (client.begin as (...a: unknown[]) => Promise<unknown>)(...args, async (sql: postgres.TransactionSql) => {
      try {
        return await fn(guardQueries(sql, () => lost));
      } catch (error) {
        if (!isConnectionLost(error) && !lost) throw error;
        const seen = await Promise.race([closed.then(() => true), delay(CLOSE_CONFIRM_MS).then(() => false)]);
        // The connection is closed: hang here, so that postgres.js writes no rollback to it.
        if (seen) return new Promise<never>(() => {});
        throw error;
      }
    });
    run.catch(() => { lost = true; confirmLost(); });
    return run;
  };
  return new Proxy(client, {
    get: (target, key, receiver) => (key === 'begin' ? begin : Reflect.get(target, key, receiver) as unknown),
  });
}

/** The transaction's `sql` as drizzle uses it (unsafe, savepoint), failing fast once the connection is lost. */
function guardQueries(sql: postgres.TransactionSql, lost: () => boolean): postgres.TransactionSql {
  const refuse = () => {
    const failed = Promise.reject(Object.assign(new StoreError('the database connection was lost during the transaction'), { code: 'CONNECTION_CLOSED' }));
    failed.catch(() => {});
    return Object.assign(failed, { values: () => failed, execute: () => failed });
  };
  return new Proxy(sql, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if ((key !== 'unsafe' && key !== 'savepoint') || typeof value !== 'function') return value;
      return (...args: unknown[]) => (lost() ? refuse() : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms).unref(); });

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
