import type { EffectBuilder } from './effect-builder.ts';
import { checkAgent } from './check-agent.ts';
import { checkNik } from './check-nik.ts';
import { recordConsent } from './record-consent.ts';
import { registerMember } from './register-member.ts';
import { cekIuran, changePeriod, payOwnContribution, recordClaim, resumeReminders, stopReminders } from './member-effects.ts';

/** Every effect a flow script may name in `do:` or `run:`. */
export const effectBuilders: ReadonlyMap<string, EffectBuilder> = new Map(
  [checkAgent, checkNik, recordConsent, registerMember, cekIuran, recordClaim, changePeriod, stopReminders, resumeReminders, payOwnContribution].map((e) => [e.name, e]),
);
