/**
 * What an outbox row asks a channel to send. Defined with the outbox table in store/schema.ts:
 * the store owns the row's format and sits below the runtime, so it cannot import this port.
 * Re-exported here so channels read it without importing the store.
 */
export type { OutboxPayload } from '../../store/schema.ts';
