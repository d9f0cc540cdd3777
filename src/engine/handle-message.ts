import { matchChoice } from '../domain/choice.ts';
import { parseYesNo } from '../domain/yes-no.ts';
import { t } from '../i18n/translate.ts';
import type { FlowEvent, Pending } from './flow-context.ts';
import { globalCommandOf } from './global-command.ts';
import { answeredFields } from './inputs/summary-input.ts';
import { inputTypes } from './inputs/index.ts';
import type { InputResult } from './inputs/input-type.ts';
import { contextOf, languagesOf, prompt, restingState, type Conversation } from './prompt.ts';
import type { Reply } from './reply.ts';
import type { MessageKind } from './step-input.ts';
import { validators } from './validators/index.ts';
import { answerLanguageMenu, runLanguageCommand } from './language-command.ts';
import { untappedChoice } from './reply.ts';
import { shownChoices } from './shown-choices.ts';
import { STATUS_QUERY } from './effects/member-effects.ts';
import { callOf } from './flow-script.ts';

type EventWithoutTime = FlowEvent extends infer E ? (E extends FlowEvent ? Omit<E, 'at'> : never) : never;

/** What one vendor message leads to: only replies, a question of the engine's own, or a flow event. */
export type MessageOutcome =
  | { kind: 'reply'; replies: Reply[] }
  | { kind: 'pending'; pending: Pending | null; replies: Reply[] }
  | { kind: 'event'; event: EventWithoutTime }
  /** A question about the vendor's own records: the runtime runs the effect, the answer comes back as its result. */
  | { kind: 'query'; effect: QueryEffect };

export type QueryEffect = typeof STATUS_QUERY;

export function handleMessage(c: Conversation, kind: MessageKind, typed: string): MessageOutcome {
  // A tapped Telegram/WhatsApp button sends "2. Tidak": read as the option it shows.
  const text = untappedChoice(typed, shownChoices(c));
  if (kind !== 'text' || text.trim() === '') {
    return { kind: 'reply', replies: prompt.aside(c, kind === 'text' ? 'sistem.kosong' : 'sistem.bukan_teks') };
  }
  const pending = contextOf(c).pending;
  if (pending) return answerPending(c, pending, text);
  const command = globalCommandOf(text, c.flow.script.own_words);
  if (command === 'language') return runLanguageCommand(c, text);
  if (command) return runCommand(c, command);
  return answerQuestion(c, text);
}

function runCommand(c: Conversation, command: Exclude<NonNullable<ReturnType<typeof globalCommandOf>>, 'language'>): MessageOutcome {
  const { spec } = restingState(c);
  switch (command) {
    case 'status':
      return { kind: 'query', effect: STATUS_QUERY };
    case 'help': {
      const help = prompt.text(c, spec?.help ?? 'sistem.bantuan.umum');
      return { kind: 'reply', replies: prompt.aside(c, 'sistem.bantuan.bingkai', { bantuan: help }) };
    }
    case 'cancel':
      return { kind: 'pending', pending: { kind: 'cancel' }, replies: [confirm(c, 'sistem.batal.tanya')] };
    case 'restart':
      if (Object.keys(contextOf(c).answers).length === 0) return { kind: 'event', event: { type: 'RESTART' } };
      return { kind: 'pending', pending: { kind: 'restart' }, replies: [confirm(c, 'sistem.mulai.tanya')] };
    case 'edit': {
      const fields = answeredFields(contextOf(c), c.flow.labelledStates);
      if (spec?.ask?.type === 'summary') return { kind: 'reply', replies: prompt.aside(c, 'galat.ringkasan.invalid', { max: fields.length }) };
      if (fields.length === 0) return { kind: 'reply', replies: prompt.aside(c, 'sistem.ubah.kosong') };
      return { kind: 'pending', pending: { kind: 'edit_menu', states: fields.map((f) => f.state) }, replies: [editMenu(c, fields.map((f) => f.state))] };
    }
  }
}

