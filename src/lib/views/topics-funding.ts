/**
 * /topics/funding/ — spending per student (one line per county while that stays readable, else the
 * region's own), each county's education-spending growth against revenue growth per year (newest
 * first), the latest year's school funding per county and the schools below a funding standard.
 */
import { lineChart } from '../charts';
import { num } from '../indicators/values';
import { fmtUnit, show } from '../site/format';
import { spendingChart } from '../site/region-charts';
import type { Portal } from '../site/portal';
import { checkCell, findingItems, topicCrumbs, type FindingItem, type TopicHeader } from './topics';
import { withDownload } from './shared';
import type { TableCell, ViewChart, ViewTable, Words } from './types';

export interface FundingTopicView extends TopicHeader {
  readonly year: number;
  readonly chart: ViewChart;
  readonly growth: { readonly heading: string; readonly table: ViewTable };
  readonly schools: { readonly heading: string; readonly table: ViewTable };
  readonly below: { readonly heading: string; readonly empty: string | null; readonly items: readonly FindingItem[] };
  readonly source: string;
}

/** Up to this many counties the chart draws one line each; more would be unreadable. */
const MAX_LINES = 6;

/** The words of the page, in one place (another language passes its own FundingWords). */
export const FUNDING_ZH = {
  title: '经费',
  description: (region: string) => `${region}义务教育经费：生均公用经费、教师培训经费、特殊教育经费和义务教育财政拨款增长`,
  lede: (floor: number, training: string, special: string, local: string) =>
    `优质均衡要求：学校生均公用经费不低于省定标准（不足${floor}人的村小和教学点按${floor}人核定）；教师培训经费不低于公用经费的${training}；特殊教育学生生均公用经费不低于${special}${local}；义务教育财政拨款增幅高于经常性收入增幅。`,
  localNote: (national: string) => `（本地标准，国家标准${national}）`,
  chartTitle: '各县区生均义务教育财政拨款',
  chartValue: '生均义务教育财政拨款',
  growthHeading: '各县区义务教育财政拨款增长',
  growthCaption: '义务教育财政拨款增幅与经常性财政收入增幅（百分点差；最新年份在前）',
  county: '县区',
  year: (y: number) => `${y}年`,
  notPublished: '未公布',
  schoolsHeading: (y: number) => `${y}年学校经费`,
  schoolsCaption: (y: number) => `${y}年各县区学校经费（全县汇总）`,
  schoolsColumns: (training: string, special: string) => ['县区', '生均公用经费', `培训经费占比（≥${training}）`, `特教生均经费（≥${special}）`, '低于省定标准的学校'],
  noneBelow: '无',
  yearMissing: (y: number) => `未公布（${y}/funding.csv）`,
  belowHeading: (y: number) => `${y}年未达到经费标准的学校`,
  belowMissing: (y: number) => `${y}年学校经费数据未公布。`,
  belowNone: (y: number) => `${y}年没有学校低于经费标准。`,
  source: (title: string, number: string | null) => `公用经费标准：${title}${number ? `（${number}）` : ''}。`,
} as const;
export type FundingWords = Words<typeof FUNDING_ZH>;

export function fundingTopicView(p: Portal, w: FundingWords = FUNDING_ZH): FundingTopicView {
  const year = p.latestYear!;
  const region = p.settings.region_name;
  const newestFirst = [...p.years].reverse();
  const trainingStd = p.standard('training_funds_share');
  const specialStd = p.standard('special_ed_funds_per_student');
  const fundsStd = p.standard('public_funds_vs_standard');
  const training = fmtUnit(trainingStd.threshold, trainingStd.unit);
  const special = fmtUnit(specialStd.threshold, specialStd.unit);

  const chart = withDownload(
    p,
    p.counties.length <= MAX_LINES
      ? lineChart({
          id: 'spend-per-student',
          title: w.chartTitle,
          subject: '',
          valueLabel: w.chartValue,
          unit: '元',
          digits: 0,
          series: p.counties.map((c) => ({ label: c.name, points: p.years.map((y) => ({ x: y, y: num(p.regionYears.get(`${c.region_code}:${y}`)?.finance.spendingPerStudent ?? { kind: 'missing', missing: [] }) })) })),
        })
      : spendingChart(p, p.root?.region_code ?? '', region),
    'spending',
    'topics/funding/',
  );

  const growthRows = p.counties.map((c): TableCell[] => [
    { text: c.name, href: p.href(`counties/${c.region_code}/#finance`) },
    ...newestFirst.map((y) => {
      const f = p.regionYears.get(`${c.region_code}:${y}`)?.finance;
      return f ? checkCell(f.growthCheck, '个百分点') : w.notPublished;
    }),
  ]);

  const published = !!p.yearData.get(year)?.funding;
  const schoolRows = p.counties.map((c): TableCell[] => {
    const f = published ? p.regionYears.get(`${c.region_code}:${year}`)?.funding : undefined;
    if (!f) return [c.name, w.yearMissing(year), '', '', ''];
    const below = f.schoolsBelowStandard.map((id) => p.schoolsById.get(id)?.name ?? id).join('、');
    const money = show(f.publicFundsPerStudent, '元', 0);
    return [
      c.name,
      money.isNumber || !money.note ? money.text : { text: money.text, title: money.note, verdict: 'unknown' },
      checkCell(f.trainingShare, '%'),
      checkCell(f.specialEdPerStudent, '元', 0),
      below || w.noneBelow,
    ];
  });

  const items = findingItems(p, year, ['public_funds_below_standard', 'training_funds_low', 'special_ed_funds_low']);
  return {
    title: w.title,
    description: w.description(region),
    breadcrumbs: topicCrumbs(p, w.title),
    lede: w.lede(p.standard('public_funds_small_school_floor').threshold, training, special, specialStd.origin === 'local' ? w.localNote(fmtUnit(specialStd.nationalThreshold, specialStd.unit)) : ''),
    year,
    chart,
    growth: {
      heading: w.growthHeading,
      table: { caption: w.growthCaption, searchable: false, columns: [{ label: w.county }, ...newestFirst.map((y) => ({ label: w.year(y), numeric: true }))], rows: growthRows },
    },
    schools: {
      heading: w.schoolsHeading(year),
      table: { caption: w.schoolsCaption(year), searchable: false, columns: w.schoolsColumns(training, special).map((label, i) => ({ label, numeric: i > 0 && i < 4 })), rows: schoolRows },
    },
    below: { heading: w.belowHeading(year), empty: !published ? w.belowMissing(year) : items.length === 0 ? w.belowNone(year) : null, items },
    source: w.source(fundsStd.source.title, fundsStd.source.number ?? null),
  };
}
