/**
 * Where the runtime keeps personal data out of its logs (UU PDP: no copies beyond the one that
 * is needed). The flow script says which questions are personal (`personal: true`); the answer
 * itself lives in the sealed snapshot, so the inbound log keeps a placeholder instead of the text
 * and a reply that repeats such an answer (the summary, "Anda menulis 17 Agustus 1985") is
 * marked so the outbox clears it once sent.
 */
import type { CompiledFlow } from '../engine/compile-flow.ts';
import type { Json } from '../engine/json.ts';
import type { FlowSnapshot } from '../engine/step.ts';

/** What the inbound log keeps of an answer to a personal question: the question, not the answer. */
export function personalPlaceholder(field: string): string {
  return `[personal: ${field}]`;
}

/**
 * The field a message answers when the conversation rests on a personal question (nothing else
 * pending: "ubah" menus and confirmations read the message as something else), or null.
 */
export function personalQuestionOf(flow: CompiledFlow, snapshot: FlowSnapshot | undefined): string | null {
  const machine = snapshot?.machine as { value?: Json; context?: { pending?: Json } } | undefined;
  if (machine === undefined || typeof machine.value !== 'string') return null;
  if (machine.context?.pending != null) return null;
  const ask = flow.script.states[machine.value]?.ask;
  return ask?.personal === true ? (ask.save ?? machine.value) : null;
}

/**
 * The personal answers a conversation holds, as typed and as shown back: a reply containing one
 * of them carries personal data. Case is ignored ("SITI AMINAH" greeted as "Siti Aminah").
 */
export function personalValuesOf(flow: CompiledFlow, snapshots: readonly (FlowSnapshot | undefined)[]): string[] {
  const fields = personalFields(flow);
  const values = new Set<string>();
  for (const snapshot of snapshots) {
    const context = (snapshot?.machine as { context?: { answers?: Record<string, Json>; shown?: Record<string, string> } } | undefined)?.context;
    for (const field of fields) {
      for (const value of [context?.answers?.[field], context?.shown?.[field]]) {
        // Very short values ("A") would mark every reply; a name or NIK is longer.
        if (typeof value === 'string' && value.trim().length >= 3) values.add(value.trim().toLowerCase());
      }
    }
  }
  return [...values];
}

export function carriesPersonalData(text: string, personalValues: readonly string[]): boolean {
  if (personalValues.length === 0) return false;
  const lower = text.toLowerCase();
  return personalValues.some((value) => lower.includes(value));
}

const fieldsByFlow = new WeakMap<CompiledFlow, readonly string[]>();

function personalFields(flow: CompiledFlow): readonly string[] {
  let fields = fieldsByFlow.get(flow);
  if (fields === undefined) {
    fields = Object.values(flow.script.states).flatMap((s) => (s.ask?.personal === true && s.ask.save ? [s.ask.save] : []));
    fieldsByFlow.set(flow, fields);
  }
  return fields;
}
