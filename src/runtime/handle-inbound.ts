import type { HandleOutcome, InboundMessage } from './ports/index.ts';
import type { CompiledFlow } from '../engine/compile-flow.ts';
import { isStartWord } from '../engine/global-command.ts';
import type { Reply } from '../engine/reply.ts';
import { step, type FlowSnapshot, type StepResult } from '../engine/step.ts';
import type { Clock } from '../lib/clock.ts';
import { PayungError } from '../lib/errors.ts';
import { cleanText } from '../lib/clean-text.ts';
import { redactText } from '../lib/logger.ts';
import type { Db, Tx } from '../store/db-types.ts';
import { setContactLanguage, upsertContact } from '../store/repos/contacts.ts';
import { createConversation, lockConversation, saveConversation } from '../store/repos/conversations.ts';
import { recordInbound } from '../store/repos/inbound.ts';
import { newestMemberOfContact } from '../store/repos/members.ts';
import { enqueueOutbox, OUTBOX_PRIORITY } from '../store/repos/outbox.ts';
import { effectExecutors } from './effects/index.ts';
import type { EffectScope } from './effects/effect-executor.ts';
import type { FlowRegistry } from './flow-registry.ts';
import { carriesPersonalData, personalPlaceholder, personalQuestionOf, personalValuesOf } from './personal-data.ts';
import { openSnapshot, sealSnapshot } from './snapshot-seal.ts';

export interface InboundDeps {
  readonly db: Db;
  readonly flows: FlowRegistry;
  readonly clock: Clock;
  readonly secret: string;
  readonly entryFlow: string;
  /** The flow members talk to once enrolled (reminder replies, cek iuran, berhenti); none: off. */
  readonly memberFlow?: string;
  readonly randomDigits: (n: number) => string;
}

/** Effects that feed results back may chain; a script cannot make one message loop for ever. */
const MAX_EFFECT_ROUNDS = 8;
/** What is kept of a message: enough for any answer, not a 10 MB paste. */
const MAX_STORED_TEXT = 4_000;

/**
 * Handles one inbound message in one transaction: clean its text, lock the contact's
 * conversation, record the message (a redelivery is a no-op), step the flow, carry out its effects, save the snapshot and queue
 * the replies. Either all of it is stored or none of it, so a crash loses and repeats nothing.
 */
export async function handleInbound(deps: InboundDeps, received: InboundMessage): Promise<HandleOutcome> {
  const message = cleanInbound(received);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const contact = await upsertContact(tx, { channel: message.channel, address: message.from, displayName: message.senderName ?? null, lastInboundAt: message.receivedAt, language: deps.flows.defaultLanguage });
    // Locked before the inbound row is written: what is kept of the text depends on the
    // question it answers. A redelivery takes the lock too and changes nothing.
    const existing = await lockConversation(tx, contact.id);
    const route = await routeOf(tx, deps, contact.id, existing, message.text ?? '');
    const { flow } = route;
    const snapshot = route.fresh || existing === null ? undefined : openSnapshot(deps.secret, existing.snapshot as unknown as FlowSnapshot);
    const inbound = await recordInbound(tx, {
      channel: message.channel,
      externalId: message.externalId,
      contactId: contact.id,
      kind: message.kind,
      text: storedText(message.text, personalQuestionOf(flow, snapshot)),
      receivedAt: message.receivedAt,
    });
    if (!inbound) return { duplicate: true, replies: [] };

    const conversation = existing ?? (await createConversation(tx, { contactId: contact.id, flowId: flow.id, flowVersion: flow.version }));
    const input = { type: 'message' as const, kind: message.kind, ...(message.text === undefined ? {} : { text: message.text }) };
    const scope: EffectScope = {
      tx, contactId: contact.id, channel: message.channel, now, secret: deps.secret,
      flowId: flow.id, flowVersion: flow.version, randomDigits: deps.randomDigits, data: flow.data,
    };
    // A new conversation speaks the language the contact chose; `bahasa` changes it for the next.
    const result = await runWithEffects(flow, step(flow, snapshot, input, now, { language: contact.language }), scope);
    if (result.language !== contact.language) await setContactLanguage(tx, contact.id, result.language);

    await saveConversation(tx, conversation.id, {
      flowId: flow.id, flowVersion: flow.version, snapshot: sealSnapshot(deps.secret, result.snapshot) as unknown as Record<string, unknown>, status: result.status,
    });
    const personal = personalValuesOf(flow, [snapshot, result.snapshot]);
    await enqueueReplies(tx, { contactId: contact.id, message, inboundId: inbound.id, at: now, personal, language: result.language }, result.replies);
    return { duplicate: false, replies: result.replies };
  });
}

/**
 * What the inbound log keeps of a message: an answer to a personal question only as a
 * placeholder (the answer is in the sealed snapshot); anything else cut to size, with NIK-like
 * numbers masked (a NIK typed at the wrong question).
 */
