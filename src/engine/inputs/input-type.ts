import type { AskSpec } from '../flow-script.ts';
import type { FlowContext } from '../flow-context.ts';
import type { FlowEnv } from '../flow-env.ts';
import type { Json } from '../json.ts';

/** What reading one answer gave. A bad answer is a result, never an exception. */
export type InputResult =
  | { kind: 'answer'; value: Json; display: string }
  /** `error` is a code such as `nik.length`; the vendor sees the text `galat.<code>`. */
  | { kind: 'invalid'; error: string; params?: Record<string, string | number> }
  /** Several things fit ("bogor"): the vendor picks one by number or name. */
  | { kind: 'pick'; options: { value: Json; display: string }[] }
  /** One thing fits, but only loosely ("bengkulu sellatan"): the vendor confirms it before it is stored. */
  | { kind: 'confirm'; value: Json; display: string }
  /** The summary asked to correct one earlier answer. */
  | { kind: 'edit'; state: string }
  /** The summary asked to correct something without saying what: the `ubah` menu lists the answers. */
  | { kind: 'edit_menu' };

export interface InputArgs {
  readonly text: string;
  readonly ask: AskSpec;
  readonly context: FlowContext;
  readonly env: FlowEnv;
  /** Ask states in flow order, for inputs that refer to earlier questions (the summary). */
  readonly labelledStates: readonly { state: string; field: string; label: string }[];
}

/** An input type a flow may name in `ask.type`. */
export interface InputType {
  readonly name: string;
  /** Error codes this type may return; the linter checks `galat.<code>` exists in every locale. */
  readonly errors: readonly string[];
  /** True when the script must list `options`. */
  readonly needsOptions?: boolean;
  parse(args: InputArgs): InputResult;
  /** Locale keys or texts to offer as buttons / numbered options. */
  choices?(args: Omit<InputArgs, 'text'>): { value: Json; labelKey?: string; text?: string }[];
}

export function invalid(error: string, params?: Record<string, string | number>): InputResult {
  return params ? { kind: 'invalid', error, params } : { kind: 'invalid', error };
}
