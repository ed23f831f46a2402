/**
 * /counties/[code]/ — one county: headline cards, the CV monitoring table (years newest first),
 * each school against the seven indicators, the schools holding the county back, class sizes,
 * admissions, finance, plan and the school list, with every chart's anchor and CSV.
 */
import type { CountyYearResult, CvResult, PartStage, PlanProgress } from '../indicators/types';
import { num } from '../indicators/values';
import { QUALITY_INDICATOR_KEYS } from '../standards';
import { fmt, fmtCv, fmtUnit, show, zh, PLAN_STATUS_ZH } from '../site/format';
import { INDICATOR_SHORT } from '../site/labels';
import { PLAN_STATUS_SHORT } from '../site/plan-status';
import { admissionsStack, classSizeHistogram, countyYear, cvTrendCharts, digitsFor, schoolsStrip, spendingChart, stagesOf } from '../site/region-charts';
import type { Portal } from '../site/portal';
import type { TableCell, Verdict, ViewChart, ViewTable } from './types';
import { STAGE_ZH, statusCell, tableCsv, thresholdText, valueCell, withDownload, INDICATOR_COUNT } from './shared';
import type { Boundaries } from '../charts/map-boundaries';
import { countyMap } from './map';

export interface Card {
  readonly title: string;
  readonly figure: string;
  readonly text: string;
  readonly verdict?: Verdict;
}

export interface CountyView {
  readonly code: string;
  readonly name: string;
  readonly year: number;
  readonly description: string;
  readonly lede: string;
  readonly breadcrumbs: { label: string; href?: string }[];
  readonly cards: readonly Card[];
  readonly cv: {
    readonly intro: string;
    readonly methodologyHref: string;
    readonly stages: readonly { readonly heading: string; readonly table: ViewTable; readonly excluded: string | null; readonly chartsLabel: string; readonly charts: readonly ViewChart[] }[];
  };
  readonly matrix: { readonly heading: string; readonly intro: string; readonly stages: readonly { readonly heading: string; readonly table: ViewTable }[] };
  readonly holdingBack: { readonly text: string; readonly schools: readonly { readonly name: string; readonly href: string; readonly gaps: string }[]; readonly charts: readonly ViewChart[] };
  readonly classSize: { readonly chart: ViewChart; readonly table: ViewTable };
  readonly admissions: { readonly chart: ViewChart; readonly table: ViewTable; readonly topicHref: string };
  readonly finance: { readonly chart: ViewChart; readonly table: ViewTable | null };
  readonly plan: {
    readonly empty: string | null;
    readonly milestones: readonly { readonly year: string; readonly text: string; readonly status: string }[];
    readonly schools: ViewTable | null;
    readonly source: { readonly text: string; readonly href: string | null } | null;
  };
  readonly schools: readonly { readonly name: string; readonly href: string; readonly note: string }[];
  /** Where the schools are (null when none has coordinates), with the link to the whole map. */
  readonly map: { readonly chart: ViewChart | null; readonly href: string };
}

export function countyPaths(p: Portal): { params: { code: string } }[] {
  return p.counties.map((c) => ({ params: { code: c.region_code } }));
}

/** CVs of a stage-year by verdict: within the limit, over it, cannot be judged. */
export function cvCounts(c: CountyYearResult | undefined): { within: number; over: number; unknown: number; total: number } {
  const cv = c?.cv ?? [];
  const within = cv.filter((x) => x.passes === true).length;
  const over = cv.filter((x) => x.passes === false).length;
  return { within, over, unknown: QUALITY_INDICATOR_KEYS.length - within - over, total: QUALITY_INDICATOR_KEYS.length };
}

/** “0.312 ✓” / “0.612 ✗ 超出” / “未公布”. */
export function cvCell(cv: CvResult | undefined): TableCell {
  if (!cv) return '未公布';
  const v = num(cv.value);
  if (v === null) return { text: show(cv.value).text, verdict: 'unknown' };
  if (cv.passes === true) return { text: `${fmtCv(v)} ✓`, verdict: 'met' };
  if (cv.passes === false) return { text: `${fmtCv(v)} ✗ 超出`, verdict: 'unmet' };
  return { text: `${fmtCv(v)}（部分学校未报告）`, verdict: 'unknown' };
}

