import type { CliDeps } from './cli-deps.ts';

/** Where the command writes: `process` fits, and so does a string collector in tests. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** One `payung` subcommand: parses its own arguments and calls one CliDeps function. */
export interface CliCommand {
  /** As typed after `payung`, e.g. "start" or "flows lint". */
  readonly name: string;
  /** One line for `payung --help`. */
  readonly summary: string;
  /** The full `--help` text: what it does, options, an example. */
  readonly help: string;
  /** Returns the exit code; throws UsageError for bad arguments. */
  run(args: readonly string[], deps: CliDeps, io: CliIO): Promise<number>;
}
