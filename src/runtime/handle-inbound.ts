import type { InboundMessage } from '../channels/inbound-message.ts';
import type { CompiledFlow } from '../engine/compile-flow.ts';
import { isStartWord } from '../engine/global-command.ts';
import type { Reply } from '../engine/reply.ts';
import { step, type FlowSnapshot, type StepResult } from '../engine/step.ts';
import type { Clock } from '../lib/clock.ts';
import { PayungError } from '../lib/errors.ts';
import { redactText } from '../lib/logger.ts';
import type { Db, Tx } from '../store/db-types.ts';
import { upsertContact } from '../store/repos/contacts.ts';
import { createConversation, lockConversation, saveConversation } from '../store/repos/conversations.ts';
import { recordInbound } from '../store/repos/inbound.ts';
import { enqueueOutbox } from '../store/repos/outbox.ts';
import { effectExecutors } from './effects/index.ts';
import type { EffectScope } from './effects/effect-executor.ts';
import type { FlowRegistry } from './flow-registry.ts';
import { openSnapshot, sealSnapshot } from './snapshot-seal.ts';
import type { HandleOutcome } from './runtime-types.ts';

export interface InboundDeps {
  readonly db: Db;
  readonly flows: FlowRegistry;
  readonly clock: Clock;
  readonly secret: string;
  readonly entryFlow: string;
  readonly randomDigits: (n: number) => string;
}

/** Effects that feed results back may chain; a script cannot make one message loop for ever. */
const MAX_EFFECT_ROUNDS = 8;
/** What is kept of a message: enough for any answer, not a 10 MB paste. */
const MAX_STORED_TEXT = 4_000;
/** Replies to a vendor go before reminders and campaigns. */
const REPLY_PRIORITY = 10;

/**
 * Handles one inbound message in one transaction: record it (a redelivery is a no-op), lock
 * the contact's conversation, step the flow, carry out its effects, save the snapshot and queue
 * the replies. Either all of it is stored or none of it, so a crash loses and repeats nothing.
 */
export async function handleInbound(deps: InboundDeps, message: InboundMessage): Promise<HandleOutcome> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const contact = await upsertContact(tx, { channel: message.channel, address: message.from, displayName: message.senderName ?? null, lastInboundAt: message.receivedAt });
    const inbound = await recordInbound(tx, {
      channel: message.channel,
      externalId: message.externalId,
      contactId: contact.id,
      kind: message.kind,
      // The NIK is stored encrypted with the member; here it is masked (UU PDP: minimal copies).
      text: message.text === undefined ? null : redactText(message.text.slice(0, MAX_STORED_TEXT)),
      receivedAt: message.receivedAt,
    });
    if (!inbound) return { duplicate: true, replies: [] };

    const existing = await lockConversation(tx, contact.id);
    // New conversations, and finished ones started again, run on the newest published version.
    const restart = existing === null || existing.snapshot === null || (existing.status !== 'active' && isStartWord(message.text ?? ''));
    const flow = restart
      ? await deps.flows.latest(tx, existing?.flowId ?? deps.entryFlow)
      : await deps.flows.get(tx, existing.flowId, existing.flowVersion);
    const conversation = existing ?? (await createConversation(tx, { contactId: contact.id, flowId: flow.id, flowVersion: flow.version }));
    const input = { type: 'message' as const, kind: message.kind, ...(message.text === undefined ? {} : { text: message.text }) };
    const snapshot = restart ? undefined : openSnapshot(deps.secret, conversation.snapshot as unknown as FlowSnapshot);
    const scope: EffectScope = {
      tx, contactId: contact.id, channel: message.channel, now, secret: deps.secret,
      flowId: flow.id, flowVersion: flow.version, randomDigits: deps.randomDigits,
    };
    const result = await runWithEffects(flow, step(flow, snapshot, input, now), scope);

    await saveConversation(tx, conversation.id, {
      flowId: flow.id, flowVersion: flow.version, snapshot: sealSnapshot(deps.secret, result.snapshot) as unknown as Record<string, unknown>, status: result.status,
    });
    await enqueueReplies(tx, { contactId: contact.id, message, inboundId: inbound.id, at: now }, result.replies);
    return { duplicate: false, replies: result.replies };
  });
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
}

async function enqueueReplies(tx: Tx, origin: ReplyOrigin, replies: readonly Reply[]): Promise<void> {
  if (replies.length === 0) return;
  await enqueueOutbox(tx, replies.map((reply) => ({
    contactId: origin.contactId,
    channel: origin.message.channel,
    address: origin.message.from,
    kind: 'reply' as const,
    priority: REPLY_PRIORITY,
    payload: { text: reply.text, ...(reply.choices ? { choices: [...reply.choices] } : {}) },
    inboundId: origin.inboundId,
    nextAttemptAt: origin.at,
  })));
}
