import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's options, strictly: an unknown option or a missing value is a UsageError. `--help`
 * never gets here: runCli answers it for every command.
 */
export function parseCommandLine<O extends Options, P extends boolean>(args: readonly string[], options: O, allowPositionals: P) {
  return parseOrUsageError(() => parseArgs({ args: [...args], options, strict: true, allowPositionals }));
}

/**
 * Runs a `node:util` parseArgs call and turns its argument errors into UsageError, keeping only
 * the first sentence: parseArgs adds advice about `--` that means nothing to our users.
 */
export function parseOrUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    throw new UsageError(firstSentence(error.message), { cause: error });
  }
}

function isParseArgsError(error: unknown): error is TypeError {
  return error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

/** Node versions word these differently; keep one sentence, ending in a full stop. */
function firstSentence(message: string): string {
  const end = message.indexOf('. ');
  const sentence = end === -1 ? message : message.slice(0, end);
  return sentence.endsWith('.') ? sentence : `${sentence}.`;
}
