import { and, assign, or, setup, type AnyStateMachine } from 'xstate';
import type { Catalogs } from '../i18n/catalog.ts';
import type { ReferenceData } from '../domain/reference-data-types.ts';
import { initialContext, type FlowContext, type FlowEvent, type FlowInput } from './flow-context.ts';
import type { FlowEnv } from './flow-env.ts';
import { derivedAnswer } from './derive-answer.ts';
import { callOf, transitionsOf, type AskSpec, type FlowScript, type StateSpec, type TransitionSpec } from './flow-script.ts';
import { guards as guardRegistry } from './guards/index.ts';

/** `do: [{ forget: { fields: [nik] } }]` drops answers so their questions are asked again. */
export const FORGET = 'forget';

export function forgetFields(params: Record<string, unknown>): string[] {
  const fields = params['fields'];
  return Array.isArray(fields) ? fields.map(String) : [];
}

/** The state every flow has for a confirmed `batal`. Script names cannot start with _. */
export const CANCELLED_STATE = '__batal';

export interface LabelledState {
  readonly state: string;
  readonly field: string;
  readonly label: string;
}

/** A validated script turned into an XState machine, with what stepping it needs. Cache per version. */
export interface CompiledFlow {
  readonly id: string;
  readonly version: number;
  readonly script: FlowScript;
  readonly machine: AnyStateMachine;
  readonly catalogs: Catalogs;
  readonly data: ReferenceData;
  readonly defaultLanguage: string;
  /** Questions with a label and a saved answer, in script order: the summary and `ubah` list them. */
  readonly labelledStates: readonly LabelledState[];
}

export interface CompileOptions {
  readonly version: number;
  readonly catalogs: Catalogs;
  readonly data: ReferenceData;
  readonly defaultLanguage?: string;
}

/** Compiles a script that passed the linter. Unknown names would be silently ignored by XState. */
export function compileFlow(script: FlowScript, options: CompileOptions): CompiledFlow {
  const env: Omit<FlowEnv, 'now'> = { data: options.data, catalogs: options.catalogs };
  const labelledStates = Object.entries(script.states).flatMap(([state, s]) =>
    s.ask?.save && s.ask.label ? [{ state, field: s.ask.save, label: s.ask.label }] : []);
  const machine = machineSetup(env).createMachine({
    id: script.id,
    context: ({ input }) => initialContext(input as FlowInput),
    initial: script.start,
    on: {
      RESTART: { target: `.${script.start}`, reenter: true, actions: 'reset' },
      CANCEL: { target: `.${CANCELLED_STATE}`, actions: 'clearPending' },
      SET_PENDING: { actions: 'setPending' },
      FAILED: { actions: 'countFailure' },
      FIRST_MESSAGE_READ: { actions: 'clearFirstMessage' },
      // Said after the switch, so in the new language; the question follows (step's settle).
      SET_LANG: { actions: ['setLang', { type: 'say', params: { key: 'sistem.bahasa.diganti' } }] },
      EDIT: labelledStates.map(({ state }) => ({
        guard: { type: 'editTargetIs', params: { state } },
        target: `.${state}`,
        reenter: true,
        actions: { type: 'beginEdit', params: { state } },
      })),
    },
    states: {
      ...Object.fromEntries(Object.entries(script.states).map(([name, s]) => [name, stateNode(name, s)])),
      [CANCELLED_STATE]: { type: 'final', entry: [{ type: 'say', params: { key: 'sistem.batal.selesai' } }] },
    },
  });
  return {
    id: script.id,
    version: options.version,
    script,
    machine,
    catalogs: options.catalogs,
    data: options.data,
    defaultLanguage: options.defaultLanguage ?? 'id',
    labelledStates,
  };
}

