/**
 * A throw-away PostgreSQL database for one bench: created on BENCH_POSTGRES_URL's server (the
 * local one by default), handed to `measure`, dropped afterwards. Reports "skipped" with the
 * reason when no server answers.
 */
import postgres from 'postgres';
import { openDatabase, type Database } from '../src/store/database.ts';
import { report } from './stats.ts';

export async function withFreshPostgres(label: string, poolSize: number, measure: (database: Database) => Promise<void>): Promise<void> {
  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `payung_bench_${process.pid}_${Date.now()}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    report(label, `skipped: ${String(error).split('\n')[0]}`);
    await admin.end();
    return;
  }
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    const database = await openDatabase({ driver: 'postgres', url: url.toString() }, { max: poolSize });
    try {
      await measure(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.unsafe(`drop database ${name} with (force)`);
    await admin.end();
  }
}
