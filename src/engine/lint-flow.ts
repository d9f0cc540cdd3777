import type { Catalogs } from '../i18n/catalog.ts';
import { placeholdersOf } from '../i18n/translate.ts';
import { didYouMean } from './did-you-mean.ts';
import { views } from './views/index.ts';
import { FORGET, forgetFields } from './compile-flow.ts';
import { effectBuilders } from './effects/index.ts';
import { callOf, transitionsOf, type FlowScript, type NamedCall } from './flow-script.ts';
import { guards } from './guards/index.ts';
import { inputTypes } from './inputs/index.ts';
import type { LintIssue } from './lint-issue.ts';
import type { LineOf } from './parse-flow-source.ts';
import { listedOptions } from './lint-listed-options.ts';
import { SYSTEM_KEYS } from './system-keys.ts';
import { validators } from './validators/index.ts';

export interface LintInput {
  readonly file: string;
  readonly script: FlowScript;
  readonly lineOf: LineOf;
  /** Locale catalogues by language, and the file each came from. */
  readonly catalogs: Catalogs;
  readonly localeFiles: Readonly<Record<string, string>>;
  /** The line of a key in each locale file, for a placeholder problem (1 when not given). */
  readonly localeLines?: Readonly<Record<string, LineOf>>;
}

/**
 * Static checks a script must pass before it is published: every state reachable, no dead
 * ends or loops that never wait, every name known to the engine, every text in every locale.
 * Returns all issues found; never throws.
 */
export function lintFlow(input: LintInput): LintIssue[] {
  const { file, script, lineOf } = input;
  const issues: LintIssue[] = [];
  const error = (path: (string | number)[], message: string) => issues.push({ file, line: lineOf(path), severity: 'error', message });
  const warn = (path: (string | number)[], message: string) => issues.push({ file, line: lineOf(path), severity: 'warning', message });
  const states = script.states;
  const usedKeys = new Map<string, (string | number)[]>();
  const useKey = (key: string, path: (string | number)[]) => { if (!usedKeys.has(key)) usedKeys.set(key, path); };
  const saved = new Set(Object.values(states).flatMap((s) => (s.ask?.save ? [s.ask.save] : [])));
  // Texts whose placeholders only answers and views fill (the engine's own texts get parameters).
  const flowTexts = new Set<string>();

  const stateNames = Object.keys(states);
  if (!(script.start in states)) error(['start'], `start state "${script.start}" does not exist${didYouMean(script.start, stateNames)}`);
  for (const [system, own] of Object.entries(script.system_texts ?? {})) {
    if (!(SYSTEM_KEYS as readonly string[]).includes(system)) error(['system_texts', system], `"${system}" is not a text the engine says (see src/engine/system-keys.ts)`);
    useKey(own, ['system_texts', system]);
  }
  if (!Object.values(states).some((s) => s.end)) error(['states'], 'no state has end: true, so no conversation can finish');

  for (const [name, s] of Object.entries(states)) {
    const at = (...rest: (string | number)[]) => ['states', name, ...rest];
    for (const key of typeof s.say === 'string' ? [s.say] : s.say ?? []) {
      useKey(key, at('say'));
      flowTexts.add(key);
    }
    if (s.help) {
      useKey(s.help, at('help'));
      flowTexts.add(s.help);
    }
    const transitions = transitionsOf(s);
    if (!s.end && transitions.length === 0) error(at(), `state "${name}" is a dead end: give it next, or end: true`);
    if (transitions.length > 0 && transitions[transitions.length - 1]?.when !== undefined) {
      error(at('next'), `state "${name}": the last choice in next needs no "when", so the conversation can always go on`);
    }
    transitions.forEach((t, i) => {
      const path = typeof s.next === 'string' ? at('next') : at('next', i);
      if (!(t.go in states)) error(path, `go: "${t.go}" is not a state of this flow${didYouMean(t.go, stateNames)}`);
      if (t.when !== undefined) checkCall(t.when, guards, 'guard', path, error);
      if (t.when !== undefined && ['result_ok', 'result_error'].includes(callOf(t.when).name) && !s.run) {
        warn(path, `${callOf(t.when).name} only means something after run:`);
      }
      for (const call of t.do ?? []) {
        if (callOf(call).name === FORGET) {
          for (const field of forgetFields(callOf(call).params)) if (!saved.has(field)) error(path, `forget: "${field}" is not saved by any question`);
        } else checkEffect(call, path, saved, error);
      }
    });
    if (s.run) checkEffect(s.run, at('run'), saved, error);
    if (s.ask) {
      const input = inputTypes.get(s.ask.type);
      if (!input) error(at('ask', 'type'), `unknown input type "${s.ask.type}"${didYouMean(s.ask.type, inputTypes.keys())}; known: ${[...inputTypes.keys()].join(', ')}`);
      else {
        for (const code of input.errors) useKey(`galat.${code}`, at('ask', 'type'));
        if (input.needsOptions && !s.ask.options) error(at('ask'), `input type ${input.name} needs options`);
      }
      for (const option of s.ask.options ?? []) {
        useKey(option.label, at('ask', 'options'));
        if (option.when !== undefined) checkCall(option.when, guards, 'guard', at('ask', 'options'), error);
      }
      if (s.ask.label) useKey(s.ask.label, at('ask', 'label'));
      for (const option of s.ask.options ?? []) flowTexts.add(option.label);
      if (s.ask.label && !s.ask.save) warn(at('ask', 'label'), 'a label without save is never shown');
      for (const call of s.ask.validate ?? []) {
        const validator = checkCall(call, validators, 'validator', at('ask', 'validate'), error);
        for (const code of validator?.errors ?? []) useKey(`galat.${code}`, at('ask', 'validate'));
      }
      if (PERSONAL_INPUT_TYPES.includes(s.ask.type) && s.ask.personal !== true) {
        error(at('ask'), `a ${s.ask.type} answer is personal data: add personal: true, so it is kept only in the sealed snapshot`);
      }
      for (const field of [...(s.ask.clears ?? []), ...(s.ask.within ? [s.ask.within] : []), ...(s.ask.derive ? [s.ask.derive.from] : [])]) {
        if (!saved.has(field)) error(at('ask'), `"${field}" is not saved by any question`);
      }
    }
  }
  // A mistyped go: would make every state after it "unreachable": name the typo alone.
  const unknownTargets = Object.values(states).some((s) => transitionsOf(s).some((t) => !(t.go in states)));
  if (!unknownTargets) checkReachability(script, error);
  checkLoops(script, error);
  for (const key of SYSTEM_KEYS) useKey(key, ['states']);
  checkLocales(input, usedKeys, issues);
  checkPlaceholders(input, flowTexts, saved, issues);
  for (const p of listedOptions(script, input.catalogs)) {
    error(['states', p.state, 'say'], `question "${p.state}": text "${p.key}" (${p.lang}) lists its options ("${p.line}"), and they are shown again below it, numbered: move what it says of each option into the option's label`);
  }
  return issues;
}

