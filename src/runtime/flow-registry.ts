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

/**
 * Published flow versions, compiled once and kept. A conversation keeps the version it started
 * on, so a version is loaded from the database by number; only new conversations take the latest.
 */
export class FlowRegistry {
  private readonly compiled = new Map<string, CompiledFlow>();

  constructor(private readonly data: ReferenceData, readonly defaultLanguage = 'id') {}

  /** Publishes every script that passed the linter; one with errors never reaches a conversation. */
  async publish(x: Executor, files: FlowFiles, publishedBy: string): Promise<{ flowId: string; version: number; created: boolean }[]> {
    const published = [];
    for (const flow of files.flows) {
      if (!flow.publishable) continue;
      // jsonb does not keep the order of object keys, and the order of states is the order of the
      // summary: it is stored beside the script.
      const definition = { script: flow.script, stateOrder: Object.keys(flow.script.states) };
      const hash = createHash('sha256').update(JSON.stringify({ definition, locales: files.catalogs })).digest('hex');
      const result = await publishFlowVersion(x, { flowId: flow.script.id, hash, definition, locales: files.catalogs, publishedBy });
      published.push({ flowId: flow.script.id, version: result.version, created: result.created });
    }
    return published;
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
