/**
 * Published flow versions. Publishing makes the given content the newest version: content equal
 * to the newest version is that version; anything else — new content, or the files of an older
 * version restored to roll back — gets max(version) + 1. Two processes publishing at once both
 * end up with a version thanks to the unique (flow, version) constraint and a retry.
 */
import { and, desc, eq } from 'drizzle-orm';
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

// Each retry means another publisher committed in between: one per concurrent publisher at most.
const MAX_ATTEMPTS = 20;

export async function publishFlowVersion(
  x: Executor,
  publication: FlowPublication,
): Promise<{ version: number; created: boolean }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const newest = await latestVersionAndHash(x, publication.flowId);
    if (newest?.hash === publication.hash) return { version: newest.version, created: false };
    const version = (newest?.version ?? 0) + 1;
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

async function latestVersionAndHash(x: Executor, flowId: string): Promise<{ version: number; hash: string } | null> {
  const [row] = await x.select({ version: flowVersions.version, hash: flowVersions.hash }).from(flowVersions)
    .where(eq(flowVersions.flowId, flowId))
    .orderBy(desc(flowVersions.version))
    .limit(1);
  return row ?? null;
}
