/** One problem in a flow script or locale file, with where to find it. Linting never throws. */
export interface LintIssue {
  readonly file: string;
  readonly line: number;
  /** 1-based, when known (YAML syntax errors): editors jump to file:line:column. */
  readonly column?: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export function formatIssues(issues: readonly LintIssue[]): string {
  return issues.map((i) => `${i.file}:${i.line}${i.column ? `:${i.column}` : ''}: ${i.severity}: ${i.message}`).join('\n');
}

export function hasErrors(issues: readonly LintIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
