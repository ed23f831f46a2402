/**
 * Deterministic randomness for the sample generator. Every draw is keyed by what it is for
 * (seed, school, year, purpose), not by call order, so adding a dataset or a school never
 * changes the numbers of the others, and the output is the same on every machine.
 */

/** mulberry32: a small, fast 32-bit PRNG; good enough for plausible noise. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the keys, then a final avalanche, so nearby keys give unrelated seeds. */
export function hashKeys(...keys: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const k of keys) {
    const s = String(k);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // key separator, so ("ab","c") ≠ ("a","bc")
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One uniform draw in [0, 1) for the given keys. */
export function u(...keys: readonly (string | number)[]): number {
  return mulberry32(hashKeys(...keys))();
}

/** A uniform draw in [lo, hi). */
export function between(lo: number, hi: number, ...keys: readonly (string | number)[]): number {
  return lo + (hi - lo) * u(...keys);
}

/** An integer in [lo, hi] inclusive. */
export function intBetween(lo: number, hi: number, ...keys: readonly (string | number)[]): number {
  return lo + Math.floor((hi - lo + 1) * u(...keys));
}