function answerPending(c: Conversation, pending: Pending, text: string): MessageOutcome {
  if (pending.kind === 'language') return answerLanguageMenu(c, text);
  if (pending.kind === 'cancel' || pending.kind === 'restart') {
    const yes = parseYesNo(text);
    if (!yes.ok) return { kind: 'reply', replies: [confirm(c, pending.kind === 'cancel' ? 'sistem.batal.tanya' : 'sistem.mulai.tanya')] };
    if (yes.value) return { kind: 'event', event: { type: pending.kind === 'cancel' ? 'CANCEL' : 'RESTART' } };
    return { kind: 'pending', pending: null, replies: [...prompt.aside(c, 'sistem.lanjut'), ...prompt.question(c)] };
  }
  if (pending.kind === 'edit_menu') {
    const options = pending.states.map((state) => ({ value: state, label: labelOf(c, state) }));
    const match = matchChoice(text, options);
    if (match.kind === 'match') return { kind: 'event', event: { type: 'EDIT', target: match.value, from: restingState(c).name } };
    const no = parseYesNo(text);
    if (no.ok && !no.value) return { kind: 'pending', pending: null, replies: prompt.question(c) };
    return { kind: 'reply', replies: [editMenu(c, pending.states, 'galat.ubah.invalid')] };
  }
  const options = pending.options.map((o, i) => ({ value: String(i), label: o.display }));
  const match = matchChoice(text, options);
  const picked = match.kind === 'match' ? pending.options[Number(match.value)] : undefined;
  // Anything else is read as a fresh answer to the question, so nothing typed is wasted.
  return picked ? accept(c, { kind: 'answer', value: picked.value, display: picked.display }) : answerQuestion(c, text);
}

function answerQuestion(c: Conversation, text: string): MessageOutcome {
  const { spec } = restingState(c);
  const ask = spec?.ask;
  const input = ask ? inputTypes.get(ask.type) : undefined;
  if (!ask || !input) return { kind: 'reply', replies: [{ text: prompt.text(c, 'sistem.tunggu') }] };
  if (ask.optional && /^(lewati|skip|-|tidak tahu|gak tau|ga tau|tidak ada)$/i.test(text.trim())) {
    return { kind: 'event', event: { type: 'ANSWER', value: null, display: '' } };
  }
  return accept(c, input.parse({ text, ask, context: contextOf(c), env: c.env, labelledStates: c.flow.labelledStates }));
}

function accept(c: Conversation, result: InputResult): MessageOutcome {
  switch (result.kind) {
    case 'invalid':
      return { kind: 'reply', replies: prompt.aside(c, `galat.${result.error}`, result.params) };
    case 'edit':
      return { kind: 'event', event: { type: 'EDIT', target: result.state, from: restingState(c).name } };
    case 'pick': {
      const text = prompt.text(c, 'sistem.pilih_salah_satu');
      return { kind: 'pending', pending: { kind: 'pick', state: restingState(c).name, options: result.options }, replies: [{ text, choices: result.options.map((o) => o.display) }] };
    }
    case 'answer': {
      const failed = validate(c, result.value);
      if (failed) return { kind: 'reply', replies: prompt.aside(c, `galat.${failed.error}`, failed.params) };
      return { kind: 'event', event: { type: 'ANSWER', value: result.value, display: result.display } };
    }
  }
}

function validate(c: Conversation, value: Extract<InputResult, { kind: 'answer' }>['value']) {
  for (const call of restingState(c).spec?.ask?.validate ?? []) {
    const { name, params } = callOf(call);
    const failed = validators.get(name)?.check(value, params, contextOf(c), c.env);
    if (failed) return failed;
  }
  return null;
}

function confirm(c: Conversation, key: string): Reply {
  const languages = languagesOf(c);
  return { text: prompt.text(c, key), choices: [t(c.env.catalogs, languages, 'sistem.pilihan.ya'), t(c.env.catalogs, languages, 'sistem.pilihan.tidak')] };
}

function labelOf(c: Conversation, state: string): string {
  const labelled = c.flow.labelledStates.find((s) => s.state === state);
  return labelled ? t(c.env.catalogs, languagesOf(c), labelled.label) : state;
}

function editMenu(c: Conversation, states: string[], lead = 'sistem.ubah.menu'): Reply {
  const context = contextOf(c);
  const lines = states.map((state, i) => {
    const field = c.flow.labelledStates.find((s) => s.state === state)?.field ?? state;
    return `${i + 1}. ${labelOf(c, state)}: ${context.shown[field] || '-'}`;
  });
  return { text: prompt.text(c, lead, { daftar: lines.join('\n') }), choices: states.map((s) => labelOf(c, s)) };
}
