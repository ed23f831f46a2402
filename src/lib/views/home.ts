/**
 * / — the region overview: where each county stands against the four parts of the quality-balance
 * method in the latest year, the highest CV per indicator, class sizes (newest year first),
 * admission results published on time, the plan timeline and the latest release. Every count,
 * threshold and sentence is decided here; the page renders it.
 */
import { barChart } from '../charts';
import type { PartStage } from '../indicators/types';
import { fmt, fmtCv, zh, PLAN_STATUS_ZH, PUBLICATION_ZH } from '../site/format';
import { INDICATOR_SHORT } from '../site/labels';
import { PARTS, countyOverview, publicationCounts, type PartKey, type PartStatus } from '../site/overview';
import type { Portal } from '../site/portal';
import { glossaryTerms, linkFirstTerms, type Segment } from './glossary';
import { tableCsv, withDownload } from './shared';
import type { Link, TableCell, ViewChart, ViewTable } from './types';

export type { Segment };

export interface HomeView {
  readonly title: string;
  readonly heading: string;
  /** Plain lede (the page description); `ledeSegments` is the same text with glossary links. */
  readonly lede: string;
  readonly ledeSegments: readonly Segment[];
  readonly links: readonly Link[];
  /** null when no year is published yet: the page shows only the lede and the release. */
  readonly year: number | null;
  readonly parts: {
    readonly heading: string;
    readonly intro: readonly Segment[];
    readonly cards: readonly { readonly title: string; readonly figure: string; readonly text: string }[];
    readonly table: ViewTable;
  } | null;
  readonly cv: { readonly heading: string; readonly intro: string; readonly charts: readonly ViewChart[]; readonly table: ViewTable } | null;
  readonly classSize: { readonly heading: string; readonly table: ViewTable; readonly link: Link } | null;
  readonly admissions: { readonly heading: string; readonly text: readonly Segment[]; readonly missing: boolean } | null;
  readonly plan: { readonly heading: string; readonly empty: string | null; readonly timeline: readonly { readonly year: string; readonly text: string }[]; readonly link: Link } | null;
  readonly release: { readonly heading: string; readonly text: readonly Segment[] };
}

const STAGES: readonly PartStage[] = ['primary', 'junior'];
const PUBLICATION_ORDER = ['on_time', 'late', 'not_published', 'date_missing', 'not_due'] as const;

