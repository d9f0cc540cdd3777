import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { FlowError } from '../lib/errors.ts';
import { occupationFileSchema } from '../domain/occupations.ts';
import { rateTableSchema } from '../domain/rate-table.ts';
import { reminderRulesSchema } from '../domain/reminder-rules.ts';
import type { ReferenceData } from '../domain/reference-data-types.ts';
import { buildRegionIndex } from '../domain/regions.ts';

type Issue = { file: string; line: number; message: string };

/**
 * Reads the reference data once at start: provinces and regencies from idn-area-data (Kemendagri
 * codes; data ODbL), and flows/data/{iuran,pekerjaan,wilayah-alias,pengingat}.yaml. Every problem found is
 * collected with its file and line, then thrown together as one FlowError.
 */
export async function loadReferenceData(flowsDataDir = 'flows/data'): Promise<ReferenceData> {
  const issues: Issue[] = [];
  const areaDir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  const provinces = await readCsv(join(areaDir, 'provinces.csv'), ['code', 'name'], issues);
  const regencies = (await readCsv(join(areaDir, 'regencies.csv'), ['code', 'province_code', 'name'], issues))
    .map((r) => ({ code: r.code ?? '', provinceCode: r.province_code ?? '', name: r.name ?? '' }));
  const rates = (await readYaml(join(flowsDataDir, 'iuran.yaml'), rateTableSchema, issues))?.data;
  const occupationFile = (await readYaml(join(flowsDataDir, 'pekerjaan.yaml'), occupationFileSchema, issues))?.data;
  const aliasFile = await readYaml(join(flowsDataDir, 'wilayah-alias.yaml'), aliasFileSchema, issues);
  const reminders = (await readYaml(join(flowsDataDir, 'pengingat.yaml'), reminderRulesSchema, issues))?.data;
  const aliases = aliasFile?.data;
  const provinceList = provinces.map((p) => ({ code: p.code ?? '', name: p.name ?? '' }));
  if (aliasFile) checkAliases(aliasFile, provinceList, regencies, issues);
  if (issues.length > 0 || !rates || !occupationFile || !aliases || !reminders) {
    throw new FlowError(`the reference data in ${flowsDataDir} has ${issues.length} problem(s)`, issues);
  }
  return {
    regions: buildRegionIndex({ provinces: provinceList, regencies, aliases }),
    provinces: provinceList,
    regencies,
    occupations: occupationFile.occupations,
    rates,
    reminders,
    provinceCodes: new Set(provinceList.map((p) => p.code)),
    regencyCodes: new Set(regencies.map((r) => r.code)),
  };
}

const code = z.string().regex(/^\d{2}(\.\d{2})?$/, 'expected a code like "32" or "31.74"');
const aliasFileSchema = z.object({
  provinces: z.record(z.string().min(1), z.union([code, z.array(code).min(1)])).default({}),
  regencies: z.record(z.string().min(1), z.union([code, z.array(code).min(1)])).default({}),
});

function checkAliases(aliases: YamlFile<z.infer<typeof aliasFileSchema>>, provinces: { code: string }[], regencies: { code: string }[], issues: Issue[]): void {
  const known = { provinces: new Set(provinces.map((p) => p.code)), regencies: new Set(regencies.map((r) => r.code)) };
  for (const kind of ['provinces', 'regencies'] as const) {
    for (const [alias, targets] of Object.entries(aliases.data[kind])) {
      for (const target of typeof targets === 'string' ? [targets] : targets) {
        if (known[kind].has(target)) continue;
        const message = `${kind}.${alias}: no ${kind === 'provinces' ? 'province' : 'regency'} has code ${target}`;
        issues.push({ file: aliases.file, line: aliases.lineOf([kind, alias]), message });
      }
    }
  }
}

interface YamlFile<T> {
  readonly file: string;
  readonly data: T;
  /** Line of the value at a path, 1 when unknown. */
  lineOf(path: readonly PropertyKey[]): number;
}

async function readYaml<S extends z.ZodType>(file: string, schema: S, issues: Issue[]): Promise<YamlFile<z.infer<S>> | null> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    issues.push({ file, line: 1, message: `cannot read: ${String(error)}` });
    return null;
  });
  if (text === null) return null;
  const { doc, lineOf } = parseWithLines(text);
  for (const e of doc.errors) issues.push({ file, line: e.linePos?.[0]?.line ?? 1, message: `YAML: ${e.message.split('\n')[0]}` });
  if (doc.errors.length > 0) return null;
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { file, data: parsed.data, lineOf };
  for (const issue of parsed.error.issues) {
    issues.push({ file, line: lineOf(issue.path), message: `${issue.path.join('.') || '(top)'}: ${issue.message}` });
  }
  return null;
}

function parseWithLines(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (path: readonly PropertyKey[]): number => {
    const node = doc.getIn(path as (string | number)[], true) as { range?: [number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  return { doc, lineOf };
}

/** The line of each value in a YAML file, for a later check's messages (1 when unknown or unreadable). */
export async function yamlLines(file: string): Promise<(path: readonly PropertyKey[]) => number> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? () => 1 : parseWithLines(text).lineOf;
}

/** A small CSV reader: a header row, commas, and "quoted" fields with "" for a quote. */
async function readCsv(file: string, columns: readonly string[], issues: Issue[]): Promise<Record<string, string>[]> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    issues.push({ file, line: 1, message: `cannot read: ${String(error)}` });
    return '';
  });
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '').map(splitCsvLine);
  const header = rows[0] ?? [];
  if (text !== '' && columns.some((c, i) => header[i] !== c)) {
    issues.push({ file, line: 1, message: `expected columns ${columns.join(',')}, found ${header.join(',')}` });
    return [];
  }
  return rows.slice(1).flatMap((cells, i) => {
    if (cells.length !== columns.length) {
      issues.push({ file, line: i + 2, message: `expected ${columns.length} fields, found ${cells.length}` });
      return [];
    }
    return [Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()]))];
  });
}

function splitCsvLine(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '')));
}
