import type { Json } from '../../engine/json.ts';
import type { ReferenceData } from '../../domain/reference-data-types.ts';
import type { Tx } from '../../store/db-types.ts';

/** What an effect runs with: the open transaction, who is talking, the time and the secret. */
export interface EffectScope {
  readonly tx: Tx;
  readonly contactId: string;
  readonly channel: string;
  readonly now: Date;
  readonly secret: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly randomDigits: (n: number) => string;
  /** The reference data the flow was compiled with (rates for quotes, regions for zones). */
  readonly data: ReferenceData;
}

export type EffectOutcome = { ok: true; value: Json } | { ok: false; error: string; value?: Json };

/** Carries out one effect inside the message's transaction. */
export type EffectExecutor = (scope: EffectScope, payload: { readonly [key: string]: Json }) => Promise<EffectOutcome>;
