import type { Json } from './json.ts';

/** Something the engine asked and is waiting on, outside the flow's own questions. */
export type Pending =
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'edit_menu'; states: string[] }
  | { kind: 'pick'; state: string; options: { value: Json; display: string }[] }
  /** "Kabupaten Bengkulu Selatan, betul?": a loose reading waiting for the vendor's yes. */
  | { kind: 'confirm'; state: string; value: Json; display: string }
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
  /**
   * How many answers in a row the question `key` refused (a state, or a state and the engine's
   * own question there). Re-asks grow with it: an example, then BANTUAN, then an agent's help.
   * A new question starts again from none.
   */
  failures: Failures | null;
  /**
   * The message that started a `first_message: answer` flow whose first state runs an effect
   * (the member menu looks the member up first): read as the answer to the first question the
   * flow comes to, then cleared.
   */
  firstMessage?: string | null;
  /** The answer or effect result that just arrived in `state`; `next` decides on it, then it is cleared. */
  arrived: Arrival | null;
}

export interface Failures {
  key: string;
  count: number;
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
  firstMessage?: string | null;
}

export function initialContext(input: FlowInput): FlowContext {
  return { answers: {}, shown: {}, results: {}, referral: input.referral, lang: input.lang, correcting: false, editTarget: null, returnTo: null, pending: null, failures: null, firstMessage: input.firstMessage ?? null, arrived: null };
}

/** Events the compiled machine understands. Every event carries the time it happened. */
export type FlowEvent =
  | { type: 'ANSWER'; at: string; value: Json; display: string }
  | { type: 'RESULT'; at: string; effect: string; ok: boolean; value: Json; error: string | null }
  | { type: 'EDIT'; at: string; target: string; from: string }
  | { type: 'RESTART'; at: string }
  | { type: 'CANCEL'; at: string }
  | { type: 'SET_PENDING'; at: string; pending: Pending | null }
  /** The first message, kept until the flow rests on a question, has been read there. */
  | { type: 'FIRST_MESSAGE_READ'; at: string }
  /** An answer to the question `key` was refused; the context counts it. */
  | { type: 'FAILED'; at: string; key: string }
  /** `bahasa` → "english": the conversation speaks `lang` from this reply on. */
  | { type: 'SET_LANG'; at: string; lang: string };
