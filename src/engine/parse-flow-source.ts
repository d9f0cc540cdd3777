import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { flowScriptSchema, SUPPORTED_SPEC, type FlowScript } from './flow-script.ts';
import type { LintIssue } from './lint-issue.ts';
import { yamlSyntaxIssues } from './yaml-syntax-issues.ts';

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
  // The line of the deepest key (or list item) on the path that exists: where an admin looks.
  const lineOf: LineOf = (path) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
    }
    return counter.linePos(offset).line;
  };
  const issues: LintIssue[] = yamlSyntaxIssues(file, doc, counter);
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
