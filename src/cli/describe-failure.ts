import { FlowError, PayungError } from '../lib/errors.ts';
import { redactText } from '../lib/logger.ts';
import { scrubQueryError } from '../lib/query-error.ts';

/**
 * What to print when a command fails. Payung's own errors carry a message meant for the person
 * at the terminal (and FlowError its issue list); anything else is a bug, so show the stack —
 * without a failed query's parameters and with NIK-like numbers masked: a terminal's output
 * ends up in logs and bug reports.
 */
export function describeFailure(raw: unknown): string {
  const error = scrubQueryError(raw);
  if (error instanceof FlowError) {
    return [error.message, ...error.issues.map((i) => `  ${i.file}:${i.line}: ${i.message}`)].join('\n');
  }
  if (error instanceof PayungError) return error.message;
  if (error instanceof Error) return redactText(stackWithCauses(error));
  return String(error);
}

function stackWithCauses(error: Error): string {
  const own = error.stack ?? error.message;
  return error.cause instanceof Error ? `${own}\ncaused by: ${stackWithCauses(error.cause)}` : own;
}
