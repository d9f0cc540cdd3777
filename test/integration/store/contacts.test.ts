import { describe, expect, it } from 'vitest';
import { clearStopped, findContact, markStopped, upsertContact } from '../../../src/store/repos/contacts.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

describe('contacts repository', () => {
  const database = useTestDatabase();

  it('inserts a new contact with defaults', async () => {
    const { db } = database();
    const contact = await upsertContact(db, { channel: 'telegram', address: '42', displayName: 'Siti' });
    expect(contact).toMatchObject({ channel: 'telegram', address: '42', displayName: 'Siti', language: 'id', stoppedAt: null });
    expect(contact.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(contact.createdAt).toBeInstanceOf(Date);
  });

  it('returns the same row for the same channel and address, keeping a known display name', async () => {
    const { db } = database();
    const first = await upsertContact(db, { channel: 'telegram', address: '42', displayName: 'Siti' });
    const second = await upsertContact(db, { channel: 'telegram', address: '42' });
    expect(second.id).toBe(first.id);
    expect(second.displayName).toBe('Siti');
    expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
  });

  it('updates the display name when the platform gives a new one', async () => {
    const { db } = database();
    await upsertContact(db, { channel: 'telegram', address: '42', displayName: 'Siti' });
    const renamed = await upsertContact(db, { channel: 'telegram', address: '42', displayName: 'Bu Siti' });
    expect(renamed.displayName).toBe('Bu Siti');
  });

  it('keeps the same address on two channels apart', async () => {
    const { db } = database();
    const a = await upsertContact(db, { channel: 'telegram', address: '42' });
    const b = await upsertContact(db, { channel: 'whatsapp', address: '42' });
    expect(a.id).not.toBe(b.id);
  });

  it('finds a contact by channel and address, or null', async () => {
    const { db } = database();
    const contact = await upsertContact(db, { channel: 'simulator', address: 'ana' });
    expect(await findContact(db, 'simulator', 'ana')).toEqual(contact);
    expect(await findContact(db, 'simulator', 'budi')).toBeNull();
  });

  it('marks a contact stopped at the given time', async () => {
    const { db } = database();
    const contact = await upsertContact(db, { channel: 'simulator', address: 'ana' });
    const at = new Date('2025-03-01T02:03:04.005Z');
    await markStopped(db, contact.id, at);
    expect((await findContact(db, 'simulator', 'ana'))?.stoppedAt).toEqual(at);
  });

  it('undoes a block when the contact writes again, but an opt-out only with clearStopped ("mulai")', async () => {
    const { db } = database();
    const at = new Date('2026-11-25T02:00:00Z');
    const blocked = await upsertContact(db, { channel: 'telegram', address: 'blok' });
    const optedOut = await upsertContact(db, { channel: 'telegram', address: 'henti' });
    await markStopped(db, blocked.id, at, 'blocked');
    await markStopped(db, optedOut.id, at, 'opt_out');
    // A block reported later does not turn an opt-out into something a message undoes.
    await markStopped(db, optedOut.id, at, 'blocked');
    // Touching the contact without a message (queueing, sending) changes nothing.
    await upsertContact(db, { channel: 'telegram', address: 'blok' });
    expect(await findContact(db, 'telegram', 'blok')).toMatchObject({ stoppedAt: at, stopReason: 'blocked' });
    const inbound = new Date('2026-11-25T03:00:00Z');
    await upsertContact(db, { channel: 'telegram', address: 'blok', lastInboundAt: inbound });
    await upsertContact(db, { channel: 'telegram', address: 'henti', lastInboundAt: inbound });
    expect(await findContact(db, 'telegram', 'blok')).toMatchObject({ stoppedAt: null, stopReason: null });
    expect(await findContact(db, 'telegram', 'henti')).toMatchObject({ stoppedAt: at, stopReason: 'opt_out' });
    await clearStopped(db, optedOut.id);
    expect(await findContact(db, 'telegram', 'henti')).toMatchObject({ stoppedAt: null, stopReason: null });
  });

  it('keeps the latest inbound time, so a late redelivery does not close the WhatsApp window', async () => {
    const { db } = database();
    const later = new Date('2026-11-25T10:00:00Z');
    await upsertContact(db, { channel: 'whatsapp-cloud', address: '6281', lastInboundAt: new Date('2026-11-25T09:00:00Z') });
    await upsertContact(db, { channel: 'whatsapp-cloud', address: '6281', lastInboundAt: later });
    const again = await upsertContact(db, { channel: 'whatsapp-cloud', address: '6281', lastInboundAt: new Date('2026-11-25T08:00:00Z') });
    expect(again.lastInboundAt).toEqual(later);
  });
});
