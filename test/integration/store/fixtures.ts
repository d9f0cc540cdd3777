/** Rows the store contract tests build on: a contact, a member, valid defaults. */
import type { Executor } from '../../../src/store/db-types.ts';
import { upsertContact } from '../../../src/store/repos/contacts.ts';
import { insertMember, type NewMember } from '../../../src/store/repos/members.ts';

export async function aContact(x: Executor, address = '628123456789', channel = 'telegram') {
  return upsertContact(x, { channel, address });
}

export function aMember(contactId: string, overrides: Partial<NewMember> = {}): NewMember {
  return {
    contactId,
    nikHash: 'hash-3174010101900001',
    nikEncrypted: 'v1:AAAA',
    nikMasked: '************0001',
    fullName: 'Siti Rahayu',
    birthDate: '1990-01-01',
    provinceCode: '31',
    regencyCode: '31.74',
    occupationCode: 'PKL',
    sector: 'other',
    workplaceType: 'gerobak',
    declaredIncome: 2_500_000,
    incomeTier: 3,
    baseIncome: 2_000_000,
    programmes: ['JKK', 'JKM'],
    paymentPeriodMonths: 1,
    funding: 'mandiri',
    flowId: 'daftar',
    flowVersion: 1,
    ...overrides,
  };
}

export async function aMemberId(x: Executor, contactId: string, overrides: Partial<NewMember> = {}): Promise<string> {
  const result = await insertMember(x, aMember(contactId, overrides));
  if (!('id' in result)) throw new Error('fixture member conflicted');
  return result.id;
}
