import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { flattenCatalog, type Catalog } from '../i18n/catalog.ts';
import { lintFlow } from '../engine/lint-flow.ts';
import { lintLocales } from '../engine/lint-locales.ts';
import { formatIssues, hasErrors, type LintIssue } from '../engine/lint-issue.ts';
import { parseFlowSource, type LineOf } from '../engine/parse-flow-source.ts';
import { yamlSyntaxIssues } from '../engine/yaml-syntax-issues.ts';
import type { FlowScript } from '../engine/flow-script.ts';
import type { ReferenceData } from '../domain/reference-data-types.ts';
import { FlowError } from '../lib/errors.ts';
import { loadReferenceData, yamlLines } from './reference-data.ts';
import { lintReminderTexts } from './reminders/lint-reminder-texts.ts';

export interface FlowFile {
  readonly file: string;
  readonly script: FlowScript;
  /** True when this script has no error of its own and may be published. */
  readonly publishable: boolean;
}

export interface FlowFiles {
  readonly flows: readonly FlowFile[];
  readonly catalogs: Record<string, Catalog>;
  readonly localeFiles: Record<string, string>;
  /** False when a locale file does not parse or the source locale is missing: nothing is publishable. */
  readonly textsReadable: boolean;
  readonly issues: readonly LintIssue[];
}

/**
 * Reads and checks every flow script (flows/*.yaml; data files under flows/data are not flows)
 * and every locale (locales/<lang>.yaml). `files` limits the check to some flow scripts.
 */
export async function readFlowFiles(flowsDir: string, localesDir: string, files?: readonly string[]): Promise<FlowFiles> {
  const issues: LintIssue[] = [];
  const { catalogs, localeFiles, localeLines, unreadable } = await readLocales(localesDir, issues);
  // Texts are part of every published version: none is publishable while a locale is unreadable.
  const textsReadable = unreadable.size === 0 && catalogs['id'] !== undefined;
  if (textsReadable) issues.push(...lintLocales(catalogs, localeFiles, localeLines));
  const flowPaths = files && files.length > 0 ? [...files] : await yamlFilesIn(flowsDir);
  const flows: FlowFile[] = [];
  for (const path of flowPaths) {
    const file = relative(process.cwd(), path) || path;
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      issues.push({ file, line: 1, severity: 'error', message: `cannot read: ${String(error)}` });
      return null;
    });
    if (text === null) continue;
    const parsed = parseFlowSource(file, text);
    issues.push(...parsed.issues);
    if (!parsed.script) continue;
    const own = lintFlow({ file, script: parsed.script, lineOf: parsed.lineOf, catalogs, localeFiles, localeLines });
    issues.push(...own);
    flows.push({ file, script: parsed.script, publishable: textsReadable && !own.some((i) => i.severity === 'error') });
  }
  return { flows, catalogs, localeFiles, textsReadable, issues };
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => join(dir, e.name)).sort();
}

/**
 * Every locale file, flattened. A file that does not parse is reported once, at its line and
 * column, and nothing else is said about it: comparing the other locales with a source that did
 * not load would only bury that one line under a key-by-key cascade.
 */
async function readLocales(dir: string, issues: LintIssue[]) {
  const catalogs: Record<string, Catalog> = {};
  const localeFiles: Record<string, string> = {};
  const localeLines: Record<string, LineOf> = {};
  const unreadable = new Set<string>();
  for (const path of await yamlFilesIn(dir)) {
    const file = relative(process.cwd(), path) || path;
    const lang = basename(path).replace(/\.ya?ml$/, '');
    const counter = new LineCounter();
    const doc = parseDocument(await readFile(path, 'utf8'), { lineCounter: counter, prettyErrors: false });
    const syntax = yamlSyntaxIssues(file, doc, counter);
    if (syntax.length > 0) {
      issues.push(...syntax);
      unreadable.add(lang);
      continue;
    }
    const { catalog, problems } = flattenCatalog(doc.toJS());
    const lineOf: LineOf = (path) => {
      const node = doc.getIn(path as (string | number)[], true) as { range?: [number, number] } | undefined;
      return node?.range ? counter.linePos(node.range[0]).line : 1;
    };
    for (const problem of problems) issues.push({ file, line: lineOf(problem.path), severity: 'error', message: problem.message });
    catalogs[lang] = catalog;
    localeFiles[lang] = file;
    localeLines[lang] = lineOf;
  }
  if (!catalogs['id'] && !unreadable.has('id')) issues.push({ file: join(dir, 'id.yaml'), line: 1, severity: 'error', message: 'the source locale id.yaml is missing' });
  return { catalogs, localeFiles, localeLines, unreadable };
}

/**
 * The reference data under flows/data (its own problems, when it cannot be read) and the texts
 * the reminder rules of pengingat.yaml use, checked against the locales.
 */
export async function lintReferenceData(flowsDir: string, files: Pick<FlowFiles, 'catalogs' | 'localeFiles' | 'textsReadable'>, data?: ReferenceData): Promise<LintIssue[]> {
  const dataDir = join(flowsDir, 'data');
  let reminders: ReferenceData['reminders'];
  try {
    reminders = (data ?? await loadReferenceData(dataDir)).reminders;
  } catch (error) {
    if (!(error instanceof FlowError)) throw error;
    return error.issues.map((i) => ({ ...i, severity: 'error' as const }));
  }
  // The locale's own syntax error is the one thing to fix; every reminder text would be "missing".
  if (!files.textsReadable) return [];
  const file = relative(process.cwd(), join(dataDir, 'pengingat.yaml'));
  const lineOf = await yamlLines(join(dataDir, 'pengingat.yaml'));
  return lintReminderTexts({ rules: reminders, file, lineOf, catalogs: files.catalogs, localeFiles: files.localeFiles });
}

/** `payung flows lint`: every issue as file:line, or OK with what was checked. */
export async function lintFlowFiles(flowsDir: string, localesDir: string, files?: readonly string[]): Promise<{ ok: boolean; report: string }> {
  const result = await readFlowFiles(flowsDir, localesDir, files);
  // Named scripts only: the reference data is checked with the whole set.
  const withData = !files || files.length === 0;
  const issues = [...result.issues, ...(withData ? await lintReferenceData(flowsDir, result) : [])];
  const checked = [...result.flows.map((f) => f.file), ...(withData ? [join(relative(process.cwd(), flowsDir) || '.', 'data')] : [])].join(', ') || 'no flow scripts';
  const report = issues.length > 0 ? formatIssues(issues) : `OK: ${checked}`;
  return { ok: !hasErrors(issues), report };
}
