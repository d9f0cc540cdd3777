/**
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), counted in code points. With `max`, gives up early and returns `max + 1` as soon
 * as the distance must exceed it, so matching a long input against many names stays cheap.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = codePoints(a);
  const t = codePoints(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s.length === 0 || t.length === 0) return Math.max(s.length, t.length);

  // Only cells within `max` of the diagonal can stay within `max` (Ukkonen's band).
  const band = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : t.length + s.length;
  const width = t.length + 1;
  const far = s.length + t.length + 1;
  let prevPrev = new Int32Array(width).fill(far);
  let prev = new Int32Array(width).fill(far);
  let row = new Int32Array(width).fill(far);
  for (let j = 0; j < width && j <= band; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(t.length, i + band);
    row.fill(far);
    if (i <= band) row[0] = i;
    let rowMin = row[0]!;
    for (let j = from; j <= to; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // Row minima never decrease, so once every cell is over the limit the result is too.
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  const result = prev[t.length]!;
  return result > max ? max + 1 : result;
}

/**
 * How many typos a word of this length may carry and still be recognised. Short words get none:
 * "ga" and "ya" are one edit apart, and so are "bima" and "lima".
 */
export function typoBudget(length: number): number {
  if (length < 4) return 0;
  if (length <= 5) return 1;
  if (length <= 10) return 2;
  return 3;
}

// Strings of plain BMP text index as they are; only astral characters need splitting.
function codePoints(text: string): string | string[] {
  return /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : text;
}
