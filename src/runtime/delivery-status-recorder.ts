import type { DeliveryStatusSink } from './ports/index.ts';
import type { Clock } from '../lib/clock.ts';
import type { Db } from '../store/db-types.ts';
import { hasProviderMessage, recordDeliveryStatus } from '../store/repos/outbox.ts';

/** How long after a status we still expect our own send to commit its provider message id. */
const SEND_COMMIT_GRACE_MS = 10 * 60_000;

/**
 * Records WhatsApp status webhooks on the outbox row they are about. A status can overtake the
 * commit of the send it reports; for a fresh status with no row yet this throws, the webhook
 * answers 503, and Meta delivers it again. Old statuses of messages we never sent are dropped.
 */
export function deliveryStatusRecorder(db: Db, clock: Clock): DeliveryStatusSink {
  return {
    async record(providerMessageId, status, at, error) {
      const updated = await recordDeliveryStatus(db, providerMessageId, status, at, error ? `${error.code} ${error.title}` : undefined);
      if (updated > 0 || clock().getTime() - at.getTime() >= SEND_COMMIT_GRACE_MS) return;
      if (!(await hasProviderMessage(db, providerMessageId))) {
        throw new Error(`no outbox row has provider message id ${providerMessageId} yet`);
      }
    },
  };
}
