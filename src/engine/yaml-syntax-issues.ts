import type { Document, LineCounter } from 'yaml';
import type { LintIssue } from './lint-issue.ts';

/**
 * A YAML file's first syntax error at its line and column (from the error's offset: without
 * prettyErrors the parser gives no position of its own), with the parser's message alone. One
 * bad indent makes the parser complain about every line after it, so the rest are only counted.
 */
export function yamlSyntaxIssues(file: string, doc: Pick<Document, 'errors'>, counter: LineCounter): LintIssue[] {
  const [first, ...rest] = doc.errors;
  if (!first) return [];
  const { line, col } = first.linePos?.[0] ?? counter.linePos(first.pos[0]);
  const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const more = rest.length > 0 ? ` (and ${rest.length} more YAML error${rest.length > 1 ? 's' : ''} after it, usually caused by this one)` : '';
  return [{ file, line, column: col, severity: 'error', message: `YAML: ${message}${more}` }];
}
