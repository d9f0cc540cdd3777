import { describe, expect, it } from 'vitest';
import { getFlowVersion, latestFlowVersion, publishFlowVersion, type FlowPublication } from '../../../src/store/repos/flow-versions.ts';
import { useTestDatabase, usesPostgres } from '../../helpers/test-db.ts';

const publication = (hash: string, flowId = 'daftar'): FlowPublication => ({
  flowId, hash, definition: { id: flowId, states: { mulai: { say: 'halo' } } }, locales: { id: { halo: 'Halo!' } }, publishedBy: 'admin:siti',
});

describe('flow versions repository', () => {
  const database = useTestDatabase();

  it('numbers new content 1, 2, … per flow', async () => {
    const { db } = database();
    expect(await publishFlowVersion(db, publication('a'))).toEqual({ version: 1, created: true });
    expect(await publishFlowVersion(db, publication('b'))).toEqual({ version: 2, created: true });
    expect(await publishFlowVersion(db, publication('a', 'bayar'))).toEqual({ version: 1, created: true });
  });

  it('returns the newest version for content equal to it', async () => {
    const { db } = database();
    await publishFlowVersion(db, publication('a'));
    expect(await publishFlowVersion(db, publication('a'))).toEqual({ version: 1, created: false });
    await publishFlowVersion(db, publication('b'));
    expect(await publishFlowVersion(db, publication('b'))).toEqual({ version: 2, created: false });
  });

  it('rolls back: the files of an older version become the newest version', async () => {
    const { db } = database();
    await publishFlowVersion(db, publication('a'));
    await publishFlowVersion(db, publication('b'));
    expect(await publishFlowVersion(db, publication('a'))).toEqual({ version: 3, created: true });
    expect(await latestFlowVersion(db, 'daftar')).toMatchObject({ version: 3, hash: 'a' });
    // Version 2 stays for the conversations that started on it.
    expect(await getFlowVersion(db, 'daftar', 2)).toMatchObject({ hash: 'b' });
  });

  it('reads a version and the latest one, or null', async () => {
    const { db } = database();
    await publishFlowVersion(db, publication('a'));
    const row = await getFlowVersion(db, 'daftar', 1);
    expect(row).toMatchObject({ flowId: 'daftar', version: 1, hash: 'a', publishedBy: 'admin:siti', locales: { id: { halo: 'Halo!' } } });
    expect(row?.definition).toEqual(publication('a').definition);
    expect(await getFlowVersion(db, 'daftar', 2)).toBeNull();
    expect(await latestFlowVersion(db, 'bayar')).toBeNull();
  });

  it('publishes inside a transaction', async () => {
    const { db } = database();
    const result = await db.transaction((tx) => publishFlowVersion(tx, publication('a')));
    expect(result).toEqual({ version: 1, created: true });
  });

  it.skipIf(!usesPostgres())('gives every concurrent publisher a version of its own content, and identical content one (PostgreSQL only)', async () => {
    // Eight transactions on eight pooled connections, as several processes would publish.
    const { db } = database();
    const hashes = ['x1', 'x2', 'x3', 'x4', 'x1', 'x2', 'x3', 'x4'];
    const results = await Promise.all(hashes.map((h) => db.transaction((tx) => publishFlowVersion(tx, publication(h)))));
    for (const [i, result] of results.entries()) expect((await getFlowVersion(db, 'daftar', result.version))?.hash).toBe(hashes[i]);
    const created = results.filter((r) => r.created).map((r) => r.version).sort((a, b) => a - b);
    expect(created).toEqual(Array.from({ length: created.length }, (_, i) => i + 1));

    const same = await Promise.all(Array.from({ length: 8 }, () => db.transaction((tx) => publishFlowVersion(tx, publication('y')))));
    expect(new Set(same.map((r) => r.version)).size).toBe(1);
    expect(same.filter((r) => r.created)).toHaveLength(1);
  });
});