/** The county's own milestones (not per school), “2028年 通过认定：未到目标年份”. */
export function regionMilestones(p: Portal, code: string): { year: number; milestone: string; status: string; plan: PlanProgress }[] {
  return (p.progressByRegion.get(code) ?? [])
    .filter((r) => r.milestone !== 'other')
    .map((r) => ({ year: r.target_year, milestone: zh.milestone(r.milestone), status: PLAN_STATUS_ZH[r.latest], plan: r }));
}

/** Classes of a county-year over its stages: total, above the standard, 大班额, 超大班额 (shared with the English page). */
export function countyClassTotals(p: Portal, code: string, y: number): { classes: number; over: number; large: number; superLarge: number; published: boolean } {
  const cs = stagesOf(p, code).map((s) => countyYear(p, code, y, s)).filter((c): c is CountyYearResult => !!c);
  const t = { classes: 0, over: 0, large: 0, superLarge: 0, published: cs.some((c) => c.classes.classes > 0) };
  for (const c of cs) {
    t.classes += c.classes.classes;
    t.over += c.classes.overLimit;
    t.large += c.classes.large;
    t.superLarge += c.classes.superLarge;
  }
  return t;
}

/** Places planned and admitted in a county-year over its stages (admitted null when any stage's is unknown). */
export function countyAdmissionTotals(p: Portal, code: string, y: number): { cs: CountyYearResult[]; planned: number; admitted: number | null } {
  const cs = stagesOf(p, code).map((s) => countyYear(p, code, y, s)).filter((c): c is CountyYearResult => !!c);
  let planned = 0;
  let admitted: number | null = 0;
  for (const c of cs) {
    planned += c.admissions.plannedSeats;
    const a = num(c.admissions.admitted);
    admitted = admitted === null || a === null ? null : admitted + a;
  }
  return { cs, planned, admitted };
}

const cache = new WeakMap<Portal, Map<string, CountyView>>();

export function countyView(p: Portal, code: string, boundaries: Boundaries | null = null): CountyView {
  let m = cache.get(p);
  if (!m) cache.set(p, (m = new Map()));
  const key = `${code}|${boundaries ? boundaries.outlines.length : '-'}`;
  let v = m.get(key);
  if (!v) m.set(key, (v = build(p, code, boundaries)));
  return v;
}

