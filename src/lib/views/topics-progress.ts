/**
 * /topics/progress/ — every target of the counties' plans checked year by year: the region's share
 * targets (share-targets.ts), then per county its resource-allocation standing, the status counts
 * of its school targets and a table of every target with its status per year (newest first) and
 * the gaps that remain. A province-sized plan list gets one summary row per county instead (the
 * per-school rows are on each county page), keeping this page small.
 */
import type { Gap, PlanProgress, PlanStatus } from '../indicators/types';
import { PLAN_STATUS_ZH, fmtUnit, zh } from '../site/format';
import { PLAN_STATUS_SHORT } from '../site/plan-status';
import { STAGE_ZH } from '../site/region-charts';
import type { Portal } from '../site/portal';
import { schoolRule } from './shared';
import { shareTargetViews, type ShareTargetView } from './share-targets';
import { topicCrumbs, type TopicHeader } from './topics';
import type { Link, TableCell, ViewTable, Words } from './types';

export interface ProgressCountySection {
  readonly heading: Link;
  readonly resources: string | null;
  readonly empty: string | null;
  readonly counts: string | null;
  readonly table: ViewTable | null;
  readonly source: { readonly label: string; readonly text: string; readonly href: string | null } | null;
}

export interface ProgressTopicView extends TopicHeader {
  /** “依据：” before a plan's source. */
  readonly sourceLabel: string;
  readonly shares: readonly ShareTargetView[];
  /** A region with many plan rows: one summary row per county. */
  readonly summary: ViewTable | null;
  /** Otherwise one section per county. */
  readonly counties: readonly ProgressCountySection[];
}

/** Up to this many plan rows the page lists every target; beyond it, one row per county. */
const DETAILED_MAX = 300;
/** A cell names at most this many gaps; the county page lists them all. */
const GAPS_SHOWN = 3;
const STATUS_ORDER: readonly PlanStatus[] = ['met', 'met_early', 'on_track', 'missed', 'unknown', 'not_applicable'];

/** The words of the page, in one place (another language passes its own ProgressWords). */
export const PROGRESS_ZH = {
  title: '均衡进展',
  description: (region: string) => `${region}各县区义务教育优质均衡推进方案的逐年进展`,
  lede: (rule: string) => `对照各县区推进方案（plans.csv）中的每一项目标，逐年检验是否达到：学校目标按“${rule}”检验，县区目标按差异系数和学校达标情况检验。`,
  summaryCaption: (y: number) => `各县区推进目标（${y}年状态；逐校逐年情况见县区页面）`,
  summaryColumns: (y: number) => ['县区', '县区目标', `学校目标（${y}年）`, `资源配置（${y}年）`],
  countyTarget: (y: number, milestone: string, status: string) => `${y}年${milestone}（${status}）`,
  statusCount: (status: string, n: number) => `${status} ${n}所`,
  notPublished: '未公布',
  none: '—',
  insufficient: '数据不足',
  cvOver: (n: number) => `${n}项差异系数超出上限`,
  cvWithin: '差异系数均在上限以内',
  schoolsShort: (n: number) => `${n}所学校未达标`,
  resources: (y: number, text: string) => `资源配置（${y}年）：${text}`,
  resourcesUnknown: '数据不足，无法判断。',
  resourcesText: (cv: string, schools: string) => `${cv}；${schools}。`,
  schoolsHolding: (n: number, short: string) => `${n}所学校尚未达到${short}的要求`,
  schoolsAllMet: '计入评估的学校均达标',
  noPlan: '未公布推进计划。',
  counts: (y: number, list: string) => `学校目标（${y}年状态）：${list}。`,
  tableCaption: (county: string) => `${county}推进目标与逐年状态（最新年份在前）`,
  target: '目标',
  targetYear: '目标年份',
  year: (y: number) => `${y}年`,
  gapsColumn: (y: number) => `尚存差距（${y}年）`,
  countyMilestone: (county: string, milestone: string) => `${county}：${milestone}`,
  gap: (who: string, indicator: string, gap: string | null) => `${who}${indicator}${gap === null ? '未公布' : `差${gap}`}`,
  moreGaps: (n: number) => `；等共${n}项（见县区页面）`,
  source: '依据：',
} as const;
export type ProgressWords = Words<typeof PROGRESS_ZH>;

/**
 * At most three gaps in a cell; a county target lists every school's, which belongs on the county
 * page. gp.where names the school (its part only when it has two) — never “实验小学小学”.
 */
export function gapText(p: Portal, gaps: readonly Gap[], w: ProgressWords = PROGRESS_ZH): string {
  const named = new Set(gaps.map((g) => g.school_id)).size > 1;
  const who = (gp: Gap) => {
    if (gp.subject !== 'school') return STAGE_ZH[gp.stage];
    const where = gp.where ?? gp.name;
    if (named) return `${where}：`;
    return where.endsWith('部') ? `${where.slice(-3)}：` : ''; // 小学部 / 初中部 of a two-part school
  };
  const one = (gp: Gap) => w.gap(who(gp), p.standard(gp.indicator, gp.stage).zh, gp.gap !== null ? fmtUnit(gp.gap, gp.unit) : null);
  return gaps.slice(0, GAPS_SHOWN).map(one).join('；') + (gaps.length > GAPS_SHOWN ? w.moreGaps(gaps.length) : '');
}