/** Inputs that always read personal data (UU PDP); a question of these types must say personal: true. */
const PERSONAL_INPUT_TYPES: readonly string[] = ['nik', 'full_name', 'birth_date'];

type Report = (path: (string | number)[], message: string) => void;

function checkCall<T>(call: NamedCall, registry: ReadonlyMap<string, T & { params?: readonly string[] }>, kind: string, path: (string | number)[], error: Report): T | undefined {
  const { name, params } = callOf(call);
  const found = registry.get(name);
  if (!found) {
    error(path, `unknown ${kind} "${name}"${didYouMean(name, registry.keys())}; known: ${[...registry.keys()].join(', ')}`);
    return undefined;
  }
  for (const param of found.params ?? []) if (!(param in params)) error(path, `${kind} ${name} needs the parameter "${param}"`);
  return found;
}

function checkEffect(call: NamedCall, path: (string | number)[], saved: ReadonlySet<string>, error: Report): void {
  const builder = checkCall(call, effectBuilders, 'effect', path, error);
  for (const field of builder?.requires ?? []) {
    if (!saved.has(field)) error(path, `effect ${builder?.name} needs the answer "${field}", which no question saves`);
  }
}

function checkReachability(script: FlowScript, error: Report): void {
  const seen = new Set<string>();
  const queue = [script.start];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name) || !script.states[name]) continue;
    seen.add(name);
    queue.push(...transitionsOf(script.states[name]).map((t) => t.go));
  }
  for (const name of Object.keys(script.states)) {
    if (!seen.has(name)) error(['states', name], `state "${name}" can never be reached from "${script.start}"`);
  }
}

/** States that neither ask nor run move on at once; a cycle of them would never wait for the vendor. */
function checkLoops(script: FlowScript, error: Report): void {
  const passing = (name: string) => {
    const s = script.states[name];
    return s !== undefined && !s.ask && !s.run && !s.end;
  };
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') {
      error(['states', name], `states ${[...trail.slice(trail.indexOf(name)), name].join(' → ')} loop without asking anything`);
      return;
    }
    state.set(name, 'open');
    for (const t of transitionsOf(script.states[name] ?? {})) if (passing(t.go)) visit(t.go, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(script.states)) if (passing(name)) visit(name, []);
}

function checkLocales(input: LintInput, used: ReadonlyMap<string, (string | number)[]>, issues: LintIssue[]): void {
  const languages = Object.keys(input.catalogs);
  for (const [key, path] of used) {
    for (const lang of languages) {
      if (input.catalogs[lang]?.[key] === undefined) {
        issues.push({ file: input.file, line: input.lineOf(path), severity: 'error', message: `text "${key}" is missing in ${input.localeFiles[lang] ?? lang}` });
      }
    }
  }
}

/**
 * A placeholder nothing fills would reach the vendor as "{agen.kod}": each one a flow's own text
 * uses must be an answer the flow saves or a value a view fills.
 */
function checkPlaceholders(input: LintInput, keys: ReadonlySet<string>, saved: ReadonlySet<string>, issues: LintIssue[]): void {
  const known = [...saved, ...[...views.values()].flatMap((v) => v.fills ?? [v.prefix])];
  const fillable = (name: string) => {
    if (saved.has(name)) return true;
    const view = views.get(name.split('.')[0] ?? name);
    if (!view) return false;
    return !view.fills || view.fills.some((f) => (f.endsWith('*') ? name.startsWith(f.slice(0, -1)) : f === name));
  };
  for (const key of keys) {
    for (const [lang, catalog] of Object.entries(input.catalogs)) {
      const text = catalog[key];
      if (text === undefined) continue;
      for (const name of new Set(placeholdersOf(text))) {
        if (fillable(name)) continue;
        issues.push({
          file: input.localeFiles[lang] ?? lang,
          line: input.localeLines?.[lang]?.(key.split('.')) ?? 1,
          severity: 'error',
          message: `"${key}" uses {${name}}, which no answer or view of flow ${input.script.id} fills${didYouMean(name, known)}`,
        });
      }
    }
  }
}
