import { describe, expect, it } from 'vitest';
import { countMembers, findMemberByNikHash, getMember, insertMember } from '../../../src/store/repos/members.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { aContact, aMember } from './fixtures.ts';

describe('members repository', () => {
  const database = useTestDatabase();

  it('inserts a member and reads every field back with its type', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const result = await insertMember(db, aMember(contact.id, { programmes: ['JKK', 'JKM', 'JHT'], declaredIncome: 12_000_000_000 }));
    if (!('id' in result)) throw new Error('expected an id');
    const member = await getMember(db, result.id);
    expect(member).toMatchObject({
      id: result.id, contactId: contact.id, birthDate: '1990-01-01', declaredIncome: 12_000_000_000, baseIncome: 2_000_000,
      programmes: ['JKK', 'JKM', 'JHT'], status: 'registered', agentId: null, sex: null, motherMaidenNameEncrypted: null,
    });
    expect(member?.registeredAt).toBeInstanceOf(Date);
  });

  it('answers a second registration of the same NIK with a conflict, not an exception', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const other = await aContact(db, '628999');
    expect(await insertMember(db, aMember(contact.id))).toHaveProperty('id');
    expect(await insertMember(db, aMember(other.id, { fullName: 'Orang Lain' }))).toEqual({ conflict: 'nik' });
    expect(await countMembers(db)).toBe(1);
  });

  it('keeps the transaction usable after a NIK conflict (PostgreSQL aborts on a failed statement)', async () => {
    const { db } = database();
    const contact = await aContact(db);
    await insertMember(db, aMember(contact.id));
    const outcome = await db.transaction(async (tx) => {
      const conflict = await insertMember(tx, aMember(contact.id));
      const next = await insertMember(tx, aMember(contact.id, { nikHash: 'another-hash' }));
      return { conflict, next };
    });
    expect(outcome.conflict).toEqual({ conflict: 'nik' });
    expect(outcome.next).toHaveProperty('id');
    expect(await countMembers(db)).toBe(2);
  });

  it('finds a member by NIK hash, revealing only the id', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const inserted = await insertMember(db, aMember(contact.id, { nikHash: 'h1' }));
    expect(await findMemberByNikHash(db, 'h1')).toEqual(inserted);
    expect(await findMemberByNikHash(db, 'h2')).toBeNull();
  });

  it('returns null for an unknown member and counts zero on an empty table', async () => {
    const { db } = database();
    expect(await getMember(db, '00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(await countMembers(db)).toBe(0);
  });

  it('refuses values outside the allowed sets', async () => {
    const { db } = database();
    const contact = await aContact(db);
    const bad = aMember(contact.id, { sector: 'farming' as 'other' });
    await expect(insertMember(db, bad)).rejects.toThrow();
    await expect(insertMember(db, aMember(contact.id, { programmes: ['JKP' as 'JKK'] }))).rejects.toThrow();
  });
});
