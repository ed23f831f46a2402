/**
 * /schools/[id]/ — one school: the verdict in one line, this year's admission, then the seven
 * indicators, class sizes, admission history (newest year first), funding and teachers, plan,
 * findings and sources. Every word and number is decided here; the page only renders.
 */
import { partName } from '../indicators/format';
import type { Check, Finding, PartStage, PlanProgress, PublicationStatus, SchoolYearResult } from '../indicators/types';
import { classBand } from '../indicators/class-size';
import { partOfGrade, type AdmissionRow, type SchoolRow } from '../schema';
import { fmt, fmtUnit, show, showCell, showSensitive, zh, PLAN_STATUS_ZH, PUBLICATION_ZH } from '../site/format';
import { SEVERITY_ZH, sourceLink, uniqueSources } from '../site/labels';
import { schoolIndicatorBars } from '../site/chart-data';
import type { Portal } from '../site/portal';
import { reportErrorHref } from '../export/discovery';
import { isSmallCount } from '../privacy/suppress';
import type { TableCell, Verdict, ViewChart, ViewTable } from './types';
import { PART_ZH, pct, standardsOf, statusCell, tableCsv, thresholdText, valueCell, withDownload, INDICATOR_COUNT } from './shared';

export interface Fact {
  readonly label: string;
  readonly text: string;
  readonly href?: string;
  /** A list (the admission zone's communities) instead of one text. */
  readonly list?: readonly string[];
  /** The text says the value is not published (rendered muted). */
  readonly missing?: boolean;
  /** Keep out of the search index (codes, URLs). */
  readonly noIndex?: boolean;
}

export interface VerdictLine {
  readonly verdict: Verdict;
  /** ✓ / ✗ / ? — shown with the words, so colour never carries the verdict alone. */
  readonly symbol: string;
  /** “2025年：达到优质均衡学校要求” / “未达到…” / “尚不能判断…”. */
  readonly headline: string;
  /** By how much and on what, one sentence (empty when nothing to add). */
  readonly detail: string;
}

export interface AdmissionItem {
  readonly label: string;
  readonly text: string;
  readonly verdict?: Verdict;
  readonly missing?: boolean;
}

export interface AdmissionCard {
  /** “一年级” / “七年级”. */
  readonly title: string;
  readonly items: readonly AdmissionItem[];
}

export interface IndicatorPart {
  readonly stage: PartStage;
  /** Anchor of the section, e.g. ind-primary. */
  readonly id: string;
  readonly heading: string;
  /** Show the heading (nine-year schools) or keep it for screen readers only. */
  readonly headingVisible: boolean;
  readonly summary: string;
  readonly chart: ViewChart;
  readonly table: ViewTable;
}

export interface SchoolView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly countyName: string;
  readonly countyHref: string;
  readonly breadcrumbs: { label: string; href?: string }[];
  readonly filters: Record<string, string | readonly string[]>;
  /** Search-result line: county · stage · ownership · locale · address. */
  readonly searchSummary: string;
  readonly tags: readonly string[];
  readonly facts: readonly Fact[];
  readonly year: number | null;
  readonly verdict: VerdictLine;
  readonly admission: {
    readonly heading: string;
    readonly cards: readonly AdmissionCard[];
    /** Why there are no cards, or what is missing for the newest year. */
    readonly note: string | null;
    /** Earlier years, newest first; null when there are none. */
    readonly history: ViewTable | null;
    readonly privacyNote: string;
  };
  readonly indicators: { readonly heading: string; readonly empty: string | null; readonly parts: readonly IndicatorPart[] };
  readonly classSize: { readonly heading: string; readonly text: string; readonly table: ViewTable | null };
  readonly funding: { readonly heading: string; readonly table: ViewTable | null; readonly empty: string };
  readonly plan: { readonly empty: string | null; readonly countyLink: { readonly text: string; readonly href: string }; readonly items: readonly { readonly year: string; readonly text: string; readonly status: string; readonly note: string; readonly source: string; readonly sourceHref: string | null }[] };
  readonly findings: { readonly heading: string; readonly empty: string | null; readonly items: readonly { readonly severity: string; readonly label: string; readonly text: string }[]; readonly earlier: readonly { readonly severity: string; readonly text: string }[] };
  readonly sources: readonly { readonly text: string; readonly href: string; readonly dataset: string }[];
  readonly reportHref: string | null;
  readonly pageUrl: string;
}

