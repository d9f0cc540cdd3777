import { describe, expect, it } from 'vitest';
import { writeAudit } from '../../../src/store/repos/audit.ts';
import { recordConsent } from '../../../src/store/repos/consents.ts';
import { auditLog, consents } from '../../../src/store/schema.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { aContact, aMemberId } from './fixtures.ts';

describe('consents and audit repositories', () => {
  const database = useTestDatabase();

  it('records a consent, with or without a member, at the given time', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const memberId = await aMemberId(db, contact.id);
    const at = new Date('2025-03-01T01:02:03Z');
    const a = await recordConsent(db, { contactId: contact.id, purpose: 'data_processing', textVersion: '2025-01', granted: true, channel: 'telegram', createdAt: at });
    const b = await recordConsent(db, { contactId: contact.id, memberId, purpose: 'reminders', textVersion: '2025-01', granted: false, channel: 'telegram' });
    expect(b.id).toBeGreaterThan(a.id);
    const rows = await db.select().from(consents);
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ memberId: null, granted: true, createdAt: at });
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ memberId, granted: false, purpose: 'reminders' });
  });

  it('writes audit entries with empty details by default', async () => {
    const { db } = database();
    await writeAudit(db, { actor: 'system', action: 'flow_published', entity: 'flow', entityId: 'daftar@2', details: { by: 'admin:siti' } });
    await writeAudit(db, { actor: 'admin:siti', action: 'export', entity: 'members' });
    const rows = (await db.select().from(auditLog)).sort((a, b) => a.id - b.id);
    expect(rows.map((r) => [r.actor, r.entityId, r.details])).toEqual([
      ['system', 'daftar@2', { by: 'admin:siti' }],
      ['admin:siti', null, {}],
    ]);
    expect(rows[0]?.at).toBeInstanceOf(Date);
  });
});
