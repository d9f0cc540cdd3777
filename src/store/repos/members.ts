/**
 * Members (registered vendors). Lookups by NIK go through its keyed hash and answer only with an
 * id: the store never tells a caller whose NIK it is.
 */
import { asc, count, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { members, type MemberRow } from '../schema.ts';

export type { MemberRow } from '../schema.ts';
export type NewMember = typeof members.$inferInsert;

export async function findMemberByNikHash(x: Executor, nikHash: string): Promise<{ id: string } | null> {
  const [row] = await x.select({ id: members.id }).from(members).where(eq(members.nikHash, nikHash));
  return row ?? null;
}

/**
 * `{ conflict: 'nik' }` when the NIK is registered already. ON CONFLICT rather than catching
 * 23505: on PostgreSQL a failed statement would abort the caller's whole transaction.
 */
export async function insertMember(x: Executor, member: NewMember): Promise<{ id: string } | { conflict: 'nik' }> {
  const [row] = await x.insert(members).values(member)
    .onConflictDoNothing({ target: members.nikHash })
    .returning({ id: members.id });
  return row ?? { conflict: 'nik' };
}

export async function getMember(x: Executor, id: string): Promise<MemberRow | null> {
  const [row] = await x.select().from(members).where(eq(members.id, id));
  return row ?? null;
}

export async function countMembers(x: Executor): Promise<number> {
  const [row] = await x.select({ n: count() }).from(members);
  return row?.n ?? 0;
}

/** The contact's most recently registered member (a contact may re-register after a lapse), or null. */
export async function newestMemberOfContact(x: Executor, contactId: string): Promise<MemberRow | null> {
  const [row] = await x.select().from(members)
    .where(eq(members.contactId, contactId))
    .orderBy(desc(members.registeredAt), desc(members.id))
    .limit(1);
  return row ?? null;
}

/** Up to `limit` member ids after `afterId` (all when null), in id order: keyset pages for batch jobs. */
export async function memberIdsAfter(x: Executor, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await x.select({ id: members.id }).from(members)
    .where(afterId === null ? undefined : gt(members.id, afterId))
    .orderBy(asc(members.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Locks a member's row FOR UPDATE SKIP LOCKED: null when another worker holds it (or there is no
 * such member), so two batch jobs share the members and neither waits for the other.
 */
export async function lockMemberSkipLocked(x: Executor, id: string): Promise<MemberRow | null> {
  const [row] = await x.select().from(members).where(eq(members.id, id)).for('update', { skipLocked: true });
  return row ?? null;
}

/** The one setting a vendor changes by chat ("ganti periode"): months each next bill covers. */
export async function setPaymentPeriod(x: Executor, memberId: string, months: number): Promise<void> {
  await x.update(members).set({ paymentPeriodMonths: months }).where(eq(members.id, memberId));
}

/** Who pays the member's contributions from now on ("bayar sendiri" ends a request for help). */
export async function setFunding(x: Executor, memberId: string, funding: MemberRow['funding']): Promise<void> {
  await x.update(members).set({ funding }).where(eq(members.id, memberId));
}
