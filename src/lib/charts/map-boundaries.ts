/**
 * Optional county outlines for the maps: data/boundaries.geojson, a GeoJSON FeatureCollection the
 * bureau may add. Checked gently — a problem is reported in plain Chinese and the map is drawn
 * without the outline concerned (or without outlines), never a failed build.
 *
 *  - each feature: a Polygon or MultiPolygon in longitude/latitude degrees (WGS-84 or GCJ-02, the
 *    same system as the schools' coordinates), and in properties the county's code
 *    (`region_code`, `行政区划代码`, `adcode` or `code`) as in regions.csv;
 *  - exterior rings in either winding order (RFC 7946 or the opposite);
 *  - features of codes not in regions.csv, or without geometry, are left out and named.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';

export const BOUNDARIES_FILE = 'boundaries.geojson';

export interface Boundary {
  readonly code: string;
  readonly geometry: Geometry;
}

export interface Boundaries {
  readonly file: string;
  readonly outlines: readonly Boundary[];
  /** Plain Chinese, one per problem (the file still draws what it can). */
  readonly issues: readonly string[];
}

const CODE_KEYS = ['region_code', '行政区划代码', 'adcode', 'code'];

function inDegrees(g: Geometry): boolean {
  const ok = (c: unknown): boolean => {
    if (!Array.isArray(c)) return false;
    if (typeof c[0] === 'number') return Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[0] as number) <= 180 && Math.abs(c[1] as number) <= 90;
    return c.length > 0 && c.every(ok);
  };
  return g.type === 'Polygon' || g.type === 'MultiPolygon' ? ok(g.coordinates) : false;
}

/** Parse and check the text of boundaries.geojson against the region codes of regions.csv. */
export function parseBoundaries(text: string, file: string, codes: ReadonlySet<string>): Boundaries {
  const issues: string[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { file, outlines: [], issues: [`${file} 不是有效的 JSON（${(e as Error).message}），地图不画县区边界。`] };
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { file, outlines: [], issues: [`${file} 应为 GeoJSON FeatureCollection（"type": "FeatureCollection"，含 features 数组），地图不画县区边界。`] };
  }
  const outlines: Boundary[] = [];
  const seen = new Set<string>();
  fc.features.forEach((f: unknown, i: number) => {
    const feat = f as { properties?: Record<string, unknown> | null; geometry?: Geometry | null };
    const at = `${file} 第${i + 1}个要素`;
    const props = feat?.properties ?? {};
    const key = CODE_KEYS.find((k) => props[k] !== undefined && props[k] !== null && String(props[k]).trim() !== '');
    const code = key ? String(props[key]).trim() : '';
    if (!code) {
      issues.push(`${at}没有县区代码（properties 中的 region_code 或 行政区划代码），已跳过。`);
      return;
    }
    if (!codes.has(code)) {
      issues.push(`${at}的代码 ${code} 不在 regions.csv 中，已跳过。`);
      return;
    }
    const g = feat.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      issues.push(`${at}（${code}）的 geometry 应为 Polygon 或 MultiPolygon，已跳过。`);
      return;
    }
    if (!inDegrees(g)) {
      issues.push(`${at}（${code}）的坐标不是经纬度（经度 −180～180、纬度 −90～90 的十进制度数；投影坐标请先转换），已跳过。`);
      return;
    }
    if (seen.has(code)) {
      issues.push(`${at}：代码 ${code} 重复出现，只用第一个。`);
      return;
    }
    seen.add(code);
    outlines.push({ code, geometry: g });
  });
  return { file, outlines, issues };
}

const cache = new Map<string, Boundaries | null>();

/**
 * data/boundaries.geojson of a data folder, or null when there is none. Read once per folder
 * and file state; each problem is printed once as a warning of the build.
 */
export function loadBoundaries(dataDir: string, codes: ReadonlySet<string>): Boundaries | null {
  const path = join(dataDir, BOUNDARIES_FILE);
  if (!existsSync(path)) return null;
  const st = statSync(path);
  const key = `${path}|${st.mtimeMs}|${st.size}`;
  if (cache.has(key)) return cache.get(key)!;
  const b = parseBoundaries(readFileSync(path, 'utf8'), BOUNDARIES_FILE, codes);
  for (const m of b.issues) console.warn(`提醒：${m}`);
  if (st.size > 2_000_000) console.warn(`提醒：${BOUNDARIES_FILE} 有 ${(st.size / 1e6).toFixed(1)} MB；边界会画进每个县区页面，建议先简化（如 mapshaper 简化到 1 MB 以内）。`);
  cache.set(key, b);
  return b;
}

/** The boundaries of the folder a portal was built from, checked against its region codes. */
export function portalBoundaries(p: { readonly dataDir: string; readonly regionsByCode: ReadonlyMap<string, unknown> }): Boundaries | null {
  return loadBoundaries(p.dataDir, new Set(p.regionsByCode.keys()));
}