const GRADE_ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
export const gradeZh = (g: number): string => `${GRADE_ZH[g] ?? g}年级`;

export function schoolPaths(p: Portal): { params: { id: string } }[] {
  return p.data.schools.map((s) => ({ params: { id: s.school_id } }));
}

/** The one-line verdict over the parts (小学部/初中部) of the school's newest year. */
export function verdictLine(p: Portal, parts: readonly SchoolYearResult[], year: number | null): VerdictLine {
  const when = year ? `${year}年：` : '';
  if (parts.length === 0) {
    return { verdict: 'unknown', symbol: '?', headline: `${when}无法判断是否达到优质均衡学校要求`, detail: `没有该校${year ?? ''}年的办学条件数据（resources.csv），${INDICATOR_COUNT}项指标无法计算。` };
  }
  const label = (r: SchoolYearResult) => (parts.length > 1 ? PART_ZH[r.stage] : '');
  const name = (r: SchoolYearResult, key: string) => p.standard(key, r.stage).zh;
  const rule = (r: SchoolYearResult) => `要求${INDICATOR_COUNT}项中至少${r.verdict.required}项达标，其余项不低于标准的${pct(r.verdict.minRatio)}`;
  const byPart = parts.map((r) => {
    const v = r.verdict;
    if (v.status === 'passes') {
      return v.missed.length === 0 ? `${label(r)}${INDICATOR_COUNT}项指标全部达标` : `${label(r)}${INDICATOR_COUNT}项指标中${v.met}项达标，未达标项均不低于标准的${pct(v.minRatio)}`;
    }
    if (v.status === 'unknown') {
      return `${label(r)}${INDICATOR_COUNT}项指标中${v.met}项达标，${v.missing.map((k) => name(r, k)).join('、')}未公布，无法判断（${rule(r)}）`;
    }
    const missed = r.indicators
      .filter((c) => c.met === false)
      .map((c) => {
        const below = r.verdict.belowMinRatio.includes(c.key) && c.ratio !== null ? `，低于${pct(r.verdict.minRatio)}` : '';
        const how = [c.gap !== null ? `差 ${fmtUnit(c.gap, c.unit)}` : '', c.ratio !== null ? `为标准的${pct(c.ratio)}${below}` : ''].filter(Boolean).join('，');
        return `${name(r, c.key)}${how ? `（${how}）` : ''}`;
      });
    const short = v.met < v.required ? `，还差${v.required - v.met}项` : '';
    return `${label(r)}${INDICATOR_COUNT}项指标中${v.met}项达标${short}（${rule(r)}）；未达标：${missed.join('、')}`;
  });
  // Special-education schools and teaching points under the minimum size are listed but not assessed.
  const excluded = parts.every((r) => r.counted.counted === false && (r.counted.reason === 'special_education' || r.counted.reason === 'small_teaching_point'));
  if (excluded) {
    const c = parts[0].counted;
    const why = c.counted === false ? c.note : '';
    return { verdict: 'not_applicable', symbol: '—', headline: `${when}不参加优质均衡学校评估`, detail: `${why}。仅供参考：${byPart.join('；')}。` };
  }
  const fails = parts.some((r) => r.verdict.status === 'fails');
  const unknown = parts.some((r) => r.verdict.status === 'unknown');
  const verdict: Verdict = fails ? 'unmet' : unknown ? 'unknown' : 'met';
  const headline = fails ? '未达到优质均衡学校要求' : unknown ? '尚不能判断是否达到优质均衡学校要求' : '达到优质均衡学校要求';
  const notCounted = parts.map((r) => r.counted).find((c) => c.counted === false);
  const note = notCounted && notCounted.counted === false ? `（${notCounted.note}）` : '';
  return { verdict, symbol: fails ? '✗' : unknown ? '?' : '✓', headline: `${when}${headline}`, detail: `${byPart.join('；')}。${note}` };
}

