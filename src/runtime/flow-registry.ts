import { createHash } from 'node:crypto';
import { compileFlow, type CompiledFlow } from '../engine/compile-flow.ts';
import { z } from 'zod';
import { flowScriptSchema, type FlowScript } from '../engine/flow-script.ts';
import type { Catalogs } from '../i18n/catalog.ts';
import type { ReferenceData } from '../domain/reference-data-types.ts';
import { FlowError } from '../lib/errors.ts';
import type { Executor } from '../store/db-types.ts';
import { getFlowVersion, latestFlowVersion, publishFlowVersion } from '../store/repos/flow-versions.ts';
import type { FlowFiles } from './flow-files.ts';

/** The version new conversations of a flow start on, after start-up published its files. */
export interface LiveFlow {
  readonly flowId: string;
  readonly file: string;
  /** null: the flow has never had a version without errors. */
  readonly version: number | null;
  /** published: the files were new content and became this version now; unchanged: they are this version; has_errors: not published. */
  readonly outcome: 'published' | 'unchanged' | 'has_errors';
}

/** One log line per flow: which version is live and why. */
export function describeLiveFlow(flow: LiveFlow): string {
  const live = flow.version === null ? 'no version is live' : `version ${flow.version} is live`;
  const why = { published: `published from ${flow.file} now`, unchanged: `${flow.file} unchanged`, has_errors: `${flow.file} has errors and was not published` }[flow.outcome];
  return `flow ${flow.flowId}: ${live} (${why})`;
}

/**
 * Published flow versions, compiled once and kept. A conversation keeps the version it started
 * on, so a version is loaded from the database by number; only new conversations take the latest.
 */
export class FlowRegistry {
  private readonly compiled = new Map<string, CompiledFlow>();

  constructor(private readonly data: ReferenceData, readonly defaultLanguage = 'id') {}

  /**
   * Publishes every script that passed the linter: its files' content becomes the newest version
   * (restoring older files rolls back, as a new version number). One with errors never reaches a
   * conversation: its newest good version stays live, or none.
   */
  async publish(x: Executor, files: FlowFiles, publishedBy: string): Promise<LiveFlow[]> {
    const live: LiveFlow[] = [];
    for (const flow of files.flows) {
      const flowId = flow.script.id;
      if (!flow.publishable) {
        live.push({ flowId, file: flow.file, version: (await latestFlowVersion(x, flowId))?.version ?? null, outcome: 'has_errors' });
        continue;
      }
      // jsonb does not keep the order of object keys, and the order of states is the order of the
      // summary: it is stored beside the script.
      const definition = { script: flow.script, stateOrder: Object.keys(flow.script.states) };
      const hash = createHash('sha256').update(JSON.stringify({ definition, locales: files.catalogs })).digest('hex');
      const result = await publishFlowVersion(x, { flowId, hash, definition, locales: files.catalogs, publishedBy });
      live.push({ flowId, file: flow.file, version: result.version, outcome: result.created ? 'published' : 'unchanged' });
    }
    return live;
  }

  async latest(x: Executor, flowId: string): Promise<CompiledFlow> {
    const flow = await this.latestOrNull(x, flowId);
    if (!flow) throw new FlowError(`flow "${flowId}" has no published version: fix the errors \`payung flows lint\` reports and start again`);
    return flow;
  }

  /** The newest version, or null when the flow was never published (e.g. it has lint errors). */
  async latestOrNull(x: Executor, flowId: string): Promise<CompiledFlow | null> {
    const row = await latestFlowVersion(x, flowId);
    return row ? this.fromRow(row) : null;
  }

  async get(x: Executor, flowId: string, version: number): Promise<CompiledFlow> {
    const cached = this.compiled.get(`${flowId}@${version}`);
    if (cached) return cached;
    const row = await getFlowVersion(x, flowId, version);
    if (!row) throw new FlowError(`flow ${flowId} version ${version} is not in the database`);
    return this.fromRow(row);
  }

  private fromRow(row: { flowId: string; version: number; definition: unknown; locales: unknown }): CompiledFlow {
    const key = `${row.flowId}@${row.version}`;
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const script = scriptOf(row.definition);
    const flow = compileFlow(script, { version: row.version, catalogs: row.locales as Catalogs, data: this.data, defaultLanguage: this.defaultLanguage });
    this.compiled.set(key, flow);
    return flow;
  }
}

const storedDefinition = z.object({ script: z.record(z.string(), z.unknown()), stateOrder: z.array(z.string()) });

/** The script as published, with its states back in the order the admin wrote them. */
function scriptOf(definition: unknown): FlowScript {
  const stored = storedDefinition.parse(definition);
  const states = (stored.script['states'] ?? {}) as Record<string, unknown>;
  const ordered = Object.fromEntries(stored.stateOrder.filter((name) => name in states).map((name) => [name, states[name]]));
  return flowScriptSchema.parse({ ...stored.script, states: ordered });
}
