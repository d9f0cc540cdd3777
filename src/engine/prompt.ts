import type { AnyMachineSnapshot } from 'xstate';
import { t } from '../i18n/translate.ts';
import type { CompiledFlow } from './compile-flow.ts';
import type { FlowContext, Pending } from './flow-context.ts';
import { languageLabels, languageMenu } from './language-command.ts';
import type { FlowEnv } from './flow-env.ts';
import { callOf, type AskSpec, type StateSpec } from './flow-script.ts';
import { guards } from './guards/index.ts';
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

/**
 * The question of the state we rest on, with only the options that apply now (an option's
 * `when:`): what is shown, numbered and read is the same list.
 */
export function askOf(c: Conversation): AskSpec | undefined {
  const ask = restingState(c).spec?.ask;
  if (!ask?.options?.some((o) => o.when !== undefined)) return ask;
  const options = ask.options.filter((o) => {
    if (o.when === undefined) return true;
    const { name, params } = callOf(o.when);
    return guards.get(name)?.test(contextOf(c), params, c.env) ?? false;
  });
  return { ...ask, options };
}

function viewArgs(c: Conversation): ViewArgs {
  return { context: contextOf(c), env: c.env, languages: languagesOf(c), labelledStates: c.flow.labelledStates };
}

export const prompt = {
  /** A locale text with placeholders filled from answers and views (a system text in the flow's own words). */
  text(c: Conversation, key: string, extra: Record<string, string | number> = {}): string {
    return renderText(c.flow.script.system_texts?.[key] ?? key, viewArgs(c), extra);
  },

  /** The buttons / numbered options of what we asked last: the engine's own question, or the state's. */
  choices(c: Conversation): string[] | undefined {
    const pending = contextOf(c).pending;
    if (pending) return pendingChoices(c, pending);
    const ask = askOf(c);
    const input = ask ? inputTypes.get(ask.type) : undefined;
    if (!ask || !input?.choices) return undefined;
    const languages = languagesOf(c);
    return input.choices({ ask, context: contextOf(c), env: c.env, labelledStates: c.flow.labelledStates })
      .map((choice) => choice.text ?? (choice.labelKey ? renderText(choice.labelKey, viewArgs(c)) : String(choice.value)))
      .map((label) => label || t(c.env.catalogs, languages, 'sistem.pilihan.lainnya'));
  },

  /**
   * What we asked last, said again in full (after a move, `bantuan`, `cek iuran` …): the
   * engine's own question while one waits (a confirmation, the `ubah` menu), else the state's.
   */
  question(c: Conversation): Reply[] {
    const pending = contextOf(c).pending;
    if (pending) return [prompt.pending(c, pending)];
    const { spec } = restingState(c);
    if (!spec?.ask) return [];
    const keys = spec.say === undefined ? [] : typeof spec.say === 'string' ? [spec.say] : spec.say;
    const texts = keys.map((key) => prompt.text(c, key));
    return withChoices(texts, prompt.choices(c));
  },

  /** The engine's own question: "yakin batal? (ya/tidak)", the `ubah` menu, a pick among matches. */
  pending(c: Conversation, pending: Pending, lead?: string): Reply {
    const choices = pendingChoices(c, pending);
    switch (pending.kind) {
      case 'cancel':
        return { text: prompt.text(c, lead ?? 'sistem.batal.tanya'), choices };
      case 'restart':
        return { text: prompt.text(c, lead ?? 'sistem.mulai.tanya'), choices };
      case 'edit_menu':
        // The answers are the menu's numbered options, shown once below the text on every channel.
        return { text: prompt.text(c, lead ?? 'sistem.ubah.menu'), choices };
      case 'pick':
        return { text: prompt.text(c, lead ?? 'sistem.pilih_salah_satu'), choices };
      case 'confirm':
        return { text: prompt.text(c, lead ?? 'sistem.konfirmasi.tanya', { pilihan: pending.display }), choices };
      case 'language':
        return languageMenu(c, lead);
    }
  },

  /** The help text of what we asked last: the state's `help`, or the engine's own for its questions. */
  helpKey(c: Conversation): string {
    const pending = contextOf(c).pending;
    if (pending?.kind === 'edit_menu') return 'sistem.ubah.bantuan';
    if (pending?.kind === 'cancel' || pending?.kind === 'restart' || pending?.kind === 'confirm') return 'sistem.bantuan.ya_tidak';
    const { spec } = restingState(c);
    if (spec?.help) return spec.help;
    return spec?.ask?.type === 'yes_no' ? 'sistem.bantuan.ya_tidak' : 'sistem.bantuan.umum';
  },

  /** A short reply that keeps the question's buttons, for re-prompts and side answers. */
  aside(c: Conversation, key: string, extra: Record<string, string | number> = {}): Reply[] {
    return withChoices([prompt.text(c, key, extra)], prompt.choices(c));
  },
};

/** A field's label in the vendor's language, as the summary and the `ubah` menu name it. */
export function labelOf(c: Conversation, state: string): string {
  const labelled = c.flow.labelledStates.find((s) => s.state === state);
  return labelled ? t(c.env.catalogs, languagesOf(c), labelled.label) : state;
}

function pendingChoices(c: Conversation, pending: Pending): string[] {
  const languages = languagesOf(c);
  switch (pending.kind) {
    case 'cancel':
    case 'restart':
    case 'confirm':
      // In this order: "1" is yes and "2" is no, as parseYesNoOption reads them.
      return [t(c.env.catalogs, languages, 'sistem.pilihan.ya'), t(c.env.catalogs, languages, 'sistem.pilihan.tidak')];
    case 'edit_menu': {
      const context = contextOf(c);
      return pending.states.map((state) => {
        const field = c.flow.labelledStates.find((s) => s.state === state)?.field ?? state;
        return `${labelOf(c, state)}: ${context.shown[field] || '-'}`;
      });
    }
    case 'pick':
      return pending.options.map((o) => o.display);
    case 'language':
      return languageLabels(c);
  }
}

function withChoices(texts: string[], choices: string[] | undefined): Reply[] {
  return texts.map((text, i) => (i === texts.length - 1 && choices?.length ? { text, choices } : { text }));
}