/** Publication status of a grade's admission results (the core's, per part); shared with the English page. */
export function publicationOf(p: Portal, id: string, year: number, grade: number): PublicationStatus | null {
  const part = partOfGrade(grade);
  const r = (p.resultsBySchoolYear.get(`${id}:${year}`) ?? []).find((x) => x.stage === part);
  return r ? r.admissions.publication.status : null;
}

/** 划片内录取: a lottery admission with no in-zone figure is 不适用, not 未公布. */
function inZoneText(a: AdmissionRow, short = false): { text: string; missing: boolean } {
  if (a.admitted_in_zone === null) {
    if (a.method === 'lottery') return { text: short ? '不适用（摇号）' : '不适用（摇号录取，不按片区）', missing: false };
    if (a.admitted === null && !short) return { text: '未公布（录取结果尚未公布）', missing: true };
    return { text: '未公布', missing: true };
  }
  if (short) return { text: fmt(a.admitted_in_zone), missing: false };
  const share = a.admitted ? `（占录取的${pct(a.admitted_in_zone / a.admitted)}）` : '';
  return { text: `${fmt(a.admitted_in_zone)}人${share}`, missing: false };
}

function resultsText(a: AdmissionRow, status: PublicationStatus | null): { text: string; verdict?: Verdict } {
  const word = status ? PUBLICATION_ZH[status] : '';
  const verdict: Verdict | undefined = status === 'on_time' ? 'met' : status === 'late' || status === 'not_published' ? 'unmet' : status === 'not_due' ? 'not_applicable' : status ? 'unknown' : undefined;
  if (a.results_published_on) return { text: `${a.results_published_on}${word ? `，${word}` : ''}`, verdict };
  return { text: word || '未公布', verdict };
}

function admissionCard(p: Portal, id: string, year: number, a: AdmissionRow): AdmissionCard {
  const status = publicationOf(p, id, year, a.grade);
  const over = a.admitted !== null && a.admitted > a.planned_seats ? `，超出计划${fmt(a.admitted - a.planned_seats)}人` : '';
  const iz = inZoneText(a);
  const res = resultsText(a, status);
  const items: AdmissionItem[] = [
    { label: '招生计划', text: `${fmt(a.planned_seats)}人${a.planned_classes !== null ? `（${fmt(a.planned_classes)}个班）` : ''}` },
    { label: '报名人数', text: a.applicants === null ? '未公布' : `${fmt(a.applicants)}人`, missing: a.applicants === null },
    { label: '录取人数', text: a.admitted === null ? '未公布（录取结果尚未公布）' : `${fmt(a.admitted)}人${over}`, missing: a.admitted === null, verdict: over ? 'unmet' : undefined },
    { label: '划片内录取', text: iz.text, missing: iz.missing },
    { label: '招生方式', text: a.method ? (a.method === 'lottery' ? '摇号（电脑随机录取）' : zh.method(a.method)) : '未公布', missing: a.method === null },
    { label: '招生计划公布', text: a.plan_published_on ?? '未公布', missing: a.plan_published_on === null },
    { label: '录取结果公布', text: res.text, verdict: res.verdict },
  ];
  return { title: gradeZh(a.grade), items };
}

function admissionHistory(p: Portal, id: string, name: string, years: readonly number[]): ViewTable | null {
  const threshold = p.settings.suppression_threshold;
  const rows: TableCell[][] = [];
  for (const y of years) {
    for (const a of p.rowsBySchoolYear.get(`${id}:${y}`)?.admissions ?? []) {
      const res = resultsText(a, publicationOf(p, id, y, a.grade));
      rows.push([
        `${y}年 ${gradeZh(a.grade)}`,
        fmt(a.planned_seats),
        showCell(a.applicants),
        a.admitted === null ? '未公布' : a.admitted > a.planned_seats ? { text: `${fmt(a.admitted)}（超计划）`, verdict: 'unmet' } : fmt(a.admitted),
        inZoneText(a, true).text,
        showCell(a.admitted_migrant),
        showSensitive(a.admitted_disabled, threshold),
        zh.method(a.method),
        res.verdict ? { text: res.text, verdict: res.verdict } : res.text,
      ]);
    }
  }
  if (!rows.length) return null;
  return {
    caption: `${name}往年招生（新的年份在前）`,
    id: 'admissions-history',
    columns: [
      { label: '学年与年级' },
      { label: '计划', numeric: true },
      { label: '报名', numeric: true },
      { label: '录取', numeric: true },
      { label: '划片内', numeric: true },
      { label: '随迁子女', numeric: true },
      { label: '残疾儿童', numeric: true },
      { label: '方式' },
      { label: '结果公布' },
    ],
    rows,
  };
}

