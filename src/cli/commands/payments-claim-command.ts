import { readRupiah } from '../../admin/payments-csv.ts';
import { formatRupiah } from '../../i18n/rupiah.ts';
import { PayungError } from '../../lib/errors.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';
import { UsageError } from '../usage-error.ts';

/** `payung payments claim ID confirmed|rejected --admin NAME`: settle a "sudah bayar" claim. */
export const paymentsClaimCommand: CliCommand = {
  name: 'payments claim',
  summary: 'Settle a "sudah bayar" claim: confirmed or rejected',
  help: `Usage: payung payments claim ID (confirmed | rejected) --admin NAME
                             [--amount AMOUNT] [--note TEXT]

Settle a claim a vendor filed by replying "sudah bayar" to a reminder, once
you have checked it: confirmed (you saw the money) or rejected (there is no
such payment). Confirming records the payment against the claim's bill -
what the bill still owes, or --amount - and sends the vendor a receipt; a
bill already paid in full records nothing. ID is the claim's id or its first
characters, as \`payung payments review\` lists it. Written to the audit log.
A claim settles itself when its bill is paid in full. Exit code 0 when
settled, 1 when not.

Options:
  --admin NAME     Your name, for the audit log
  --amount AMOUNT  With confirmed: the amount you saw (67000, Rp67.000)
  --note TEXT      Why, kept in the audit log
  -h, --help       Show this help

Example:
  payung payments claim 3f2a9c1e rejected --admin siti --note "bukan di BRI"
`,
  async run(args, deps, io) {
    const { values, positionals } = parseCommandLine(args, { admin: { type: 'string' }, amount: { type: 'string' }, note: { type: 'string' } }, true);
    const [claim, resolution, ...extra] = positionals;
    if (claim === undefined || resolution === undefined) throw new UsageError('needs ID and confirmed or rejected, for example 3f2a9c1e rejected.');
    if (extra.length > 0) throw new UsageError(`takes ID and a resolution only, got also "${extra.join(' ')}" (quote a --note with spaces).`);
    if (resolution !== 'confirmed' && resolution !== 'rejected') throw new UsageError(`the resolution is confirmed or rejected, got "${resolution}".`);
    if (!values.admin?.trim()) throw new UsageError('say who settles the claim: --admin NAME.');
    const amount = values.amount === undefined ? null : readRupiah(values.amount);
    if (typeof amount === 'string') throw new UsageError(`--amount ${amount}.`);
    if (amount !== null && resolution !== 'confirmed') throw new UsageError('--amount goes with confirmed only.');
    if (deps.settleClaim === undefined) throw new PayungError('settling claims is not available in this build.');
    const settled = await deps.settleClaim({ claim, resolution, admin: values.admin, note: values.note ?? null, amount });
    const recorded = settled.recorded === null ? ''
      : ` Recorded ${formatRupiah(settled.recorded.amount)} as ${settled.recorded.externalRef} (outstanding ${formatRupiah(settled.recorded.outstanding)}); the vendor gets a receipt.`;
    io.stdout.write(`Claim ${settled.id.slice(0, 8)} (reference "${settled.reference}") is ${settled.status}.${recorded}\n`);
    return 0;
  },
};
