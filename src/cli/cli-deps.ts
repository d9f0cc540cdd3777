/**
 * What the `payung` command needs from the rest of the application. The composition root
 * (src/main.ts) implements it and calls `runCli(process.argv.slice(2), deps, process)`.
 * Build expensive things (database, channels) inside these functions, not before runCli, so
 * `payung --help` and a mistyped option stay instant and touch nothing.
 */
import type { ImportMode, ImportReport } from '../admin/import-payments.ts';
import type { MarkPaidRequest, MarkPaidResult } from '../admin/mark-paid.ts';
import type { ParsedPaymentRow } from '../admin/payments-csv.ts';
import type { SettleClaimRequest, SettledClaim } from '../admin/settle-claim.ts';
import type { ChannelName } from '../runtime/ports/index.ts';

export interface CliDeps {
  /** Runs Payung (runtime, dispatcher, channels) until stopped; resolves after a clean shutdown. */
  start(options: StartOptions): Promise<void>;
  /** Terminal chat as one simulator contact (see runTerminalChat); resolves when the chat ends. */
  chat(options: ChatOptions): Promise<void>;
  /** Applies pending database migrations. */
  migrate(): Promise<void>;
  /** Validates and lints flow scripts; no files means every script in flows/. */
  lintFlows(files: readonly string[]): Promise<FlowLintResult>;
  // The payments commands' deps are optional so that test fakes of the other commands need not
  // stub them; main.ts provides them, and the commands say so when one is missing.
  /** Records a payments CSV's rows in one transaction (see importPayments). */
  importPayments?(request: ImportPaymentsRequest): Promise<ImportReport>;
  /** Records a payment an admin or agent took by hand (see markPaid). */
  markPaid?(request: MarkPaidRequest): Promise<MarkPaidResult>;
  /** Unmatched payments and open "sudah bayar" claims, as the report to print. */
  reviewPayments?(limit: number): Promise<string>;
  /** Settles a "sudah bayar" claim (see settleClaim); throws SettleClaimError when it cannot. */
  settleClaim?(request: SettleClaimRequest): Promise<SettledClaim>;
}

export interface ImportPaymentsRequest {
  readonly rows: readonly ParsedPaymentRow[];
  readonly mode: ImportMode;
  /** The admin importing, for the audit log; absent: the operating-system user. */
  readonly by?: string;
  /** The file's name, kept with each payment. */
  readonly file: string;
  readonly onProgress: (done: number, total: number) => void;
}

export interface StartOptions {
  /** Absent: run the channels the configuration names. Never empty, no duplicates. */
  readonly channels?: readonly ChannelName[];
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
