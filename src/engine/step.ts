import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { FlowError } from '../lib/errors.ts';
import { CANCELLED_STATE, type CompiledFlow } from './compile-flow.ts';
import type { Effect } from './effect.ts';
import { effectBuilders } from './effects/index.ts';
import type { FlowContext, FlowEvent } from './flow-context.ts';
import type { FlowEnv } from './flow-env.ts';
import { globalCommandOf, isStartWord, referralCodeOf } from './global-command.ts';
import type { Json } from './json.ts';
import { callOf } from './flow-script.ts';
import { contextOf, prompt, restingState, type Conversation } from './prompt.ts';
import { STATUS_QUERY } from './effects/member-effects.ts';
import { handleMessage, type MessageOutcome } from './handle-message.ts';
import { untappedChoice, type Reply } from './reply.ts';
import { languageCommand, languageLabels } from './language-command.ts';
import type { StepInput } from './step-input.ts';

/** What a conversation is, as stored: the flow and version it runs, and XState's persisted snapshot. */
export interface FlowSnapshot {
  readonly flowId: string;
  readonly version: number;
  readonly machine: Json;
}

export type ConversationStatus = 'active' | 'done' | 'cancelled';

export interface StepResult {
  readonly snapshot: FlowSnapshot;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
  readonly status: ConversationStatus;
  /** The language the conversation speaks after this step; the runtime keeps it on the contact. */
  readonly language: string;
}

export interface StepOptions {
  /** The language a new conversation starts in: the one the contact chose (`bahasa`), if any. */
  readonly language?: string;
}

/** Longer messages are cut before parsing: nobody types a 10,000-character answer on purpose. */
const MAX_INPUT = 2_000;

/**
 * Moves a conversation one input forward. Pure: it reads the flow, the snapshot, the input and
 * the time it is handed, and returns the next snapshot with replies and effects as data. The
 * runtime saves, sends and carries out effects; results of awaited effects come back as input.
 */
export function step(flow: CompiledFlow, snapshot: FlowSnapshot | undefined, input: StepInput, now: Date, options: StepOptions = {}): StepResult {
  const env: FlowEnv = { data: flow.data, catalogs: flow.catalogs, now };
  if (snapshot === undefined) return start(flow, input, env, options.language);
  if (snapshot.flowId !== flow.id || snapshot.version !== flow.version) {
    throw new FlowError(`snapshot of ${snapshot.flowId}@${snapshot.version} stepped with ${flow.id}@${flow.version}: load the version the conversation started on`);
  }
  const state = flow.machine.resolveState(snapshot.machine as never) as AnyMachineSnapshot;
  const conversation: Conversation = { flow, env, state };
  if (state.status === 'done') return finished(conversation, input, options.language);
  if (input.type === 'result') {
    if (isQueryAnswer(conversation, input.effect)) return unchanged(conversation, [...statusReplies(conversation, input), ...prompt.question(conversation)]);
    return arrive(conversation, { type: 'RESULT', at: now.toISOString(), effect: input.effect, ok: input.ok, value: input.value ?? null, error: input.error ?? null });
  }
  return answer(conversation, handleMessage(conversation, input.kind, (input.text ?? '').slice(0, MAX_INPUT)));
}

function answer(conversation: Conversation, outcome: MessageOutcome): StepResult {
  const at = conversation.env.now.toISOString();
  if (outcome.kind === 'reply') return unchanged(conversation, outcome.replies);
  if (outcome.kind === 'query') return { ...unchanged(conversation, []), effects: [queryEffect(outcome.effect)] };
  if (outcome.kind === 'failed') {
    return { ...advance(conversation, { type: 'FAILED', at, key: outcome.key }, false), replies: outcome.replies };
  }
  if (outcome.kind === 'pending') {
    return { ...advance(conversation, { type: 'SET_PENDING', at, pending: outcome.pending }, false), replies: outcome.replies };
  }
  return advance(conversation, { ...outcome.event, at } as FlowEvent);
}

function start(flow: CompiledFlow, input: StepInput, env: FlowEnv, language: string | undefined): StepResult {
  const text = input.type === 'message' ? input.text : undefined;
  const referral = referralCodeOf(text, flow.script.referral_keywords ?? []);
  const [state, actions] = initialTransition(flow.machine, { lang: language ?? flow.defaultLanguage, referral });
  const conversation: Conversation = { flow, env, state: state as AnyMachineSnapshot };
  if (flow.script.first_message !== 'answer' || input.type !== 'message' || input.kind !== 'text' || !text?.trim()) {
    return settle(conversation, actions, true);
  }
  if (!restingState(conversation).spec?.ask) {
    // The flow runs an effect before its first question (the member menu looks the member up):
    // the message waits in the context until the flow gets to that question.
    const [waiting, waitingActions] = initialTransition(flow.machine, { lang: flow.defaultLanguage, referral, firstMessage: text.slice(0, MAX_INPUT) });
    return settle({ flow, env, state: waiting as AnyMachineSnapshot }, waitingActions, true);
  }
  return readFirst(conversation, actions, text.slice(0, MAX_INPUT));
}

/**
 * The first message is also the first answer: "sudah bayar" to a reminder is acted on at once.
 * What the question cannot read ("xyz") gets the question itself, not an error; "halo" a greeting.
 */
function readFirst(conversation: Conversation, actions: readonly { type: string; params?: unknown }[], text: string): StepResult {
  const started = settle(conversation, actions, false);
  const outcome = handleMessage(conversation, 'text', text);
  if (outcome.kind === 'failed') return settle(conversation, actions, true);
  if (outcome.kind === 'reply') return { ...started, replies: [...started.replies, ...outcome.replies] };
  const next = answer(conversation, outcome);
  return { ...next, replies: [...started.replies, ...next.replies], effects: [...started.effects, ...next.effects] };
}

