import { describe, expect, it } from 'vitest';
import { findAgentByCode, insertAgent } from '../../../src/store/repos/agents.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

describe('agents repository', () => {
  const database = useTestDatabase();

  it('stores the code upper-case and finds it in any case', async () => {
    const { db } = database();
    const agent = await insertAgent(db, { code: ' agen123 ', name: 'Pak Budi', phoneE164: '+628123456789' });
    expect(agent).toMatchObject({ code: 'AGEN123', name: 'Pak Budi', active: true, phoneE164: '+628123456789' });
    expect(await findAgentByCode(db, 'Agen123')).toEqual(agent);
    expect(await findAgentByCode(db, 'AGEN124')).toBeNull();
  });

  it('refuses a second agent with the same code', async () => {
    const { db } = database();
    await insertAgent(db, { code: 'AGEN1', name: 'A' });
    await expect(insertAgent(db, { code: 'agen1', name: 'B' })).rejects.toThrow();
  });

  it('keeps an inactive agent findable (the caller decides)', async () => {
    const { db } = database();
    await insertAgent(db, { code: 'AGEN2', name: 'C', active: false });
    expect((await findAgentByCode(db, 'agen2'))?.active).toBe(false);
  });
});
