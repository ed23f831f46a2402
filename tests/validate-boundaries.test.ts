/**
 * data/boundaries.geojson (optional county outlines for the maps): `npm run validate` reports
 * its problems like any CSV problem — file, feature number, property, a Chinese message — as
 * warnings (the site is still published, without the outline concerned). Before, the validator
 * called the file “不属于任何数据集，不会被发布” and its real problems only appeared in the
 * build log.
 */
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateDataDir } from '../src/lib/model/load';
import { formatGithub, formatText } from '../src/lib/validate/report';
import { fixtureCopy } from './fixture-dir';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function folder(boundaries: string | Uint8Array | null) {
  const f = fixtureCopy('minimal', boundaries === null ? {} : { 'boundaries.geojson': boundaries });
  cleanups.push(f.cleanup);
  return f.dir;
}

/** A small square around (lon, lat), counter-clockwise as RFC 7946 writes it. */
const square = (lon: number, lat: number) => [[[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]]];
const feature = (properties: Record<string, unknown> | null, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 1);
const boundaryIssues = async (dir: string) => (await validateDataDir(dir)).issues.filter((i) => i.file === 'boundaries.geojson');

describe('boundaries.geojson in npm run validate', () => {
  it('a good file: no issue at all (and no “unknown file” warning)', async () => {
    const dir = folder(collection(feature({ region_code: '990101' }, { type: 'Polygon', coordinates: square(114.2, 30.5) })));
    const r = await validateDataDir(dir);
    expect(r.issues.filter((i) => i.file === 'boundaries.geojson')).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('each bad feature: its number, the property, the code, and what the map does with it, in Chinese', async () => {
    const dir = folder(
      collection(
        feature({ region_code: '990101' }, { type: 'Polygon', coordinates: square(114.2, 30.5) }),
        feature({ adcode: 990199 }, { type: 'Polygon', coordinates: square(114.0, 30.3) }),
        feature({ name: '测试县' }, { type: 'Polygon', coordinates: square(114.0, 30.3) }),
        feature({ 行政区划代码: '990100' }, { type: 'Point', coordinates: [114, 30] }),
        feature({ region_code: '990000' }, { type: 'Polygon', coordinates: [[[12_700_000, 3_500_000], [12_800_000, 3_500_000], [12_800_000, 3_600_000], [12_700_000, 3_500_000]]] }),
        feature({ code: '990101' }, { type: 'MultiPolygon', coordinates: [square(114.2, 30.5)] }),
        feature(null, null),
      ),
    );
    const issues = await boundaryIssues(dir);
    expect(issues.map((i) => [i.row, i.column, i.value, i.code, i.severity])).toEqual([
      [2, 'adcode', '990199', 'boundary-unknown-region', 'warning'],
      [3, 'properties', null, 'boundary-no-code', 'warning'],
      [4, 'geometry', '990100', 'boundary-bad-geometry', 'warning'],
      [5, 'coordinates', '990000', 'boundary-not-degrees', 'warning'],
      [6, 'code', '990101', 'boundary-duplicate', 'warning'],
      [7, 'properties', null, 'boundary-no-code', 'warning'],
    ]);
    expect(issues[0].message).toBe('boundaries.geojson 第2个要素的县区代码“990199”（属性 adcode）不在 regions.csv 中，这个要素不画在地图上。');
    expect(issues[2].message).toContain('geometry 的类型是“Point”');
    expect(issues[3].message).toContain('不是经纬度');
    expect(issues[4].message).toContain('与第1个要素重复');
    // Warnings: the site is still published (the map without those outlines).
    expect((await validateDataDir(dir)).ok).toBe(true);
    // The text report names the feature and the property, not a “row” and a “column”.
    const text = formatText(issues, dir);
    expect(text).toContain('［第2个要素，属性 adcode］');
    expect(text).not.toMatch(/第\d+行/);
    // A pull-request annotation points at the file (feature 2 is not line 2 of the file).
    const gh = formatGithub(issues, 'data', dir).split('\n')[0];
    expect(gh).toMatch(/^::warning file=data\/boundaries\.geojson,title=boundary-unknown-region 第2个要素，属性 adcode::/);
    expect(gh).not.toContain('line=');
  });

  it('not JSON: where the mistake is, in Chinese (no English parser text), one warning', async () => {
    const broken = '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature",, "properties": {}}\n  ]\n}\n';
    const issues = await boundaryIssues(folder(broken));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'boundaries-not-json', severity: 'warning', row: null });
    expect(issues[0].message).toMatch(/^boundaries\.geojson 不是有效的 GeoJSON：第4行第\d+个字符附近有格式错误。/);
    expect(issues[0].message).not.toMatch(/[A-Za-z]{4,} (in|at) /);
  });

  it('an empty file, a GBK file, a single Feature instead of a collection', async () => {
    expect((await boundaryIssues(folder('')))[0].message).toContain('文件是空的');
    const gbk = new Uint8Array([0x7b, 0x22, 0xc4, 0xcf, 0x22, 0x3a, 0x31, 0x7d]); // {"南":1} in GBK
    expect((await boundaryIssues(folder(gbk)))[0].message).toContain('不是 UTF-8 编码');
    const single = await boundaryIssues(folder(JSON.stringify(feature({ region_code: '990101' }, { type: 'Polygon', coordinates: square(114.2, 30.5) }))));
    expect(single.map((i) => i.code)).toEqual(['boundaries-not-collection']);
    expect(single[0].message).toContain('“type”是“Feature”');
  });

  it('a link out of the data folder is refused like a CSV one, its content never quoted', async () => {
    const dir = folder(null);
    const outside = join(dir, '..', `outside-${process.pid}.geojson`);
    writeFileSync(outside, '{"secret": "不要出现在报告里"}');
    cleanups.push(() => spawnSync('rm', ['-f', outside]));
    symlinkSync(outside, join(dir, 'boundaries.geojson'));
    const r = await validateDataDir(dir);
    const issues = r.issues.filter((i) => i.file === 'boundaries.geojson');
    expect(issues.map((i) => i.code)).toEqual(['link-outside-data']);
    expect(JSON.stringify(r.issues)).not.toContain('不要出现在报告里');
  });
});
