import type { MarkPaidBy } from '../../admin/mark-paid.ts';
import { readRupiah } from '../../admin/payments-csv.ts';
import { formatRupiah } from '../../i18n/rupiah.ts';
import { PayungError } from '../../lib/errors.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';
import { UsageError } from '../usage-error.ts';

/** `payung payments mark-paid CODE AMOUNT`: record a payment taken by hand. */
export const paymentsMarkPaidCommand: CliCommand = {
  name: 'payments mark-paid',
  summary: 'Record a payment taken by hand (cash, a transfer seen)',
  help: `Usage: payung payments mark-paid CODE AMOUNT (--admin NAME | --agent CODE)
                                  [--reference REF] [--note TEXT]

Record a payment an admin or an agent took or saw, against the bill with
payment code CODE, and write it in the audit log. AMOUNT is whole Rupiah
(67000, 67.000 or Rp67.000): a part payment leaves the rest owed, and an
amount above the bill is kept as credit. An agent may mark only the bills of
vendors they referred. A code no bill has is refused. Exit code 0 when
recorded, 1 when refused.

Options:
  --admin NAME      You are an admin: your name, for the audit log
  --agent CODE      You are an agent: your agent code
  --reference REF   The receipt or transfer reference; the same reference
                    is recorded once (default: code and time)
  --note TEXT       A note kept with the payment
  -h, --help        Show this help

Examples:
  payung payments mark-paid PY93233739296 67000 --admin siti --reference KW-0012
  payung payments mark-paid PY93233739296 Rp20.000 --agent AGEN123 --note tunai
`,
  async run(args, deps, io) {
    const { values, positionals } = parseCommandLine(args, { admin: { type: 'string' }, agent: { type: 'string' }, reference: { type: 'string' }, note: { type: 'string' } }, true);
    const [code, amountText, ...extra] = positionals;
    if (code === undefined || amountText === undefined) throw new UsageError('needs CODE and AMOUNT, for example PY93233739296 67000.');
    if (extra.length > 0) throw new UsageError(`takes CODE and AMOUNT only, got also "${extra.join(' ')}" (quote a --note with spaces).`);
    const amount = readRupiah(amountText);
    if (typeof amount === 'string') throw new UsageError(`AMOUNT ${amount}.`);
    const by = personOf(values.admin, values.agent);
    if (deps.markPaid === undefined) throw new PayungError('marking payments is not available in this build.');

    const result = await deps.markPaid({ paymentCode: code, amount, reference: values.reference ?? null, note: values.note ?? null, by });
    if (result.duplicate) {
      io.stdout.write(`Already recorded as ${result.externalRef}: nothing changed.\n`);
      return 0;
    }
    if (result.conflict) {
      io.stderr.write(`Reference ${result.externalRef} was recorded with ${formatRupiah(result.recordedAmount)}, not ${formatRupiah(amount)}: `
        + 'this payment was not applied and is kept for review (payung payments review).\n');
      return 1;
    }
    io.stdout.write(`Recorded ${formatRupiah(amount)} for ${result.billCode} as ${result.externalRef}: `
      + `applied ${formatRupiah(result.applied)}, credit ${formatRupiah(result.credit)}, outstanding ${formatRupiah(result.outstanding)}.`
      + `${result.billPaid ? ' The bill is paid.' : ''}\n`);
    return 0;
  },
};

function personOf(admin: string | undefined, agent: string | undefined): MarkPaidBy {
  if (admin !== undefined && agent !== undefined) throw new UsageError('give --admin NAME or --agent CODE, not both.');
  if (admin?.trim()) return { kind: 'admin', name: admin.trim() };
  if (agent?.trim()) return { kind: 'agent', code: agent.trim() };
  throw new UsageError('say who records the payment: --admin NAME or --agent CODE.');
}
