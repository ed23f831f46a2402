/**
 * The distribution of the portal's own data folder, built once per process and shared by every
 * page and file endpoint (so the checksums a page prints come from the bytes the endpoint
 * writes). Wires the real loader, privacy suppression and indicators into DistributionBuilder.
 */
import { resolve } from 'node:path';
import { computeIndicators } from '../indicators';
import { loadPortalData } from '../model/load';
import type { PortalData, YearData } from '../model/types';
import { ALL_DATASETS, TOP_LEVEL_DATASETS, YEAR_DATASETS } from '../schema';
import type { PortalSettings } from '../settings/types';
import { DistributionBuilder, type DistributionEffects } from './distribution';

async function load(dir: string): Promise<PortalData | string> {
  const r = await loadPortalData(dir);
  if (!r.readable) return r.issues.map((i) => i.message).join('；') || '数据文件夹无法读取';
  // A release keeps what was published, even if later rules would flag it; the build of the
  // current data/ already stops on errors before any page is rendered.
  return r.data;
}

/**
 * Interim suppression until src/lib/privacy lands (then call it here, so pages and downloads
 * agree): a count in a column the schema marks `sensitive` that is above 0 and below the
 * threshold is published as “<N”. Applied before any file or diff is made, so neither a file
 * nor the changelog reveals the value.
 */
export function suppressSensitive(data: PortalData): PortalData {
  const n = data.settings.suppression_threshold;
  const marker = `<${n}`;
  const sensitive = new Map<string, string[]>();
  for (const d of ALL_DATASETS) {
    const cols = d.columns.filter((c) => c.sensitive).map((c) => c.key);
    if (cols.length) sensitive.set(d.id, cols);
  }
  const fix = (id: string, rows: readonly Record<string, unknown>[] | undefined) => {
    const cols = sensitive.get(id);
    if (!rows || !cols) return rows;
    return rows.map((r) => {
      let out: Record<string, unknown> | null = null;
      for (const k of cols) {
        const v = r[k];
        if (typeof v === 'number' && v > 0 && v < n) (out ??= { ...r })[k] = marker;
      }
      return out ?? r;
    });
  };
  const top = Object.fromEntries(TOP_LEVEL_DATASETS.map((d) => [d.id, fix(d.id, (data as unknown as Record<string, Record<string, unknown>[]>)[d.id])]));
  const years = data.years.map((y) => {
    const out: Record<string, unknown> = { ...y };
    for (const d of YEAR_DATASETS) out[d.id] = fix(d.id, (y as unknown as Record<string, Record<string, unknown>[] | undefined>)[d.id]);
    return out as unknown as YearData;
  });
  return { ...data, ...top, years } as PortalData;
}

function suppress(data: PortalData): PortalData {
  return suppressSensitive(data);
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
