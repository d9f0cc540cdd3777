import type { EffectBuilder } from './effect-builder.ts';

/**
 * Records the vendor's answer to the data-processing consent (UU PDP Pasal 24: we must be able
 * to prove it), with the version of the text they saw.
 * Example: { type: 'recordConsent', payload: { purpose: 'pendaftaran', version: 'pdp-2026-11', granted: true } }
 */
export const recordConsent: EffectBuilder = {
  name: 'recordConsent',
  requires: [],
  errors: [],
  build: (_context, params) => ({
    purpose: String(params['purpose'] ?? 'pendaftaran'),
    version: String(params['version'] ?? 'unversioned'),
    granted: params['granted'] !== false,
  }),
};
