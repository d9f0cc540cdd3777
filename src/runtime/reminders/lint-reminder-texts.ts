import type { ReminderRules } from '../../domain/reminder-rules.ts';
import type { LintIssue } from '../../engine/lint-issue.ts';
import type { Catalogs } from '../../i18n/catalog.ts';
import { placeholdersOf } from '../../i18n/translate.ts';
import { REMINDER_FIXED_TEXTS, REMINDER_PLACEHOLDERS } from './reminder-message.ts';

/** Said by every rule's text, or the linter warns. */
const REMINDER_MUST_SAY = ['tagihan.jumlah', 'tagihan.jatuh_tempo', 'tagihan.kode'] as const;

export interface ReminderTextsSource {
  readonly rules: ReminderRules;
  /** flows/data/pengingat.yaml as the admin knows it. */
  readonly file: string;
  /** Line of a value in that file, 1 when unknown. */
  readonly lineOf: (path: readonly (string | number)[]) => number;
  readonly catalogs: Catalogs;
  readonly localeFiles: Readonly<Record<string, string>>;
  readonly source?: string;
}

/**
 * The reminder texts checked before anything is sent: each rule's locale key is in the source
 * locale (the other locales are held to its keys by lintLocales), and no reminder text uses a
 * placeholder a reminder cannot fill — either would reach thousands of vendors as
 * "[pengingat.x]" or a raw "{tagihan.x}". A text that leaves out the amount, the due date or the
 * code is a warning.
 */
export function lintReminderTexts(input: ReminderTextsSource): LintIssue[] {
  const { rules, file, lineOf, catalogs, localeFiles } = input;
  const source = input.source ?? 'id';
  const sourceFile = localeFiles[source] ?? `${source}.yaml`;
  const issues: LintIssue[] = [];
  const wanted = new Map<string, { readonly allowed: readonly string[]; readonly file: string; readonly line: number; readonly what: string }>();
  // Both lists: the first bill's rules are texts a reminder sends just the same.
  const listed = [
    ...rules.rules.map((rule, i) => ({ rule, path: ['rules', i, 'localeKey'] as const })),
    ...(rules.firstBillRules ?? []).map((rule, i) => ({ rule, path: ['firstBillRules', i, 'localeKey'] as const })),
  ];
  for (const { rule, path } of listed) {
    wanted.set(rule.localeKey, { allowed: REMINDER_PLACEHOLDERS, file, line: lineOf(path), what: `rule ${rule.id}` });
  }
  for (const [key, allowed] of Object.entries(REMINDER_FIXED_TEXTS)) {
    if (!wanted.has(key)) wanted.set(key, { allowed, file: sourceFile, line: 1, what: 'every reminder' });
  }
  // What the issue asks of every reminder: the amount, the due date and the payment code.
  listed.forEach(({ rule, path }) => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const text = catalog[rule.localeKey];
      if (text === undefined) continue;
      const unsaid = REMINDER_MUST_SAY.filter((p) => !text.includes(`{${p}}`));
      if (unsaid.length === 0) continue;
      issues.push({ file: localeFiles[lang] ?? lang, line: 1, severity: 'warning', message: `"${rule.localeKey}" (rule ${rule.id}, ${file}:${lineOf(path)}) does not say {${unsaid.join('}, {')}}: a reminder should give the amount, the due date and the code` });
    }
  });
  for (const [key, need] of wanted) {
    if (catalogs[source]?.[key] === undefined) {
      issues.push({ file: need.file, line: need.line, severity: 'error', message: `${need.what} uses the text "${key}", which is not in ${sourceFile}` });
    }
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const text = catalog[key];
      if (text === undefined) continue;
      const unknown = [...new Set(placeholdersOf(text))].filter((p) => !need.allowed.includes(p));
      if (unknown.length === 0) continue;
      const known = need.allowed.length === 0 ? 'it fills none' : `it fills {${need.allowed.join('}, {')}}`;
      issues.push({ file: localeFiles[lang] ?? lang, line: 1, severity: 'error', message: `"${key}" (${need.what}) uses {${unknown.join('}, {')}}, which a reminder cannot fill: ${known}` });
    }
  }
  return issues;
}
