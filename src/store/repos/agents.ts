/** Agen Perisai. Codes are stored upper-case, so "agen123" finds AGEN123. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { agents, type AgentRow } from '../schema.ts';
import { singleRow } from './single-row.ts';

export type { AgentRow } from '../schema.ts';

export interface NewAgent {
  readonly code: string;
  readonly name: string;
  readonly phoneE164?: string | null;
  readonly active?: boolean;
}

export async function findAgentByCode(x: Executor, code: string): Promise<AgentRow | null> {
  const [row] = await x.select().from(agents).where(eq(agents.code, normalizeCode(code)));
  return row ?? null;
}

/** Throws on a code that exists already: agents are created by admins, who should hear about it. */
export async function insertAgent(x: Executor, agent: NewAgent): Promise<AgentRow> {
  const rows = await x.insert(agents).values({ ...agent, code: normalizeCode(agent.code) }).returning();
  return singleRow(rows, 'insertAgent');
}

function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}