function indicatorPart(p: Portal, r: SchoolYearResult, single: boolean, schoolName: string): IndicatorPart {
  const st = show(r.students, '人');
  const cl = show(r.classes, '个');
  const counted = r.counted.counted === false ? `（${r.counted.note}）` : '';
  const chartId = `ind-chart-${r.stage}`;
  return {
    stage: r.stage,
    id: `ind-${r.stage}`,
    heading: PART_ZH[r.stage],
    headingVisible: !single,
    summary: `在校生 ${st.text}，班级 ${cl.text}。${r.verdict.explanation}。${counted}`,
    chart: withDownload(p, schoolIndicatorBars(p, r, chartId), chartId, `schools/${r.school_id}/`),
    table: {
      // the part only for a school with two (“实验小学小学部” doubles the word)
      caption: `${partName(schoolName, r.schoolStage, r.stage)}${INDICATOR_COUNT}项指标与标准（${r.year}年）`,
      columns: [{ label: '指标' }, { label: '本校', numeric: true }, { label: '标准', numeric: true }, { label: '对照' }, { label: '达到标准的', numeric: true }],
      rows: r.indicators.map((c) => [p.standard(c.key, r.stage).zh, valueCell(c), thresholdText(c), statusCell(c), c.ratio !== null ? pct(c.ratio) : '—']),
    },
  };
}

export interface GradeClassSizes {
  readonly grade: number;
  readonly classes: number;
  readonly mean: number;
  readonly max: number;
  /** Classes above the stage's standard class size (limit), and of them 大班额 / 超大班额. */
  readonly over: number;
  readonly large: number;
  readonly superLarge: number;
  readonly limit: number;
}

/** Class sizes of a school-year by grade (ascending), banded by the core's classBand; shared with the English page. */
export function classSizesByGrade(p: Portal, id: string, year: number | null): GradeClassSizes[] {
  const classes = year ? (p.rowsBySchoolYear.get(`${id}:${year}`)?.classes ?? []) : [];
  const standards = standardsOf(p);
  const byGrade = new Map<number, number[]>();
  for (const c of classes) {
    const list = byGrade.get(c.grade);
    if (list) list.push(c.students);
    else byGrade.set(c.grade, [c.students]);
  }
  return [...byGrade.keys()]
    .sort((a, b) => a - b)
    .map((g) => {
      const sizes = byGrade.get(g)!;
      const stage = partOfGrade(g);
      let over = 0;
      let large = 0;
      let superLarge = 0;
      let sum = 0;
      let max = 0;
      for (const s of sizes) {
        const band = classBand(s, stage, standards);
        if (band !== 'within_limit') over++;
        if (band === 'large') large++;
        if (band === 'super_large') superLarge++;
        sum += s;
        if (s > max) max = s;
      }
      return { grade: g, classes: sizes.length, mean: sum / sizes.length, max, over, large, superLarge, limit: p.standard('class_size', stage).threshold };
    });
}

