import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/lib/clock.ts';
import { deliveryStatusRecorder } from '../../../src/runtime/delivery-status-recorder.ts';
import { upsertContact } from '../../../src/store/repos/contacts.ts';
import { enqueueOutbox, recordSent } from '../../../src/store/repos/outbox.ts';
import { outbox } from '../../../src/store/schema.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();
const NOW = new Date('2026-11-25T03:00:00Z');

describe('WhatsApp status webhooks recorded on the outbox', () => {
  it('moves a sent row forward (sent → delivered → read) and never back', async () => {
    const { db } = database();
    const contact = await upsertContact(db, { channel: 'whatsapp-cloud', address: '6281234567890' });
    const [id] = await enqueueOutbox(db, [{ contactId: contact.id, channel: 'whatsapp-cloud', address: '6281234567890', kind: 'reply', payload: { text: 'Halo' } }]);
    await recordSent(db, id as number, NOW, 'wamid.A');
    const sink = deliveryStatusRecorder(db, manualClock(NOW));
    await sink.record('wamid.A', 'delivered', NOW);
    await sink.record('wamid.A', 'read', NOW);
    await sink.record('wamid.A', 'delivered', NOW); // a late duplicate: no error, no change
    const [row] = await db.select().from(outbox);
    expect(row?.deliveryStatus).toBe('read');
  });

  it('asks for a redelivery of a fresh status that overtook its send, and drops old unknown ones', async () => {
    const { db } = database();
    const sink = deliveryStatusRecorder(db, manualClock(NOW));
    await expect(sink.record('wamid.unknown', 'delivered', NOW)).rejects.toThrow(/not.*yet|yet/);
    await expect(sink.record('wamid.unknown', 'delivered', new Date(NOW.getTime() - 3_600_000))).resolves.toBeUndefined();
  });
});