/** The words of the page, in one place. */
const W = {
  heading: (region: string) => `${region}义务教育均衡发展数据`,
  lede: (year: number, counties: number, met: number, region: string, schools: number, first: number) =>
    `${year}年，${counties}个县区中资源配置达到优质均衡要求的有${met}个。本站公开${region}${schools}所义务教育学校${first}–${year}年的办学条件、校际差异系数、班额、招生和经费数据，并逐项对照国家标准。`,
  noData: '本站尚未公布年度数据。',
  links: { schools: '查找学校', counties: '各县区', methodology: '怎样判断“达标”', data: '下载数据' },
  partsHeading: (y: number) => `${y}年各县区对照优质均衡评估的四个方面`,
  partsIntro: '优质均衡按县（区）评估，包括资源配置、政府保障程度、教育质量和社会认可度四个方面。下表只统计公开数据能检验的项目；不能检验的项目见',
  methodology: '方法说明',
  partsCard: '个县区可检验的项目全部达到',
  partsCaption: (y: number) => `${y}年各县区情况（✓ 可检验项目全部达到；✗ 有项目未达到；? 有项目未公布）`,
  county: '县区',
  stage: '学段',
  met: '✓ 达到',
  failing: (n: number) => `✗ ${n}项未达到`,
  unknown: (tested: number, n: number) => (tested ? `? ${n}项未公布` : '? 无数据'),
  etc: '等',
  cvHeading: '校际差异系数',
  cvIntro: (p: string, j: string) => `差异系数越小，县域内学校之间的差距越小。小学每项不超过${p}，初中每项不超过${j}。下图为每项指标在各县区中最高的数值；各县区的完整数据见县区页面。`,
  cvChartTitle: (y: number, part: string) => `${y}年${part}各项指标差异系数（取最高的县区）`,
  cvChartSubject: (y: number, part: string) => `${y}年${part}各县区中最高的差异系数`,
  cvAxis: '差异系数（无单位）',
  cvCaption: (y: number) => `${y}年各县区差异系数`,
  cvStage: (part: string, limit: string) => `${part}（≤ ${limit}）`,
  over: ' ✗ 超过',
  notPublished: '未公布',
  classHeading: '班额',
  classCaption: (region: string, p: number, j: number) => `${region}各年班额情况（小学标准${p}人，初中${j}人；最新年份在前）`,
  classColumns: ['学年', '班级数', '超过标准', '大班额', '超大班额'],
  classLink: '大班额专题：历年变化和超过标准的班级',
  admissionsHeading: (y: number) => `招生结果公开（${y}年）`,
  admissionsMissing: (y: number) => `${y}年招生数据未公布。`,
  admissionsText: (total: number, parts: string, days: number) => `${total}个学校（学段）中，${parts}。录取结果应在9月1日后${days}个工作日内公开。`,
  admissionsPart: (status: string, n: number) => `${status}${n}个`,
  admissionsLink: '各校招生计划、范围、办法和结果',
  planHeading: '规划进程',
  planEmpty: 'plans.csv 中没有规划目标。',
  planRegion: (name: string, what: string, status: string) => `${name}：${what} — ${status}`,
  planSchools: (n: number, by: string) => `${n}所学校计划达标：${by}`,
  planSchoolStatus: (status: string, n: number) => `${status}${n}所`,
  planLink: '均衡进展专题',
  year: (y: number) => `${y}年`,
  releaseHeading: '数据版本',
  releaseLatest: '最新版本 ',
  releaseAfter: (date: string, notes: string) => `（${date}）${notes ? `：${notes}` : ''}。`,
  changelog: '更新记录',
  changelogAfter: '列出每个版本修改的单元格。',
  downloadAll: '下载全部数据',
} as const;

function partCell(st: PartStatus): TableCell {
  if (st.met === true) return { text: W.met, verdict: 'met' };
  if (st.met === false) {
    const why = st.failing.slice(0, 3).join('；') + (st.failing.length > 3 ? W.etc : '');
    return { text: W.failing(st.failing.length), verdict: 'unmet', title: st.failing.join('；'), note: why };
  }
  return { text: W.unknown(st.tested, st.unknown), verdict: 'unknown' };
}

function partsSection(p: Portal, y: number): NonNullable<HomeView['parts']> {
  const overview = countyOverview(p, y);
  const metCount = (key: PartKey) => overview.filter((o) => o.parts[key].met === true).length;
  return {
    heading: W.partsHeading(y),
    intro: [{ text: W.partsIntro }, { text: W.methodology, href: p.href('methodology/#coverage') }, { text: '。' }],
    cards: PARTS.map((part) => ({ title: part.zh, figure: `${metCount(part.key)} / ${overview.length}`, text: W.partsCard })),
    table: {
      caption: W.partsCaption(y),
      layout: 'stack',
      columns: [{ label: W.county }, ...PARTS.map((part) => ({ label: part.zh }))],
      rows: overview.map((o) => [{ text: o.name, href: p.href(`counties/${o.code}/`) }, ...PARTS.map((part) => partCell(o.parts[part.key]))]),
    },
  };
}

