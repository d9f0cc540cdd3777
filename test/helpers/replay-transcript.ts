import type { CompiledFlow } from '../../src/engine/compile-flow.ts';
import type { Effect } from '../../src/engine/effect.ts';
import type { Json } from '../../src/engine/json.ts';
import { fakeWorld, GRACE_ACCOUNT, PureChat, type FakeWorld } from './pure-chat.ts';
import { formatTranscript, type Transcript, type Turn } from './transcript-file.ts';

/** The member menu: where the runtime sends a member's message once a conversation has ended. */
const MEMBER_FLOW = 'pengingat';

/**
 * Plays a transcript's vendor messages through the pure engine, with its fixed clock and its
 * fake world, and writes the file as it should read now (compare it with the file, or save it).
 *
 * After a conversation ends, the next message goes where the runtime sends it (`routeOf` in
 * runtime/handle-inbound.ts): a member gets a fresh member menu (a `~` line says so); anyone else
 * stays with the ended flow, which answers "halo" and starts again on MULAI.
 */
export function replayTranscript(path: string, transcript: Transcript, flows: ReadonlyMap<string, CompiledFlow>): string {
  const flow = flows.get(transcript.flow);
  if (!flow) throw new Error(`${path}: no flow "${transcript.flow}" in flows/`);
  if (transcript.language !== flow.defaultLanguage) {
    throw new Error(`${path}: "language: ${transcript.language}": a conversation starts in the flow's language (${flow.defaultLanguage}); switch with "> bahasa"`);
  }
  const world = fakeWorld();
  for (const line of transcript.world) setUp(world, line, path);
  let chat = new PureChat(flow, world, transcript.now);
  const turns: Turn[] = transcript.inputs.map((input) => {
    becomeMember(world);
    const memberFlow = flows.get(MEMBER_FLOW);
    if (chat.status !== 'active' && world.account !== null && memberFlow) {
      chat = new PureChat(memberFlow, world, transcript.now);
      return { input, replies: chat.send(input.text, input.kind), note: `new conversation: ${MEMBER_FLOW} (a member's message after the end)` };
    }
    return { input, replies: chat.send(input.text, input.kind) };
  });
  return formatTranscript(transcript.header, turns, [...world.effects.map(effectLine), endLine(chat)]);
}

/** Once registered, the vendor is a member whose first bill is open (or who waits for a sponsor). */
function becomeMember(world: FakeWorld): void {
  const member = world.registered.at(-1) as { fullName: string; funding: string; bill: { startMonth: string; months: number; amount: number; dueDate: string } } | undefined;
  if (world.account !== null || member === undefined) return;
  const { startMonth, months, amount, dueDate } = member.bill;
  const sponsored = member.funding !== 'mandiri';
  world.account = {
    nama: member.fullName, status: 'pending', firstMonth: startMonth, lastPayment: null, reminders: true,
    ...(sponsored ? { waitingForSponsor: true, next: null } : { next: { amount, total: amount, dueDate, code: 'PY12345678903', startMonth, months } }),
  };
}

/** The fake-world setups a header can name, one per `world:` line. */
const SETUPS: readonly [RegExp, (world: FakeWorld, match: RegExpExecArray) => void][] = [
  [/^not a member$/u, () => undefined],
  // SITI AMINAH, 3 months from December 2026: Rp30.200 of Rp40.200 still owed, due 15 December 2026.
  [/^member with a bill in grace$/u, (w) => { w.account = GRACE_ACCOUNT; }],
  [/^member account (\{.*\})$/u, (w, m) => { w.account = JSON.parse(m[1] ?? '') as Json; }],
  [/^reminders off$/u, (w) => { w.remindersOn = false; }],
  [/^payment period (\d+) months?$/u, (w, m) => { w.period = Number(m[1]); }],
  [/^NIK (\d{16}) already taken$/u, (w, m) => { w.takenNiks.add(m[1] ?? ''); }],
  [/^agent code (\S+) \((.+)\)$/u, (w, m) => { w.agents.set(m[1] ?? '', m[2] ?? ''); }],
];

function setUp(world: FakeWorld, line: string, path: string): void {
  for (const [pattern, apply] of SETUPS) {
    const match = pattern.exec(line);
    if (match) return apply(world, match);
  }
  throw new Error(`${path}: unknown "world: ${line}"; known: ${SETUPS.map(([p]) => p.source).join(' | ')}`);
}

function effectLine(effect: Effect): string {
  return `! ${effect.type} ${JSON.stringify(effect.payload)}`;
}

function endLine(chat: PureChat): string {
  const machine = chat.snapshot?.machine as { value?: unknown; context?: { lang?: string } } | undefined;
  const state = typeof machine?.value === 'string' ? machine.value : JSON.stringify(machine?.value);
  return `= ${chat.status} at ${state} (${machine?.context?.lang ?? '?'})`;
}
