/**
 * /topics/class-size/ — class sizes of the region: per year (newest first) classes over the stage
 * limit, 大班额 and 超大班额 over both stages (share = ratio of sums), the share as a line, the
 * national shares as context, the latest year's distribution, every county per year and the
 * classes over the limit school by school. Bands come from the standards table.
 */
import { lineChart } from '../charts';
import type { FindingRule, PartStage } from '../indicators/types';
import { fmt } from '../site/format';
import { NATIONAL_CLASS_SHARES, NATIONAL_CLASS_SHARES_SOURCE } from '../site/context';
import { STAGE_ZH, classSizeHistogram, countyYear, stagesOf } from '../site/region-charts';
import type { Portal } from '../site/portal';
import { classBands, topicCrumbs, type TopicHeader } from './topics';
import { withDownload } from './shared';
import type { TableCell, ViewChart, ViewTable, Words } from './types';

const FOLDER = 'topics/class-size/';

export interface ClassSizeTopicView extends TopicHeader {
  readonly year: number;
  readonly regionTable: ViewTable;
  readonly shareChart: ViewChart;
  readonly national: string;
  readonly distribution: { readonly heading: string; readonly chart: ViewChart };
  readonly counties: { readonly heading: string; readonly table: ViewTable };
  readonly overLimit: { readonly heading: string; readonly empty: string | null; readonly table: ViewTable | null };
}

const STAGES: readonly PartStage[] = ['primary', 'junior'];
const BAND_RULES: readonly FindingRule[] = ['class_over_limit', 'large_class', 'super_large_class'];

/** The words of the page, in one place (another language passes its own ClassSizeWords). */
export const CLASS_SIZE_ZH = {
  title: '班额',
  bands: { class_over_limit: '超过标准班额', large_class: '大班额', super_large_class: '超大班额' },
  description: (region: string) => `${region}义务教育班额：超过标准班额、大班额和超大班额的逐年变化`,
  lede: (p: number, j: number, large: number, lastLarge: number, superLarge: number) =>
    `标准班额：小学每班不超过${p}人，初中不超过${j}人。${large}–${lastLarge}人为“大班额”，${superLarge}人及以上为“超大班额”。国家要求2018年基本消除超大班额、2020年基本消除大班额。`,
  regionCaption: (region: string) => `${region}各年班额情况（小学和初中合计；最新年份在前）`,
  regionColumns: ['年份', '班级数', '超过标准班额', '大班额', '超大班额', '大班额及以上占比'],
  year: (y: number) => `${y}年`,
  notPublished: '未公布',
  shareTitle: (region: string, large: number) => `${region}大班额（${large}人及以上）占班级总数的比例`,
  shareValue: (large: number) => `${large}人及以上班级占比`,
  shareSeries: '占比',
  national: (list: string) => `全国对照：${list}（${NATIONAL_CLASS_SHARES_SOURCE}）。`,
  nationalYear: (y: number, large: number, superLarge: number) => `${y}年大班额占${large}%、超大班额占${superLarge}%`,
  distribution: (y: number) => `${y}年班额分布`,
  countiesHeading: '各县区',
  countiesCaption: '各县区各年大班额及超大班额数（班；最新年份在前）',
  county: '县区',
  stage: '学段',
  countyCell: (n: number, classes: number) => `${n}（共${fmt(classes)}班）`,
  overHeading: (y: number) => `${y}年超过标准班额的班级`,
  overEmpty: (y: number) => `${y}年没有超过标准班额的班级。`,
  overCaption: (y: number) => `${y}年超过标准班额的班级（按学校）`,
  overColumns: ['学校', '班级（人数）'],
  overClass: (grade: number | undefined, name: string | undefined, n: number, band: string) => `${grade}年级${name}（${n}人，${band}）`,
} as const;
export type ClassSizeWords = Words<typeof CLASS_SIZE_ZH>;

