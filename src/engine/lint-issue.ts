/** One problem in a flow script or locale file, with where to find it. Linting never throws. */
export interface LintIssue {
  readonly file: string;
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export function formatIssues(issues: readonly LintIssue[]): string {
  return issues.map((i) => `${i.file}:${i.line}: ${i.severity}: ${i.message}`).join('\n');
}

export function hasErrors(issues: readonly LintIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