/** For each stage, the highest county CV per indicator against the limit (one bar chart per stage). */
function cvCharts(p: Portal, y: number): ViewChart[] {
  return STAGES.flatMap((st) => {
    const rows = p.counties.map((c) => p.countyResults.get(`${c.region_code}:${y}:${st}`)).filter((c) => c !== undefined && c.schoolIds.length > 0);
    if (!rows.length) return [];
    const limit = p.standard('cv_quality', st).threshold;
    const items = rows[0]!.cv.map((first, i) => {
      let best: { v: number; name: string } | null = null;
      for (const r of rows) {
        const v = r!.cv[i].value;
        if (v.kind === 'value' && (!best || v.value > best.v)) best = { v: v.value, name: r!.name };
      }
      return { label: `${INDICATOR_SHORT[first.indicator]}${best ? `（${best.name}）` : ''}`, value: best?.v ?? null, threshold: limit, comparison: '<=' as const };
    });
    const part = zh.part(st);
    const id = `home-cv-${st}`;
    return [withDownload(p, barChart({ id, title: W.cvChartTitle(y, part), subject: W.cvChartSubject(y, part), scale: 'absolute', axisTitle: W.cvAxis, digits: 3, items }), id, '')];
  });
}

function cvTable(p: Portal, y: number): ViewTable {
  const first = p.countyResults.get(`${p.counties[0]?.region_code}:${y}:primary`)?.cv ?? [];
  const rows: TableCell[][] = [];
  for (const c of p.counties) {
    for (const st of STAGES) {
      const r = p.countyResults.get(`${c.region_code}:${y}:${st}`);
      if (!r || r.schoolIds.length === 0) continue;
      rows.push([
        { text: c.name, href: p.href(`counties/${c.region_code}/`) },
        W.cvStage(zh.part(st), fmtCv(p.standard('cv_quality', st).threshold)),
        ...r.cv.map((v): TableCell => {
          const text = v.value.kind === 'value' ? fmtCv(v.value.value) : W.notPublished;
          if (v.passes === false) return { text: text + W.over, verdict: 'unmet' };
          return v.value.kind === 'value' ? text : { text, verdict: 'unknown' };
        }),
      ]);
    }
  }
  return {
    caption: W.cvCaption(y),
    searchable: false,
    columns: [{ label: W.county }, { label: W.stage }, ...first.map((c) => ({ label: INDICATOR_SHORT[c.indicator], numeric: true }))],
    rows,
  };
}

/** Region totals over both stages, newest year first; a year without classes reads 未公布. */
function classSizeTable(p: Portal): ViewTable {
  const rootCode = p.root?.region_code ?? null;
  const rows = [...p.years].reverse().map((yr): TableCell[] => {
    const cs = STAGES.map((st) => (rootCode ? p.countyResults.get(`${rootCode}:${yr}:${st}`)?.classes : undefined)).filter((c) => c !== undefined);
    const sum = (k: 'classes' | 'overLimit' | 'large' | 'superLarge') => cs.reduce((a, c) => a + c[k], 0);
    if (!cs.length || sum('classes') === 0) return [W.year(yr), W.notPublished, W.notPublished, W.notPublished, W.notPublished];
    return [W.year(yr), fmt(sum('classes')), fmt(sum('overLimit')), fmt(sum('large')), fmt(sum('superLarge'))];
  });
  return {
    caption: W.classCaption(p.settings.region_name, p.standard('class_size', 'primary').threshold, p.standard('class_size', 'junior').threshold),
    searchable: false,
    columns: W.classColumns.map((label, i) => ({ label, numeric: i > 0 })),
    rows,
  };
}

function admissionsSection(p: Portal, y: number): NonNullable<HomeView['admissions']> {
  const pub = publicationCounts(p, y);
  const total = Object.values(pub).reduce((a, b) => a + b, 0);
  if (total === 0) return { heading: W.admissionsHeading(y), text: [{ text: W.admissionsMissing(y) }], missing: true };
  const parts = PUBLICATION_ORDER.filter((k) => pub[k]).map((k) => W.admissionsPart(PUBLICATION_ZH[k], pub[k])).join('，');
  return {
    heading: W.admissionsHeading(y),
    text: [{ text: W.admissionsText(total, parts, p.standard('publication_working_days', 'all').threshold) }, { text: W.admissionsLink, href: p.href('topics/admissions/') }],
    missing: false,
  };
}

