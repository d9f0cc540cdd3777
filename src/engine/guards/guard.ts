import type { FlowContext } from '../flow-context.ts';
import type { FlowEnv } from '../flow-env.ts';
import type { Json } from '../json.ts';

/** A named condition a script may use in `when:`. Pure: reads the context, its params and data. */
export interface Guard {
  readonly name: string;
  /** Param names the script must give (checked by the linter). */
  readonly params?: readonly string[];
  /** `env.now` is the time of the event being handled (absent only while the flow starts). */
  test(context: FlowContext, params: Record<string, unknown>, env: Omit<FlowEnv, 'now'> & { readonly now?: Date }): boolean;
}

/** The answer a `when:` talks about: the one that just arrived, else the saved field. */
export function currentAnswer(context: FlowContext, params: Record<string, unknown>): Json | undefined {
  if (context.arrived) return context.arrived.value;
  const field = params['__field'];
  return typeof field === 'string' ? context.answers[field] : undefined;
}
