import type { EffectExecutor } from './effect-executor.ts';
import { checkAgentExecutor, checkNikExecutor, recordConsentExecutor } from './consent-and-lookups.ts';
import { cekIuranExecutor, changePeriodExecutor, payOwnContributionExecutor, recordClaimExecutor, resumeRemindersExecutor, stopRemindersExecutor } from './member-executors.ts';
import { registerMemberExecutor } from './register-member-executor.ts';

/** One executor per effect the engine can ask for (src/engine/effects). */
export const effectExecutors: ReadonlyMap<string, EffectExecutor> = new Map<string, EffectExecutor>([
  ['recordConsent', recordConsentExecutor],
  ['checkAgent', checkAgentExecutor],
  ['checkNik', checkNikExecutor],
  ['registerMember', registerMemberExecutor],
  ['cekIuran', cekIuranExecutor],
  ['recordClaim', recordClaimExecutor],
  ['changePeriod', changePeriodExecutor],
  ['stopReminders', stopRemindersExecutor],
  ['resumeReminders', resumeRemindersExecutor],
  ['payOwnContribution', payOwnContributionExecutor],
]);
