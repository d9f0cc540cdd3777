import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/lib/errors.ts';
import { openDatabase } from '../../../src/store/database.ts';
import { executeRows } from '../../../src/store/json-rows.ts';
import { migrateDatabase } from '../../../src/store/migrate.ts';
import { findContact, upsertContact } from '../../../src/store/repos/contacts.ts';
import { createTestDatabase, usesPostgres } from '../../helpers/test-db.ts';

describe('openDatabase and migrateDatabase', () => {
  it.skipIf(usesPostgres())('keeps PGlite data in a folder it creates, across reopening (PGlite only)', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'payung-db-'));
    const dir = join(parent, 'nested', 'pglite');
    try {
      const first = await openDatabase({ driver: 'pglite', dir });
      await migrateDatabase(first);
      await upsertContact(first.db, { channel: 'simulator', address: 'ana' });
      await first.close();
      const second = await openDatabase({ driver: 'pglite', dir });
      await migrateDatabase(second);
      expect(await findContact(second.db, 'simulator', 'ana')).not.toBeNull();
      await second.close();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('migrates again without error or change', async () => {
    const database = await createTestDatabase();
    try {
      const applied = async () => executeRows(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const before = await applied();
      await upsertContact(database.db, { channel: 'simulator', address: 'ana' });
      await migrateDatabase(database);
      expect(before).toEqual([{ n: expect.any(Number) }]);
      expect(await applied()).toEqual(before);
      expect(await findContact(database.db, 'simulator', 'ana')).not.toBeNull();
    } finally {
      await database.close();
    }
  });

  it('names DATABASE_URL and the host, never the password, when PostgreSQL cannot be reached', async () => {
    const failure = openDatabase({ driver: 'postgres', url: 'postgres://payung:s3cret@127.0.0.1:1/payung' });
    await expect(failure).rejects.toBeInstanceOf(StoreError);
    await expect(failure).rejects.toThrow(/^DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/payung/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });

  it.skipIf(!usesPostgres())('lets several processes migrate one database at once (PostgreSQL only)', async () => {
    const fresh = await createTestDatabase({ migrated: false });
    const others = await Promise.all([1, 2, 3].map(() => openDatabase({ driver: 'postgres', url: fresh.url! })));
    try {
      await Promise.all([fresh, ...others].map((d) => migrateDatabase(d)));
      expect(await upsertContact(fresh.db, { channel: 'simulator', address: 'ana' })).toHaveProperty('id');
    } finally {
      await Promise.all(others.map((d) => d.close()));
      await fresh.close();
    }
  });
});
