import { FlowError, PayungError } from '../lib/errors.ts';

/**
 * What to print when a command fails. Payung's own errors carry a message meant for the person
 * at the terminal (and FlowError its issue list); anything else is a bug, so show the stack.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof FlowError) {
    return [error.message, ...error.issues.map((i) => `  ${i.file}:${i.line}: ${i.message}`)].join('\n');
  }
  if (error instanceof PayungError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
