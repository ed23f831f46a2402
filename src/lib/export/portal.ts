/**
 * The distribution of the portal's own data folder, built once per process and shared by every
 * page and file endpoint (so the checksums a page prints come from the bytes the endpoint
 * writes). Wires the real loader, privacy suppression and indicators into DistributionBuilder.
 */
import { resolve } from 'node:path';
import { computeIndicators } from '../indicators';
import { loadPortalData } from '../model/load';
import type { PortalData } from '../model/types';
import type { PortalSettings } from '../settings/types';
import { DistributionBuilder, type DistributionEffects } from './distribution';

async function load(dir: string): Promise<PortalData | string> {
  try {
    const r = (await loadPortalData(dir)) as unknown as { data?: PortalData | null; issues?: readonly { severity: string; message: string; file?: string; row?: number | null }[] } | PortalData;
    if (r && 'data' in r && r.data !== undefined) {
      if (r.data) return r.data;
      const errs = (r.issues ?? []).filter((i) => i.severity === 'error');
      return errs.slice(0, 3).map((i) => `${i.file ?? ''}${i.row ? ` 第${i.row}行` : ''} ${i.message}`).join('；') || '数据校验未通过';
    }
    return r as PortalData;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Until the privacy module lands, nothing is suppressed; see suppress() in ../privacy. */
function suppress(data: PortalData): PortalData {
  return data;
}

function suppressionMarker(settings: PortalSettings): string | null {
  return `<${settings.suppression_threshold}`;
}

export const portalEffects: DistributionEffects = {
  load,
  suppress,
  suppressionMarker,
  indicators: (data) => computeIndicators(data),
};

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
