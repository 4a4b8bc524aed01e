/** "Did you mean" support: names closest to a misspelt one. */
import { editDistance } from '../edit-distance';

export { editDistance };

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
