import { editDistance, typoBudget } from './fuzzy.ts';
import type { RegionKey } from './region-text.ts';

/** One way of naming a region: its own name, or an alias from wilayah-alias.yaml. */
export interface RegionEntry<R> {
  readonly region: R;
  readonly key: RegionKey;
}

/** How sure a match is; callers try the sure tiers of one list before the loose tier of another. */
export type MatchTier = 'exact' | 'words' | 'fuzzy';

export type EntryMatch<R> =
  | { readonly tier: MatchTier; readonly hits: readonly R[] }
  | { readonly tier: 'none'; readonly hits: readonly []; readonly suggestions: readonly R[] };

/**
 * Finds the regions a typed key names, trying in turn: the same name ("bogor", "jaksel"), the
 * same words in part ("jakarta sel", "kota bogor jawa barat"), then a name within a few typos
 * scaled to its length ("bandunh", "surabya"). A kind typed ("kab.", "kota") narrows the
 * search when anything of that kind matches. Hits are unique regions in entry order.
 */
export function matchEntries<R>(entries: readonly RegionEntry<R>[], typed: RegionKey, tiers: readonly MatchTier[]): EntryMatch<R> {
  if (typed.compact.length === 0) return { tier: 'none', hits: [], suggestions: [] };
  const ofKind = typed.kind === null ? entries : entries.filter((e) => e.key.kind === typed.kind || e.key.kind === null);
  for (const pool of ofKind.length < entries.length ? [ofKind, entries] : [entries]) {
    for (const tier of tiers) {
      const found = tier === 'words' ? wordsOrNearer(pool, typed) : { tier, hits: tier === 'fuzzy' ? nearestOrWordwise(pool, typed) : pool.filter(exact(typed)).map((e) => e.region) };
      if (found.hits.length > 0) return { tier: found.tier, hits: unique(found.hits) };
    }
  }
  return { tier: 'none', hits: [], suggestions: suggest(entries, typed) };
}

const exact = (typed: RegionKey) => (e: RegionEntry<unknown>) => e.key.compact === typed.compact;

/**
 * Names sharing the typed words. A name found inside longer typed text ("bengkulu sellatan"
 * holds "Bengkulu") yields to a name the whole text is a typo of (Bengkulu Selatan): the extra
 * word was most likely a misspelt part of a longer sibling's name, not a stray word.
 */
function wordsOrNearer<R>(pool: readonly RegionEntry<R>[], typed: RegionKey): { tier: MatchTier; hits: R[] } {
  const hits = pool.filter((e) => typedWordsInName(typed, e.key) || nameWordsInTyped(e.key, typed));
  if (hits.some((e) => !typedWordsInName(typed, e.key))) {
    const near = nearest(pool, typed);
    if (near.length > 0) return { tier: 'fuzzy', hits: near };
  }
  return { tier: 'words', hits: hits.map((e) => e.region) };
}

function nearestOrWordwise<R>(pool: readonly RegionEntry<R>[], typed: RegionKey): R[] {
  const near = nearest(pool, typed);
  return near.length > 0 ? near : pool.filter((e) => typedWordsNearName(typed, e.key)).map((e) => e.region);
}

// "kalimantn" is a typo of a word shared by five names: every typed word is near a word of the name.
function typedWordsNearName(typed: RegionKey, name: RegionKey): boolean {
  const long = typed.words.filter((w) => w.length >= 3);
  return long.length > 0 && long.every((w) => name.words.some((n) => {
    const budget = typoBudget(n.length);
    return editDistance(w, n, budget) <= budget;
  }));
}

// The names fewest typos away, each within the budget its length allows ("bandunh" → both Bandungs, not Badung).
function nearest<R>(pool: readonly RegionEntry<R>[], typed: RegionKey): R[] {
  let best = Number.POSITIVE_INFINITY;
  let hits: R[] = [];
  for (const e of pool) {
    const budget = typoBudget(e.key.compact.length);
    const d = editDistance(typed.compact, e.key.compact, Math.min(budget, best));
    if (d > budget || d > best) continue;
    if (d < best) hits = [];
    best = d;
    hits.push(e.region);
  }
  return unique(hits);
}

// "jakarta sel" names "Jakarta Selatan": every typed word of 3+ letters begins a word of it.
function typedWordsInName(typed: RegionKey, name: RegionKey): boolean {
  const long = typed.words.filter((w) => w.length >= 3);
  return long.length > 0 && long.every((w) => name.words.some((n) => n.startsWith(w)));
}

// "bogor jawa barat" contains "Bogor": every word of the name was typed.
function nameWordsInTyped(name: RegionKey, typed: RegionKey): boolean {
  return name.words.length > 0 && name.words.every((n) => typed.words.includes(n)) && name.compact.length >= 3;
}

const MAX_SUGGESTIONS = 3;

function suggest<R>(entries: readonly RegionEntry<R>[], typed: RegionKey): R[] {
  const max = Math.min(6, Math.max(2, Math.ceil(typed.compact.length / 2)));
  const scored = entries
    .map((e) => ({ region: e.region, d: editDistance(typed.compact, e.key.compact, max) }))
    .filter((s) => s.d <= max)
    .sort((a, b) => a.d - b.d);
  return unique(scored.map((s) => s.region)).slice(0, MAX_SUGGESTIONS);
}

function unique<R>(regions: readonly R[]): R[] {
  return [...new Set(regions)];
}
