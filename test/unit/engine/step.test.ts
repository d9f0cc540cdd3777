import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledFlow } from '../../../src/engine/compile-flow.ts';
import { step } from '../../../src/engine/step.ts';
import { repositoryFlows } from '../../helpers/pure-chat.ts';

const NOW = new Date('2026-11-25T03:00:00Z');
let flow: CompiledFlow;
beforeAll(async () => {
  flow = (await repositoryFlows()).flows.get('pendaftaran') as CompiledFlow;
});

describe('step', () => {
  it('is pure: the same input on the same snapshot gives the same result', () => {
    const first = step(flow, undefined, { type: 'message', kind: 'text', text: 'halo' }, NOW);
    const again = step(flow, undefined, { type: 'message', kind: 'text', text: 'halo' }, NOW);
    expect(again).toEqual(first);
    const a = step(flow, first.snapshot, { type: 'message', kind: 'text', text: 'ya' }, NOW);
    const b = step(flow, first.snapshot, { type: 'message', kind: 'text', text: 'ya' }, NOW);
    expect(b).toEqual(a);
  });

  it('records the flow id and version in the snapshot and refuses another version', () => {
    const first = step(flow, undefined, { type: 'message', kind: 'text', text: 'halo' }, NOW);
    expect(first.snapshot).toMatchObject({ flowId: 'pendaftaran', version: 1 });
    const other = { ...first.snapshot, version: 2 };
    expect(() => step(flow, other, { type: 'message', kind: 'text', text: 'ya' }, NOW)).toThrow(/load the version the conversation started on/);
  });

  it('returns effects as data and never performs them', () => {
    const first = step(flow, undefined, { type: 'message', kind: 'text', text: 'halo' }, NOW);
    const consent = step(flow, first.snapshot, { type: 'message', kind: 'text', text: 'ya' }, NOW);
    expect(consent.effects).toEqual([{ type: 'recordConsent', awaitsResult: false, payload: { purpose: 'pendaftaran-bpu', version: 'pdp-2026-11-v1', granted: true } }]);
  });

  it('survives a JSON round trip of the snapshot (as stored in jsonb)', () => {
    const first = step(flow, undefined, { type: 'message', kind: 'text', text: 'halo' }, NOW);
    const stored = JSON.parse(JSON.stringify(first.snapshot));
    const next = step(flow, stored, { type: 'message', kind: 'text', text: 'ya' }, NOW);
    expect(next.replies[0]?.text).toContain('nama lengkap');
  });
});
