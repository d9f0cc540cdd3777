/**
 * One process at a time on an embedded database folder. PGlite has no locking of its own: two
 * processes on one folder (`payung chat` while `payung start` runs) each keep their own copy in
 * memory and the last to write wins, so a chat's contact and messages vanish. The lock is a file
 * next to the folder holding the owner's pid; a lock whose process is gone (killed, crashed) is
 * taken over.
 */
import { readFile, unlink, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { StoreError } from '../lib/errors.ts';

export interface FolderLock {
  readonly path: string;
  release(): Promise<void>;
}

interface LockOwner {
  readonly pid: number;
  readonly command: string;
  readonly since: string;
}

/** Takes `<dir>.lock`, or throws a StoreError naming the folder and the process that holds it. */
export async function lockFolder(dir: string): Promise<FolderLock> {
  const path = `${resolve(dir)}.lock`;
  await mkdir(dirname(path), { recursive: true });
  const me: LockOwner = { pid: process.pid, command: `payung ${process.argv.slice(2).join(' ')}`.trim(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return { path, release: () => releaseIfMine(path) };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw new StoreError(`cannot create the lock file ${path}: ${String(error)}`, { cause: error });
    }
    const owner = await readOwner(path);
    if (owner !== null && owner.pid !== process.pid && isAlive(owner.pid)) {
      throw new StoreError(`the embedded database in ${resolve(dir)} is in use by another process: pid ${owner.pid} ("${owner.command}", since ${owner.since}). `
        + 'Only one Payung process can use this folder at a time: stop that one first, use another PAYUNG_DATA_DIR, or set DATABASE_URL to share a PostgreSQL database.');
    }
    // The owner is gone (kill -9, a crash, a reboot) or the file is unreadable: take it over.
    await unlink(path).catch(() => {});
  }
  throw new StoreError(`cannot take the lock file ${path}: another process keeps taking it`);
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, command: String(owner.command ?? 'payung'), since: String(owner.since ?? '?') } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as { code?: string }).code === 'EPERM';
  }
}

async function releaseIfMine(path: string): Promise<void> {
  const owner = await readOwner(path);
  if (owner?.pid === process.pid) await unlink(path).catch(() => {});
}
