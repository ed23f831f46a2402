/** The region tree (regions.csv): which counties each city or province covers. */
import type { RegionRow } from '../schema';
import type { RegionLevel } from './types';

export interface RegionTree {
  readonly regions: readonly RegionRow[];
  /** County codes under a region (itself for a county), sorted. */
  countiesUnder(code: string): readonly string[];
  get(code: string): RegionRow | undefined;
  level(code: string): RegionLevel;
}

export function regionTree(regions: readonly RegionRow[]): RegionTree {
  const byCode = new Map(regions.map((r) => [r.region_code, r] as const));
  const children = new Map<string, string[]>();
  for (const r of regions) {
    if (!r.parent_code) continue;
    const l = children.get(r.parent_code);
    if (l) l.push(r.region_code);
    else children.set(r.parent_code, [r.region_code]);
  }
  const cache = new Map<string, string[]>();
  const under = (code: string, seen = new Set<string>()): string[] => {
    const hit = cache.get(code);
    if (hit) return hit;
    if (seen.has(code)) return [];
    seen.add(code);
    const r = byCode.get(code);
    const out = r?.level === 'county' ? [code] : (children.get(code) ?? []).flatMap((c) => under(c, seen));
    const sorted = [...new Set(out)].sort();
    cache.set(code, sorted);
    return sorted;
  };
  return {
    regions,
    countiesUnder: (code) => under(code),
    get: (code) => byCode.get(code),
    level: (code) => byCode.get(code)?.level ?? 'county',
  };
}