function storedText(text: string | undefined, personalField: string | null): string | null {
  if (text === undefined) return null;
  if (personalField !== null) return personalPlaceholder(personalField);
  return redactText(text.slice(0, MAX_STORED_TEXT));
}

/**
 * Every channel's message cleaned once, here, before anything reads or stores it: a NUL would
 * fail the transaction on every redelivery, invisible characters would hide inside a NIK.
 */
function cleanInbound(message: InboundMessage): InboundMessage {
  return {
    ...message,
    externalId: cleanText(message.externalId),
    from: cleanText(message.from),
    ...(message.text === undefined ? {} : { text: cleanText(message.text) }),
    ...(message.senderName === undefined ? {} : { senderName: cleanText(message.senderName) }),
  };
}

type ExistingConversation = Awaited<ReturnType<typeof lockConversation>>;

/**
 * Which flow a message goes to. A running conversation keeps its flow and version. Otherwise a
 * member (enrolment done) gets the member menu, fresh on its newest version, so a reply to a
 * reminder ("sudah bayar") is read there; anyone else starts the entry flow, or, with a finished
 * conversation and a word that does not start one, gets that flow's "finished" answer.
 */
async function routeOf(tx: Tx, deps: InboundDeps, contactId: string, existing: ExistingConversation, text: string): Promise<{ flow: CompiledFlow; fresh: boolean }> {
  if (existing !== null && existing.snapshot !== null && existing.status === 'active') {
    return { flow: await deps.flows.get(tx, existing.flowId, existing.flowVersion), fresh: false };
  }
  const memberFlow = deps.memberFlow === undefined ? null : await memberMenu(tx, deps.flows, deps.memberFlow, contactId);
  if (memberFlow !== null) return { flow: memberFlow, fresh: true };
  if (existing === null || existing.snapshot === null || isStartWord(text)) {
    // New conversations, and finished ones started again, run on the newest published version.
    return { flow: await deps.flows.latest(tx, existing === null || existing.flowId === deps.memberFlow ? deps.entryFlow : existing.flowId), fresh: true };
  }
  return { flow: await deps.flows.get(tx, existing.flowId, existing.flowVersion), fresh: false };
}

/** The member menu for a contact who is a member; null for anyone else or when it is not published. */
async function memberMenu(tx: Tx, flows: FlowRegistry, flowId: string, contactId: string): Promise<CompiledFlow | null> {
  if ((await newestMemberOfContact(tx, contactId)) === null) return null;
  return flows.latestOrNull(tx, flowId);
}

/** Carries out each effect; awaited ones feed their result back into the flow. */
async function runWithEffects(flow: CompiledFlow, first: StepResult, scope: EffectScope): Promise<StepResult> {
  let current = first;
  const replies: Reply[] = [...first.replies];
  for (let round = 0; round < MAX_EFFECT_ROUNDS; round++) {
    let awaited: { effect: string; outcome: Awaited<ReturnType<NonNullable<ReturnType<typeof effectExecutors.get>>>> } | null = null;
    for (const effect of current.effects) {
      const executor = effectExecutors.get(effect.type);
      if (!executor) throw new PayungError(`no executor for effect ${effect.type}: add one in src/runtime/effects`);
      const outcome = await executor(scope, effect.payload);
      if (effect.awaitsResult) awaited = { effect: effect.type, outcome };
    }
    if (!awaited) return { ...current, replies };
    const { effect, outcome } = awaited;
    current = step(flow, current.snapshot, outcome.ok
      ? { type: 'result', effect, ok: true, value: outcome.value }
      : { type: 'result', effect, ok: false, error: outcome.error, ...(outcome.value === undefined ? {} : { value: outcome.value }) }, scope.now);
    replies.push(...current.replies);
  }
  throw new PayungError(`flow ${flow.id}@${flow.version} ran more than ${MAX_EFFECT_ROUNDS} effects for one message: check the script for a loop of run: states`);
}

interface ReplyOrigin {
  readonly contactId: string;
  readonly message: InboundMessage;
  readonly inboundId: number;
  /** Due at once by the runtime's clock, the one the dispatcher reads too. */
  readonly at: Date;
  /** The conversation's personal answers: a reply repeating one is cleared once sent. */
  readonly personal: readonly string[];
  /** The conversation's language, for what a channel adds itself (a WhatsApp list's button). */
  readonly language: string;
}

async function enqueueReplies(tx: Tx, origin: ReplyOrigin, replies: readonly Reply[]): Promise<void> {
  if (replies.length === 0) return;
  await enqueueOutbox(tx, replies.map((reply) => ({
    contactId: origin.contactId,
    channel: origin.message.channel,
    address: origin.message.from,
    kind: 'reply' as const,
    priority: OUTBOX_PRIORITY.reply,
    payload: {
      text: reply.text,
      ...(reply.choices ? { choices: [...reply.choices] } : {}),
      language: origin.language,
      ...(carriesPersonalData(reply.text, origin.personal) ? { personal: true } : {}),
    },
    inboundId: origin.inboundId,
    nextAttemptAt: origin.at,
  })));
}
