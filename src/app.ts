import { randomDigits } from './lib/secrets.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { FlowError } from './lib/errors.ts';
import { hasErrors } from './engine/lint-issue.ts';
import { openDatabase, type Database, type DatabaseConfig } from './store/database.ts';
import { migrateDatabase } from './store/migrate.ts';
import { lintReferenceData, readFlowFiles } from './runtime/flow-files.ts';
import { FlowRegistry, type LiveFlow } from './runtime/flow-registry.ts';
import { loadReferenceData } from './runtime/reference-data.ts';
import { createRuntime, type Runtime } from './runtime/runtime.ts';
import type { LintIssue } from './engine/lint-issue.ts';
import type { ReferenceData } from './domain/reference-data-types.ts';

export interface AppOptions {
  readonly database: DatabaseConfig | Database;
  readonly secret: string;
  readonly flowsDir: string;
  readonly localesDir: string;
  readonly language: string;
  readonly clock?: Clock;
  /** The flow a new contact starts in. */
  readonly entryFlow?: string;
  /** The flow an enrolled member talks to (default pengingat; null: none). */
  readonly memberFlow?: string | null;
  readonly randomDigits?: (n: number) => string;
}

export interface App {
  readonly database: Database;
  readonly runtime: Runtime;
  readonly flows: FlowRegistry;
  /** Regions, rates and reminder rules, as loaded at start (flows/data). */
  readonly data: ReferenceData;
  readonly clock: Clock;
  /** Payment-code digits: random in production, counted in tests. */
  readonly randomDigits: (n: number) => string;
  /** The key for NIK hashing and field encryption (for parts that look members up by NIK). */
  readonly secret: string;
  /** Warnings (and errors of scripts that were not published) found at start. */
  readonly issues: readonly LintIssue[];
  /** The version of each flow that new conversations start on now (start-up logs it). */
  readonly live: readonly LiveFlow[];
  close(): Promise<void>;
}

/**
 * Builds Payung from its parts: database (migrated), reference data, flow scripts (linted,
 * published, compiled) and the runtime. A flow with errors is never published; if the entry
 * flow has no published version at all, start-up stops with the linter's report.
 */
export async function openApp(options: AppOptions): Promise<App> {
  const database = 'db' in options.database ? options.database : await openDatabase(options.database);
  const ownsDatabase = !('db' in options.database);
  try {
    await migrateDatabase(database);
    const data = await loadReferenceData(`${options.flowsDir}/data`);
    const files = await readFlowFiles(options.flowsDir, options.localesDir);
    // A reminder text that is missing or asks for a value a reminder lacks would go out to every
    // vendor due that day: refuse to start instead.
    const reminderIssues = await lintReferenceData(options.flowsDir, files, data);
    if (hasErrors(reminderIssues)) throw new FlowError('the reminder texts have problems: fix flows/data/pengingat.yaml or the locales, then start again', reminderIssues);
    const flows = new FlowRegistry(data, options.language);
    const live = await flows.publish(database.db, files, 'startup');
    const entryFlow = options.entryFlow ?? 'pendaftaran';
    await flows.latest(database.db, entryFlow).catch((error: unknown) => {
      throw hasErrors(files.issues) ? new FlowError(`no usable version of flow "${entryFlow}": fix these and start again`, files.issues) : error;
    });
    const clock = options.clock ?? systemClock;
    const digits = options.randomDigits ?? randomDigits;
    const runtime = createRuntime({
      db: database.db,
      flows,
      clock,
      secret: options.secret,
      entryFlow,
      ...(options.memberFlow === null ? {} : { memberFlow: options.memberFlow ?? 'pengingat' }),
      randomDigits: digits,
    });
    return { database, runtime, flows, data, clock, randomDigits: digits, secret: options.secret, issues: files.issues, live, close: () => (ownsDatabase ? database.close() : Promise.resolve()) };
  } catch (error) {
    if (ownsDatabase) await database.close().catch(() => {});
    throw error;
  }
}
