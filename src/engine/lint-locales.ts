import type { Catalogs } from '../i18n/catalog.ts';
import { placeholdersOf } from '../i18n/translate.ts';
import type { LintIssue } from './lint-issue.ts';

/** Every locale must have the source language's keys, with the same placeholders. */
export function lintLocales(catalogs: Catalogs, localeFiles: Readonly<Record<string, string>>, source = 'id'): LintIssue[] {
  const issues: LintIssue[] = [];
  const reference = catalogs[source] ?? {};
  for (const [lang, catalog] of Object.entries(catalogs)) {
    if (lang === source) continue;
    const file = localeFiles[lang] ?? lang;
    for (const [key, text] of Object.entries(reference)) {
      const translated = catalog[key];
      if (translated === undefined) {
        issues.push({ file, line: 1, severity: 'error', message: `missing "${key}" (present in ${localeFiles[source] ?? source})` });
        continue;
      }
      const expected = new Set(placeholdersOf(text));
      const missing = [...expected].filter((p) => !translated.includes(`{${p}}`));
      if (missing.length > 0) issues.push({ file, line: 1, severity: 'warning', message: `"${key}" does not use {${missing.join('}, {')}}` });
    }
    for (const key of Object.keys(catalog)) {
      if (!(key in reference)) issues.push({ file, line: 1, severity: 'warning', message: `"${key}" is not in ${localeFiles[source] ?? source}` });
    }
  }
  return issues;
}
