import type { FlowContext } from '../flow-context.ts';
import type { FlowEnv } from '../flow-env.ts';
import type { InputArgs } from '../inputs/input-type.ts';

export interface ViewArgs {
  readonly context: FlowContext;
  readonly env: FlowEnv;
  readonly languages: readonly string[];
  readonly labelledStates: InputArgs['labelledStates'];
}

/**
 * Values a text may show beyond the answers themselves: `{iuran.dasar}`, `{ringkasan}`. A view
 * is computed only when a text uses one of its placeholders.
 */
export interface View {
  /** The placeholder, or the part before the first dot, that this view fills. */
  readonly prefix: string;
  /**
   * Every placeholder it fills ("iuran.periode_*" for a family), so the linter can call
   * "{agen.kod}" a typo. Without it, any name under the prefix passes.
   */
  readonly fills?: readonly string[];
  render(args: ViewArgs): Record<string, string>;
}
