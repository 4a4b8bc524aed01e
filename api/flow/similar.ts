/** "Did you mean" support: names closest to a misspelt one. */

/** Levenshtein distance, stopping early once it exceeds `cap` (then returns cap + 1). */
export function editDistance(a: string, b: string, cap = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Up to `limit` candidates closest to `name`, case ignored: a case-only difference first, then by
 * edit distance (at most `maxDistance`, by default a third of the name's length, at least 2), ties
 * in candidate order. The name itself is never suggested.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3, maxDistance?: number): string[] {
  const folded = name.toLowerCase();
  const cap = maxDistance ?? Math.max(2, Math.floor(name.length / 3));
  const scored: { candidate: string; distance: number; order: number }[] = [];
  let order = 0;
  for (const candidate of candidates) {
    order++;
    if (candidate === name) continue;
    const distance = editDistance(folded, candidate.toLowerCase(), cap);
    if (distance <= cap) scored.push({ candidate, distance, order });
  }
  scored.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return [...new Set(scored.map((s) => s.candidate))].slice(0, Math.max(0, limit));
}
