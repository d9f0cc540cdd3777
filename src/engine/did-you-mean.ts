import { editDistance } from '../domain/fuzzy.ts';

/**
 * " (did you mean "nik"?)" for a name an admin mistyped, or '' when nothing known is close: a
 * third of the name's length in edits, at least one, at most three.
 */
export function didYouMean(name: string, known: Iterable<string>): string {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), limit);
    if (distance <= limit && (best === null || distance < best.distance)) best = { candidate, distance };
  }
  return best ? ` (did you mean "${best.candidate}"?)` : '';
}
