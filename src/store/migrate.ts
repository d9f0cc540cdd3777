/**
 * Applies the committed drizzle-kit migrations (src/store/migrations). Re-runnable: applied ones
 * are recorded in drizzle.__drizzle_migrations and skipped.
 */
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { StoreError } from '../lib/errors.ts';
import type { Database } from './database.ts';

// Next to this module, not the cwd: `payung` may be started from anywhere.
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same in every Payung process.
const MIGRATION_LOCK_KEY = 7_291_460_001;

export async function migrateDatabase(database: Database): Promise<void> {
  try {
    if (database.driver === 'pglite') {
      // One connection: nothing can race us.
      await migratePglite(drizzlePglite({ client: database.client }), { migrationsFolder });
    } else {
      await migratePostgresLocked(database.client);
    }
  } catch (error) {
    throw new StoreError(`migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Several workers may start at once against one PostgreSQL; drizzle's migrator creates its
 * bookkeeping table outside a transaction, so two would race. A session advisory lock, held on a
 * reserved connection while the pool runs the migration, lets one migrate and the others wait.
 */
async function migratePostgresLocked(client: Extract<Database, { driver: 'postgres' }>['client']): Promise<void> {
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    lock.release();
  }
}
