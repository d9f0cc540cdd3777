/**
 * A migrated, empty database for a test file. With DATABASE_URL set: a fresh database on that
 * server (payung_t_<pid>_<random>; PAYUNG_TEST_DB_PREFIX replaces payung_t), dropped on close —
 * so every file is isolated and files run in parallel. Without: an in-memory PGlite. Create one
 * per file (beforeAll) and truncateAll between tests; PGlite instances take seconds to start.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, wrapPglite, type Database } from '../../src/store/database.ts';
import { migrateDatabase } from '../../src/store/migrate.ts';
import * as schema from '../../src/store/schema.ts';

export type TestDatabase = Database & {
  /** The PostgreSQL database's name, or 'pglite'. */
  readonly name: string;
  /** Its URL on PostgreSQL (to open a second pool, as another process would); null on PGlite. */
  readonly url: string | null;
};

/** True when the suite runs against PostgreSQL (several connections) rather than PGlite. */
export const usesPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/** `migrated: false` gives an empty PostgreSQL database, for testing migrations themselves. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await createOnServer(serverUrl) : await createInMemory();
  if (options.migrated ?? true) await migrateDatabase(database);
  return database;
}

/** Empties every table of the schema and restarts identities: a clean slate between tests. */
export async function truncateAll(database: Database): Promise<void> {
  const tables = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => `"${getTableName(table)}"`);
  await database.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
}

/**
 * A new PGlite runs initdb (5–8 s on a busy 2-core machine); loading a dump of an already
 * migrated one takes about 2 s. The dump is cached in the temp folder under a name that changes
 * with the migrations and the PGlite version, so every test process after the first loads it.
 * (PGlite 0.5's clone() does the same dump-and-load within one process; a file needs only one
 * database, so the cache across processes is what saves time.)
 */
async function createInMemory(): Promise<TestDatabase> {
  const template = await readTemplate();
  if (template !== null) {
    return { ...wrapPglite(await PGlite.create({ loadDataDir: new Blob([new Uint8Array(template)]) })), name: 'pglite', url: null };
  }
  const database = await openDatabase({ driver: 'pglite', dir: null });
  await migrateDatabase(database);
  if (database.driver === 'pglite') await writeTemplate(database.client);
  return { ...database, name: 'pglite', url: null };
}

async function readTemplate(): Promise<Buffer | null> {
  try {
    return await readFile(await templatePath());
  } catch {
    return null;
  }
}

async function writeTemplate(client: PGlite): Promise<void> {
  const path = await templatePath();
  const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  // Write aside, then rename: a parallel worker never loads half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, dump);
  await rename(temporary, path);
}

let cachedTemplatePath: Promise<string> | undefined;

function templatePath(): Promise<string> {
  cachedTemplatePath ??= (async () => {
    // PGlite does not export its package.json; read it where npm put it.
    const pglitePackage = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
    const hash = createHash('sha256').update(await readFile(pglitePackage).catch(() => 'unknown'));
    const folder = fileURLToPath(new URL('../../src/store/migrations', import.meta.url));
    for (const file of (await readdir(folder, { recursive: true })).sort()) {
      if (file.endsWith('.sql') || file.endsWith('_journal.json')) hash.update(file).update(await readFile(join(folder, file)));
    }
    return join(tmpdir(), `payung-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  })();
  return cachedTemplatePath;
}

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  // CI sets a prefix of its own so it can drop whatever a crashed run leaves behind.
  const prefix = process.env.PAYUNG_TEST_DB_PREFIX ?? 'payung_t';
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.unsafe(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ driver: 'postgres', url: url.toString() });
  return {
    ...database,
    name,
    url: url.toString(),
    close: async () => {
      await database.close();
      await withAdmin(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdmin(serverUrl: string, work: (admin: postgres.Sql) => Promise<unknown>): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * For a test file: one database for the file, emptied before each test. Call at the top of a
 * describe block; the returned getter is valid inside tests and hooks.
 */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await truncateAll(current());
  });
  afterAll(async () => {
    await database?.close();
  });
  const current = (): TestDatabase => {
    if (database === undefined) throw new Error('useTestDatabase: the database is not open yet (use it inside tests or hooks)');
    return database;
  };
  return current;
}
