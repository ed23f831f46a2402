/**
 * /counties/ — every county side by side, one table per stage: the seven CVs against the limit,
 * how many are within it, the schools meeting the 6-of-7 rule, and the county's own target years
 * with their status. Ordered by county code (no ranking); the page may re-sort it in the browser.
 * Each table is also a CSV (/counties/comparison-<stage>.csv). Fractions read “4/7所”, never a bare
 * “4/7”, which Excel and WPS turn into a date.
 */
import type { PartStage } from '../indicators/types';
import { num } from '../indicators/values';
import { QUALITY_INDICATOR_KEYS } from '../standards';
import { fmt, fmtCv } from '../site/format';
import { INDICATOR_SHORT } from '../site/labels';
import { countyYear, stagesOf } from '../site/region-charts';
import type { Portal } from '../site/portal';
import { cvCell, cvCounts, regionMilestones } from './county';
import type { TableCell, ViewTable } from './types';
import { STAGE_ZH, tableCsv, INDICATOR_COUNT } from './shared';

export interface CountiesView {
  readonly year: number;
  readonly description: string;
  readonly lede: string;
  readonly sortNote: string;
  readonly tables: readonly { readonly stage: PartStage; readonly heading: string; readonly table: ViewTable }[];
  readonly notes: readonly string[];
  readonly mapHref: string;
}

const STAGES: readonly PartStage[] = ['primary', 'junior'];

function targets(p: Portal, code: string): { years: string; status: TableCell } {
  const ms = regionMilestones(p, code);
  if (!ms.length) return { years: '未公布', status: { text: '未公布推进计划', verdict: 'unknown' } };
  return {
    years: ms.map((m) => `${m.year}年${m.milestone}`).join('；'),
    status: { text: ms.map((m) => `${m.milestone}：${m.status}`).join('；'), verdict: ms.some((m) => m.plan.latest === 'missed') ? 'unmet' : undefined },
  };
}

function stageTable(p: Portal, stage: PartStage, year: number): ViewTable | null {
  const counties = p.counties.filter((c) => stagesOf(p, c.region_code).includes(stage));
  if (!counties.length) return null;
  const limit = p.standard('cv_quality', stage).threshold;
  const required = p.standard('min_indicators_met').threshold;
  const rows = counties.map((c): TableCell[] => {
    const cy = countyYear(p, c.region_code, year, stage);
    const n = cvCounts(cy);
    const composite = cy ? num(cy.compositeCv) : null;
    const t = targets(p, c.region_code);
    return [
      { text: c.name, href: p.href(`counties/${c.region_code}/`) },
      { text: `${n.within}/${n.total}项${n.unknown ? `（${n.unknown}项无法判断）` : ''}`, verdict: n.over ? 'unmet' : n.unknown ? 'unknown' : 'met' },
      cy ? { text: `${cy.sixOfSeven.passes}/${cy.countedSchools}所${cy.sixOfSeven.unknown ? `（${cy.sixOfSeven.unknown}所数据不足）` : ''}`, verdict: cy.sixOfSeven.fails ? 'unmet' : cy.sixOfSeven.unknown ? 'unknown' : 'met' } : '未公布',
      t.years,
      t.status,
      ...QUALITY_INDICATOR_KEYS.map((k) => cvCell(cy?.cv.find((x) => x.indicator === k))),
      composite === null ? '未公布' : fmtCv(composite),
      c.region_code,
    ];
  });
  return {
    caption: `${year}年各县区${STAGE_ZH[stage]}差异系数（上限 ${fmtCv(limit)}）与学校达标情况，按县区代码排列`,
    id: `comparison-${stage}`,
    csv: p.href(`counties/comparison-${stage}.csv`),
    columns: [
      { label: '县区' },
      { label: `差异系数在上限 ${fmtCv(limit)} 以内`, numeric: true },
      { label: `达标学校（${INDICATOR_COUNT}项中${required}项以上）`, numeric: true },
      { label: '目标年份' },
      { label: `目标状态（${year}年）` },
      ...QUALITY_INDICATOR_KEYS.map((k) => ({ label: `${INDICATOR_SHORT[k]}差异系数`, numeric: true })),
      { label: '综合差异系数（参考）', numeric: true },
      { label: '县区代码' },
    ],
    rows,
  };
}

export function countiesView(p: Portal): CountiesView {
  const year = p.latestYear!;
  const tables = STAGES.flatMap((stage) => {
    const table = stageTable(p, stage, year);
    return table ? [{ stage, heading: STAGE_ZH[stage], table }] : [];
  });
  const region = p.settings.region_name;
  const minRatio = `${fmt(p.standard('min_ratio_missed').threshold * 100, 1)}%`;
  return {
    year,
    description: `${region}各县区义务教育优质均衡发展情况对照：差异系数、达标学校、目标年份（${year}年）`,
    lede: `${region}共${p.counties.length}个县区。下表按${year}年数据列出各县区${INDICATOR_COUNT}项指标的校际差异系数与上限的对照、达到“${INDICATOR_COUNT}项中至少${p.standard('min_indicators_met').threshold}项达标、其余项不低于标准的${minRatio}”的学校数，以及各县区推进计划中的目标年份和目前状态。`,
    sortNote: '表格默认按县区代码排列；点击列标题可按该列重新排列。',
    tables,
    notes: [
      '“✓”表示该项差异系数不超过上限，“✗ 超出”表示超过上限；“无法判断”表示有学校未报告该项数据。',
      `达标学校只计入参加评估的学校（不含特殊教育学校和不足${p.standard('teaching_point_min_students').threshold}人的教学点）；分母为计入评估的学校数。`,
      '目标年份取自各县区推进计划（plans.csv）中县区层面的“申请验收”“通过认定”“学校达标”等节点。',
    ],
    mapHref: p.href('map/'),
  };
}

/** /counties/comparison-<stage>.csv */
export function comparisonFiles(p: Portal): { params: { stage: string }; props: { csv: string } }[] {
  return countiesView(p).tables.map((t) => ({ params: { stage: t.stage }, props: { csv: tableCsv(t.table) } }));
}
