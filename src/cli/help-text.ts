import type { CliCommand } from './cli-command.ts';

/** `payung --help`: what Payung is and its commands. */
export function rootHelp(commands: readonly CliCommand[]): string {
  return `Usage: payung <command> [options]

Payung helps street vendors (pedagang kaki lima) enrol in BPJS Ketenagakerjaan
over WhatsApp and Telegram, in Bahasa Indonesia.

Commands:
${commandList(commands)}

Run 'payung <command> --help' for a command's options and examples.

Examples:
  payung migrate && payung start --channels simulator
  printf 'halo\\nya\\n' | payung chat --contact budi
`;
}

/** `payung flows --help`: the members of a command group. */
export function groupHelp(group: string, members: readonly CliCommand[]): string {
  const example = (members[0] && firstExample(members[0])) ?? members[0]?.name ?? group;
  return `Usage: payung ${group} <command> [options]

Commands:
${commandList(members, `${group} `)}

Run 'payung ${group} <command> --help' for its options.

Example:
  payung ${example}
`;
}

/** Names padded to one column; `prefix` ("flows ") is left out inside a group's help. */
function commandList(commands: readonly CliCommand[], prefix = ''): string {
  const names = commands.map((c) => c.name.slice(prefix.length));
  const width = Math.max(...names.map((name) => name.length)) + 2;
  return commands.map((c, i) => `  ${(names[i] ?? '').padEnd(width)} ${c.summary}`).join('\n');
}

/** The first line under "Examples:" in a command's help, without the `payung ` prefix. */
function firstExample(command: CliCommand): string | undefined {
  const lines = command.help.split('\n');
  const at = lines.findIndex((line) => /^Examples?:$/u.test(line));
  if (at === -1) return undefined;
  return lines[at + 1]?.trim().replace(/^payung /u, '') || undefined;
}
