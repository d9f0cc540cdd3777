import type { AnyMachineSnapshot } from 'xstate';
import { t } from '../i18n/translate.ts';
import type { CompiledFlow } from './compile-flow.ts';
import type { FlowContext } from './flow-context.ts';
import type { FlowEnv } from './flow-env.ts';
import type { StateSpec } from './flow-script.ts';
import { inputTypes } from './inputs/index.ts';
import { renderText } from './render-text.ts';
import type { Reply } from './reply.ts';
import type { ViewArgs } from './views/view.ts';

/** One conversation at one moment: what stepping and replying need to read. */
export interface Conversation {
  readonly flow: CompiledFlow;
  readonly env: FlowEnv;
  readonly state: AnyMachineSnapshot;
}

export function contextOf(c: Conversation): FlowContext {
  return c.state.context as FlowContext;
}

export function languagesOf(c: Conversation): string[] {
  return [...new Set([contextOf(c).lang, c.flow.defaultLanguage, 'id'])];
}

/** The state the conversation rests in, and its script. */
export function restingState(c: Conversation): { name: string; spec: StateSpec | undefined } {
  const name = typeof c.state.value === 'string' ? c.state.value : '';
  return { name, spec: c.flow.script.states[name] };
}

function viewArgs(c: Conversation): ViewArgs {
  return { context: contextOf(c), env: c.env, languages: languagesOf(c), labelledStates: c.flow.labelledStates };
}

export const prompt = {
  /** A locale text with placeholders filled from answers and views (a system text in the flow's own words). */
  text(c: Conversation, key: string, extra: Record<string, string | number> = {}): string {
    return renderText(c.flow.script.system_texts?.[key] ?? key, viewArgs(c), extra);
  },

  /** The buttons / numbered options of the question we rest on. */
  choices(c: Conversation): string[] | undefined {
    const { spec } = restingState(c);
    const input = spec?.ask ? inputTypes.get(spec.ask.type) : undefined;
    if (!spec?.ask || !input?.choices) return undefined;
    const languages = languagesOf(c);
    return input.choices({ ask: spec.ask, context: contextOf(c), env: c.env, labelledStates: c.flow.labelledStates })
      .map((choice) => choice.text ?? (choice.labelKey ? renderText(choice.labelKey, viewArgs(c)) : String(choice.value)))
      .map((label) => label || t(c.env.catalogs, languages, 'sistem.pilihan.lainnya'));
  },

  /** The question of the state we rest on, said again in full (after a move, `bantuan`, …). */
  question(c: Conversation): Reply[] {
    const { spec } = restingState(c);
    if (!spec?.ask) return [];
    const keys = spec.say === undefined ? [] : typeof spec.say === 'string' ? [spec.say] : spec.say;
    const texts = keys.map((key) => prompt.text(c, key));
    return withChoices(texts, prompt.choices(c));
  },

  /** A short reply that keeps the question's buttons, for re-prompts and side answers. */
  aside(c: Conversation, key: string, extra: Record<string, string | number> = {}): Reply[] {
    return withChoices([prompt.text(c, key, extra)], prompt.choices(c));
  },
};

function withChoices(texts: string[], choices: string[] | undefined): Reply[] {
  return texts.map((text, i) => (i === texts.length - 1 && choices?.length ? { text, choices } : { text }));
}
