import { describe, expect, it } from 'vitest';
import { createConversation, lockConversation, saveConversation } from '../../../src/store/repos/conversations.ts';
import { useTestDatabase, usesPostgres } from '../../helpers/test-db.ts';
import { aContact } from './fixtures.ts';

describe('conversations repository', () => {
  const database = useTestDatabase();

  it('creates an active conversation without a snapshot', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const row = await db.transaction((tx) => createConversation(tx, { contactId: contact.id, flowId: 'daftar', flowVersion: 3 }));
    expect(row).toMatchObject({ contactId: contact.id, flowId: 'daftar', flowVersion: 3, status: 'active', snapshot: null });
  });

  it('returns the existing conversation instead of creating a second one', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const first = await createConversation(db, { contactId: contact.id, flowId: 'daftar', flowVersion: 1 });
    const second = await createConversation(db, { contactId: contact.id, flowId: 'daftar', flowVersion: 2 });
    expect(second.id).toBe(first.id);
    expect(second.flowVersion).toBe(1);
  });

  it('locks nothing and returns null for a contact without a conversation', async () => {
    const { db } = database();
    const contact = await aContact(db);
    expect(await db.transaction((tx) => lockConversation(tx, contact.id))).toBeNull();
  });

  it('saves the snapshot, flow version and status as given', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const created = await createConversation(db, { contactId: contact.id, flowId: 'daftar', flowVersion: 1 });
    const snapshot = { value: 'tanya_nik', context: { name: 'Siti', income: 2_500_000, tags: ['a'] } };
    await db.transaction(async (tx) => {
      await lockConversation(tx, contact.id);
      await saveConversation(tx, created.id, { flowId: 'daftar', flowVersion: 2, snapshot, status: 'done' });
    });
    const saved = await lockConversation(db, contact.id);
    expect(saved).toMatchObject({ id: created.id, flowVersion: 2, snapshot, status: 'done' });
    expect(saved!.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it.skipIf(!usesPostgres())('makes a second locker wait until the first transaction ends (PostgreSQL only: PGlite has one connection)', async () => {
    const { db } = database();
    const contact = await aContact(db);
    await createConversation(db, { contactId: contact.id, flowId: 'daftar', flowVersion: 1 });
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let locked!: () => void;
    const firstLocked = new Promise<void>((resolve) => { locked = resolve; });
    const first = db.transaction(async (tx) => {
      await lockConversation(tx, contact.id);
      events.push('first locked');
      locked();
      await held;
      events.push('first commits');
    });
    await firstLocked;
    const second = db.transaction(async (tx) => {
      await lockConversation(tx, contact.id);
      events.push('second locked');
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first locked', 'first commits', 'second locked']);
  });
});
