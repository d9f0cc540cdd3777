import { isEmojiOnly } from '../domain/emoji-only.ts';
import { matchChoice } from '../domain/choice.ts';
import { parseYesNo, parseYesNoOption } from '../domain/yes-no.ts';
import type { FlowEvent, Pending } from './flow-context.ts';
import { editRequestOf } from './edit-request.ts';
import { globalCommandOf, type GlobalCommand } from './global-command.ts';
import { answeredFields } from './inputs/summary-input.ts';
import { inputTypes } from './inputs/index.ts';
import type { InputResult } from './inputs/input-type.ts';
import { askOf, contextOf, labelOf, prompt, restingState, type Conversation } from './prompt.ts';
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
  /** The answer to the question `key` was refused: the replies say why, the context counts it. */
  | { kind: 'failed'; key: string; replies: Reply[] }
  | { kind: 'event'; event: EventWithoutTime }
  /** A question about the vendor's own records: the runtime runs the effect, the answer comes back as its result. */
  | { kind: 'query'; effect: QueryEffect };

export type QueryEffect = typeof STATUS_QUERY;

/**
 * Reads one vendor message where the conversation rests. Global commands come first wherever
 * that is, the engine's own questions (a confirmation, the `ubah` menu) included: no question
 * may trap a vendor who types BATAL, MULAI, BANTUAN, CEK IURAN or "halo".
 */
export function handleMessage(c: Conversation, kind: MessageKind, typed: string): MessageOutcome {
  // A tapped Telegram/WhatsApp button sends "2. Tidak": read as the option it shows.
  const text = untappedChoice(typed, shownChoices(c));
  if (kind !== 'text' || text.trim() === '' || isEmojiOnly(text)) {
    // A sticker or "👍" is no answer: it changes nothing, not even a "yes".
    return { kind: 'reply', replies: prompt.aside(c, kind === 'text' && text.trim() === '' ? 'sistem.kosong' : 'sistem.bukan_teks') };
  }
  const command = globalCommandOf(text, c.flow.script.own_words);
  if (command === 'language') return runLanguageCommand(c, text);
  if (command) return runCommand(c, command);
  const pending = contextOf(c).pending;
  if (pending) return answerPending(c, pending, text);
  const edit = editRequestOf(text, editableFields(c));
  if (edit !== null && edit !== 'menu') return editEvent(c, edit.state);
  return answerQuestion(c, text);
}

function runCommand(c: Conversation, command: Exclude<GlobalCommand, 'language'>): MessageOutcome {
  const pending = contextOf(c).pending;
  switch (command) {
    case 'status':
      return { kind: 'query', effect: STATUS_QUERY };
    case 'greet':
      return { kind: 'reply', replies: [{ text: prompt.text(c, 'sistem.sapa') }, ...prompt.question(c)] };
    case 'help': {
      const help = prompt.text(c, prompt.helpKey(c));
      return { kind: 'reply', replies: prompt.aside(c, 'sistem.bantuan.bingkai', { bantuan: help }) };
    }
    case 'cancel':
      return askOwn(c, { kind: 'cancel' });
    case 'restart':
      if (Object.keys(contextOf(c).answers).length === 0) return { kind: 'event', event: { type: 'RESTART' } };
      return askOwn(c, { kind: 'restart' });
    case 'edit':
      if (pending?.kind === 'edit_menu') return { kind: 'reply', replies: prompt.question(c) };
      return editMenu(c);
  }
}

/** Puts the engine's own question in place of whatever was waiting, and asks it. */
function askOwn(c: Conversation, pending: Pending): MessageOutcome {
  return { kind: 'pending', pending, replies: [prompt.pending(c, pending)] };
}

function editMenu(c: Conversation): MessageOutcome {
  const fields = editableFields(c);
  if (fields.length === 0) return { kind: 'reply', replies: prompt.aside(c, 'sistem.ubah.kosong') };
  return askOwn(c, { kind: 'edit_menu', states: fields.map((f) => f.state) });
}

