import { nikHash } from '../../lib/secrets.ts';
import { findAgentByCode } from '../../store/repos/agents.ts';
import { recordConsent } from '../../store/repos/consents.ts';
import { findMemberByNikHash } from '../../store/repos/members.ts';
import { writeAudit } from '../../store/repos/audit.ts';
import type { EffectExecutor, EffectOutcome } from './effect-executor.ts';

export const recordConsentExecutor: EffectExecutor = async (scope, payload) => {
  await recordConsent(scope.tx, {
    contactId: scope.contactId,
    purpose: String(payload['purpose']),
    textVersion: String(payload['version']),
    granted: payload['granted'] === true,
    details: isRecord(payload['details']) ? payload['details'] : null,
    channel: scope.channel,
    createdAt: scope.now,
  });
  return { ok: true, value: null };
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const checkAgentExecutor: EffectExecutor = async (scope, payload): Promise<EffectOutcome> => {
  const agent = await findAgentByCode(scope.tx, String(payload['code'] ?? ''));
  if (!agent || !agent.active) return { ok: false, error: 'unknown_agent', value: { code: String(payload['code'] ?? '') } };
  return { ok: true, value: { code: String(agent.code), name: String(agent.name) } };
};

/** Says only whether the NIK is free: nothing about who holds it. */
export const checkNikExecutor: EffectExecutor = async (scope, payload) => {
  const existing = await findMemberByNikHash(scope.tx, nikHash(scope.secret, String(payload['nik'] ?? '')));
  if (existing) {
    await writeAudit(scope.tx, { actor: `contact:${scope.contactId}`, action: 'nik_already_registered', entity: 'member', entityId: existing.id });
    return { ok: false, error: 'nik_taken' };
  }
  return { ok: true, value: null };
};
