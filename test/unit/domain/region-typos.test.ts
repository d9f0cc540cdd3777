import { describe, expect, it } from 'vitest';
import { regionKey } from '../../../src/domain/region-text.ts';
import type { Region, RegionMatch } from '../../../src/domain/regions.ts';
import { realRegionData, realRegionIndex } from './region-fixture.ts';

/**
 * Every province and every regency, typed with one slip in one word (a letter dropped, doubled,
 * replaced by its keyboard neighbour, or two letters swapped), never lands on another region
 * without the vendor saying yes: a typo is either asked back ("…, betul?"), offered among
 * candidates, or not found. The only silent answers allowed are the right region, or a slip
 * that spells another real name or alias exactly (the vendor typed that name).
 */
const data = realRegionData();
const index = realRegionIndex();

// Keyboard neighbours (QWERTY, as on phones): the commonest substitution and insertion slips.
const NEIGHBOUR: Record<string, string> = {
  a: 's', b: 'v', c: 'x', d: 's', e: 'r', f: 'd', g: 'h', h: 'j', i: 'o', j: 'k', k: 'l', l: 'k', m: 'n',
  n: 'm', o: 'p', p: 'o', q: 'w', r: 't', s: 'a', t: 'y', u: 'i', v: 'b', w: 'e', x: 'z', y: 'u', z: 'x',
};

function slipsOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] ?? '';
    out.add(word.slice(0, i) + word.slice(i + 1)); // deletion
    out.add(word.slice(0, i) + ch + word.slice(i)); // insertion (a doubled letter, the commonest)
    out.add(word.slice(0, i) + (NEIGHBOUR[ch] ?? ch) + word.slice(i + 1)); // substitution
    if (i + 1 < word.length) out.add(word.slice(0, i) + (word[i + 1] ?? '') + ch + word.slice(i + 2)); // transposition
  }
  out.delete(word);
  return [...out].filter((w) => w.length > 0);
}

/** The typed text with one slip in each word in turn. */
function typosOf(typed: string): string[] {
  const words = typed.split(' ');
  return words.flatMap((word, i) => slipsOf(word).map((slip) => [...words.slice(0, i), slip, ...words.slice(i + 1)].join(' ')));
}

// Every exact way of naming a region (its name and aliases), to recognise a slip that spells another place.
function exactNames(regions: readonly { code: string; name: string }[], aliases: Readonly<Record<string, string | readonly string[]>>): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (text: string, code: string) => {
    const key = regionKey(text, { keepPoliteWords: true }).compact;
    names.set(key, (names.get(key) ?? new Set()).add(code));
  };
  for (const r of regions) add(r.name, r.code);
  for (const [alias, target] of Object.entries(aliases)) for (const code of typeof target === 'string' ? [target] : target) add(alias, code);
  return names;
}

interface Tally { total: number; offered: number; asked: number; wrongGuess: string[]; silentWrong: string[] }

function check(tally: Tally, target: Region, typo: string, match: RegionMatch, exactTo: (code: string) => boolean): void {
  tally.total++;
  if (match.kind === 'match') {
    if (match.region.code === target.code) tally.offered++;
    else if (!exactTo(match.region.code)) tally.silentWrong.push(`${typo} → ${match.region.name} (meant ${target.name})`);
    return;
  }
  tally.asked++;
  if (match.kind === 'likely') {
    if (match.region.code === target.code) tally.offered++;
    else tally.wrongGuess.push(`${typo} → ${match.region.name}?`);
  }
  if (match.kind === 'ambiguous' && match.candidates.some((c) => c.code === target.code)) tally.offered++;
}

describe('one-letter typos of every region', () => {
  it('never store another regency of the chosen province without asking (514 regencies)', () => {
    const names = exactNames(data.regencies, data.aliases.regencies);
    const tally: Tally = { total: 0, offered: 0, asked: 0, wrongGuess: [], silentWrong: [] };
    for (const r of index.provinces.flatMap((p) => index.regenciesOf(p.code))) {
      const key = regionKey(r.name);
      const typed = `${key.kind === 'kota' ? 'kota ' : ''}${key.words.join(' ')}`;
      for (const typo of typosOf(typed)) {
        const match = index.matchRegency(typo, r.provinceCode);
        check(tally, r, typo, match, (code) => [regionKey(typo, { keepPoliteWords: true }), regionKey(typo, { keepKind: true })].some((k) => names.get(k.compact)?.has(code) === true));
      }
    }
    expect(index.provinces.flatMap((p) => index.regenciesOf(p.code))).toHaveLength(514);
    expect(tally.silentWrong).toEqual([]);
    // The guess asked back is nearly always the place meant, and the place meant is nearly always offered.
    expect(tally.wrongGuess.length / tally.total).toBeLessThan(0.02);
    expect(tally.offered / tally.total).toBeGreaterThan(0.9);
  });

  it('never store another province without asking (38 provinces)', () => {
    const names = exactNames([...data.provinces, ...data.regencies], { ...data.aliases.provinces, ...data.aliases.regencies });
    const tally: Tally = { total: 0, offered: 0, asked: 0, wrongGuess: [], silentWrong: [] };
    for (const p of index.provinces) {
      for (const typo of typosOf(p.name.toLowerCase())) {
        const match = index.matchProvince(typo);
        // A slip that spells a regency exactly ("bangka") answers with that regency's province.
        check(tally, p, typo, match, (code) => [...(names.get(regionKey(typo, { keepPoliteWords: true }).compact) ?? [])].some((c) => c === code || c.startsWith(`${code}.`)));
      }
    }
    expect(tally.silentWrong).toEqual([]);
    expect(tally.wrongGuess.length / tally.total).toBeLessThan(0.02);
    expect(tally.offered / tally.total).toBeGreaterThan(0.9);
  });
});
