import type { FlowContext } from '../flow-context.ts';
import type { FlowEnv } from '../flow-env.ts';
import type { Json } from '../json.ts';

/** A named check run on a parsed answer (`ask.validate`). Returns an error code or null. */
export interface Validator {
  readonly name: string;
  readonly errors: readonly string[];
  check(value: Json, params: Record<string, unknown>, context: FlowContext, env: FlowEnv): { error: string; params?: Record<string, string | number> } | null;
}
