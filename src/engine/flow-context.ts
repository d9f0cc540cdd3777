import type { Json } from './json.ts';

/** Something the engine asked and is waiting on, outside the flow's own questions. */
export type Pending =
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'edit_menu'; states: string[] }
  | { kind: 'pick'; state: string; options: { value: Json; display: string }[] }
  /** After `bahasa`: which language (src/engine/language-command.ts). */
  | { kind: 'language' };

/**
 * Everything a conversation knows. It lives in the persisted snapshot (jsonb), so it holds only
 * JSON: answers by field, their display texts, effect results, and the engine's bookkeeping.
 */
export interface FlowContext {
  answers: Record<string, Json>;
  /** How each answer is shown back to the vendor (summary, `ubah` menu, texts). */
  shown: Record<string, string>;
  /** The last result of each effect the flow ran, by effect name. */
  results: Record<string, Json>;
  /** Agent referral code from the first message, upper-cased. */
  referral: string | null;
  lang: string;
  /** After `ubah`: answered questions are skipped until an unanswered one (or the summary). */
  correcting: boolean;
  editTarget: string | null;
  /** Where the vendor was when they asked to correct something; skipping stops there. */
  returnTo: string | null;
  pending: Pending | null;
  /** The answer or effect result that just arrived in `state`; `next` decides on it, then it is cleared. */
  arrived: Arrival | null;
}

export interface Arrival {
  state: string;
  value: Json;
  ok: boolean;
  error: string | null;
}

export interface FlowInput {
  lang: string;
  referral: string | null;
}

export function initialContext(input: FlowInput): FlowContext {
  return { answers: {}, shown: {}, results: {}, referral: input.referral, lang: input.lang, correcting: false, editTarget: null, returnTo: null, pending: null, arrived: null };
}

/** Events the compiled machine understands. Every event carries the time it happened. */
export type FlowEvent =
  | { type: 'ANSWER'; at: string; value: Json; display: string }
  | { type: 'RESULT'; at: string; effect: string; ok: boolean; value: Json; error: string | null }
  | { type: 'EDIT'; at: string; target: string; from: string }
  | { type: 'RESTART'; at: string }
  | { type: 'CANCEL'; at: string }
  | { type: 'SET_PENDING'; at: string; pending: Pending | null }
  /** `bahasa` → "english": the conversation speaks `lang` from this reply on. */
  | { type: 'SET_LANG'; at: string; lang: string };