/** An effect's result: the flow moves on, and a first message that waited for a question is read there. */
function arrive(conversation: Conversation, event: FlowEvent): StepResult {
  const [state, actions] = transition(conversation.flow.machine, conversation.state, event as never);
  const moved: Conversation = { ...conversation, state: state as AnyMachineSnapshot };
  const first = (state.context as FlowContext).firstMessage;
  if (!first || state.status === 'done' || !restingState(moved).spec?.ask) return settle(moved, actions, true);
  const [read] = transition(conversation.flow.machine, state, { type: 'FIRST_MESSAGE_READ', at: event.at } as never);
  return readFirst({ ...conversation, state: read as AnyMachineSnapshot }, actions, first);
}

/**
 * A finished conversation answers `mulai` (it starts again) and `cek iuran`; the runtime hands
 * members' other messages to the member menu flow before they get here.
 */
function finished(conversation: Conversation, input: StepInput, language: string | undefined): StepResult {
  if (input.type === 'result' && input.effect === STATUS_QUERY) return unchanged(conversation, statusReplies(conversation, input));
  const text = input.type === 'message' ? input.text ?? '' : '';
  if (isStartWord(text)) {
    return start(conversation.flow, input, conversation.env, language ?? contextOf(conversation).lang);
  }
  if (globalCommandOf(text, conversation.flow.script.own_words) === 'language') return finishedLanguage(conversation, text);
  if (globalCommandOf(text, conversation.flow.script.own_words) === 'status') return { ...unchanged(conversation, []), effects: [queryEffect(STATUS_QUERY)] };
  // A cancelled enrolment is not a finished one: "halo" after BATAL says it was cancelled.
  const key = conversation.state.value === CANCELLED_STATE ? 'sistem.dibatalkan' : 'sistem.selesai';
  return unchanged(conversation, [{ text: prompt.text(conversation, key) }]);
}

/**
 * `bahasa` after the end: a finished snapshot cannot change, so the switch is answered here and
 * kept on the contact (the result's language); the next conversation starts in it.
 */
function finishedLanguage(conversation: Conversation, text: string): StepResult {
  const chosen = languageCommand(conversation, untappedChoice(text, languageLabels(conversation)));
  if ('menu' in chosen) return unchanged(conversation, [chosen.menu]);
  const switched: Conversation = { ...conversation, state: { ...conversation.state, context: { ...contextOf(conversation), lang: chosen.lang } } as AnyMachineSnapshot };
  return { ...unchanged(conversation, [{ text: prompt.text(switched, 'sistem.bahasa.diganti') }, { text: prompt.text(switched, 'sistem.selesai') }]), language: chosen.lang };
}

function queryEffect(effect: string): Effect {
  return { type: effect, awaitsResult: true, payload: {} };
}

/** A query's result arriving while the flow rests on a question (not a `run:` state waiting for it). */
function isQueryAnswer(conversation: Conversation, effect: string): boolean {
  const run = restingState(conversation).spec?.run;
  return effect === STATUS_QUERY && (run === undefined || callOf(run).name !== effect);
}

/** The `akun.*` text for a status query's result: the ledger of a member, or why there is none. */
function statusReplies(conversation: Conversation, result: Extract<StepInput, { type: 'result' }>): Reply[] {
  const context = contextOf(conversation);
  const withResult: Conversation = {
    ...conversation,
    state: { ...conversation.state, context: { ...context, results: { ...context.results, [STATUS_QUERY]: result.value ?? null } } } as AnyMachineSnapshot,
  };
  return [{ text: prompt.text(withResult, result.ok ? 'akun.status' : 'akun.bukan_peserta') }];
}

function advance(conversation: Conversation, event: FlowEvent, withPrompt = true): StepResult {
  const [state, actions] = transition(conversation.flow.machine, conversation.state, event as never);
  return settle({ ...conversation, state: state as AnyMachineSnapshot }, actions, withPrompt);
}

/** Turns the actions XState returned into replies and effects, and asks the question we rest on. */
function settle(conversation: Conversation, actions: readonly { type: string; params?: unknown }[], withPrompt: boolean): StepResult {
  const { flow, env, state } = conversation;
  const context = state.context as FlowContext;
  const replies: Reply[] = [];
  const effects: Effect[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === 'say') replies.push({ text: prompt.text(conversation, String(params['key'])) });
    if (action.type === 'effect') {
      const builder = effectBuilders.get(String(params['name']));
      if (!builder) continue;
      effects.push({ type: builder.name, awaitsResult: params['awaits'] === true, payload: builder.build(context, (params['params'] ?? {}) as Record<string, unknown>, env) });
    }
  }
  if (withPrompt && state.status !== 'done') replies.push(...prompt.question(conversation));
  return { snapshot: snapshotOf(flow, state), replies, effects, status: statusOf(state), language: context.lang };
}

function unchanged(conversation: Conversation, replies: Reply[]): StepResult {
  return { snapshot: snapshotOf(conversation.flow, conversation.state), replies, effects: [], status: statusOf(conversation.state), language: contextOf(conversation).lang };
}

function snapshotOf(flow: CompiledFlow, state: AnyMachineSnapshot): FlowSnapshot {
  return { flowId: flow.id, version: flow.version, machine: flow.machine.getPersistedSnapshot(state) as unknown as Json };
}

function statusOf(state: AnyMachineSnapshot): ConversationStatus {
  if (state.status !== 'done') return 'active';
  return state.value === CANCELLED_STATE ? 'cancelled' : 'done';
}