export function classSizeTopicView(p: Portal, w: ClassSizeWords = CLASS_SIZE_ZH): ClassSizeTopicView {
  const year = p.latestYear!;
  const rootCode = p.root?.region_code ?? '';
  const region = p.settings.region_name;
  const b = classBands(p);
  const newestFirst = [...p.years].reverse();

  // Region totals per year over both stages (ratio of sums).
  const regionYear = p.years.map((y) => {
    const cs = STAGES.map((s) => countyYear(p, rootCode, y, s)?.classes).filter((c) => c !== undefined);
    const sum = (k: 'classes' | 'large' | 'superLarge' | 'overLimit') => cs.reduce((a, c) => a + c[k], 0);
    const classes = sum('classes');
    return { y, classes, over: sum('overLimit'), large: sum('large'), superLarge: sum('superLarge'), share: classes ? ((sum('large') + sum('superLarge')) / classes) * 100 : null };
  });
  const regionTable: ViewTable = {
    caption: w.regionCaption(region),
    searchable: false,
    columns: w.regionColumns.map((label, i) => ({ label, numeric: i > 0 })),
    rows: [...regionYear].reverse().map((r): TableCell[] =>
      r.classes === 0
        ? [w.year(r.y), ...w.regionColumns.slice(1).map(() => w.notPublished)]
        : [w.year(r.y), fmt(r.classes), fmt(r.over), fmt(r.large), fmt(r.superLarge), r.share === null ? w.notPublished : `${fmt(r.share, 2)}%`],
    ),
  };

  const shareChart = withDownload(p, lineChart({
    id: 'large-share',
    title: w.shareTitle(region, b.large),
    subject: region,
    valueLabel: w.shareValue(b.large),
    unit: '%',
    digits: 2,
    series: [{ label: w.shareSeries, points: regionYear.map((r) => ({ x: r.y, y: r.share })) }],
  }), 'large-share', FOLDER);

  const countyRows = p.counties.flatMap((c) =>
    stagesOf(p, c.region_code).map((s): TableCell[] => [
      { text: c.name, href: p.href(`counties/${c.region_code}/#class-size`) },
      STAGE_ZH[s],
      ...newestFirst.map((y) => {
        const cy = countyYear(p, c.region_code, y, s);
        return !cy || cy.classes.classes === 0 ? w.notPublished : w.countyCell(cy.classes.large + cy.classes.superLarge, cy.classes.classes);
      }),
    ]),
  );

  // Classes over the limit in the latest year, grouped by school (school id order).
  const bySchool = new Map<string, { name: string; classes: string[] }>();
  for (const f of p.results.findings) {
    if (f.year !== year || !BAND_RULES.includes(f.rule)) continue;
    const band = w.bands[f.rule as keyof typeof w.bands];
    const id = f.subject.school_id ?? '';
    const entry = bySchool.get(id) ?? { name: f.subject.name, classes: [] };
    entry.classes.push(w.overClass(f.subject.class?.grade, f.subject.class?.class_name, f.value, band));
    bySchool.set(id, entry);
  }
  const overRows = [...bySchool.entries()]
    .sort((a, b2) => a[0].localeCompare(b2[0]))
    .map(([id, e]): TableCell[] => [{ text: e.name, href: p.href(`schools/${id}/`) }, e.classes.join('；')]);

  return {
    title: w.title,
    description: w.description(region),
    breadcrumbs: topicCrumbs(p, w.title),
    lede: w.lede(p.standard('class_size', 'primary').threshold, p.standard('class_size', 'junior').threshold, b.large, b.lastLarge, b.superLarge),
    year,
    regionTable,
    shareChart,
    national: w.national(NATIONAL_CLASS_SHARES.map((n) => w.nationalYear(n.year, n.large, n.superLarge)).join('；')),
    distribution: { heading: w.distribution(year), chart: withDownload(p, classSizeHistogram(p, rootCode, region, year, p.data.schools.map((s) => s.school_id)), 'distribution', FOLDER) },
    counties: {
      heading: w.countiesHeading,
      table: {
        caption: w.countiesCaption,
        searchable: false,
        columns: [{ label: w.county }, { label: w.stage }, ...newestFirst.map((y) => ({ label: w.year(y), numeric: true }))],
        rows: countyRows,
      },
    },
    overLimit: {
      heading: w.overHeading(year),
      empty: overRows.length ? null : w.overEmpty(year),
      table: overRows.length ? { caption: w.overCaption(year), searchable: false, columns: w.overColumns.map((label) => ({ label })), rows: overRows } : null,
    },
  };
}
