import { maskNik } from '../../domain/nik.ts';
import { paymentCode } from '../../domain/payment-code.ts';
import { encryptField, nikHash } from '../../lib/secrets.ts';
import { findAgentByCode } from '../../store/repos/agents.ts';
import { writeAudit } from '../../store/repos/audit.ts';
import { insertBill } from '../../store/repos/bills.ts';
import { insertMember } from '../../store/repos/members.ts';
import type { EffectExecutor } from './effect-executor.ts';

interface BillPayload {
  startMonth: string;
  months: number;
  amount: number;
  dueDate: string;
  breakdown: unknown;
}

/**
 * Saves the member (NIK as keyed hash + ciphertext + masked form, mother's name encrypted) and
 * the first bill with a fresh payment code, exactly as quoted to the vendor — except for one who
 * asked for help with the contribution, who gets no bill until they choose to pay themselves.
 */
export const registerMemberExecutor: EffectExecutor = async (scope, p) => {
  const nik = String(p['nik'] ?? '');
  const referral = typeof p['referralCode'] === 'string' ? p['referralCode'] : null;
  const agent = referral ? await findAgentByCode(scope.tx, referral) : null;
  const mother = typeof p['motherMaidenName'] === 'string' ? p['motherMaidenName'] : null;
  const funding = p['funding'] === 'sponsor_request' ? 'sponsor_request' : 'mandiri';
  const inserted = await insertMember(scope.tx, {
    contactId: scope.contactId,
    nikHash: nikHash(scope.secret, nik),
    nikEncrypted: encryptField(scope.secret, nik),
    nikMasked: maskNik(nik),
    fullName: String(p['fullName']),
    birthDate: String(p['birthDate']),
    sex: typeof p['sex'] === 'string' ? p['sex'] : null,
    motherMaidenNameEncrypted: mother ? encryptField(scope.secret, mother) : null,
    provinceCode: String(p['provinceCode']),
    regencyCode: String(p['regencyCode']),
    occupationCode: String(p['occupationCode']),
    sector: p['sector'] === 'transport' ? 'transport' : 'other',
    workplaceType: String(p['workplaceType']),
    declaredIncome: Number(p['declaredIncome']),
    incomeTier: Number(p['incomeTier']),
    baseIncome: Number(p['baseIncome']),
    programmes: (p['programmes'] as string[]).filter((x): x is 'JKK' | 'JKM' | 'JHT' => ['JKK', 'JKM', 'JHT'].includes(x)),
    paymentPeriodMonths: Number(p['paymentPeriodMonths']),
    funding,
    agentId: agent?.active ? agent.id : null,
    flowId: scope.flowId,
    flowVersion: scope.flowVersion,
    registeredAt: scope.now,
  });
  if ('conflict' in inserted) return { ok: false, error: 'nik_taken' };
  if (funding === 'sponsor_request') {
    // Asked for help with the contribution: no bill, no code and so no reminders until a sponsor
    // is found or the vendor types "bayar sendiri" (payOwnContribution issues the first bill).
    await writeAudit(scope.tx, {
      actor: `contact:${scope.contactId}`, action: 'member_registered', entity: 'member', entityId: inserted.id,
      details: { agent: agent?.code ?? null, referral, flow: `${scope.flowId}@${scope.flowVersion}`, funding: 'sponsor_request' },
    });
    return { ok: true, value: { memberId: inserted.id, paymentCode: null, amount: null, dueDate: null, startMonth: null, months: null } };
  }
  const bill = p['bill'] as unknown as BillPayload;
  const code = paymentCode(scope.randomDigits(10));
  await insertBill(scope.tx, {
    memberId: inserted.id,
    startMonth: bill.startMonth,
    months: bill.months,
    amount: bill.amount,
    breakdown: bill.breakdown,
    dueDate: bill.dueDate,
    paymentCode: code,
  });
  await writeAudit(scope.tx, {
    actor: `contact:${scope.contactId}`, action: 'member_registered', entity: 'member', entityId: inserted.id,
    details: { agent: agent?.code ?? null, referral, flow: `${scope.flowId}@${scope.flowVersion}` },
  });
  return { ok: true, value: { memberId: inserted.id, paymentCode: code, amount: bill.amount, dueDate: bill.dueDate, startMonth: bill.startMonth, months: bill.months } };
};
