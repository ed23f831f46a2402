/**
 * The distribution of the portal's own data folder, built once per process and shared by every
 * page and file endpoint (so the checksums a page prints come from the bytes the endpoint
 * writes). Wires the real loader, privacy suppression and indicators into DistributionBuilder.
 */
import { resolve } from 'node:path';
import { publishedEffects } from '../publishing/published';
import { DistributionBuilder, type DistributionEffects } from './distribution';

/**
 * The downloads publish exactly what the pages publish: embargoed files withheld, small
 * sensitive counts shown as “<N”, and indicators that cannot give a hidden count back
 * (src/lib/publishing/published.ts — the same three functions getPortal() uses).
 */
export const portalEffects: DistributionEffects = publishedEffects;

const KEY = Symbol.for('edu-portal.distribution');

/** The shared builder for PORTAL_DATA (default data/). */
export function portalDistribution(dataDir = process.env.PORTAL_DATA || 'data'): DistributionBuilder {
  const g = globalThis as unknown as Record<symbol, Map<string, DistributionBuilder> | undefined>;
  const map = (g[KEY] ??= new Map());
  const dir = resolve(dataDir);
  let b = map.get(dir);
  if (!b) {
    b = new DistributionBuilder({ dataDir: dir, effects: portalEffects });
    map.set(dir, b);
  }
  return b;
}
