/**
 * data/boundaries.geojson (optional): the county outlines the maps draw. A problem in it never
 * stops publishing — the map is drawn without the outline concerned — but the bureau must hear
 * about it from `npm run validate` like any other data problem: an issue with the file, the
 * feature (its number, counted from 1, in `row`) and the property (in `column`), in Chinese.
 *
 * The rules are the map's (src/lib/charts/map-boundaries.ts): a FeatureCollection; each feature a
 * Polygon or MultiPolygon in longitude/latitude degrees, with the county's code in its properties
 * (`region_code`, `行政区划代码`, `adcode` or `code`) as in regions.csv; a code used once.
 */
import type { Issue } from './issue';
import { makeIssue } from './make-issue';

export const BOUNDARIES_FILE = 'boundaries.geojson';

/** Property names that hold the county code, in the order the map reads them. */
export const BOUNDARY_CODE_KEYS = ['region_code', '行政区划代码', 'adcode', 'code'] as const;

/** Above this the outlines weigh down every county page (they are drawn into each). */
export const BOUNDARIES_MAX_BYTES = 2_000_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where a JSON.parse error is, as “第3行第14个字符附近” (V8 says “… at position 57 (line 3 column 14)”). */
function jsonErrorPlace(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '文件内容不完整或格式有误';
  const pos = Math.min(Number(m[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `第${line}行第${pos - lineStart + 1}个字符附近有格式错误`;
}

function inDegrees(c: unknown): boolean {
  if (!Array.isArray(c)) return false;
  if (typeof c[0] === 'number') return c.length >= 2 && Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[0] as number) <= 180 && Math.abs(c[1] as number) <= 90;
  return c.length > 0 && c.every(inDegrees);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The issues of boundaries.geojson, given its bytes and the region codes of regions.csv.
 * Never throws; every problem is a warning (the site is still published, without that outline).
 */
export function checkBoundaries(bytes: Uint8Array, regionCodes: ReadonlySet<string>, file: string = BOUNDARIES_FILE): Issue[] {
  const issues: Issue[] = [];
  if (bytes.length > BOUNDARIES_MAX_BYTES) {
    issues.push(makeIssue('boundaries-too-large', { file }, { size: `${(bytes.length / 1e6).toFixed(1)} MB` }));
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    issues.push(makeIssue('boundaries-not-json', { file }, { detail: '文件不是 UTF-8 编码（GeoJSON 必须是 UTF-8）' }));
    return issues;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    issues.push(makeIssue('boundaries-not-json', { file }, { detail: text.trim() === '' ? '文件是空的' : jsonErrorPlace(text.replace(/^\uFEFF/, ''), (e as Error).message) }));
    return issues;
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    const what = isObject(doc) && typeof doc.type === 'string' ? `“type”是“${doc.type}”` : '没有“type”: “FeatureCollection”和 features 数组';
    issues.push(makeIssue('boundaries-not-collection', { file, value: isObject(doc) && typeof doc.type === 'string' ? doc.type : null }, { detail: what }));
    return issues;
  }
  const firstOf = new Map<string, number>();
  doc.features.forEach((f: unknown, i: number) => {
    const row = i + 1;
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    const key = BOUNDARY_CODE_KEYS.find((k) => props[k] !== undefined && props[k] !== null && String(props[k]).trim() !== '');
    if (!key) {
      issues.push(makeIssue('boundary-no-code', { file, row, column: 'properties' }, { keys: BOUNDARY_CODE_KEYS.join('、') }));
      return;
    }
    const code = String(props[key]).trim();
    if (!regionCodes.has(code)) {
      issues.push(makeIssue('boundary-unknown-region', { file, row, column: key, value: code }));
      return;
    }
    const g = isObject(f) ? f.geometry : undefined;
    const type = isObject(g) ? g.type : undefined;
    if (!isObject(g) || (type !== 'Polygon' && type !== 'MultiPolygon')) {
      const what = !isObject(g) ? '没有 geometry' : `geometry 的类型是“${String(type)}”`;
      issues.push(makeIssue('boundary-bad-geometry', { file, row, column: 'geometry', value: code }, { detail: what }));
      return;
    }
    if (!inDegrees(g.coordinates)) {
      issues.push(makeIssue('boundary-not-degrees', { file, row, column: 'coordinates', value: code }));
      return;
    }
    const first = firstOf.get(code);
    if (first !== undefined) {
      issues.push(makeIssue('boundary-duplicate', { file, row, column: key, value: code }, { firstRow: first }));
      return;
    }
    firstOf.set(code, row);
  });
  return issues;
}
