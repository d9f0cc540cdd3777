import { LineCounter, parseDocument } from 'yaml';
import { flowScriptSchema, SUPPORTED_SPEC, type FlowScript } from './flow-script.ts';
import type { LintIssue } from './lint-issue.ts';

/** Finds the line of a path in the YAML source (e.g. ['states', 'nik', 'next', 0, 'go']). */
export type LineOf = (path: readonly (string | number)[]) => number;

export interface ParsedFlowSource {
  readonly script: FlowScript | null;
  readonly issues: LintIssue[];
  readonly lineOf: LineOf;
}

/** Reads a flow script's YAML text: syntax, spec version and shape, each problem with its line. */
export function parseFlowSource(file: string, text: string): ParsedFlowSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf: LineOf = (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const issues: LintIssue[] = doc.errors.map((e) => ({
    file, line: e.linePos?.[0]?.line ?? 1, severity: 'error' as const, message: `YAML: ${e.message.split('\n')[0]}`,
  }));
  if (issues.length > 0) return { script: null, issues, lineOf };
  const raw: unknown = doc.toJS();
  const spec = (raw as { spec?: unknown } | null)?.spec;
  if (typeof spec === 'number' && spec > SUPPORTED_SPEC) {
    issues.push({ file, line: lineOf(['spec']), severity: 'error', message: `spec ${spec} is newer than this Payung understands (${SUPPORTED_SPEC}); upgrade Payung first` });
    return { script: null, issues, lineOf };
  }
  const parsed = flowScriptSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      issues.push({ file, line: lineOf(path), severity: 'error', message: `${path.join('.') || '(top)'}: ${issue.message}` });
    }
    return { script: null, issues, lineOf };
  }
  return { script: parsed.data, issues, lineOf };
}
