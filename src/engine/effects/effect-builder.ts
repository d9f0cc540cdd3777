import type { FlowContext } from '../flow-context.ts';
import type { FlowEnv } from '../flow-env.ts';
import type { Json } from '../json.ts';

/** Builds one effect's payload from the conversation. The runtime carries the effect out. */
export interface EffectBuilder {
  readonly name: string;
  /** Answer fields the flow must save before this effect runs (checked by the linter). */
  readonly requires: readonly string[];
  /** Error codes a `result_error` guard may test for this effect. */
  readonly errors: readonly string[];
  build(context: FlowContext, params: Record<string, unknown>, env: FlowEnv): { [key: string]: Json };
}
