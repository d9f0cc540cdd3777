import type { Json } from './json.ts';

/**
 * A domain command the engine asks the runtime to carry out, as data. The engine never performs
 * it. When `awaitsResult` is true the runtime runs it in the same transaction and feeds the
 * outcome back as a `result` input, e.g.
 *   { type: 'checkNik', awaitsResult: true, payload: { nik: '3174…' } }
 *   → step(flow, snapshot, { type: 'result', effect: 'checkNik', ok: false, error: 'nik_taken' }, now)
 */
export interface Effect {
  readonly type: string;
  readonly awaitsResult: boolean;
  readonly payload: { readonly [key: string]: Json };
}
