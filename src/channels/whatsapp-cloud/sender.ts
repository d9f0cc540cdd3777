import type { ChannelSender, SendResult, WhatsAppCloudConfig } from '../../runtime/ports/index.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { classifyGraphError, SERVER_ERROR_RETRY_MS, type GraphErrorBody } from './send-result.ts';
import { cloudRequestBody, isWindowOpen } from './render.ts';

export const WINDOW_CLOSED_NO_TEMPLATE = 'window closed, no template';
const REQUEST_TIMEOUT_MS = 15_000;
/** The Graph API version when the configuration names none. */
const DEFAULT_GRAPH_VERSION = 'v21.0';

export interface WhatsAppCloudSenderOptions {
  readonly config: Omit<WhatsAppCloudConfig, 'perSecond'>;
  readonly clock?: Clock;
  readonly fetch?: typeof fetch;
}

/**
 * Sends outbox rows through the Graph API: POST {graphBaseUrl}/{version}/{phoneNumberId}/messages
 * with the bearer token. Outside the 24-hour window only the payload's template goes; with none
 * the row fails for good ('window closed, no template'). Returns the `wamid…` that status
 * webhooks will name.
 */
export function createWhatsAppCloudSender(options: WhatsAppCloudSenderOptions): ChannelSender {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const doFetch = options.fetch ?? fetch;
  const base = config.graphBaseUrl.replace(/\/+$/u, '');
  const url = `${base}/${config.graphVersion ?? DEFAULT_GRAPH_VERSION}/${encodeURIComponent(config.phoneNumberId)}/messages`;

  return {
    channel: 'whatsapp-cloud',
    async send(message): Promise<SendResult> {
      const body = cloudRequestBody(message.address, message.payload, isWindowOpen(message.lastInboundAt, clock()));
      if (body === null) return { ok: false, retryable: false, error: WINDOW_CLOSED_NO_TEMPLATE };
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${config.accessToken}`, 'content-type': 'application/json' },
          // The Cloud API has no idempotency key (no header or field makes a repeated POST one
          // message): a send repeated after a crash is a second message. biz_opaque_callback_data
          // is not processed by Meta, only echoed in the status webhooks, so the outbox row of
          // each delivered message, and so a duplicate, can be traced.
          body: JSON.stringify({ ...body, biz_opaque_callback_data: `outbox:${message.outboxId}` }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        return { ok: false, retryable: true, error: `graph unreachable: ${describe(error)}`, retryAfterMs: SERVER_ERROR_RETRY_MS };
      }
      const json = await response.json().catch(() => undefined);
      if (!response.ok) return classifyGraphError(response.status, json as GraphErrorBody | undefined, response.headers.get('retry-after'));
      const id = providerMessageId(json);
      return id === undefined ? { ok: true } : { ok: true, providerMessageId: id };
    },
  };
}

function providerMessageId(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const messages = (json as { messages?: unknown }).messages;
  const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
  const id = typeof first === 'object' && first !== null ? (first as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