function machineSetup(env: Omit<FlowEnv, 'now'>) {
  return setup({
    types: {} as { context: FlowContext; events: FlowEvent; input: FlowInput },
    actions: {
      // Returned to the engine as data by `transition`; never executed here.
      say: (_, _params: { key: string }) => {},
      effect: (_, _params: { name: string; params: Record<string, unknown>; awaits: boolean }) => {},
      saveAnswer: assign(({ context, event }, p: { state: string; field: string | null; clears: string[] }) => {
        if (event.type !== 'ANSWER') return {};
        const answers = { ...context.answers };
        const shown = { ...context.shown };
        const changed = p.field !== null && JSON.stringify(answers[p.field]) !== JSON.stringify(event.value);
        for (const dependent of changed ? p.clears : []) {
          delete answers[dependent];
          delete shown[dependent];
        }
        if (p.field !== null) {
          answers[p.field] = event.value;
          shown[p.field] = event.display;
        }
        // A correction ends when the vendor answers the question they were at when they asked for it.
        const returned = context.returnTo === p.state;
        return {
          answers, shown,
          arrived: { state: p.state, value: event.value, ok: true, error: null },
          correcting: context.correcting && !returned,
          editTarget: context.editTarget === p.state ? null : context.editTarget,
          returnTo: returned ? null : context.returnTo,
          pending: null,
          failures: null,
        };
      }),
      storeResult: assign(({ context, event }, p: { state: string }) => {
        if (event.type !== 'RESULT') return {};
        return {
          results: { ...context.results, [event.effect]: event.value },
          arrived: { state: p.state, value: event.value, ok: event.ok, error: event.error },
        };
      }),
      // `ask.derive`: an earlier answer answers this question; it arrives as if the vendor typed it.
      deriveAnswer: assign(({ context }, p: { state: string; ask: AskSpec }) => {
        const derived = derivedAnswer(p.state, p.ask, context, env.catalogs);
        if (!derived) return {};
        return {
          answers: { ...context.answers, [derived.field]: derived.value },
          shown: { ...context.shown, [derived.field]: derived.display },
          arrived: { state: p.state, value: derived.value, ok: true, error: null },
        };
      }),
      clearArrived: assign({ arrived: null }),
      clearPending: assign({ pending: null }),
      clearFirstMessage: assign({ firstMessage: null }),
      setPending: assign(({ event }) => (event.type === 'SET_PENDING' ? { pending: event.pending } : {})),
      countFailure: assign(({ context, event }) => {
        if (event.type !== 'FAILED') return {};
        const count = context.failures?.key === event.key ? context.failures.count + 1 : 1;
        return { failures: { key: event.key, count } };
      }),
      setLang: assign(({ event }) => (event.type === 'SET_LANG' ? { lang: event.lang, pending: null } : {})),
      beginEdit: assign(({ event }, p: { state: string }) => ({
        correcting: true, editTarget: p.state, returnTo: event.type === 'EDIT' ? event.from : null, pending: null, failures: null, arrived: null,
      })),
      forget: assign(({ context }, p: { fields: string[] }) => {
        const answers = { ...context.answers };
        const shown = { ...context.shown };
        for (const field of p.fields) {
          delete answers[field];
          delete shown[field];
        }
        return { answers, shown };
      }),
      reset: assign(({ context }) => initialContext({ lang: context.lang, referral: context.referral })),
    },
    guards: {
      // Every flow event carries its time (`at`), so a guard may ask "under 18 today?" and stay pure.
      flowGuard: ({ context, event }, p: { name: string; params: Record<string, unknown> }) =>
        guardRegistry.get(p.name)?.test(context, p.params, { ...env, ...nowOf(event) }) ?? false,
      arrivedHere: ({ context }, p: { state: string }) => context.arrived?.state === p.state,
      skipAnswered: ({ context }, p: { state: string; field: string }) =>
        context.correcting && context.editTarget !== p.state && p.field in context.answers,
      editTargetIs: ({ event }, p: { state: string }) => event.type === 'EDIT' && event.target === p.state,
    },
  });
}

function nowOf(event: { type: string; at?: unknown }): { now?: Date } {
  const at = typeof event.at === 'string' ? new Date(event.at) : null;
  return at && !Number.isNaN(at.getTime()) ? { now: at } : {};
}

// XState's guard types are too precise to build at run time; the shapes are checked by tests.
type Guard = unknown;

function stateNode(name: string, s: StateSpec): Record<string, unknown> {
  const says = (s.say === undefined ? [] : typeof s.say === 'string' ? [s.say] : s.say)
    .map((key) => ({ type: 'say', params: { key } }));
  if (s.end) return { type: 'final', entry: says };
  const field = s.ask?.save ?? null;
  if (s.ask) {
    // The question itself is said by the engine when the conversation rests here.
    const proceed: Guard = field
      ? or([{ type: 'arrivedHere', params: { state: name } }, { type: 'skipAnswered', params: { state: name, field } }] as never[])
      : { type: 'arrivedHere', params: { state: name } };
    return {
      ...(s.ask.derive ? { entry: [{ type: 'deriveAnswer', params: { state: name, ask: s.ask } }] } : {}),
      on: { ANSWER: { actions: { type: 'saveAnswer', params: { state: name, field, clears: s.ask.clears ?? [] } } } },
      always: transitionsOf(s).map((t) => transitionNode(t, proceed, field)),
    };
  }
  if (s.run) {
    const { name: effect, params } = callOf(s.run);
    return {
      entry: [...says, { type: 'effect', params: { name: effect, params, awaits: true } }],
      on: { RESULT: { actions: { type: 'storeResult', params: { state: name } } } },
      always: transitionsOf(s).map((t) => transitionNode(t, { type: 'arrivedHere', params: { state: name } }, null)),
    };
  }
  return { entry: says, always: transitionsOf(s).map((t) => transitionNode(t, null, null)) };
}

function transitionNode(t: TransitionSpec, proceed: Guard | null, field: string | null): Record<string, unknown> {
  const conditions: Guard[] = proceed ? [proceed] : [];
  if (t.when !== undefined) {
    const { name, params } = callOf(t.when);
    conditions.push({ type: 'flowGuard', params: { name, params: { ...params, __field: field } } });
  }
  const effects = (t.do ?? []).map((call) => {
    const { name, params } = callOf(call);
    // `forget` is the one built-in action: it drops answers so their questions are asked again.
    if (name === FORGET) return { type: 'forget', params: { fields: forgetFields(params) } };
    return { type: 'effect', params: { name, params, awaits: false } };
  });
  const guard = conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : and(conditions as never[]);
  return { ...(guard ? { guard } : {}), target: t.go, actions: ['clearArrived', ...effects] };
}
