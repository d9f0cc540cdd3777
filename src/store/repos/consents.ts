/** Consents: what a person agreed to or refused, under which wording. Append-only. */
import type { Executor } from '../db-types.ts';
import { consents } from '../schema.ts';
import { singleRow } from './single-row.ts';

export interface ConsentRecord {
  readonly contactId: string;
  readonly memberId?: string | null;
  readonly purpose: string;
  readonly textVersion: string;
  readonly granted: boolean;
  /** Who gave it when not the vendor: { givenBy: 'guardian', guardianName } for a minor. */
  readonly details?: Record<string, unknown> | null;
  readonly channel: string;
  /** Default: the database's now(). */
  readonly createdAt?: Date;
}

export async function recordConsent(x: Executor, consent: ConsentRecord): Promise<{ id: number }> {
  const rows = await x.insert(consents).values({ ...consent }).returning({ id: consents.id });
  return singleRow(rows, 'recordConsent');
}
