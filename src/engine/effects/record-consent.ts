import type { Json } from '../json.ts';
import type { EffectBuilder } from './effect-builder.ts';

/**
 * Records the vendor's answer to the data-processing consent (UU PDP Pasal 24: we must be able
 * to prove it), with the version of the text they saw. For a vendor under 18, `guardian` names
 * the field holding the parent's or guardian's name (UU PDP Pasal 25): their answer is recorded
 * as a consent of its own, with the name in `details`.
 * Example: { type: 'recordConsent', payload: { purpose: 'pendaftaran', version: 'pdp-2026-11', granted: true } }
 * Example: { …, payload: { …, granted: true, details: { givenBy: 'guardian', guardianName: 'SRI WAHYUNI' } } }
 */
export const recordConsent: EffectBuilder = {
  name: 'recordConsent',
  requires: [],
  errors: [],
  build: (context, params) => {
    const consent: Record<string, Json> = {
      purpose: String(params['purpose'] ?? 'pendaftaran'),
      version: String(params['version'] ?? 'unversioned'),
      granted: params['granted'] !== false,
    };
    const guardianField = params['guardian'];
    if (typeof guardianField !== 'string') return consent;
    const name = context.answers[guardianField];
    return { ...consent, details: { givenBy: 'guardian', guardianName: typeof name === 'string' ? name : null } };
  },
};
