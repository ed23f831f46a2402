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
import type { Link, TableCell, ViewChart, ViewTable, Words } from './types';

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

/** The words of the page, in one place (another language passes its own HomeWords). */
export const HOME_ZH = {
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
export type HomeWords = Words<typeof HOME_ZH>;

function partCell(st: PartStatus, w: HomeWords): TableCell {
  if (st.met === true) return { text: w.met, verdict: 'met' };
  if (st.met === false) {
    const why = st.failing.slice(0, 3).join('；') + (st.failing.length > 3 ? w.etc : '');
    return { text: w.failing(st.failing.length), verdict: 'unmet', title: st.failing.join('；'), note: why };
  }
  return { text: w.unknown(st.tested, st.unknown), verdict: 'unknown' };
}

function partsSection(p: Portal, y: number, w: HomeWords): NonNullable<HomeView['parts']> {
  const overview = countyOverview(p, y);
  const metCount = (key: PartKey) => overview.filter((o) => o.parts[key].met === true).length;
  return {
    heading: w.partsHeading(y),
    intro: [{ text: w.partsIntro }, { text: w.methodology, href: p.href('methodology/#coverage') }, { text: '。' }],
    cards: PARTS.map((part) => ({ title: part.zh, figure: `${metCount(part.key)} / ${overview.length}`, text: w.partsCard })),
    table: {
      caption: w.partsCaption(y),
      layout: 'stack',
      columns: [{ label: w.county }, ...PARTS.map((part) => ({ label: part.zh }))],
      rows: overview.map((o) => [{ text: o.name, href: p.href(`counties/${o.code}/`) }, ...PARTS.map((part) => partCell(o.parts[part.key], w))]),
    },
  };
}

/** For each stage, the highest county CV per indicator against the limit (one bar chart per stage). */
function cvCharts(p: Portal, y: number, w: HomeWords): ViewChart[] {
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
    return [withDownload(p, barChart({ id, title: w.cvChartTitle(y, part), subject: w.cvChartSubject(y, part), scale: 'absolute', axisTitle: w.cvAxis, digits: 3, items }), id, '')];
  });
}

function cvTable(p: Portal, y: number, w: HomeWords): ViewTable {
  const first = p.countyResults.get(`${p.counties[0]?.region_code}:${y}:primary`)?.cv ?? [];
  const rows: TableCell[][] = [];
  for (const c of p.counties) {
    for (const st of STAGES) {
      const r = p.countyResults.get(`${c.region_code}:${y}:${st}`);
      if (!r || r.schoolIds.length === 0) continue;
      rows.push([
        { text: c.name, href: p.href(`counties/${c.region_code}/`) },
        w.cvStage(zh.part(st), fmtCv(p.standard('cv_quality', st).threshold)),
        ...r.cv.map((v): TableCell => {
          const text = v.value.kind === 'value' ? fmtCv(v.value.value) : w.notPublished;
          if (v.passes === false) return { text: text + w.over, verdict: 'unmet' };
          return v.value.kind === 'value' ? text : { text, verdict: 'unknown' };
        }),
      ]);
    }
  }
  return {
    caption: w.cvCaption(y),
    searchable: false,
    columns: [{ label: w.county }, { label: w.stage }, ...first.map((c) => ({ label: INDICATOR_SHORT[c.indicator], numeric: true }))],
    rows,
  };
}

/** Region totals over both stages, newest year first; a year without classes reads 未公布. */
function classSizeTable(p: Portal, w: HomeWords): ViewTable {
  const rootCode = p.root?.region_code ?? null;
  const rows = [...p.years].reverse().map((yr): TableCell[] => {
    const cs = STAGES.map((st) => (rootCode ? p.countyResults.get(`${rootCode}:${yr}:${st}`)?.classes : undefined)).filter((c) => c !== undefined);
    const sum = (k: 'classes' | 'overLimit' | 'large' | 'superLarge') => cs.reduce((a, c) => a + c[k], 0);
    if (!cs.length || sum('classes') === 0) return [w.year(yr), w.notPublished, w.notPublished, w.notPublished, w.notPublished];
    return [w.year(yr), fmt(sum('classes')), fmt(sum('overLimit')), fmt(sum('large')), fmt(sum('superLarge'))];
  });
  return {
    caption: w.classCaption(p.settings.region_name, p.standard('class_size', 'primary').threshold, p.standard('class_size', 'junior').threshold),
    searchable: false,
    columns: w.classColumns.map((label, i) => ({ label, numeric: i > 0 })),
    rows,
  };
}

