import { PayungError } from '../../lib/errors.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';
import { UsageError } from '../usage-error.ts';

/** `payung payments claim ID confirmed|rejected --admin NAME`: settle a "sudah bayar" claim. */
export const paymentsClaimCommand: CliCommand = {
  name: 'payments claim',
  summary: 'Settle a "sudah bayar" claim: confirmed or rejected',
  help: `Usage: payung payments claim ID (confirmed | rejected) --admin NAME
                             [--note TEXT]

Settle a claim a vendor filed by replying "sudah bayar" to a reminder, once
you have checked it: confirmed (you saw the money: record it with
\`payung payments mark-paid\` unless it came by webhook or file) or rejected
(there is no such payment). ID is the claim's id or its first characters, as
\`payung payments review\` lists it. Written to the audit log. A claim settles
itself when its bill is paid in full. Exit code 0 when settled, 1 when not.

Options:
  --admin NAME   Your name, for the audit log
  --note TEXT    Why, kept in the audit log
  -h, --help     Show this help

Example:
  payung payments claim 3f2a9c1e rejected --admin siti --note "bukan di BRI"
`,
  async run(args, deps, io) {
    const { values, positionals } = parseCommandLine(args, { admin: { type: 'string' }, note: { type: 'string' } }, true);
    const [claim, resolution, ...extra] = positionals;
    if (claim === undefined || resolution === undefined) throw new UsageError('needs ID and confirmed or rejected, for example 3f2a9c1e rejected.');
    if (extra.length > 0) throw new UsageError(`takes ID and a resolution only, got also "${extra.join(' ')}" (quote a --note with spaces).`);
    if (resolution !== 'confirmed' && resolution !== 'rejected') throw new UsageError(`the resolution is confirmed or rejected, got "${resolution}".`);
    if (!values.admin?.trim()) throw new UsageError('say who settles the claim: --admin NAME.');
    if (deps.settleClaim === undefined) throw new PayungError('settling claims is not available in this build.');
    const settled = await deps.settleClaim({ claim, resolution, admin: values.admin, note: values.note ?? null });
    io.stdout.write(`Claim ${settled.id.slice(0, 8)} (reference "${settled.reference}") is ${settled.status}.\n`);
    return 0;
  },
};
