import type { CliCommand } from '../cli-command.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';

/** `payung flows lint`: check flow scripts before they are published. */
export const flowsLintCommand: CliCommand = {
  name: 'flows lint',
  summary: 'Check flow scripts before they go live',
  help: `Usage: payung flows lint [FILE...]

Check flow scripts the way publishing does: the script's shape, every state
reachable, no dead end without an end marker, every text key present in every
locale, every named validator and action known. Without FILE it also checks
the data in flows/data (rates, occupations, region aliases, reminder rules) and
that every reminder rule's text is in the locales with placeholders a reminder
can fill. Prints each problem with its file and line. Exit code 0 when all is
well, 1 when there is a problem.

Arguments:
  FILE...      Flow scripts to check (default: every script in flows/)

Options:
  -h, --help   Show this help

Examples:
  payung flows lint
  payung flows lint flows/daftar-bpu.yaml
`,
  async run(args, deps, io) {
    const { positionals } = parseCommandLine(args, {}, true);
    const { ok, report } = await deps.lintFlows(positionals);
    if (report !== '') io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
    return ok ? 0 : 1;
  },
};