function admissionsSection(p: Portal, y: number, w: HomeWords): NonNullable<HomeView['admissions']> {
  const pub = publicationCounts(p, y);
  const total = Object.values(pub).reduce((a, b) => a + b, 0);
  if (total === 0) return { heading: w.admissionsHeading(y), text: [{ text: w.admissionsMissing(y) }], missing: true };
  const parts = PUBLICATION_ORDER.filter((k) => pub[k]).map((k) => w.admissionsPart(PUBLICATION_ZH[k], pub[k])).join('，');
  return {
    heading: w.admissionsHeading(y),
    text: [{ text: w.admissionsText(total, parts, p.standard('publication_working_days', 'all').threshold) }, { text: w.admissionsLink, href: p.href('topics/admissions/') }],
    missing: false,
  };
}

/** One timeline: county milestones, and per target year how the schools planned for it stand now. */
function planSection(p: Portal, w: HomeWords): NonNullable<HomeView['plan']> {
  const regionPlans = p.results.progress.filter((pl) => !pl.school_id);
  const schoolPlans = p.results.progress.filter((pl) => pl.school_id);
  const schoolYears = [...new Set(schoolPlans.map((pl) => pl.target_year))];
  const items = [
    ...regionPlans.map((pl) => ({
      year: pl.target_year,
      order: 0,
      code: pl.region_code,
      text: w.planRegion(p.regionsByCode.get(pl.region_code)?.name ?? pl.region_code, pl.description ?? zh.milestone(pl.milestone), PLAN_STATUS_ZH[pl.latest]),
    })),
    ...schoolYears.map((ty) => {
      const list = schoolPlans.filter((pl) => pl.target_year === ty);
      const by = new Map<string, number>();
      for (const pl of list) by.set(PLAN_STATUS_ZH[pl.latest], (by.get(PLAN_STATUS_ZH[pl.latest]) ?? 0) + 1);
      return { year: ty, order: 1, code: '', text: w.planSchools(list.length, [...by].map(([k, n]) => w.planSchoolStatus(k, n)).join('，')) };
    }),
  ].sort((a, b) => a.year - b.year || a.order - b.order || a.code.localeCompare(b.code));
  return {
    heading: w.planHeading,
    empty: items.length ? null : w.planEmpty,
    timeline: items.map((t) => ({ year: w.year(t.year), text: t.text })),
    link: { text: w.planLink, href: p.href('topics/progress/') },
  };
}

function releaseSection(p: Portal, w: HomeWords): HomeView['release'] {
  const r = p.latestRelease;
  if (!r) return { heading: w.releaseHeading, text: [{ text: w.downloadAll, href: p.href('data/') }, { text: ' · ' }, { text: w.changelog, href: p.href('changelog/') }] };
  return {
    heading: w.releaseHeading,
    text: [
      { text: w.releaseLatest },
      { text: r.version, href: p.href(`data/releases/${r.version}/`) },
      { text: w.releaseAfter(r.date, (r.notes ?? '').replace(/[。．.]+$/, '')) },
      { text: w.changelog, href: p.href('changelog/') },
      { text: w.changelogAfter },
    ],
  };
}

export function homeView(p: Portal, w: HomeWords = HOME_ZH): HomeView {
  const s = p.settings;
  const y = p.latestYear;
  const resourcesMet = y ? countyOverview(p, y).filter((o) => o.parts.resources.met === true).length : 0;
  const lede = y ? w.lede(y, p.counties.length, resourcesMet, s.region_name, p.data.schools.length, p.years[0]) : w.noData;
  return {
    title: s.title,
    heading: w.heading(s.region_name),
    lede,
    ledeSegments: linkFirstTerms(lede, glossaryTerms(p)),
    links: [
      { text: w.links.schools, href: p.href('schools/') },
      { text: w.links.counties, href: p.href('counties/') },
      { text: w.links.methodology, href: p.href('methodology/') },
      { text: w.links.data, href: p.href('data/') },
    ],
    year: y,
    parts: y ? partsSection(p, y, w) : null,
    cv: y
      ? {
          heading: w.cvHeading,
          intro: w.cvIntro(fmtCv(p.standard('cv_quality', 'primary').threshold), fmtCv(p.standard('cv_quality', 'junior').threshold)),
          charts: cvCharts(p, y, w),
          table: cvTable(p, y, w),
        }
      : null,
    classSize: y ? { heading: w.classHeading, table: classSizeTable(p, w), link: { text: w.classLink, href: p.href('topics/class-size/') } } : null,
    admissions: y ? admissionsSection(p, y, w) : null,
    plan: y ? planSection(p, w) : null,
    release: releaseSection(p, w),
  };
}

/** /home-cv-<stage>.csv: the numbers of each chart of the home page (Excel-ready CSV). */
export function homeChartFiles(p: Portal, w: HomeWords = HOME_ZH): { params: { chart: string }; props: { csv: string } }[] {
  const y = p.latestYear;
  return y ? cvCharts(p, y, w).map((c) => ({ params: { chart: c.id! }, props: { csv: tableCsv(c.table) } })) : [];
}
