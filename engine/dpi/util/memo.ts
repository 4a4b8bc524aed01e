/**
 * A bounded memo for pure lookups that repeat across flows (the same SNI, the same JA3
 * string, the same server address): thousands of flows ask the same few questions. When
 * full it starts over, which keeps memory bounded without the bookkeeping of an LRU.
 */
export function memoize<K, V>(compute: (key: K) => V, capacity = 8192): (key: K) => V {
  let cache = new Map<K, V>();
  return (key: K): V => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(key);
    if (cache.size >= capacity) cache = new Map();
    cache.set(key, value);
    return value;
  };
}
