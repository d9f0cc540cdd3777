import { placeholdersOf, t } from '../i18n/translate.ts';
import { views } from './views/index.ts';
import type { ViewArgs } from './views/view.ts';

/**
 * A locale text with its placeholders filled: first from the vendor's answers as shown back
 * (`{nama}`), then from views (`{iuran.dasar}`), computed only when the text uses them.
 */
export function renderText(key: string, args: ViewArgs, extra: Record<string, string | number> = {}): string {
  const raw = t(args.env.catalogs, args.languages, key);
  const params: Record<string, string | number> = { ...extra };
  const computed = new Map<string, Record<string, string>>();
  for (const name of placeholdersOf(raw)) {
    if (name in params) continue;
    const shown = args.context.shown[name];
    if (shown !== undefined) {
      params[name] = shown;
      continue;
    }
    const prefix = name.split('.')[0] ?? name;
    const view = views.get(prefix);
    if (!view) continue;
    if (!computed.has(prefix)) computed.set(prefix, view.render(args));
    const value = computed.get(prefix)?.[name];
    if (value !== undefined) params[name] = value;
  }
  return t(args.env.catalogs, args.languages, key, params);
}
