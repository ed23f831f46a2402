/**
 * /map/ and the small map of a county page: every open school with coordinates on a build-time
 * SVG (src/lib/charts/map.ts), shaped and coloured by its verdict, linking to its page; county
 * outlines when data/boundaries.geojson supplies them; and the same schools as a table (+ CSV).
 */
import { MAP_WIDTH, MAP_WIDTH_WIDE, mapSvg, type MapCategory, type MapOutline, type MapPoint } from '../charts/map';
import type { Boundaries } from '../charts/map-boundaries';
import type { SchoolRow } from '../schema';
import { zh } from '../site/format';
import type { Portal } from '../site/portal';
import { verdictLine } from './school';
import type { TableCell, Verdict, ViewChart, ViewTable } from './types';
import { tableCsv, INDICATOR_COUNT } from './shared';

/** Verdict → shape and colour (Okabe–Ito; shapes differ, so colour is never the only cue). */
export const MAP_CATEGORIES: readonly MapCategory[] = [
  { key: 'met', label: '达到优质均衡学校要求', shape: 'circle', fill: '#0072B2' },
  { key: 'unmet', label: '未达到要求', shape: 'triangle', fill: '#D55E00' },
  { key: 'unknown', label: '数据不足，无法判断', shape: 'square', fill: '#5b6470', hollow: true },
  { key: 'not_applicable', label: '不参加评估（特教学校、小教学点）', shape: 'diamond', fill: '#5b6470', hollow: true },
];
const CATEGORY_WORD: Record<Verdict, string> = { met: '✓ 达到要求', unmet: '✗ 未达到要求', unknown: '? 无法判断', not_applicable: '— 不参加评估' };

export interface MapView {
  readonly title: string;
  readonly description: string;
  readonly lede: string;
  /** The whole region, then one map per county (schools of a county sit close together at region scale). */
  readonly region: ViewChart;
  /** The region map drawn 880 units wide, for a desktop screen (the page shows one of the two). */
  readonly regionWide: string;
  /**
   * One section per county: its map, and its schools as a short list (name, stage, verdict)
   * that reads as blocks on a phone — where a parent finds their school. `anchor` is the
   * section's id, linked from the jump list at the top and from the county's name on the map.
   */
  readonly counties: readonly { readonly code: string; readonly name: string; readonly href: string; readonly anchor: string; readonly count: number; readonly chart: ViewChart; readonly schools: ViewTable }[];
  readonly table: ViewTable;
  readonly notes: readonly string[];
}

interface Placed {
  readonly school: SchoolRow;
  readonly verdict: Verdict;
  readonly headline: string;
  readonly countyName: string;
}

function placed(p: Portal, schools: readonly SchoolRow[]): { on: Placed[]; noCoords: SchoolRow[] } {
  const on: Placed[] = [];
  const noCoords: SchoolRow[] = [];
  for (const s of schools) {
    if (s.status === 'closed') continue;
    if (s.latitude === null || s.longitude === null) {
      noCoords.push(s);
      continue;
    }
    const all = p.resultsBySchool.get(s.school_id) ?? [];
    const year = all.length ? all[all.length - 1].year : p.latestYear;
    const v = verdictLine(p, year ? (p.resultsBySchoolYear.get(`${s.school_id}:${year}`) ?? []) : [], year);
    on.push({ school: s, verdict: v.verdict, headline: v.headline, countyName: p.regionsByCode.get(s.region_code)?.name ?? s.region_code });
  }
  return { on, noCoords };
}

function points(p: Portal, list: readonly Placed[]): MapPoint[] {
  return list.map((x) => ({
    lat: x.school.latitude!,
    lon: x.school.longitude!,
    category: x.verdict,
    href: p.href(`schools/${x.school.school_id}/`),
    label: `${x.school.name}：${x.headline}`,
    group: x.school.region_code,
  }));
}

function schoolsTable(p: Portal, list: readonly Placed[], caption: string, id: string, csv: string): ViewTable {
  return {
    caption,
    id,
    csv,
    columns: [{ label: '学校' }, { label: '县区' }, { label: '学段' }, { label: '结论' }, { label: '纬度', numeric: true }, { label: '经度', numeric: true }],
    rows: list.map((x): TableCell[] => [
      { text: x.school.name, href: p.href(`schools/${x.school.school_id}/`) },
      x.countyName,
      zh.stage(x.school.stage),
      { text: CATEGORY_WORD[x.verdict], verdict: x.verdict },
      String(x.school.latitude),
      String(x.school.longitude),
    ]),
  };
}

function summary(list: readonly Placed[], where: string): string {
  const count = (v: Verdict) => list.filter((x) => x.verdict === v).length;
  const parts = [`${count('met')}所达到优质均衡学校要求`, `${count('unmet')}所未达到`];
  if (count('unknown')) parts.push(`${count('unknown')}所无法判断`);
  if (count('not_applicable')) parts.push(`${count('not_applicable')}所不参加评估`);
  return `${where}地图上共${list.length}所学校：${parts.join('，')}。`;
}