function classSize(p: Portal, id: string, year: number | null): SchoolView['classSize'] {
  const heading = `班额${year ? `（${year}年）` : ''}`;
  const grades = classSizesByGrade(p, id, year);
  if (!grades.length) return { heading, text: `未公布：${year ?? ''}年 classes.csv 中没有该校的班级数据。`, table: null };
  const total = grades.reduce((a, g) => a + g.classes, 0);
  const over = grades.reduce((a, g) => a + g.over, 0);
  const rows: TableCell[][] = grades.map((g) => [
    gradeZh(g.grade),
    String(g.classes),
    fmt(g.mean, 1),
    String(g.max),
    g.over > 0 ? { text: `${g.over}（超过${g.limit}人）`, verdict: 'unmet' } : '0',
    g.large > 0 ? { text: String(g.large), verdict: 'unmet' } : '0',
    g.superLarge > 0 ? { text: String(g.superLarge), verdict: 'unmet' } : '0',
  ]);
  const lim = (s: PartStage) => p.standard('class_size', s).threshold;
  const largeMin = p.standard('large_class_min').threshold;
  const superMin = p.standard('super_large_class_min').threshold;
  const text =
    `共${total}个班。标准班额：小学每班不超过${lim('primary')}人、初中不超过${lim('junior')}人；${largeMin}–${superMin - 1}人为大班额，${superMin}人及以上为超大班额。` +
    (over > 0 ? `有${over}个班超过标准班额。` : '所有班级均未超过标准班额。');
  return {
    heading,
    text,
    table: {
      caption: `各年级班额（${year}年）`,
      columns: [{ label: '年级' }, { label: '班数', numeric: true }, { label: '平均班额', numeric: true }, { label: '最大班额', numeric: true }, { label: '超过标准的班', numeric: true }, { label: '大班额', numeric: true }, { label: '超大班额', numeric: true }],
      rows,
    },
  };
}

function checkRow(label: string, c: Check): TableCell[] {
  return [label, valueCell(c), thresholdText(c), statusCell(c)];
}

function funding(p: Portal, id: string, first: SchoolYearResult | undefined, year: number | null): SchoolView['funding'] {
  const heading = `经费与教师${year ? `（${year}年）` : ''}`;
  if (!first || !year) return { heading, table: null, empty: '未公布。' };
  const threshold = p.settings.suppression_threshold;
  const row = p.rowsBySchoolYear.get(`${id}:${year}`)?.funding ?? null;
  const n = row?.special_ed_students;
  const f = first.funding;
  const t = first.teachers;
  // 特教: say what is true — no pupils, pupils too few to publish, or the per-pupil figure.
  let special: TableCell[];
  const specialLabel = '特教学生生均公用经费';
  if (row && isSmallCount(n, threshold)) {
    special = [specialLabel, `不公布（特教学生少于${threshold}人，为保护隐私不公布生均经费）`, thresholdText(f.specialEdPerStudent), { text: '—', verdict: 'unknown' }];
  } else if (row && n === 0 && first.kind !== 'special_education') {
    special = [specialLabel, '本校没有特教学生，无此项经费', thresholdText(f.specialEdPerStudent), { text: '—', verdict: 'not_applicable' }];
  } else {
    special = checkRow(specialLabel, f.specialEdPerStudent);
  }
  const rows: TableCell[][] = [
    ['公用经费支出', valueCell({ value: f.publicFunds, unit: '元' }), '', ''],
    ['生均公用经费', valueCell({ value: f.publicFundsPerStudent, unit: '元' }), '', ''],
    checkRow('公用经费达到省定标准', f.publicFundsVsStandard),
    checkRow('教师培训经费占公用经费', f.trainingShare),
    ['特教学生数', row ? showSensitive(n, threshold) : '未公布', '', ''],
    special,
    ['专任教师', valueCell({ value: t.teachers, unit: '人' }), '', ''],
    checkRow('专任教师持证上岗率', t.certifiedShare),
    checkRow('5年360学时培训完成率', t.training360Share),
    checkRow('教师交流轮岗比例（全县判定，供参考）', t.exchangeRate),
    checkRow('辍学率', first.outcomes.dropoutRate),
    checkRow('学业合格率', first.outcomes.passRate),
  ];
  return {
    heading,
    empty: '',
    table: {
      caption: `经费、教师与质量（${year}年）`,
      columns: [{ label: '项目' }, { label: '本校', numeric: true }, { label: '标准', numeric: true }, { label: '对照' }],
      rows,
    },
  };
}

