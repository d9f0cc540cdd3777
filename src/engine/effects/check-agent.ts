import type { EffectBuilder } from './effect-builder.ts';

/**
 * Looks up the referral code from the first message. Result value: { code, name } of the agent;
 * error `unknown_agent` when no active agent has that code.
 * Example: { type: 'checkAgent', payload: { code: 'AGEN123' } }
 */
export const checkAgent: EffectBuilder = {
  name: 'checkAgent',
  requires: [],
  errors: ['unknown_agent'],
  build: (context) => ({ code: context.referral ?? '' }),
};
