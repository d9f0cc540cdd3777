/**
 * Published flow versions. Publishing the same content twice returns the existing version;
 * new content gets max(version) + 1, and two processes publishing at once both end up with a
 * version thanks to the unique constraints and a retry.
 */
import { and, desc, eq, max } from 'drizzle-orm';
import { StoreError } from '../../lib/errors.ts';
import type { Executor } from '../db-types.ts';
import { flowVersions, type FlowVersionRow } from '../schema.ts';

export type { FlowVersionRow } from '../schema.ts';

export interface FlowPublication {
  readonly flowId: string;
  /** Hash of the definition and locales: the identity of the content. */
  readonly hash: string;
  readonly definition: unknown;
  readonly locales: unknown;
  readonly publishedBy: string;
}

// Each retry means another publisher committed in between; a handful is plenty.
const MAX_ATTEMPTS = 5;

export async function publishFlowVersion(
  x: Executor,
  publication: FlowPublication,
): Promise<{ version: number; created: boolean }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const existing = await versionWithHash(x, publication.flowId, publication.hash);
    if (existing !== null) return { version: existing, created: false };
    const version = (await maxVersion(x, publication.flowId)) + 1;
    // DO NOTHING rather than catching 23505: a failed statement would abort the caller's transaction.
    const [row] = await x.insert(flowVersions).values({ ...publication, version })
      .onConflictDoNothing()
      .returning({ version: flowVersions.version });
    if (row !== undefined) return { version: row.version, created: true };
  }
  throw new StoreError(`publishing flow ${publication.flowId}: still conflicting after ${MAX_ATTEMPTS} attempts`);
}

export async function getFlowVersion(x: Executor, flowId: string, version: number): Promise<FlowVersionRow | null> {
  const [row] = await x.select().from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, version)));
  return row ?? null;
}

export async function latestFlowVersion(x: Executor, flowId: string): Promise<FlowVersionRow | null> {
  const [row] = await x.select().from(flowVersions)
    .where(eq(flowVersions.flowId, flowId))
    .orderBy(desc(flowVersions.version))
    .limit(1);
  return row ?? null;
}

async function versionWithHash(x: Executor, flowId: string, hash: string): Promise<number | null> {
  const [row] = await x.select({ version: flowVersions.version }).from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.hash, hash)));
  return row?.version ?? null;
}

async function maxVersion(x: Executor, flowId: string): Promise<number> {
  const [row] = await x.select({ v: max(flowVersions.version) }).from(flowVersions)
    .where(eq(flowVersions.flowId, flowId));
  return row?.v ?? 0;
}