function outlinesFor(p: Portal, b: Boundaries | null, focus?: string): MapOutline[] {
  return (b?.outlines ?? []).map((o) => ({ name: p.regionsByCode.get(o.code)?.name ?? o.code, geometry: o.geometry, focus: o.code === focus }));
}

/** The map of one county (county page, and the per-county maps of /map/). Null when no school has coordinates. */
export function countyMap(p: Portal, code: string, boundaries: Boundaries | null): ViewChart | null {
  const name = p.regionsByCode.get(code)?.name ?? code;
  const { on } = placed(p, p.schoolsByCounty.get(code) ?? []);
  if (!on.length) return null;
  const own = outlinesFor(p, boundaries, code).filter((o) => o.focus);
  const { svg } = mapSvg({
    id: `map-${code}`,
    title: `${name}学校分布`,
    desc: `${summary(on, name)}每个学校一个标记，形状和颜色表示结论；同样的信息见下方数据表。`,
    points: points(p, on),
    categories: MAP_CATEGORIES,
    outlines: own,
    fitOutlines: own.length > 0,
  });
  const table = schoolsTable(p, on, `${name}学校位置与结论`, `map-${code}-table`, p.href(`counties/${code}/chart-map.csv`));
  return { svg, title: `${name}学校分布`, summary: summary(on, name), table, id: 'chart-map', csv: table.csv };
}

export function mapView(p: Portal, boundaries: Boundaries | null): MapView {
  const region = p.settings.region_name;
  const all = placed(p, p.data.schools);
  const regionMap = (width: number, id: string) =>
    mapSvg({
      id,
      width,
      title: `${region}学校分布`,
      desc: `${summary(all.on, region)}每个学校一个标记，形状和颜色表示结论；同样的信息见下方数据表。`,
      points: points(p, all.on),
      categories: MAP_CATEGORIES,
      outlines: outlinesFor(p, boundaries),
      fitOutlines: (boundaries?.outlines.length ?? 0) > 0,
      // Each county's cluster is named and links to its own map further down the page.
      groups: p.counties.map((c) => ({ key: c.region_code, label: c.name, href: `#county-${c.region_code}` })),
    }).svg;
  const svg = regionMap(MAP_WIDTH, 'map-region');
  const table = schoolsTable(p, all.on, `${region}学校位置与结论（按学校代码排列）`, 'map-table', p.href('map/schools.csv'));
  const closed = p.data.schools.filter((s) => s.status === 'closed').length;
  const notes: string[] = [];
  if (all.noCoords.length) notes.push(`${all.noCoords.length}所学校在 schools.csv 中没有填写经纬度，未在地图上标出：${all.noCoords.map((s) => s.name).join('、')}。`);
  if (closed) notes.push(`已撤并的学校（${closed}所）不在地图上。`);
  notes.push(
    boundaries && boundaries.outlines.length
      ? `县区边界来自 ${boundaries.file}（教育局提供）。`
      : '未提供县区边界文件（data/boundaries.geojson），地图只标出学校位置。',
  );
  notes.push(`位置按 schools.csv 的经纬度在构建时绘制，不加载任何在线地图。结论为各校最新一年资源配置${INDICATOR_COUNT}项指标的评估结果。`);
  return {
    title: '地图',
    description: `${region}义务教育学校分布图：每所学校的位置与是否达到优质均衡学校要求`,
    lede: `${summary(all.on, region)}点击标记打开学校页面；地图下方的表格列出同样的学校，可下载为CSV。`,
    regionWide: regionMap(MAP_WIDTH_WIDE, 'map-region-w'),
    region: { svg, title: `${region}学校分布`, summary: summary(all.on, region), table, id: 'map-region', csv: table.csv },
    counties: p.counties.flatMap((c) => {
      const chart = countyMap(p, c.region_code, boundaries);
      const mine = all.on.filter((x) => x.school.region_code === c.region_code);
      return chart
        ? [
            {
              code: c.region_code,
              name: c.name,
              href: p.href(`counties/${c.region_code}/`),
              anchor: `county-${c.region_code}`,
              count: mine.length,
              chart: { ...chart, id: `map-${c.region_code}` },
              schools: {
                caption: `${c.name}的学校（${mine.length}所，按学校代码排列）`,
                layout: 'stack' as const,
                columns: [{ label: '学校' }, { label: '学段' }, { label: '结论' }],
                rows: mine.map((x): TableCell[] => [{ text: x.school.name, href: p.href(`schools/${x.school.school_id}/`) }, zh.stage(x.school.stage), { text: CATEGORY_WORD[x.verdict], verdict: x.verdict }]),
              },
            },
          ]
        : [];
    }),
    table,
    notes,
  };
}

/** /map/schools.csv */
export function mapCsv(p: Portal, boundaries: Boundaries | null): string {
  return tableCsv(mapView(p, boundaries).table);
}
