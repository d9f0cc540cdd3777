import { compileFlow, type CompiledFlow } from '../../src/engine/compile-flow.ts';
import type { Effect } from '../../src/engine/effect.ts';
import type { Json } from '../../src/engine/json.ts';
import type { Reply } from '../../src/engine/reply.ts';
import { renderReplyForTerminal } from '../../src/channels/simulator/render.ts';
import { step, type FlowSnapshot, type StepResult } from '../../src/engine/step.ts';
import type { StepInput } from '../../src/engine/step-input.ts';
import { readFlowFiles } from '../../src/runtime/flow-files.ts';
import { loadReferenceData } from '../../src/runtime/reference-data.ts';
import type { ReferenceData } from '../../src/domain/reference-data-types.ts';

let shared: Promise<{ data: ReferenceData; flows: Map<string, CompiledFlow> }> | undefined;

/** The repository's own flows and locales, compiled once per test file (version 1). */
export function repositoryFlows() {
  shared ??= (async () => {
    const data = await loadReferenceData('flows/data');
    const files = await readFlowFiles('flows', 'locales');
    const errors = files.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) throw new Error(`flows do not lint:\n${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`);
    const flows = new Map(files.flows.map((f) => [f.script.id, compileFlow(f.script, { version: 1, catalogs: files.catalogs, data })]));
    return { data, flows };
  })();
  return shared;
}

/** Fake outcomes for the effects a flow awaits, so flows can be tested without a database. */
export interface FakeWorld {
  takenNiks: Set<string>;
  agents: Map<string, string>;
  registered: Json[];
  effects: Effect[];
  /** What `cekIuran` answers; null: this contact is not a member. */
  account: Json | null;
  claims: string[];
  period: number;
  remindersOn: boolean;
}

export function fakeWorld(): FakeWorld {
  return { takenNiks: new Set(), agents: new Map(), registered: [], effects: [], account: null, claims: [], period: 3, remindersOn: true };
}

/** A member in grace: a 3-month bill of Rp40.200 due 15 December 2026, Rp10.000 paid on it. */
export const GRACE_ACCOUNT: Json = {
  nama: 'SITI AMINAH', status: 'grace', payBy: '2027-03-15',
  next: { amount: 30_200, total: 40_200, dueDate: '2026-12-15', code: 'PY0000000018', startMonth: '2026-12', months: 3 },
  lastPayment: { amount: 10_000, date: '2026-11-20' }, reminders: true,
};

function outcome(world: FakeWorld, effect: Effect): StepInput {
  const p = effect.payload;
  switch (effect.type) {
    case 'checkNik':
      return world.takenNiks.has(String(p['nik'])) ? { type: 'result', effect: effect.type, ok: false, error: 'nik_taken' } : { type: 'result', effect: effect.type, ok: true };
    case 'checkAgent': {
      const name = world.agents.get(String(p['code']));
      return name ? { type: 'result', effect: effect.type, ok: true, value: { code: String(p['code']), name } } : { type: 'result', effect: effect.type, ok: false, error: 'unknown_agent' };
    }
    case 'registerMember': {
      if (world.takenNiks.has(String(p['nik']))) return { type: 'result', effect: effect.type, ok: false, error: 'nik_taken' };
      world.registered.push(p);
      world.takenNiks.add(String(p['nik']));
      const bill = p['bill'] as { amount: number; dueDate: string; startMonth: string; months: number };
      return { type: 'result', effect: effect.type, ok: true, value: { memberId: 'm-1', paymentCode: 'PY12345678903', ...bill } };
    }
    case 'cekIuran':
      if (world.account === null) return { type: 'result', effect: effect.type, ok: false, error: 'not_member' };
      return { type: 'result', effect: effect.type, ok: true, value: { ...(world.account as object), reminders: world.remindersOn } };
    case 'recordClaim':
      if (world.account === null) return { type: 'result', effect: effect.type, ok: false, error: 'not_member' };
      world.claims.push(String(p['reference']));
      return { type: 'result', effect: effect.type, ok: true, value: { reference: String(p['reference']) } };
    case 'changePeriod': {
      const months = Number(p['months']);
      if (months === world.period) return { type: 'result', effect: effect.type, ok: false, error: 'same_period', value: { months } };
      world.period = months;
      return { type: 'result', effect: effect.type, ok: true, value: { months, startMonth: '2027-03', amount: 13_400 * months, dueDate: '2027-03-15' } };
    }
    case 'stopReminders':
    case 'resumeReminders': {
      const wasStopped = !world.remindersOn;
      world.remindersOn = effect.type === 'resumeReminders';
      return { type: 'result', effect: effect.type, ok: true, value: { wasStopped } };
    }
    default:
      return { type: 'result', effect: effect.type, ok: true };
  }
}

/** One vendor talking to a flow through the pure engine, effects answered by the fake world. */
export class PureChat {
  snapshot: FlowSnapshot | undefined;
  status: StepResult['status'] = 'active';
  constructor(readonly flow: CompiledFlow, readonly world: FakeWorld, public now: Date) {}

  send(text: string, kind: Extract<StepInput, { type: 'message' }>['kind'] = 'text'): Reply[] {
    let result = step(this.flow, this.snapshot, { type: 'message', kind, text }, this.now);
    const replies = [...result.replies];
    for (let round = 0; round < 8; round++) {
      this.world.effects.push(...result.effects);
      const awaited = result.effects.find((e) => e.awaitsResult);
      if (!awaited) break;
      result = step(this.flow, result.snapshot, outcome(this.world, awaited), this.now);
      replies.push(...result.replies);
    }
    // Round-trip through JSON as the database does, so nothing relies on object identity.
    this.snapshot = JSON.parse(JSON.stringify(result.snapshot)) as FlowSnapshot;
    this.status = result.status;
    return replies;
  }

  /** All reply texts of one message, joined: what the vendor reads. */
  say(text: string): string {
    return this.send(text).map((r) => r.text).join('\n---\n');
  }

  /** The replies as the terminal chat shows them: texts with their numbered options. */
  sayShown(text: string): string {
    return this.send(text).map(renderReplyForTerminal).join('\n');
  }

  /** The snapshot but the count of refused answers (which a refusal adds to, for escalating re-asks). */
  get kept(): string {
    const machine = this.snapshot?.machine as { context: Record<string, unknown> };
    return JSON.stringify({ ...machine, context: { ...machine.context, failures: null } });
  }

  get state(): string {
    const machine = this.snapshot?.machine as { value?: unknown } | undefined;
    return String(machine?.value ?? '');
  }

  get answers(): Record<string, Json> {
    const machine = this.snapshot?.machine as { context?: { answers?: Record<string, Json> } } | undefined;
    return machine?.context?.answers ?? {};
  }
}
