import { z } from 'zod';

/**
 * The flow-script format admins write in `flows/*.yaml`. A script names its states; each state
 * may say texts (locale keys), ask one question (an input type), run one effect and wait for its
 * result, or end the conversation. `next` says where to go, with optional conditions (named
 * guards). No code lives in a script: every name must exist in the engine's registries, and the
 * linter checks that before a script can be published.
 */
export const SUPPORTED_SPEC = 1;

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and _ (e.g. tanggal_lahir)');
const localeKey = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, 'a locale key looks like pendaftaran.nama.tanya');

/** Guards, validators and effects are named by code: `yes`, `registerMember`. */
const callName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'name a guard, validator or effect (letters, digits, _)');

/** `yes` or `{ equals: { field: pendanaan, value: mandiri } }`: a guard name with optional params. */
const namedCall = z.union([
  callName,
  z.record(callName, z.record(z.string(), z.unknown()).nullable()).refine((r) => Object.keys(r).length === 1, 'name exactly one guard or action'),
]);

const transition = z.strictObject({
  when: namedCall.optional(),
  do: z.array(namedCall).optional(),
  go: name,
});

const next = z.union([name, z.array(transition).min(1)]);

const option = z.strictObject({
  value: z.string().min(1),
  label: localeKey,
  aliases: z.array(z.string()).optional(),
  /** Offered (shown, numbered and read) only while this guard holds: "Nyalakan pengingat" only when they are off. */
  when: namedCall.optional(),
});

const ask = z.strictObject({
  type: name,
  /** The answer is kept under this name (shown in the summary and sent to effects). */
  save: name.optional(),
  /** The locale key naming the field in the summary and in the `ubah` menu. */
  label: localeKey.optional(),
  options: z.array(option).min(1).optional(),
  /** Named validators run after parsing, in order (e.g. `usia_bpu`). */
  validate: z.array(namedCall).optional(),
  /** The vendor may answer `lewati`; the answer is then saved as empty. */
  optional: z.boolean().optional(),
  /** Answers that depend on this one; correcting it clears them so they are asked again. */
  clears: z.array(name).optional(),
  /** Whose answer narrows this one (e.g. the regency question uses the province answer). */
  within: name.optional(),
  /**
   * The answer is personal data (NIK, names, birth date: UU PDP): what the vendor types here is
   * kept only inside the sealed snapshot, never in the inbound log, and replies that repeat it
   * are cleared from the outbox once sent.
   */
  personal: z.boolean().optional(),
  /**
   * An earlier answer that already answers this question: `{ from: pekerjaan, values:
   * { pedagang_keliling: keliling } }` saves `keliling` without asking when the occupation was
   * pedagang_keliling. Answers not listed (and a correction of this question) ask as usual.
   */
  derive: z.strictObject({ from: name, values: z.record(z.string(), z.string().min(1)) }).optional(),
}).superRefine((a, ctx) => {
  const values = new Set((a.options ?? []).map((o) => o.value));
  for (const [given, derived] of Object.entries(a.derive?.values ?? {})) {
    if (a.options && !values.has(derived)) ctx.addIssue({ code: 'custom', path: ['derive', 'values', given], message: `"${derived}" is not one of this question's options` });
  }
  if (a.derive && !a.save) ctx.addIssue({ code: 'custom', path: ['derive'], message: 'derive needs save: the derived answer is kept there' });
});

const say = z.union([localeKey, z.array(localeKey).min(1)]);

const state = z.strictObject({
  say: say.optional(),
  ask: ask.optional(),
  help: localeKey.optional(),
  /** An effect whose result the runtime feeds back; `next` then chooses on it. */
  run: namedCall.optional(),
  next: next.optional(),
  end: z.boolean().optional(),
}).superRefine((s, ctx) => {
  if (s.ask && s.run) ctx.addIssue({ code: 'custom', message: 'a state either asks or runs, not both' });
  if (s.end && s.next) ctx.addIssue({ code: 'custom', message: 'an end state has no next', path: ['next'] });
  if (s.end && (s.ask || s.run)) ctx.addIssue({ code: 'custom', message: 'an end state neither asks nor runs' });
});

export const flowScriptSchema = z.strictObject({
  spec: z.number().int().positive(),
  id: name,
  title: z.string().optional(),
  start: name,
  /** First-message words that carry an agent's referral code: "DAFTAR AGEN123", "/start AGEN123". */
  referral_keywords: z.array(z.string()).optional(),
  /**
   * What the message that starts a conversation is: `greet` (default) only starts it; `answer` is
   * also read as the answer to the first question, so "sudah bayar" sent to a reminder is acted
   * on at once instead of being answered with a menu.
   */
  first_message: z.enum(['greet', 'answer']).optional(),
  /** Words this flow's questions read themselves instead of as global commands (e.g. berhenti). */
  own_words: z.array(z.string().min(1)).optional(),
  /**
   * The flow's own wording for texts the engine says (`sistem.*`): `{ sistem.batal.tanya:
   * pengingat.batal.tanya }`. The member menu's "batal" is not "cancel the enrolment".
   */
  system_texts: z.record(localeKey, localeKey).optional(),
  states: z.record(name, state).refine((s) => Object.keys(s).length > 0, 'a flow needs at least one state'),
});

export type FlowScript = z.infer<typeof flowScriptSchema>;
export type StateSpec = FlowScript['states'][string];
export type AskSpec = NonNullable<StateSpec['ask']>;
export type TransitionSpec = z.infer<typeof transition>;
export type NamedCall = z.infer<typeof namedCall>;

/** `yes` → { name: 'yes', params: {} }; `{ equals: { … } }` → { name: 'equals', params: { … } }. */
export function callOf(call: NamedCall): { name: string; params: Record<string, unknown> } {
  if (typeof call === 'string') return { name: call, params: {} };
  const [callName, params] = Object.entries(call)[0] ?? ['', null];
  return { name: callName, params: params ?? {} };
}

/** A state's transitions as a list, whatever shorthand the script used. */
export function transitionsOf(s: StateSpec): TransitionSpec[] {
  if (s.next === undefined) return [];
  return typeof s.next === 'string' ? [{ go: s.next }] : s.next;
}
