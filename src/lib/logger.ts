/**
 * Payung's logger: pino with personal data kept out. Known fields (nik, motherMaidenName, a
 * message's text, secrets) are censored wherever they sit one level deep, and any 16-digit run
 * in a log message or a logged error — a NIK typed into chat and echoed back — is masked.
 */
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { maskNik } from '../domain/nik.ts';
import { scrubQueryError } from './query-error.ts';

export type { Logger } from 'pino';

export const REDACTED = '[redacted]';

const sensitiveKeys = ['nik', 'motherMaidenName', 'text', 'secret', 'password', 'token', 'botToken'];

/** `nik` and `*.nik`, for each sensitive key: pino's paths match exactly, not recursively. */
export const redactPaths: readonly string[] = sensitiveKeys.flatMap((key) => [key, `*.${key}`]);

export interface LoggerOptions {
  readonly name?: string;
  /** Where lines go; default stdout. Tests pass a stream to read them. */
  readonly destination?: DestinationStream;
}

export function createLogger(level: Level | 'silent', options: LoggerOptions = {}): Logger {
  const settings = {
    level,
    ...(options.name === undefined ? {} : { name: options.name }),
    redact: { paths: [...redactPaths], censor: REDACTED },
    // Error messages often quote the input that failed: mask NIK-like numbers there too.
    serializers: { err: redactError },
    hooks: {
      // Messages are free text: mask NIK-like numbers in every string argument.
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: unknown[]) => void) {
        method.apply(this, maskArguments(args));
      },
    },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

function maskArguments(args: readonly unknown[]): unknown[] {
  const [first, ...rest] = args;
  // pino takes a lone Error's message as the line's msg after this hook: pass it explicitly.
  if (first instanceof Error && rest.length === 0) {
    const scrubbed = scrubQueryError(first) as Error;
    return [{ err: scrubbed }, redactText(scrubbed.message)];
  }
  return args.map((a) => (typeof a === 'string' ? redactText(a) : a));
}

function redactError(raw: unknown): unknown {
  // A failed query's parameters are what a vendor typed: never log them (see query-error.ts).
  const error = scrubQueryError(raw);
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error);
  return { ...serialized, message: redactText(serialized.message), stack: redactText(serialized.stack ?? '') };
}

// Sixteen digits, not part of a longer number, with up to three separators between any two:
// spaces, dots, underscores, dashes of any width, invisible characters ("3174_0101—0101  0001").
const NIK_LIKE = /(?<![\d])\d(?:[\s._\-‐-―−\u200B-\u200D\u2060\uFEFF]{0,3}\d){15}(?![\d])/g;

/** Masks NIK-like runs as `************0001` (maskNik): enough to recognise, too little to reuse. */
export function redactText(text: string): string {
  return text.replace(NIK_LIKE, (match) => maskNik(match.replace(/\D/g, '')));
}
