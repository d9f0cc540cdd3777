import type { InboundMessage } from '../../runtime/ports/index.ts';
import type { SimMessageRequest } from './sim-message-request.ts';

/**
 * One simulator message (the web chat's POST body with its id, or a terminal line) as the runtime
 * takes it. Pure. Example: `{ contact: 'budi', id: 'm-01', text: 'halo' }` → a `text` message
 * from `budi` with external id `m-01`.
 */
export function simToInbound(request: SimMessageRequest & { readonly id: string }, receivedAt: Date): InboundMessage {
  return {
    channel: 'simulator',
    externalId: request.id,
    from: request.contact,
    ...(request.text === undefined ? {} : { text: request.text }),
    kind: request.kind ?? 'text',
    receivedAt,
  };
}
