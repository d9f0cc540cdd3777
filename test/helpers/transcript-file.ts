import { numberedChoice, type Reply } from '../../src/engine/reply.ts';
import type { MessageKind } from '../../src/engine/step-input.ts';

/**
 * A golden transcript, `test/flows/transcripts/<flow>/<case>.txt`: a header, then what the vendor
 * typed and what Payung answered, then the effects the engine asked for and where it ended.
 * ```
 * # Self-paid, basic package.          ← comments: what the case is about
 * flow: pendaftaran
 * now: 2026-11-25T03:00:00Z            ← the fixed clock
 * language: id                         ← the language the conversation starts in
 * world: agent code AGEN123 (Budi)     ← fake-world setup, one per line (see transcript-world.ts)
 *
 * > halo                               ← the vendor ([sticker] for a non-text message)
 * < Halo! 😊                           ← the first line of one Payung message
 * | Payung bukan kanal resmi BPJS…     ← its next lines
 *   1. Ya                              ← its options, numbered as the vendor sees them
 * ~ new conversation: pengingat        ← a note: where the runtime sent this message
 *
 * ! recordConsent {"granted":true,…}   ← every effect the engine asked for, in order
 * = active at nama (id)                ← the status, the state and the language at the end
 * ```
 * Only the header and the `>` lines are read; everything else is what the engine says, compared
 * line by line and rewritten by `npm run test:update-transcripts`.
 */
export interface Transcript {
  readonly header: readonly string[];
  readonly flow: string;
  readonly now: Date;
  readonly language: string;
  readonly world: readonly string[];
  readonly inputs: readonly VendorMessage[];
}

export interface VendorMessage {
  readonly kind: MessageKind;
  readonly text: string;
}

/** One turn as it ran: the vendor's message and every Payung message it got back. */
export interface Turn {
  readonly input: VendorMessage;
  readonly replies: readonly Reply[];
  /** Said before the replies on a `~` line, e.g. that a new conversation began. */
  readonly note?: string;
}

const KINDS: readonly MessageKind[] = ['sticker', 'image', 'voice', 'location', 'contact', 'other'];
const BODY_LINE = /^(?:> |< |\|| {2}\d+\. |~ |! |= |$)/u;

export function parseTranscript(path: string, source: string): Transcript {
  const lines = source.replace(/\n$/u, '').split('\n');
  const firstTurn = lines.findIndex((line) => line.startsWith('>'));
  const header = (firstTurn === -1 ? lines : lines.slice(0, firstTurn)).filter((line, i, all) => line !== '' || all.slice(i).some((l) => l !== ''));
  const fields = new Map<string, string[]>();
  header.forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const field = /^(flow|now|language|world): (.+)$/u.exec(line);
    if (!field) throw new Error(`${path}:${i + 1}: malformed header line "${line}" (expected "# comment", "flow:", "now:", "language:" or "world:")`);
    fields.set(field[1] ?? '', [...(fields.get(field[1] ?? '') ?? []), field[2] ?? '']);
  });
  const one = (name: string): string => {
    const values = fields.get(name) ?? [];
    if (values.length !== 1) throw new Error(`${path}: the header needs exactly one "${name}:" line`);
    return values[0] ?? '';
  };
  const now = new Date(one('now'));
  if (Number.isNaN(now.getTime())) throw new Error(`${path}: "now: ${one('now')}" is no date (write e.g. 2026-11-25T03:00:00Z)`);
  const inputs: VendorMessage[] = [];
  lines.forEach((line, i) => {
    if (firstTurn === -1 || i < firstTurn) return;
    if (!BODY_LINE.test(line)) throw new Error(`${path}:${i + 1}: malformed line "${line}" (a line starts with "> ", "< ", "|", "  1. ", "~ ", "! " or "= ")`);
    if (line.startsWith('> ')) inputs.push(readInput(line.slice(2), `${path}:${i + 1}`));
  });
  if (inputs.length === 0) throw new Error(`${path}: no "> " line: the vendor says nothing`);
  return { header, flow: one('flow'), now, language: one('language'), world: fields.get('world') ?? [], inputs };
}

/** `> [sticker]` is a sticker; `> "  "` a text that needs quotes (empty, spaces around it). */
function readInput(written: string, where: string): VendorMessage {
  const kind = /^\[(\w+)\]$/u.exec(written)?.[1] as MessageKind | undefined;
  if (kind !== undefined) {
    if (!KINDS.includes(kind)) throw new Error(`${where}: unknown message kind [${kind}] (one of ${KINDS.join(', ')})`);
    return { kind, text: '' };
  }
  if (written.startsWith('"')) {
    try {
      return { kind: 'text', text: String(JSON.parse(written)) };
    } catch {
      throw new Error(`${where}: ${written} is not a JSON string`);
    }
  }
  return { kind: 'text', text: written };
}

function writeInput(input: VendorMessage): string {
  if (input.kind !== 'text') return `[${input.kind}]`;
  const plain = input.text !== '' && input.text === input.text.trim() && !input.text.startsWith('"') && !/^\[\w+\]$/u.test(input.text) && !input.text.includes('\n');
  return plain ? input.text : JSON.stringify(input.text);
}

/** The whole file as the engine ran it: the header as written, then the turns, effects and end. */
export function formatTranscript(header: readonly string[], turns: readonly Turn[], tail: readonly string[]): string {
  const body = turns.flatMap((turn) => ['', `> ${writeInput(turn.input)}`, ...(turn.note === undefined ? [] : [`~ ${turn.note}`]), ...turn.replies.flatMap(replyLines)]);
  return [...header, ...body, '', ...tail].join('\n') + '\n';
}

function replyLines(reply: Reply): string[] {
  const [first = '', ...rest] = reply.text.split(/\r?\n/u);
  return [`< ${first}`.trimEnd(), ...rest.map((line) => `| ${line}`.trimEnd()), ...(reply.choices ?? []).map((c, i) => `  ${numberedChoice(c, i)}`)];
}

/** Undefined when equal; else where the first difference is, with the expected and actual lines. */
export function firstDifference(path: string, expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const want = expected.replace(/\n$/u, '').split('\n');
  const got = actual.replace(/\n$/u, '').split('\n');
  let i = 0;
  while (i < want.length && want[i] === got[i]) i++;
  if (i === want.length && i === got.length) return `${path}: the file must end with one newline`;
  const shown = (line: string | undefined) => (line === undefined ? '(end of file)' : JSON.stringify(line));
  return [
    `${path}:${i + 1}: the transcript differs from what the engine says now`,
    `  expected: ${shown(want[i])}`,
    `  actual:   ${shown(got[i])}`,
    'If the change is intended, run `npm run test:update-transcripts` and review the diff.',
  ].join('\n');
}