function answerPending(c: Conversation, pending: Pending, text: string): MessageOutcome {
  if (pending.kind === 'language') return answerLanguageMenu(c, text);
  if (pending.kind === 'cancel' || pending.kind === 'restart') {
    const yes = parseYesNoOption(text);
    if (!yes.ok) return failed(c, [prompt.pending(c, pending)]);
    if (yes.value) return { kind: 'event', event: { type: pending.kind === 'cancel' ? 'CANCEL' : 'RESTART' } };
    return { kind: 'pending', pending: null, replies: [{ text: prompt.text(c, 'sistem.lanjut') }, ...prompt.question(withoutPending(c))] };
  }
  if (pending.kind === 'edit_menu') {
    const options = pending.states.map((state) => ({ value: state, label: labelOf(c, state) }));
    const match = matchChoice(text, options);
    if (match.kind === 'match') return editEvent(c, match.value);
    const named = editRequestOf(text, options.map((o) => ({ state: o.value, label: o.label })));
    if (named !== null && named !== 'menu') return editEvent(c, named.state);
    const no = parseYesNo(text);
    if (no.ok && !no.value) return { kind: 'pending', pending: null, replies: prompt.question(withoutPending(c)) };
    return failed(c, [prompt.pending(c, pending, 'galat.ubah.invalid')]);
  }
  if (pending.kind === 'confirm') return answerConfirm(c, pending, text);
  const options = pending.options.map((o, i) => ({ value: String(i), label: o.display }));
  const match = matchChoice(text, options);
  const picked = match.kind === 'match' ? pending.options[Number(match.value)] : undefined;
  // Anything else is read as a fresh answer to the question, so nothing typed is wasted.
  return picked ? accept(c, { kind: 'answer', value: picked.value, display: picked.display }) : answerQuestion(withoutPending(c), text);
}

function answerQuestion(c: Conversation, text: string): MessageOutcome {
  const ask = askOf(c);
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
      return failed(c, prompt.aside(c, `galat.${result.error}`, result.params));
    case 'edit':
      return editEvent(c, result.state);
    case 'edit_menu':
      return editMenu(c);
    case 'pick': {
      const pending: Pending = { kind: 'pick', state: restingState(c).name, options: result.options };
      return askOwn(c, pending);
    }
    case 'confirm':
      return askOwn(c, { kind: 'confirm', state: restingState(c).name, value: result.value, display: result.display });
    case 'answer': {
      const refused = validate(c, result.value);
      if (refused) return failed(c, prompt.aside(c, `galat.${refused.error}`, refused.params));
      return { kind: 'event', event: { type: 'ANSWER', value: result.value, display: result.display } };
    }
  }
}

/**
 * A refused answer. The first time the reply says what is wrong; from the second time at the
 * same question it also explains in other words (the question's help, which has an example)
 * and offers BANTUAN; from the third, it says where a person can help.
 */
function failed(c: Conversation, replies: Reply[]): MessageOutcome {
  const context = contextOf(c);
  const key = context.pending ? `${restingState(c).name}:${context.pending.kind}` : restingState(c).name;
  const count = (context.failures?.key === key ? context.failures.count : 0) + 1;
  if (count < 2) return { kind: 'failed', key, replies };
  const extra = [prompt.text(c, prompt.helpKey(c)), prompt.text(c, count === 2 ? 'sistem.ulang.bantuan' : 'sistem.ulang.agen')];
  const last = replies.at(-1);
  const escalated = last ? [...replies.slice(0, -1), { ...last, text: [last.text, ...extra].join('\n\n') }] : [{ text: extra.join('\n\n') }];
  return { kind: 'failed', key, replies: escalated };
}

function validate(c: Conversation, value: Extract<InputResult, { kind: 'answer' }>['value']) {
  for (const call of restingState(c).spec?.ask?.validate ?? []) {
    const { name, params } = callOf(call);
    const failure = validators.get(name)?.check(value, params, contextOf(c), c.env);
    if (failure) return failure;
  }
  return null;
}

/**
 * The reply to "Kabupaten Bengkulu Selatan, betul?": yes (or 1) stores it, no (or 2) asks the
 * question again, anything else is read as a fresh answer and the guess is dropped. (Global
 * commands were read before this.)
 */
function answerConfirm(c: Conversation, pending: Extract<Pending, { kind: 'confirm' }>, text: string): MessageOutcome {
  const yes = parseYesNoOption(text);
  if (yes.ok && yes.value) return accept(withoutPending(c), { kind: 'answer', value: pending.value, display: pending.display });
  if (yes.ok) return { kind: 'pending', pending: null, replies: [{ text: prompt.text(c, 'sistem.konfirmasi.ulang') }, ...prompt.question(withoutPending(c))] };
  const fresh = answerQuestion(withoutPending(c), text);
  return fresh.kind === 'reply' || fresh.kind === 'failed' ? { kind: 'pending', pending: null, replies: fresh.replies } : fresh;
}

function editEvent(c: Conversation, target: string): MessageOutcome {
  return { kind: 'event', event: { type: 'EDIT', target, from: restingState(c).name } };
}

/** The answered questions, as the `ubah` menu numbers them and as "ubah nama" names them. */
function editableFields(c: Conversation) {
  return answeredFields(contextOf(c), c.flow.labelledStates).map((f) => ({ state: f.state, label: labelOf(c, f.state) }));
}

/** The same conversation with the engine's own question answered, to ask the flow's again. */
function withoutPending(c: Conversation): Conversation {
  return { ...c, state: { ...c.state, context: { ...contextOf(c), pending: null } } as Conversation['state'] };
}
