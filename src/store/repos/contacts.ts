/** Chat identities: one row per channel + address, created on a contact's first message. */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db-types.ts';
import { contacts, type ContactRow, type stopReasons } from '../schema.ts';
import { singleRow } from './single-row.ts';

export type Contact = ContactRow;

export interface ContactKey {
  readonly channel: string;
  readonly address: string;
  /** The name the platform shows; kept up to date, never trusted as the KTP name. */
  readonly displayName?: string | null;
  /** When the contact's message arrived: opens WhatsApp's 24-hour window. */
  readonly lastInboundAt?: Date;
  /** The language a new contact starts in (the configured default); an existing one keeps theirs. */
  readonly language?: string;
}

const unblocks = sql`${contacts.stopReason} = 'blocked' and excluded.last_inbound_at is not null`;

/** Inserts the contact or touches the existing one; returns the row either way. */
export async function upsertContact(x: Executor, key: ContactKey): Promise<Contact> {
  const rows = await x.insert(contacts)
    .values({ channel: key.channel, address: key.address, displayName: key.displayName ?? null, lastInboundAt: key.lastInboundAt ?? null, ...(key.language === undefined ? {} : { language: key.language }) })
    .onConflictDoUpdate({
      target: [contacts.channel, contacts.address],
      // A message without a display name must not erase the one we know; a late redelivery
      // must not move the window back.
      set: {
        updatedAt: sql`now()`,
        displayName: sql`coalesce(excluded.display_name, ${contacts.displayName})`,
        lastInboundAt: sql`greatest(excluded.last_inbound_at, ${contacts.lastInboundAt})`,
        // A contact who blocked us and writes again has unblocked us; an opt-out stays.
        stoppedAt: sql`case when ${unblocks} then null else ${contacts.stoppedAt} end`,
        stopReason: sql`case when ${unblocks} then null else ${contacts.stopReason} end`,
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

export type StopReason = (typeof stopReasons)[number];

/**
 * No more reminders or campaigns for this contact, only replies: 'opt_out' when the vendor said
 * "berhenti", 'blocked' when the platform says they blocked us. An opt-out is never replaced
 * by 'blocked' (it would then be undone by the next message).
 */
export async function markStopped(x: Executor, id: string, at: Date, reason: StopReason = 'blocked'): Promise<void> {
  await x.update(contacts)
    .set({ stoppedAt: at, stopReason: sql`case when ${contacts.stopReason} = 'opt_out' then 'opt_out' else ${reason} end`, updatedAt: sql`now()` })
    .where(eq(contacts.id, id));
}

/** "mulai" after "berhenti": reminders and campaigns may be sent again. */
export async function clearStopped(x: Executor, id: string): Promise<void> {
  await x.update(contacts).set({ stoppedAt: null, stopReason: null, updatedAt: sql`now()` }).where(eq(contacts.id, id));
}

/** `bahasa`: the language the contact's conversations speak from now on (and reminders, too). */
export async function setContactLanguage(x: Executor, id: string, language: string): Promise<void> {
  await x.update(contacts).set({ language, updatedAt: sql`now()` }).where(eq(contacts.id, id));
}

export async function findContactById(x: Executor, id: string): Promise<Contact | null> {
  const [row] = await x.select().from(contacts).where(eq(contacts.id, id));
  return row ?? null;
}
