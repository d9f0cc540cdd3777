import { z } from 'zod';
import type { MessageKind } from '../../runtime/ports/index.ts';

/** Every MessageKind, as a value zod can check (the `satisfies` keeps it in step with the type). */
const MESSAGE_KINDS = ['text', 'sticker', 'image', 'voice', 'location', 'contact', 'other'] as const satisfies readonly MessageKind[];
type MissingKind = Exclude<MessageKind, (typeof MESSAGE_KINDS)[number]>;
// Fails to compile when MessageKind gains a member this list lacks.
const _allKindsListed: MissingKind extends never ? true : never = true;

/** The most text one simulator message may carry; longer is refused with 413, not cut. */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * Non-blank, bounded identifiers: contact ids and client message ids are not free text, so a
 * control or invisible character in one is refused (400) rather than cleaned into another id.
 */
const identifier = (max: number) => z.string().min(1).max(max).regex(/\S/, 'must not be blank')
  .refine(isPlainIdentifier, 'must not contain control or invisible characters');

/** Whether an id has no control, format or unassigned characters (NUL, zero-width space …). */
export function isPlainIdentifier(id: string): boolean {
  return !/[\p{Cc}\p{Cf}\p{Cn}\p{Cs}]/u.test(id);
}

/**
 * Body of `POST /api/sim/messages`. `id` is the client's message id: the same id sent twice
 * (a retry after a lost response) is handled once by the runtime.
 * Example: `{ "contact": "sim-4f2a", "id": "m-01", "text": "halo" }` or `{ …, "kind": "sticker" }`.
 */
export const simMessageRequest = z
  .object({
    contact: identifier(100),
    id: identifier(200).optional(),
    text: z.string().optional(),
    kind: z.enum(MESSAGE_KINDS).optional(),
  })
  .refine((body) => body.text !== undefined || (body.kind !== undefined && body.kind !== 'text'), {
    message: 'send "text", or a non-text "kind" (sticker, image, voice, location, contact, other)',
    path: ['text'],
  });

export type SimMessageRequest = z.infer<typeof simMessageRequest>;