/** School targets by status in the latest year: [[status, n], …] in a fixed order, zeros left out. */
function statusCounts(rows: readonly PlanProgress[]): [PlanStatus, number][] {
  return STATUS_ORDER.map((st) => [st, rows.filter((r) => r.school_id && r.latest === st).length] as [PlanStatus, number]).filter(([, n]) => n > 0);
}

function summaryTable(p: Portal, year: number, w: ProgressWords): ViewTable {
  return {
    caption: w.summaryCaption(year),
    searchable: false,
    columns: w.summaryColumns(year).map((label) => ({ label })),
    rows: p.counties.map((c): TableCell[] => {
      const rows = p.progressByCounty.get(c.region_code) ?? [];
      const g = p.countyGaps.get(c.region_code);
      return [
        { text: c.name, href: p.href(`counties/${c.region_code}/#plan`) },
        rows.filter((r) => !r.school_id).map((r) => w.countyTarget(r.target_year, zh.milestone(r.milestone), PLAN_STATUS_ZH[r.latest])).join('；') || w.notPublished,
        statusCounts(rows).map(([st, n]) => w.statusCount(PLAN_STATUS_ZH[st], n)).join('，') || w.none,
        !g || g.resourcesMet === null ? w.insufficient : `${g.cvGaps.length ? w.cvOver(g.cvGaps.length) : w.cvWithin}；${w.schoolsShort(g.schoolsHoldingBack.length)}`,
      ];
    }),
  };
}

function countySection(p: Portal, code: string, name: string, year: number, short: string, w: ProgressWords): ProgressCountySection {
  const rows = p.progressByCounty.get(code) ?? [];
  const g = p.countyGaps.get(code);
  const newestFirst = [...p.years].reverse();
  const resources = g
    ? w.resources(
        g.year,
        g.resourcesMet === null
          ? w.resourcesUnknown
          : w.resourcesText(g.cvGaps.length ? w.cvOver(g.cvGaps.length) : w.cvWithin, g.schoolsHoldingBack.length ? w.schoolsHolding(g.schoolsHoldingBack.length, short) : w.schoolsAllMet),
      )
    : null;
  const heading = { text: name, href: p.href(`counties/${code}/#plan`) };
  if (!rows.length) return { heading, resources, empty: w.noPlan, counts: null, table: null, source: null };
  const counts = statusCounts(rows);
  // County targets first, then schools; each by target year, then school id.
  const sorted = [...rows].sort((a, b) => Number(!!a.school_id) - Number(!!b.school_id) || a.target_year - b.target_year || (a.school_id ?? '').localeCompare(b.school_id ?? ''));
  const table: ViewTable = {
    caption: w.tableCaption(name),
    searchable: false,
    columns: [{ label: w.target }, { label: w.targetYear, numeric: true }, ...newestFirst.map((y) => ({ label: w.year(y), class: 'nowrap' })), { label: w.gapsColumn(year), class: 'gaps' }],
    rows: sorted.map((r): TableCell[] => {
      const last = r.years[r.years.length - 1];
      const head: TableCell = r.school_id
        ? { text: p.schoolsById.get(r.school_id)?.name ?? r.school_id, href: p.href(`schools/${r.school_id}/`) }
        : { text: w.countyMilestone(name, zh.milestone(r.milestone)), ...(r.description ? { note: r.description } : {}) };
      return [
        head,
        String(r.target_year),
        ...newestFirst.map((y): TableCell => {
          const ys = r.years.find((x) => x.year === y);
          return ys ? { text: PLAN_STATUS_SHORT[ys.status], title: `${PLAN_STATUS_ZH[ys.status]}：${ys.basis}` } : w.none;
        }),
        last && last.gaps.length ? gapText(p, last.gaps, w) : w.none,
      ];
    }),
  };
  return {
    heading,
    resources,
    empty: null,
    counts: counts.length ? w.counts(year, counts.map(([s, n]) => w.statusCount(PLAN_STATUS_ZH[s], n)).join('，')) : null,
    table,
    source: { label: w.source, text: rows[0].planSource, href: rows[0].planSourceUrl },
  };
}

export function progressTopicView(p: Portal, w: ProgressWords = PROGRESS_ZH): ProgressTopicView {
  const year = p.latestYear!;
  const region = p.settings.region_name;
  const rule = schoolRule(p);
  const detailed = p.results.progress.length <= DETAILED_MAX;
  return {
    title: w.title,
    description: w.description(region),
    breadcrumbs: topicCrumbs(p, w.title),
    lede: w.lede(rule.text),
    sourceLabel: w.source,
    shares: shareTargetViews(p),
    summary: detailed ? null : summaryTable(p, year, w),
    counties: detailed ? p.counties.map((c) => countySection(p, c.region_code, c.name, year, rule.short, w)) : [],
  };
}
