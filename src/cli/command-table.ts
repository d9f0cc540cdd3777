import type { CliCommand } from './cli-command.ts';
import { chatCommand } from './commands/chat-command.ts';
import { flowsLintCommand } from './commands/flows-lint-command.ts';
import { migrateCommand } from './commands/migrate-command.ts';
import { paymentsImportCommand } from './commands/payments-import-command.ts';
import { paymentsMarkPaidCommand } from './commands/payments-mark-paid-command.ts';
import { paymentsReviewCommand } from './commands/payments-review-command.ts';
import { paymentsClaimCommand } from './commands/payments-claim-command.ts';
import { startCommand } from './commands/start-command.ts';

/** Every `payung` command, in the order `payung --help` lists them. "flows lint" makes "flows" a group. */
export const COMMANDS: readonly CliCommand[] = [
  startCommand, chatCommand, migrateCommand, flowsLintCommand, paymentsImportCommand, paymentsMarkPaidCommand,
  paymentsReviewCommand, paymentsClaimCommand,
];

export type CommandMatch =
  | { readonly kind: 'command'; readonly command: CliCommand; readonly args: readonly string[] }
  | { readonly kind: 'group'; readonly group: string; readonly members: readonly CliCommand[]; readonly args: readonly string[] }
  | { readonly kind: 'unknown'; readonly name: string };

/** Finds the command `argv` names: one word ("start"), or a group and a member ("flows lint"). */
export function findCommand(argv: readonly string[], commands = COMMANDS): CommandMatch {
  const [first = '', second, ...rest] = argv;
  const single = commands.find((c) => c.name === first);
  if (single) return { kind: 'command', command: single, args: argv.slice(1) };
  const members = commands.filter((c) => c.name.startsWith(`${first} `));
  if (members.length === 0) return { kind: 'unknown', name: first };
  const member = members.find((c) => c.name === `${first} ${second}`);
  if (member) return { kind: 'command', command: member, args: rest };
  return { kind: 'group', group: first, members, args: argv.slice(1) };
}
