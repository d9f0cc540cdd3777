import { PayungError } from '../../lib/errors.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';
import { UsageError } from '../usage-error.ts';

/** `payung payments review`: unmatched payments and open "sudah bayar" claims, to sort out by hand. */
export const paymentsReviewCommand: CliCommand = {
  name: 'payments review',
  summary: 'List unmatched payments and open "sudah bayar" claims',
  help: `Usage: payung payments review [--limit N]

List what needs a person: payments no bill could be found for (unknown code
or NIK, nothing owed), newest first, with the reason; and the claims vendors
filed by replying "sudah bayar" to a reminder, oldest first, with the vendor
(NIK masked), the bill and the reference they gave. Mark a claim's payment
with \`payung payments mark-paid\` once you have seen the money.

Options:
  --limit N    At most N of each list (default 50)
  -h, --help   Show this help

Example:
  payung payments review --limit 20
`,
  async run(args, deps, io) {
    const { values, positionals } = parseCommandLine(args, { limit: { type: 'string' } }, true);
    if (positionals.length > 0) throw new UsageError(`takes no arguments, got "${positionals.join(' ')}".`);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError(`--limit must be a whole number from 1 to 10000, got "${values.limit}".`);
    if (deps.reviewPayments === undefined) throw new PayungError('the payments review is not available in this build.');
    io.stdout.write(await deps.reviewPayments(limit));
    return 0;
  },
};