/** One timeline: county milestones, and per target year how the schools planned for it stand now. */
function planSection(p: Portal): NonNullable<HomeView['plan']> {
  const regionPlans = p.results.progress.filter((pl) => !pl.school_id);
  const schoolPlans = p.results.progress.filter((pl) => pl.school_id);
  const schoolYears = [...new Set(schoolPlans.map((pl) => pl.target_year))];
  const items = [
    ...regionPlans.map((pl) => ({
      year: pl.target_year,
      order: 0,
      code: pl.region_code,
      text: W.planRegion(p.regionsByCode.get(pl.region_code)?.name ?? pl.region_code, pl.description ?? zh.milestone(pl.milestone), PLAN_STATUS_ZH[pl.latest]),
    })),
    ...schoolYears.map((ty) => {
      const list = schoolPlans.filter((pl) => pl.target_year === ty);
      const by = new Map<string, number>();
      for (const pl of list) by.set(PLAN_STATUS_ZH[pl.latest], (by.get(PLAN_STATUS_ZH[pl.latest]) ?? 0) + 1);
      return { year: ty, order: 1, code: '', text: W.planSchools(list.length, [...by].map(([k, n]) => W.planSchoolStatus(k, n)).join('，')) };
    }),
  ].sort((a, b) => a.year - b.year || a.order - b.order || a.code.localeCompare(b.code));
  return {
    heading: W.planHeading,
    empty: items.length ? null : W.planEmpty,
    timeline: items.map((t) => ({ year: W.year(t.year), text: t.text })),
    link: { text: W.planLink, href: p.href('topics/progress/') },
  };
}

function releaseSection(p: Portal): HomeView['release'] {
  const r = p.latestRelease;
  if (!r) return { heading: W.releaseHeading, text: [{ text: W.downloadAll, href: p.href('data/') }, { text: ' · ' }, { text: W.changelog, href: p.href('changelog/') }] };
  return {
    heading: W.releaseHeading,
    text: [
      { text: W.releaseLatest },
      { text: r.version, href: p.href(`data/releases/${r.version}/`) },
      { text: W.releaseAfter(r.date, (r.notes ?? '').replace(/[。．.]+$/, '')) },
      { text: W.changelog, href: p.href('changelog/') },
      { text: W.changelogAfter },
    ],
  };
}

export function homeView(p: Portal): HomeView {
  const s = p.settings;
  const y = p.latestYear;
  const resourcesMet = y ? countyOverview(p, y).filter((o) => o.parts.resources.met === true).length : 0;
  const lede = y ? W.lede(y, p.counties.length, resourcesMet, s.region_name, p.data.schools.length, p.years[0]) : W.noData;
  return {
    title: s.title,
    heading: W.heading(s.region_name),
    lede,
    ledeSegments: linkFirstTerms(lede, glossaryTerms(p)),
    links: [
      { text: W.links.schools, href: p.href('schools/') },
      { text: W.links.counties, href: p.href('counties/') },
      { text: W.links.methodology, href: p.href('methodology/') },
      { text: W.links.data, href: p.href('data/') },
    ],
    year: y,
    parts: y ? partsSection(p, y) : null,
    cv: y
      ? {
          heading: W.cvHeading,
          intro: W.cvIntro(fmtCv(p.standard('cv_quality', 'primary').threshold), fmtCv(p.standard('cv_quality', 'junior').threshold)),
          charts: cvCharts(p, y),
          table: cvTable(p, y),
        }
      : null,
    classSize: y ? { heading: W.classHeading, table: classSizeTable(p), link: { text: W.classLink, href: p.href('topics/class-size/') } } : null,
    admissions: y ? admissionsSection(p, y) : null,
    plan: y ? planSection(p) : null,
    release: releaseSection(p),
  };
}

/** /home-cv-<stage>.csv: the numbers of each chart of the home page (Excel-ready CSV). */
export function homeChartFiles(p: Portal): { params: { chart: string }; props: { csv: string } }[] {
  const y = p.latestYear;
  return y ? cvCharts(p, y).map((c) => ({ params: { chart: c.id! }, props: { csv: tableCsv(c.table) } })) : [];
}
