import { scrubQueryError } from './query-error.ts';

/**
 * The little a channel adapter logs through: pino's Logger fits, and so does a test spy. Log ids,
 * never message text (it may hold a NIK).
 */
export interface ChannelLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** For callers that pass no logger: lines go to stderr, one JSON-ish line each, query parameters left out. */
export const consoleChannelLogger = (name: string): ChannelLogger => ({
  info: (fields, message) => console.error(`[${name}] ${message}`, scrubbed(fields)),
  warn: (fields, message) => console.error(`[${name}] ${message}`, scrubbed(fields)),
  error: (fields, message) => console.error(`[${name}] ${message}`, scrubbed(fields)),
});

function scrubbed(fields: object): object {
  return 'err' in fields ? { ...fields, err: scrubQueryError(fields.err) } : fields;
}
