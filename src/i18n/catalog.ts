/**
 * Locale catalogues: flat maps from dotted keys to texts, one per language. `locales/id.yaml`
 * is the source language; every other locale must have the same keys (the flow linter checks).
 */
export type Catalog = Readonly<Record<string, string>>;
export type Catalogs = Readonly<Record<string, Catalog>>;

/** Flattens nested YAML objects ({ a: { b: 'x' } }) into { 'a.b': 'x' }. Non-string leaves are refused. */
export interface CatalogProblem {
  /** Where in the YAML tree, e.g. ['sistem', 'kosong']. */
  readonly path: readonly string[];
  readonly message: string;
}

export function flattenCatalog(tree: unknown, prefix = ''): { catalog: Record<string, string>; problems: CatalogProblem[] } {
  const catalog: Record<string, string> = {};
  const problems: CatalogProblem[] = [];
  walk(tree, prefix, catalog, problems);
  return { catalog, problems };
}

function walk(node: unknown, prefix: string, out: Record<string, string>, problems: CatalogProblem[]): void {
  if (typeof node === 'string') {
    out[prefix] = node;
    return;
  }
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k, out, problems);
    return;
  }
  problems.push({ path: prefix ? prefix.split('.') : [], message: `${prefix || '(root)'}: expected a text or a group of texts` });
}
