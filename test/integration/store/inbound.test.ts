import { describe, expect, it } from 'vitest';
import { recordInbound } from '../../../src/store/repos/inbound.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { aContact } from './fixtures.ts';

describe('inbound repository', () => {
  const database = useTestDatabase();
  const receivedAt = new Date('2025-03-01T08:00:00Z');

  it('records a message and returns its id', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const row = await recordInbound(db, { channel: 'telegram', externalId: '1001', contactId: contact.id, kind: 'text', text: 'halo', receivedAt });
    expect(row).toEqual({ id: expect.any(Number) });
  });

  it('returns null for the same channel and external id (a redelivery)', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const message = { channel: 'telegram', externalId: '1001', contactId: contact.id, kind: 'text', text: 'halo', receivedAt };
    expect(await recordInbound(db, message)).not.toBeNull();
    expect(await recordInbound(db, message)).toBeNull();
  });

  it('treats the same external id on another channel as a new message', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const base = { externalId: '1001', contactId: contact.id, kind: 'sticker', text: null, receivedAt };
    expect(await recordInbound(db, { ...base, channel: 'telegram' })).not.toBeNull();
    expect(await recordInbound(db, { ...base, channel: 'whatsapp' })).not.toBeNull();
  });

  it('leaves the transaction usable after a duplicate', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const message = { channel: 'telegram', externalId: '7', contactId: contact.id, kind: 'text', text: 'x', receivedAt };
    await recordInbound(db, message);
    const second = await db.transaction(async (tx) => {
      const duplicate = await recordInbound(tx, message);
      const next = await recordInbound(tx, { ...message, externalId: '8' });
      return { duplicate, next };
    });
    expect(second.duplicate).toBeNull();
    expect(second.next).not.toBeNull();
  });
});