function plan(plans: readonly PlanProgress[], countyName: string, countyHref: string): SchoolView['plan'] {
  const countyLink = { text: `${countyName}的规划进展`, href: `${countyHref}#plan` };
  if (!plans.length) return { empty: '本校在规划文件（plans.csv）中没有单独的达标年份，见', countyLink, items: [] };
  return {
    empty: null,
    countyLink,
    items: plans.map((pl) => {
      const last = pl.years[pl.years.length - 1];
      return {
        year: `${pl.target_year}年`,
        text: zh.milestone(pl.milestone),
        status: PLAN_STATUS_ZH[pl.latest],
        note: last ? `${last.year}年：${last.basis}` : '',
        source: pl.planSource,
        sourceHref: pl.planSourceUrl,
      };
    }),
  };
}

function findings(all: readonly Finding[], year: number | null): SchoolView['findings'] {
  const now = all.filter((f) => f.year === year);
  const earlier = all.filter((f) => f.year !== year).sort((a, b) => b.year - a.year);
  return {
    heading: `发现${year ? `（${year}年）` : ''}`,
    empty: now.length ? null : `${year ?? ''}年数据中没有发现该校未达到标准的情况。`,
    items: now.map((f) => ({ severity: f.severity, label: SEVERITY_ZH[f.severity], text: f.message })),
    earlier: earlier.map((f) => ({ severity: f.severity, text: `${f.year}年：${f.message}` })),
  };
}

/**
 * What a school page is about, chosen once for both languages: the school, its county, the
 * newest year with results (and that year's parts, rows and zones), and the newest year with
 * admission rows. The Chinese and English views word the same selection.
 */
export function schoolSelection(p: Portal, id: string) {
  const school: SchoolRow | undefined = p.schoolsById.get(id);
  if (!school) throw new Error(`没有学校 ${id}`);
  const county = p.regionsByCode.get(school.region_code);
  const countyName = county?.name ?? school.region_code;
  const all = p.resultsBySchool.get(id) ?? [];
  const resultYears = [...new Set(all.map((r) => r.year))];
  const year = resultYears.length ? resultYears[resultYears.length - 1] : p.latestYear;
  const parts = year ? (p.resultsBySchoolYear.get(`${id}:${year}`) ?? []) : [];
  const rows = year ? p.rowsBySchoolYear.get(`${id}:${year}`) : undefined;
  const zones = rows?.zones ?? [];
  // This year's admission: the newest year with rows for the school; earlier years below.
  const newestFirst = [...p.years].reverse();
  const admYear = newestFirst.find((y) => (p.rowsBySchoolYear.get(`${id}:${y}`)?.admissions.length ?? 0) > 0) ?? null;
  const admissionRows = admYear ? (p.rowsBySchoolYear.get(`${id}:${admYear}`)?.admissions ?? []) : [];
  const plans = p.progressBySchool.get(id) ?? [];
  // Every file a figure on the page comes from (for the 数据来源 / Sources list).
  const sources = uniqueSources([
    school._source,
    ...parts.map((r) => r.source),
    ...(rows?.classes.slice(0, 1).map((c) => c._source) ?? []),
    ...(rows?.admissions.map((a) => a._source) ?? []),
    rows?.funding?._source,
    rows?.teachers?._source,
    rows?.outcomes?._source,
    ...zones.slice(0, 1).map((z) => z._source),
    ...plans.map((pl) => pl.source),
  ]).map(sourceLink);
  return { school, county, countyName, all, resultYears, year, parts, rows, zones, newestFirst, admYear, admissionRows, latest: p.latestYear, plans, sources };
}

