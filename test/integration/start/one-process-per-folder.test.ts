/**
 * Two processes on one embedded database folder lose data (each keeps its own copy): the second
 * is refused with a message naming the folder and the first, and a lock left by a process that
 * was killed is taken over.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, spawnPayung } from '../../helpers/payung-process.ts';
import { runPayung } from '../../helpers/run-payung.ts';

describe.skipIf(Boolean(process.env.DATABASE_URL))('one PGlite folder, two processes', () => {
  it('refuses payung chat while payung start runs on the folder, and takes over the lock of a killed process', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'payung-lock-'));
    const env = { PAYUNG_DATA_DIR: dataDir };
    const server = spawnPayung(['start', '--channels', 'simulator', '--port', String(await freePort())], env);
    try {
      await server.waitFor(/Payung berjalan/, 100_000);
      const lock = JSON.parse(await readFile(join(dataDir, 'pglite.lock'), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(server.child.pid);

      const second = await runPayung(['chat', '--contact', 'budi'], env, 'halo\n');
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`the embedded database in ${join(dataDir, 'pglite')} is in use by another process: pid ${server.child.pid}`);
      expect(second.stderr).toContain('payung start');
      expect(second.stdout).not.toContain('Halo');

      await server.kill('SIGKILL');
      const after = await runPayung(['chat', '--contact', 'budi'], env, 'halo\n');
      expect(after.stderr).toBe('');
      expect(after.code).toBe(0);
      expect(after.stdout).toContain('Halo');
      // The chat released its lock when it ended.
      await expect(readFile(join(dataDir, 'pglite.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
    } finally {
      await server.kill('SIGKILL');
    }
  }, 240_000);
});
