/**
 * The WhatsApp Cloud API channel's settings. Defined in config/config.ts, which parses them from
 * the environment and sits below the runtime; re-exported here so the channel takes the config's
 * own type (one definition) without importing config.
 */
export type { WhatsAppCloudConfig } from '../../config/config.ts';
