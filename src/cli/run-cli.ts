import type { CliIO } from './cli-command.ts';
import type { CliDeps } from './cli-deps.ts';
import { COMMANDS, findCommand } from './command-table.ts';
import { describeFailure } from './describe-failure.ts';
import { groupHelp, rootHelp } from './help-text.ts';
import { UsageError } from './usage-error.ts';

const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * The `payung` command: picks the subcommand, which parses its options and calls one CliDeps
 * function. Returns the exit code: 0 done, 1 the work failed (or `flows lint` found problems),
 * 2 the command line was wrong. Never calls process.exit, so tests and main.ts stay in charge.
 */
export async function runCli(argv: readonly string[], deps: CliDeps, io: CliIO): Promise<number> {
  const [first] = argv;
  if (first === undefined) return usage(io, 'payung', 'missing command.', 'payung --help');
  if (HELP_FLAGS.has(first) || first === 'help') return showHelp(argv.slice(1), io);

  const match = findCommand(argv);
  if (match.kind === 'unknown') {
    const what = first.startsWith('-') ? 'option' : 'command';
    return usage(io, 'payung', `unknown ${what} "${first}".`, 'payung --help');
  }
  if (match.kind === 'group') {
    const [next] = match.args;
    if (next !== undefined && HELP_FLAGS.has(next)) return print(io, groupHelp(match.group, match.members));
    const problem = next === undefined ? 'missing command.' : `unknown command "${match.group} ${next}".`;
    return usage(io, `payung ${match.group}`, problem, `payung ${match.group} --help`);
  }

  const { command, args } = match;
  // `--help` anywhere among a command's options (not after `--`) shows its help, whatever else is there.
  if (optionsOf(args).some((arg) => HELP_FLAGS.has(arg))) return print(io, command.help);
  try {
    return await command.run(args, deps, io);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, `payung ${command.name}`, error.message, `payung ${command.name} --help`);
    io.stderr.write(`payung ${command.name}: ${describeFailure(error)}\n`);
    return 1;
  }
}

function optionsOf(args: readonly string[]): readonly string[] {
  const end = args.indexOf('--');
  return end === -1 ? args : args.slice(0, end);
}

/** `payung help`, `payung help start`, `payung --help`. */
function showHelp(topic: readonly string[], io: CliIO): number {
  if (topic.length === 0) return print(io, rootHelp(COMMANDS));
  const match = findCommand(topic);
  if (match.kind === 'command') return print(io, match.command.help);
  if (match.kind === 'group') return print(io, groupHelp(match.group, match.members));
  return usage(io, 'payung help', `unknown command "${topic.join(' ')}".`, 'payung --help');
}

function print(io: CliIO, text: string): number {
  io.stdout.write(text);
  return 0;
}

function usage(io: CliIO, who: string, problem: string, helpCommand: string): number {
  io.stderr.write(`${who}: ${problem}\nRun '${helpCommand}' to see what it accepts.\n`);
  return 2;
}
