import { PayungError } from '../lib/errors.ts';

/** The command line itself is wrong (unknown option, bad value): exit code 2, and a pointer to --help. */
export class UsageError extends PayungError {
  override readonly name = 'UsageError';
}
