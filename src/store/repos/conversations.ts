/**
 * Conversations: one per contact. Locking the row serialises one contact's messages while
 * different contacts proceed in parallel. Call these inside a transaction.
 */
import { eq, sql } from 'drizzle-orm';
import { StoreError } from '../../lib/errors.ts';
import type { Executor } from '../db-types.ts';
import { conversations, type ConversationRow } from '../schema.ts';

export type { ConversationRow } from '../schema.ts';

/** The contact's conversation, locked until the transaction ends; null when there is none. */
export async function lockConversation(x: Executor, contactId: string): Promise<ConversationRow | null> {
  const [row] = await x.select().from(conversations)
    .where(eq(conversations.contactId, contactId))
    .for('update');
  return row ?? null;
}

export interface NewConversation {
  readonly contactId: string;
  readonly flowId: string;
  readonly flowVersion: number;
}

/**
 * Creates the contact's conversation unless one exists, then locks and returns whichever row is
 * there — possibly an older one on another flow, which the caller decides what to do with.
 */
export async function createConversation(x: Executor, conversation: NewConversation): Promise<ConversationRow> {
  await x.insert(conversations).values({ ...conversation })
    .onConflictDoNothing({ target: conversations.contactId });
  const row = await lockConversation(x, conversation.contactId);
  if (row === null) throw new StoreError(`conversation of contact ${conversation.contactId} vanished after insert`);
  return row;
}

export interface ConversationState {
  readonly flowId: string;
  readonly flowVersion: number;
  readonly snapshot: unknown;
  readonly status: ConversationRow['status'];
}

export async function saveConversation(x: Executor, id: string, state: ConversationState): Promise<void> {
  await x.update(conversations)
    .set({ ...state, updatedAt: sql`now()` })
    .where(eq(conversations.id, id));
}
