import type { Json } from '../engine/json.ts';
import type { FlowSnapshot } from '../engine/step.ts';
import { decryptField, encryptField } from '../lib/secrets.ts';

/** The parts of a conversation that hold what the vendor typed: NIK, names, income, results. */
const PERSONAL = ['answers', 'shown', 'results'] as const;

/**
 * A stored snapshot carries the vendor's answers encrypted (UU PDP: NIK and mother's name are
 * protected at rest), while the state a conversation is in stays readable for operators.
 */
export function sealSnapshot(secret: string, snapshot: FlowSnapshot): FlowSnapshot {
  const machine = snapshot.machine as { context?: Record<string, Json> } & Record<string, Json>;
  const context = machine.context;
  if (!context) return snapshot;
  const personal = Object.fromEntries(PERSONAL.map((key) => [key, context[key] ?? {}]));
  const rest = Object.fromEntries(Object.entries(context).filter(([key]) => !(PERSONAL as readonly string[]).includes(key)));
  return { ...snapshot, machine: { ...machine, context: { ...rest, sealed: encryptField(secret, JSON.stringify(personal)) } } };
}

export function openSnapshot(secret: string, stored: FlowSnapshot): FlowSnapshot {
  const machine = stored.machine as { context?: Record<string, Json> } & Record<string, Json>;
  const sealed = machine.context?.['sealed'];
  if (typeof sealed !== 'string' || !machine.context) return stored;
  const { sealed: _, ...rest } = machine.context;
  const personal = JSON.parse(decryptField(secret, sealed)) as Record<string, Json>;
  return { ...stored, machine: { ...machine, context: { ...rest, ...personal } } };
}
