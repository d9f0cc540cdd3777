/** The audit log: append-only. Never put a clear NIK in `details`. */
import type { Executor } from '../db-types.ts';
import { auditLog } from '../schema.ts';
import { singleRow } from './single-row.ts';

export interface AuditEntry {
  /** 'admin:siti', 'agent:AGEN123', 'system'… */
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId?: string | null;
  readonly details?: Record<string, unknown>;
  /** Default: the database's now(). */
  readonly at?: Date;
}

export async function writeAudit(x: Executor, entry: AuditEntry): Promise<{ id: number }> {
  const rows = await x.insert(auditLog).values({ ...entry }).returning({ id: auditLog.id });
  return singleRow(rows, 'writeAudit');
}
