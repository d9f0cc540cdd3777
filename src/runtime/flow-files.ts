import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import { flattenCatalog, type Catalog } from '../i18n/catalog.ts';
import { lintFlow } from '../engine/lint-flow.ts';
import { lintLocales } from '../engine/lint-locales.ts';
import { formatIssues, hasErrors, type LintIssue } from '../engine/lint-issue.ts';
import { parseFlowSource } from '../engine/parse-flow-source.ts';
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
  readonly issues: readonly LintIssue[];
}

/**
 * Reads and checks every flow script (flows/*.yaml; data files under flows/data are not flows)
 * and every locale (locales/<lang>.yaml). `files` limits the check to some flow scripts.
 */
export async function readFlowFiles(flowsDir: string, localesDir: string, files?: readonly string[]): Promise<FlowFiles> {
  const issues: LintIssue[] = [];
  const { catalogs, localeFiles } = await readLocales(localesDir, issues);
  issues.push(...lintLocales(catalogs, localeFiles));
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
    const own = lintFlow({ file, script: parsed.script, lineOf: parsed.lineOf, catalogs, localeFiles });
    issues.push(...own);
    flows.push({ file, script: parsed.script, publishable: !own.some((i) => i.severity === 'error') });
  }
  return { flows, catalogs, localeFiles, issues };
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => join(dir, e.name)).sort();
}

async function readLocales(dir: string, issues: LintIssue[]) {
  const catalogs: Record<string, Catalog> = {};
  const localeFiles: Record<string, string> = {};
  for (const path of await yamlFilesIn(dir)) {
    const file = relative(process.cwd(), path) || path;
    const lang = basename(path).replace(/\.ya?ml$/, '');
    try {
      const { catalog, problems } = flattenCatalog(parse(await readFile(path, 'utf8')));
      for (const problem of problems) issues.push({ file, line: 1, severity: 'error', message: problem });
      catalogs[lang] = catalog;
      localeFiles[lang] = file;
    } catch (error) {
      issues.push({ file, line: 1, severity: 'error', message: `YAML: ${String(error).split('\n')[0]}` });
    }
  }
  if (!catalogs['id']) issues.push({ file: join(dir, 'id.yaml'), line: 1, severity: 'error', message: 'the source locale id.yaml is missing' });
  return { catalogs, localeFiles };
}

/**
 * The reference data under flows/data (its own problems, when it cannot be read) and the texts
 * the reminder rules of pengingat.yaml use, checked against the locales.
 */
export async function lintReferenceData(flowsDir: string, files: Pick<FlowFiles, 'catalogs' | 'localeFiles'>, data?: ReferenceData): Promise<LintIssue[]> {
  const dataDir = join(flowsDir, 'data');
  let reminders: ReferenceData['reminders'];
  try {
    reminders = (data ?? await loadReferenceData(dataDir)).reminders;
  } catch (error) {
    if (!(error instanceof FlowError)) throw error;
    return error.issues.map((i) => ({ ...i, severity: 'error' as const }));
  }
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