export function schoolView(p: Portal, id: string): SchoolView {
  const { school, county, countyName, resultYears, year, parts, zones, newestFirst, admYear, admissionRows, latest, plans, sources } = schoolSelection(p, id);
  const countyHref = p.href(`counties/${school.region_code}/`);
  const verdict = verdictLine(p, parts, year);
  const cards = admYear ? admissionRows.map((a) => admissionCard(p, id, admYear, a)) : [];
  let admNote: string | null = null;
  if (!admYear) admNote = '未公布：没有该校的招生计划和结果。';
  else if (latest && admYear < latest) admNote = `${latest}年没有该校的招生记录；以下为${admYear}年。`;
  const threshold = p.settings.suppression_threshold;

  const path = p.href(`schools/${id}/`);
  const pageUrl = p.settings.site_url ? new URL(path.replace(/^\//, ''), p.settings.site_url.replace(/\/?$/, '/')).href : path;
  const firstResource = parts[0]?.source ?? null;
  const reportHref = reportErrorHref(p.settings.report_error_url, {
    page: pageUrl,
    title: school.name,
    dataset: firstResource ? 'resources' : 'schools',
    file: firstResource?.file ?? school._source.file,
    row: firstResource?.row ?? school._source.row,
  });

  const facts: Fact[] = [
    { label: '所属县区', text: countyName, href: countyHref },
    { label: '地址', text: school.address ?? '未公布', missing: !school.address },
    { label: '学校标识码', text: school.school_id, noIndex: true },
    ...(school.website ? [{ label: '网址', text: school.website, href: school.website, noIndex: true }] : []),
    zones.length
      ? { label: `招生范围${year ? `（${year}年）` : ''}`, text: '', list: zones.map((z) => (z.note ? `${z.area}（${z.note}）` : z.area)) }
      : { label: `招生范围${year ? `（${year}年）` : ''}`, text: '未公布', missing: true },
  ];
  const tags = [
    zh.stage(school.stage),
    zh.ownership(school.ownership),
    zh.locale(school.locale),
    ...(school.kind !== 'regular' ? [zh.kind(school.kind)] : []),
    ...(school.status === 'closed' ? [`已撤并${school.closed_year ? `（${school.closed_year}年）` : ''}`] : []),
  ];

  return {
    id,
    name: school.name,
    description: `${school.name}（${countyName}，${zh.stage(school.stage)}，${zh.ownership(school.ownership)}）${verdict.headline}。招生范围、班额、招生、经费与教师数据。`,
    countyName,
    countyHref,
    breadcrumbs: [{ label: '学校', href: p.href('schools/') }, { label: countyName, href: p.href(`schools/county/${school.region_code}/`) }, { label: school.name }],
    filters: { 县区: countyName, 学段: zh.stage(school.stage), 年份: resultYears.map(String) },
    searchSummary: [county?.name, zh.stage(school.stage), zh.ownership(school.ownership), zh.locale(school.locale), school.address].filter(Boolean).join(' · '),
    tags,
    facts,
    year,
    verdict,
    admission: {
      heading: admYear ? `${admYear}年招生` : '招生',
      cards,
      note: admNote,
      history: admissionHistory(p, id, school.name, newestFirst.filter((y) => admYear !== null && y < admYear)),
      privacyNote: `残疾儿童录取数少于${threshold}人时显示为“<${threshold}”，以保护个人隐私。录取结果须在9月1日后${p.standard('publication_working_days').threshold}个工作日内公开。`,
    },
    indicators: {
      heading: `资源配置${INDICATOR_COUNT}项指标${year ? `（${year}年）` : ''}`,
      empty: parts.length ? null : `该校${year ?? ''}年没有办学条件数据（resources.csv 中无此校记录），${INDICATOR_COUNT}项指标无法计算。`,
      parts: parts.map((r) => indicatorPart(p, r, parts.length === 1, school.name)),
    },
    classSize: classSize(p, id, year),
    funding: funding(p, id, parts[0], year),
    plan: plan(plans, countyName, countyHref),
    findings: findings(p.findingsBySchool.get(id) ?? [], year),
    sources: sources.map((s) => ({ text: s.text, href: p.href(s.path), dataset: s.datasetZh })),
    reportHref,
    pageUrl,
  };
}

/** Every chart of every school page with its CSV (schools/<id>/<chart id>.csv), for the endpoint. */
export function schoolChartFiles(p: Portal): { params: { id: string; chart: string }; props: { csv: string } }[] {
  const out: { params: { id: string; chart: string }; props: { csv: string } }[] = [];
  for (const s of p.data.schools) {
    const all = p.resultsBySchool.get(s.school_id) ?? [];
    const year = all.length ? all[all.length - 1].year : null;
    const parts = year ? (p.resultsBySchoolYear.get(`${s.school_id}:${year}`) ?? []) : [];
    for (const r of parts) {
      const chart = indicatorPart(p, r, parts.length === 1, s.name).chart;
      out.push({ params: { id: s.school_id, chart: chart.id! }, props: { csv: tableCsv(chart.table) } });
    }
  }
  return out;
}
