/**
 * What the `payung` command needs from the rest of the application. The composition root
 * (src/main.ts) implements it and calls `runCli(process.argv.slice(2), deps, process)`.
 * Build expensive things (database, channels) inside these functions, not before runCli, so
 * `payung --help` and a mistyped option stay instant and touch nothing.
 */
export interface CliDeps {
  /** Runs Payung (runtime, dispatcher, channels) until stopped; resolves after a clean shutdown. */
  start(options: StartOptions): Promise<void>;
  /** Terminal chat as one simulator contact (see runTerminalChat); resolves when the chat ends. */
  chat(options: ChatOptions): Promise<void>;
  /** Applies pending database migrations. */
  migrate(): Promise<void>;
  /** Validates and lints flow scripts; no files means every script in flows/. */
  lintFlows(files: readonly string[]): Promise<FlowLintResult>;
}

/** The channels `payung start --channels` accepts. */
export type StartChannel = 'simulator' | 'telegram' | 'whatsapp' | 'whatsapp-cloud';

export interface StartOptions {
  /** Absent: run the channels the configuration names. Never empty, no duplicates. */
  readonly channels?: readonly StartChannel[];
  /** Absent: the configured port. 1–65535. */
  readonly port?: number;
}

export interface ChatOptions {
  /** Simulator contact id; the same id continues the same conversation. Default "terminal". */
  readonly contact: string;
}

export interface FlowLintResult {
  readonly ok: boolean;
  /** Human-readable, one issue per line with file:line; printed as given. */
  readonly report: string;
}
