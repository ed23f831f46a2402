/**
 * The map (src/lib/charts/map.ts, map-boundaries.ts, src/lib/views/map.ts): schools placed from
 * their coordinates with a shape per verdict, nothing fetched from another host, closed schools
 * and schools without coordinates named, and the optional boundaries file checked gently.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geoArea } from 'd3-geo';
import { runPipeline } from '../src/lib/pipeline';
import { mapSvg, marker, rewound } from '../src/lib/charts/map';
import { parseBoundaries } from '../src/lib/charts/map-boundaries';
import { countyMap, MAP_CATEGORIES, mapCsv, mapView } from '../src/lib/views/map';
import { cellText } from '../src/lib/views/types';
import { layoutProblems } from '../src/lib/charts/geometry';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
const codes = new Set(['990101', '990102', '990103']);
// A 0.1° square around 青禾区's schools, exterior ring counter-clockwise as RFC 7946 asks.
const square = (x0: number, y0: number, d = 0.1) => [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]];

describe('map of the sample', () => {
  const v = mapView(portal, null);

  it('34 open schools with coordinates; the closed 溪口村小学 is left out and said so', () => {
    // schools.csv: 35 schools, 2199020006 已撤并; every school has coordinates.
    expect(v.table.rows).toHaveLength(34);
    expect(v.table.rows.map((r) => cellText(r[0]))).not.toContain('云溪县溪口村小学');
    expect(v.notes).toContain('已撤并的学校（1所）不在地图上。');
    expect(v.notes.some((n) => n.includes('未提供县区边界文件'))).toBe(true);
  });

  it('one marker per school, a link to its page, shaped by verdict; no other host', () => {
    const svg = v.region.svg;
    expect(svg.match(/class="map-point"/g)).toHaveLength(34);
    expect(svg).toContain('href="/schools/2199010001/"');
    expect(svg).not.toMatch(/https?:\/\//.source.replace('https?', 'https?(?!://www\\.w3\\.org)'));
    // 青禾区实验小学 fails → triangle (path) in vermillion; 红杉小学 passes → blue circle.
    const at = (id: string) => new RegExp(`href="/schools/${id}/"[^>]*><title>[^<]*</title><(\\w+)[^>]*fill="([^"]+)"`).exec(svg)?.slice(1);
    expect(at('2199010001')).toEqual(['path', '#D55E00']);
    expect(at('2199010002')).toEqual(['circle', '#0072B2']);
    // Special-education school and the small teaching point: hollow diamond (白 fill, grey stroke).
    expect(at('5199030012')).toEqual(['path', '#fff']);
  });

  it('at city scale no two markers overlap (each county’s schools sit a few hundred metres apart)', () => {
    // Every marker's centre: circle cx/cy, square x/y + r·0.9, triangle/diamond the path's first
    // point is its top (x, y − 1.15r / 1.2r). r = 6 (34 schools); markers reach at most 1.25 r.
    const centres = [...v.region.svg.matchAll(/class="map-point"><title>[^<]*<\/title><(circle|rect|path) ([^>]*)>/g)].map((m) => {
      const a = m[2];
      if (m[1] === 'circle') return [Number(/cx="([\d.]+)"/.exec(a)![1]), Number(/cy="([\d.]+)"/.exec(a)![1])];
      if (m[1] === 'rect') return [Number(/x="([\d.]+)"/.exec(a)![1]) + 5.4, Number(/y="([\d.]+)"/.exec(a)![1]) + 5.4];
      const [x, y] = /d="M([\d.]+),([\d.]+)/.exec(a)!.slice(1).map(Number);
      return [x, y + (/L[\d.]+,[\d.]+L[\d.]+,[\d.]+L/.test(a) ? 7.2 : 6.9)];
    });
    expect(centres).toHaveLength(34);
    for (let i = 0; i < centres.length; i++)
      for (let j = i + 1; j < centres.length; j++) expect(Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1])).toBeGreaterThanOrEqual(2 * 6 * 1.25);
    // a moved marker is tied to its true place by a thin line
    expect(v.region.svg).toContain('<g class="map-leaders" aria-hidden="true"><line');
    expect(v.region.svg).toContain('>细线和小点：挪开以免重叠的标记的实际位置</text>');
  });

  it('no label on a map crosses a marker, a line or another label (region and county maps)', () => {
    for (const svg of [v.region.svg, v.regionWide, ...v.counties.map((c) => c.chart.svg)]) expect(layoutProblems(svg).map((x) => `${x.text} × ${x.with}`)).toEqual([]);
  });

  it('a desktop drawing of the region map (880 wide): the same schools and county names, its own ids', () => {
    expect(v.regionWide).toMatch(/^<svg [^>]*viewBox="0 0 880 \d+"/);
    expect(v.regionWide.match(/class="map-point"/g)).toHaveLength(34);
    expect(v.regionWide.match(/class="map-group"/g)).toHaveLength(3);
    expect(v.regionWide).toContain('<title id="map-region-w-t">');
  });

  it('each county’s cluster is named with its count and links to that county’s section below: its map and its schools', () => {
    for (const [code, name, count] of [['990101', '青禾区', 11], ['990102', '云溪县', 11], ['990103', '石湾区', 12]] as const) {
      expect(v.region.svg).toMatch(new RegExp(`<a href="#county-${code}" class="map-group"><text [^>]*>${name}（${count}所）›</text></a>`));
      const c = v.counties.find((x) => x.name === name)!;
      expect([c.anchor, c.count, c.chart.id]).toEqual([`county-${code}`, count, `map-${code}`]);
    }
  });

  it('a parent finds their school on a phone: each county lists its schools (name → page, stage, verdict in words), as blocks', () => {
    const q = v.counties.find((c) => c.name === '青禾区')!.schools;
    expect(q.layout).toBe('stack');
    expect(q.columns.map((c) => c.label)).toEqual(['学校', '学段', '结论']);
    expect(q.rows).toHaveLength(11);
    expect(q.rows[0]).toEqual([{ text: '青禾区实验小学', href: '/schools/2199010001/' }, '小学', { text: '✗ 未达到要求', verdict: 'unmet' }]);
    // the closed school is not listed; every school of the map is in exactly one county list
    expect(v.counties.flatMap((c) => c.schools.rows.map((r) => cellText(r[0])))).toHaveLength(34);
  });

  it('the table says the verdict in words and gives the coordinates; it is the CSV', () => {
    const row = v.table.rows.find((r) => cellText(r[0]) === '青禾区实验小学')!.map(cellText);
    expect(row).toEqual(['青禾区实验小学', '青禾区', '小学', '✗ 未达到要求', '30.615', '114.293']);
    const csv = mapCsv(portal, null).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('学校,县区,学段,结论,纬度,经度');
    expect(csv[1]).toBe('青禾区实验小学,青禾区,小学,✗ 未达到要求,30.615,114.293');
  });

  it('the legend explains every shape on the map, in words', () => {
    for (const c of MAP_CATEGORIES.slice(0, 2)) expect(v.region.svg).toContain(`>${c.label}</text>`);
    expect(v.region.svg).toContain('>不参加评估（特教学校、小教学点）</text>');
  });

  it('fits a 360-unit viewBox (a 390 px phone); a long legend label gets a row of its own, not clipped', () => {
    expect(/viewBox="0 0 360 \d+"/.test(v.region.svg)).toBe(true);
    // “不参加评估（特教学校、小教学点）” is 16 characters ≈ 192 units: more than half of 360.
    // 石湾区: ● and ◇ only — the ◇ label would be second on its row.
    const xs = [...countyMap(portal, '990103', null)!.svg.matchAll(/<text x="([\d.]+)"[^>]*>([^<]+)<\/text>/g)].map((m) => [Number(m[1]), m[2]] as const);
    for (const [x, label] of xs) expect(x + [...label].length * 12, label).toBeLessThanOrEqual(360);
  });

  it('a county map: the county’s schools only, with its own CSV', () => {
    const c = countyMap(portal, '990101', null)!;
    expect(c.table.rows).toHaveLength(11);
    expect(c.csv).toBe('/counties/990101/chart-map.csv');
  });
});

describe('boundaries.geojson', () => {
  it('reads codes from region_code / 行政区划代码 / adcode and skips what it cannot use, in Chinese', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { region_code: '990101' }, geometry: { type: 'Polygon', coordinates: square(114.25, 30.58) } },
        { type: 'Feature', properties: { adcode: 990102 }, geometry: { type: 'Polygon', coordinates: square(114.0, 30.38) } },
        { type: 'Feature', properties: { 行政区划代码: '990199' }, geometry: { type: 'Polygon', coordinates: square(1, 1) } },
        { type: 'Feature', properties: { region_code: '990103' }, geometry: { type: 'Polygon', coordinates: [[[12_700_000, 3_500_000], [12_800_000, 3_500_000], [12_800_000, 3_600_000], [12_700_000, 3_500_000]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [114, 30] } },
      ],
    });
    const b = parseBoundaries(text, 'boundaries.geojson', codes);
    expect(b.outlines.map((o) => o.code)).toEqual(['990101', '990102']);
    expect(b.issues).toEqual([
      'boundaries.geojson 第3个要素的代码 990199 不在 regions.csv 中，已跳过。',
      'boundaries.geojson 第4个要素（990103）的坐标不是经纬度（经度 −180～180、纬度 −90～90 的十进制度数；投影坐标请先转换），已跳过。',
      'boundaries.geojson 第5个要素没有县区代码（properties 中的 region_code 或 行政区划代码），已跳过。',
    ]);
  });

  it('not JSON, or not a FeatureCollection: one message, no outlines, no crash', () => {
    expect(parseBoundaries('{', 'b.geojson', codes).issues[0]).toMatch(/^b\.geojson 不是有效的 JSON/);
    expect(parseBoundaries('{"type":"Feature"}', 'b.geojson', codes).issues[0]).toMatch(/FeatureCollection/);
  });

  it('a counter-clockwise ring (RFC 7946) is turned so it means the county, not the rest of the globe', () => {
    const ccw = { type: 'Polygon' as const, coordinates: square(114.25, 30.58) };
    const cw = { type: 'Polygon' as const, coordinates: [[...square(114.25, 30.58)[0]].reverse()] };
    const small = (g: Parameters<typeof geoArea>[0]) => geoArea(g) < 0.01;
    expect(small(rewound(ccw))).toBe(true);
    expect(small(rewound(cw))).toBe(true);
  });

  it('outlines are drawn (county in focus stronger) and the view fits them', () => {
    const b = parseBoundaries(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { region_code: '990101' }, geometry: { type: 'Polygon', coordinates: square(114.25, 30.58) } }] }), 'boundaries.geojson', codes);
    const c = countyMap(portal, '990101', b)!;
    expect(c.svg).toMatch(/<path d="M[\d.,LMZ-]+" fill="#eef3f8" stroke="#1d2733"[^>]*><title>青禾区<\/title>/);
    const v = mapView(portal, b);
    expect(v.notes).toContain('县区边界来自 boundaries.geojson（教育局提供）。');
  });
});

describe('markers', () => {
  it('four distinct shapes', () => {
    const tags = (['circle', 'triangle', 'square', 'diamond'] as const).map((s) => /^<(\w+)/.exec(marker(s, 0, 0, 5, '#000'))![1]);
    expect(tags).toEqual(['circle', 'path', 'rect', 'path']);
    expect(marker('triangle', 0, 0, 5, '#000')).not.toBe(marker('diamond', 0, 0, 5, '#000'));
  });

  it('one school alone is centred, not an error', () => {
    const { svg } = mapSvg({ id: 'm', title: 't', desc: 'd', points: [{ lat: 30, lon: 114, category: 'met', href: '/x/', label: 'x' }], categories: MAP_CATEGORIES });
    expect(svg).toContain('cx="180"');
  });
});