function build(p: Portal, code: string, boundaries: Boundaries | null): CountyView {
  const county = p.regionsByCode.get(code);
  if (!county) throw new Error(`没有县区 ${code}`);
  const name = county.name;
  const year = p.latestYear!;
  const newestFirst = [...p.years].reverse();
  const stages = stagesOf(p, code);
  const schools = p.schoolsByCounty.get(code) ?? [];
  const gaps = p.countyGaps.get(code);
  const folder = `counties/${code}/`;
  const dl = (c: Parameters<typeof withDownload>[1], id: string) => withDownload(p, c, id, folder);
  const schoolHref = (id: string) => p.href(`schools/${id}/`);
  const cvLimit = (s: PartStage) => p.standard('cv_quality', s).threshold;
  const required = p.standard('min_indicators_met').threshold;
  const minRatio = `${fmt(p.standard('min_ratio_missed').threshold * 100, 1)}%`;
  const rule = `${INDICATOR_COUNT}项中至少${required}项达标、其余项不低于标准的${minRatio}`;

  // Cards
  const cards: Card[] = [];
  for (const stage of stages) {
    const n = cvCounts(countyYear(p, code, year, stage));
    const extra = [n.over ? `${n.over}项超出` : '', n.unknown ? `${n.unknown}项无法判断` : ''].filter(Boolean).join('，');
    cards.push({
      title: `${STAGE_ZH[stage]}差异系数（${year}年）`,
      figure: `${n.within}/${n.total} 项`,
      text: `在 ${fmtCv(cvLimit(stage))} 的上限以内${extra ? `；${extra}` : ''}`,
      verdict: n.over ? 'unmet' : n.unknown ? 'unknown' : 'met',
    });
  }
  for (const stage of stages) {
    const c = countyYear(p, code, year, stage);
    if (!c) continue;
    cards.push({
      title: `${STAGE_ZH[stage]}学校达标（${INDICATOR_COUNT}项中${required}项以上）`,
      figure: `${c.sixOfSeven.passes}/${c.countedSchools} 所`,
      text: `${c.sixOfSeven.fails > 0 ? `${c.sixOfSeven.fails}所未达到` : '计入评估的学校均达到'}${c.sixOfSeven.unknown > 0 ? `，${c.sixOfSeven.unknown}所数据不足` : ''}`,
      verdict: c.sixOfSeven.fails ? 'unmet' : c.sixOfSeven.unknown ? 'unknown' : 'met',
    });
  }
  const totals = (y: number) => countyClassTotals(p, code, y);
  const ct = totals(year);
  cards.push({
    title: `班额（${year}年）`,
    figure: `${ct.large + ct.superLarge} 个大班额`,
    text: `共${fmt(ct.classes)}个班，超过标准班额${ct.over}个${ct.superLarge > 0 ? `，其中超大班额${ct.superLarge}个` : ''}`,
  });

  // CV monitoring, newest year first.
  const cvStages = stages.map((stage) => {
    const rows: TableCell[][] = QUALITY_INDICATOR_KEYS.map((key) => [
      p.standard(key, stage).zh,
      // A year without resources.csv reads 未公布 (its CVs are otherwise “无法计算：没有学校”).
      ...newestFirst.map((y) => (p.yearData.get(y)?.resources ? cvCell(countyYear(p, code, y, stage)?.cv.find((x) => x.indicator === key)) : '未公布')),
    ]);
    rows.push([
      `综合差异系数（${INDICATOR_COUNT}项平均，仅供参考）`,
      ...newestFirst.map((y) => {
        const c = countyYear(p, code, y, stage);
        const v = c && p.yearData.get(y)?.resources ? num(c.compositeCv) : null;
        return v === null ? '未公布' : fmtCv(v);
      }),
    ]);
    const cy = countyYear(p, code, year, stage);
    return {
      heading: `${STAGE_ZH[stage]}差异系数监测表`,
      table: {
        caption: `${name}${STAGE_ZH[stage]}校际差异系数（上限 ${fmtCv(cvLimit(stage))}，新的年份在前）`,
        id: `cv-table-${stage}`,
        columns: [{ label: '指标' }, ...newestFirst.map((y) => ({ label: `${y}年`, numeric: true }))],
        rows,
      } satisfies ViewTable,
      excluded: cy && cy.excluded.length ? `列出但不计入差异系数：${cy.excluded.map((e) => `${e.name}（${e.note}）`).join('；')}。` : null,
      chartsLabel: `查看${STAGE_ZH[stage]}${INDICATOR_COUNT}项指标差异系数的逐年变化图`,
      charts: cvTrendCharts(p, code, name, stage).map((c, i) => dl(c, `chart-cv-${stage}-${QUALITY_INDICATOR_KEYS[i]}`)),
    };
  });

  // Schools × indicators
  const matrixStages = stages.flatMap((stage) => {
    const rows = schools.flatMap((s) => p.resultsBySchoolYear.get(`${s.school_id}:${year}`) ?? []).filter((r) => r.stage === stage);
    if (!rows.length) return [];
    const table: ViewTable = {
      caption: `${name}${year}年${STAGE_ZH[stage]}各校${INDICATOR_COUNT}项指标（标准见表头）`,
      id: `schools-${stage}`,
      columns: [
        { label: '学校' },
        ...QUALITY_INDICATOR_KEYS.map((k) => ({ label: `${INDICATOR_SHORT[k]} ${thresholdText(p.standard(k, stage))}`, numeric: true })),
        { label: `${required}项以上达标` },
      ],
      rows: rows.map((r) => [
        { text: r.counted.counted ? r.name : `${r.name}（不计入）`, href: schoolHref(r.school_id) },
        ...r.indicators.map((c): TableCell => {
          const s = show(c.value, c.unit);
          const v = s.isNumber ? fmt((c.value as { value: number }).value, digitsFor(c.unit)) : s.text;
          const st = statusCell(c);
          const mark = typeof st === 'string' ? '' : st.text === '—' ? '' : ` ${st.text}`;
          return { text: `${v}${mark}`, verdict: typeof st === 'string' ? undefined : st.verdict };
        }),
        r.verdict.status === 'passes' ? { text: '✓ 达标', verdict: 'met' } : r.verdict.status === 'fails' ? { text: '✗ 未达标', verdict: 'unmet' } : { text: '? 数据不足', verdict: 'unknown' },
      ]),
    };
    return [{ heading: STAGE_ZH[stage], table }];
  });

  // Holding back
  const holding = (gaps?.schoolsHoldingBack ?? []).map((id) => {
    const gs = gaps!.schoolGaps.filter((g) => g.school_id === id);
    return {
      name: p.schoolsById.get(id)?.name ?? id,
      href: schoolHref(id),
      gaps: gs
        .map((g) => `${STAGE_ZH[g.stage]}${p.standard(g.indicator, g.stage).zh} ${valueCell({ value: g.value, unit: g.unit })}（标准 ${fmtUnit(g.threshold, g.unit)}${g.gap !== null ? `，差 ${fmtUnit(g.gap, g.unit)}` : ''}）`)
        .join('；'),
    };
  });
  const stripCharts = stages.flatMap((stage) =>
    QUALITY_INDICATOR_KEYS.filter((k) => (gaps?.schoolGaps ?? []).some((g) => g.stage === stage && g.indicator === k)).map((k) => dl(schoolsStrip(p, code, name, gaps!.year, stage, k), `chart-schools-${stage}-${k}`)),
  );
  const gy = gaps?.year ?? year;
  const holdingText = holding.length
    ? `${gy}年，以下${holding.length}所学校未达到“${rule}”的要求，各项差距如下。`
    : `${gy}年计入评估的学校均达到“${rule}”的要求。`;

  // Class sizes, newest year first
  const classRows: TableCell[][] = newestFirst.map((y) => {
    const t = totals(y);
    if (!t.published) return [`${y}年`, `未公布（${y}/classes.csv）`, '—', '—', '—'];
    return [`${y}年`, fmt(t.classes), String(t.over), String(t.large), String(t.superLarge)];
  });

  // Admissions, newest year first
  const admRows: TableCell[][] = newestFirst.map((y) => {
    if (!p.yearData.get(y)?.admissions) return [`${y}年`, `未公布（${y}/admissions.csv）`, '—', '—', '—', '—'];
    const { cs, planned, admitted } = countyAdmissionTotals(p, code, y);
    const names = (ids: readonly string[]) => (ids.length ? [...new Set(ids)].map((id) => p.schoolsById.get(id)?.name ?? id).join('、') : '无');
    return [
      `${y}年`,
      fmt(planned),
      admitted === null ? '未公布' : fmt(admitted),
      cs.map((c) => `${STAGE_ZH[c.stage]} ${show(c.admissions.inZoneShare, '%').text}`).join('，'),
      names(cs.flatMap((c) => c.admissions.overPlanSchools)),
      names(cs.flatMap((c) => [...c.admissions.publishedLate, ...c.admissions.resultsNotPublished])),
    ];
  });

  // Finance
  const ry = p.regionYears.get(`${code}:${year}`);
  const finance: ViewTable | null = ry
    ? {
        caption: `${name}${year}年政府保障指标（县区报告）`,
        id: 'finance-table',
        columns: [{ label: '指标' }, { label: '数值', numeric: true }, { label: '标准', numeric: true }, { label: '对照' }],
        rows: [
          // Labels from the standards table (义务教育财政拨款 …); strict rules read “> 0”.
          [p.standard('education_spending_growth_margin').valueLabel ?? p.standard('education_spending_growth_margin').zh, valueCell(ry.finance.growthCheck), thresholdText(ry.finance.growthCheck), statusCell(ry.finance.growthCheck)],
          [p.standard('spending_per_student_growth').valueLabel ?? p.standard('spending_per_student_growth').zh, valueCell(ry.finance.perStudentCheck), thresholdText(ry.finance.perStudentCheck), statusCell(ry.finance.perStudentCheck)],
          ...ry.reported.map((c): TableCell[] => [p.standard(c.key, c.stage).zh, valueCell(c), thresholdText(c), statusCell(c)]),
          ['教师交流轮岗比例', valueCell(ry.teachers.exchangeRate), thresholdText(ry.teachers.exchangeRate), statusCell(ry.teachers.exchangeRate)],
          ['交流教师中骨干教师比例', valueCell(ry.teachers.backboneExchangedShare), thresholdText(ry.teachers.backboneExchangedShare), statusCell(ry.teachers.backboneExchangedShare)],
        ],
      }
    : null;

  // Plan
  const progress = p.progressByCounty.get(code) ?? [];
  const regionPlans = p.progressByRegion.get(code) ?? [];
  const schoolPlans = progress.filter((x) => x.school_id).sort((a, b) => a.target_year - b.target_year || a.school_id!.localeCompare(b.school_id!));
  const plan: CountyView['plan'] = progress.length
    ? {
        empty: null,
        milestones: regionPlans.map((r) => ({ year: `${r.target_year}年`, text: `${zh.milestone(r.milestone)}：${r.description ?? ''}`, status: PLAN_STATUS_ZH[r.latest] })),
        schools: schoolPlans.length
          ? {
              caption: `学校达标计划（依据：${progress[0].planSource}；新的年份在前）`,
              id: 'school-plans',
              columns: [{ label: '学校' }, { label: '目标年份', numeric: true }, ...newestFirst.map((y) => ({ label: `${y}年` }))],
              rows: schoolPlans.map((r) => [
                { text: p.schoolsById.get(r.school_id!)?.name ?? r.school_id!, href: schoolHref(r.school_id!) },
                String(r.target_year),
                ...[...r.years].reverse().map((ys): TableCell => ({ text: PLAN_STATUS_SHORT[ys.status], verdict: ys.status === 'met' || ys.status === 'met_early' ? 'met' : ys.status === 'missed' ? 'unmet' : ys.status === 'not_applicable' ? 'not_applicable' : 'unknown' })),
              ]),
            }
          : null,
        source: { text: `${progress[0].planSource}（plans.csv）`, href: progress[0].planSourceUrl },
      }
    : { empty: '未公布推进计划。', milestones: [], schools: null, source: null };

  const hist = dl(classSizeHistogram(p, code, name, year), 'chart-class-size');
  const adm = dl(admissionsStack(p, code, name), 'chart-admissions');
  const fin = dl(spendingChart(p, code, name), 'chart-finance');

  return {
    code,
    name,
    year,
    description: `${name}义务教育优质均衡发展数据：${stages.map((s) => STAGE_ZH[s]).join('、')}校际差异系数、学校达标情况、班额、招生、经费和推进计划（${p.years[0]}–${year}年）。`,
    lede: `${name}共有义务教育学校${schools.length}所。本页按国家优质均衡督导评估办法，对照${year}年数据逐项列出资源配置差异系数、学校达标情况，以及班额、招生、经费和推进计划。`,
    breadcrumbs: [{ label: '县区', href: p.href('counties/') }, { label: name }],
    cards,
    cv: {
      intro: `差异系数按在校生数加权计算。优质均衡要求${INDICATOR_COUNT}项指标的差异系数逐项达标：小学不超过${fmtCv(cvLimit('primary'))}，初中不超过${fmtCv(cvLimit('junior'))}。综合差异系数只作参考。`,
      methodologyHref: p.href('methodology/'),
      stages: cvStages,
    },
    matrix: { heading: `学校与${INDICATOR_COUNT}项指标（${year}年）`, intro: '每格为学校的数值；“✓”为达到标准，“✗ 差”为与标准的差距。学校按代码排列，不作排名。', stages: matrixStages },
    holdingBack: { text: holdingText, schools: holding, charts: stripCharts },
    classSize: {
      chart: hist,
      table: { caption: `${name}各年班额情况（新的年份在前）`, id: 'class-size-table', columns: [{ label: '年份' }, { label: '班级数', numeric: true }, { label: '超过标准班额', numeric: true }, { label: '大班额', numeric: true }, { label: '超大班额', numeric: true }], rows: classRows },
    },
    admissions: {
      chart: adm,
      table: { caption: `${name}各年招生情况（新的年份在前）`, id: 'admissions-table', columns: [{ label: '年份' }, { label: '计划招生', numeric: true }, { label: '录取', numeric: true }, { label: '划片内录取比例（摇号录取不计）' }, { label: '超计划录取的学校' }, { label: '结果未按时公开' }], rows: admRows },
      topicHref: p.href('topics/admissions/'),
    },
    finance: { chart: fin, table: finance },
    plan,
    schools: schools.map((s) => ({ name: s.name, href: schoolHref(s.school_id), note: `${zh.stage(s.stage)} · ${zh.ownership(s.ownership)} · ${zh.locale(s.locale)}` })),
    map: { chart: countyMap(p, code, boundaries), href: p.href('map/') },
  };
}

/** Every chart of a county page, for the CSV endpoint (counties/<code>/<chart id>.csv). */
export function countyCharts(v: CountyView): readonly ViewChart[] {
  return [...v.cv.stages.flatMap((s) => s.charts), ...v.holdingBack.charts, v.classSize.chart, v.admissions.chart, v.finance.chart, ...(v.map.chart ? [v.map.chart] : [])];
}

export function countyChartFiles(p: Portal, boundaries: Boundaries | null = null): { params: { code: string; chart: string }; props: { csv: string } }[] {
  return p.counties.flatMap((c) => countyCharts(countyView(p, c.region_code, boundaries)).map((ch) => ({ params: { code: c.region_code, chart: ch.id! }, props: { csv: tableCsv(ch.table) } })));
}
