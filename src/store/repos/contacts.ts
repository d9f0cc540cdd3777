/** Chat identities: one row per channel + address, created on a contact's first message. */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { contacts, type ContactRow } from '../schema.ts';
import { singleRow } from './single-row.ts';

export type Contact = ContactRow;

export interface ContactKey {
  readonly channel: string;
  readonly address: string;
  /** The name the platform shows; kept up to date, never trusted as the KTP name. */
  readonly displayName?: string | null;
  /** When the contact's message arrived: opens WhatsApp's 24-hour window. */
  readonly lastInboundAt?: Date;
}

/** Inserts the contact or touches the existing one; returns the row either way. */
export async function upsertContact(x: Executor, key: ContactKey): Promise<Contact> {
  const rows = await x.insert(contacts)
    .values({ channel: key.channel, address: key.address, displayName: key.displayName ?? null, lastInboundAt: key.lastInboundAt ?? null })
    .onConflictDoUpdate({
      target: [contacts.channel, contacts.address],
      // A message without a display name must not erase the one we know; a late redelivery
      // must not move the window back.
      set: {
        updatedAt: sql`now()`,
        displayName: sql`coalesce(excluded.display_name, ${contacts.displayName})`,
        lastInboundAt: sql`greatest(excluded.last_inbound_at, ${contacts.lastInboundAt})`,
      },
    })
    .returning();
  return singleRow(rows, 'upsertContact');
}

export async function findContact(x: Executor, channel: string, address: string): Promise<Contact | null> {
  const [row] = await x.select().from(contacts)
    .where(and(eq(contacts.channel, channel), eq(contacts.address, address)));
  return row ?? null;
}

/** "berhenti": nothing but the confirmation is sent to a stopped contact. */
export async function markStopped(x: Executor, id: string, at: Date): Promise<void> {
  await x.update(contacts).set({ stoppedAt: at, updatedAt: sql`now()` }).where(eq(contacts.id, id));
}
