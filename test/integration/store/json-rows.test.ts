import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeRows, inJsonList, jsonInsert } from '../../../src/store/json-rows.ts';
import { upsertContact } from '../../../src/store/repos/contacts.ts';
import { enqueueOutbox } from '../../../src/store/repos/outbox.ts';
import { outbox } from '../../../src/store/schema.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

describe('rows and id lists as one jsonb parameter', () => {
  const database = useTestDatabase();

  it('inserts rows with dates, jsonb, nulls and SQL defaults for what a row leaves out', async () => {
    const { db } = database();
    const contact = await upsertContact(db, { channel: 'telegram', address: 'json-1' });
    const at = new Date('2026-12-08T02:00:00.123Z');
    const rows = [
      { contactId: contact.id, channel: 'telegram', address: 'json-1', kind: 'reminder' as const, payload: { text: 'Halo "Siti"\n1/2 — Rp16.800', choices: ['Sudah bayar'] }, dedupeKey: 'k:1', nextAttemptAt: at, priority: 5 },
      { contactId: contact.id, channel: 'telegram', address: 'json-1', kind: 'reply' as const, payload: { text: 'ok' } },
    ];
    const { columns, select } = jsonInsert(outbox, rows, ['contactId', 'channel', 'address', 'kind', 'priority', 'payload', 'dedupeKey', 'nextAttemptAt'], { priority: sql`0`, nextAttemptAt: sql`'2030-01-01T00:00:00Z'::timestamptz` });
    const ids = await executeRows<{ id: string | number }>(db, sql`insert into ${outbox} ${columns} ${select} returning ${outbox.id}`);
    expect(ids).toHaveLength(2);
    const stored = await db.select().from(outbox).where(eq(outbox.contactId, contact.id)).orderBy(asc(outbox.id));
    expect(stored.map((r) => [r.kind, r.priority, r.dedupeKey, r.nextAttemptAt.toISOString(), r.payload])).toEqual([
      ['reminder', 5, 'k:1', at.toISOString(), rows[0]!.payload],
      ['reply', 0, null, '2030-01-01T00:00:00.000Z', { text: 'ok' }],
    ]);
  });

  it('refuses a key that is not a column of the table', () => {
    expect(() => jsonInsert(outbox, [], ['nope' as 'channel'])).toThrow('nope is not a column');
  });

  it('matches a column against a list of any length, duplicates and the empty list included', async () => {
    const { db } = database();
    const contact = await upsertContact(db, { channel: 'telegram', address: 'json-2' });
    const message = { contactId: contact.id, channel: 'telegram', address: 'json-2', kind: 'reply' as const, payload: { text: 'x' } };
    const ids = await enqueueOutbox(db, Array.from({ length: 1_200 }, () => message));
    expect(ids).toHaveLength(1_200);
    const count = async (list: readonly number[]) => (await db.select({ id: outbox.id }).from(outbox).where(inJsonList(outbox.id, list))).length;
    expect(await count(ids)).toBe(1_200);
    expect(await count([ids[0]!, ids[0]!, ids[1]!])).toBe(2);
    expect(await count([])).toBe(0);
    expect(await db.select({ id: outbox.id }).from(outbox).where(inJsonList(outbox.contactId, [contact.id]))).toHaveLength(1_200);
  });

  it('enqueues under a dedupe key once, however the batch repeats it', async () => {
    const { db } = database();
    const contact = await upsertContact(db, { channel: 'telegram', address: 'json-3' });
    const message = { contactId: contact.id, channel: 'telegram', address: 'json-3', kind: 'reminder' as const, payload: { text: 'x' }, dedupeKey: 'bill:9:h-7' };
    expect(await enqueueOutbox(db, [message])).toHaveLength(1);
    expect(await enqueueOutbox(db, [message, { ...message, dedupeKey: 'bill:9:h-3' }])).toHaveLength(1);
    expect((await db.select().from(outbox).where(eq(outbox.contactId, contact.id))).map((r) => r.dedupeKey).sort()).toEqual(['bill:9:h-3', 'bill:9:h-7']);
  });
});
