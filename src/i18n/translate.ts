import type { Catalogs } from './catalog.ts';

export type TextParams = Readonly<Record<string, string | number>>;

/**
 * Looks a key up along the language chain (e.g. ['en', 'id']) and fills `{name}` placeholders.
 * A missing key yields the key itself in brackets, so a gap is visible but never crashes a chat;
 * the flow linter stops such gaps before publishing.
 */
export function t(catalogs: Catalogs, languages: readonly string[], key: string, params: TextParams = {}): string {
  for (const lang of languages) {
    const text = catalogs[lang]?.[key];
    if (text !== undefined) return fill(text, params);
  }
  return `[${key}]`;
}

/** Placeholders a text uses, e.g. "Iuran {amount}" → ['amount']. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

const PLACEHOLDER = /\{([a-zA-Z0-9_.]+)\}/g;

function fill(text: string, params: TextParams): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
