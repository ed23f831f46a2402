/**
 * Charts and tables for region (county / city) pages and topic pages, built from the Portal's
 * lookups. Pages call these and render the results; every number comes from the indicators.
 */
import { barChart, classSizeMarks, histogram, lineChart, stackedBar, stripChart, type ChartResult } from '../charts';
import type { CountyYearResult, CvResult, QualityIndicatorKey } from '../indicators/types';
import { QUALITY_INDICATOR_KEYS } from '../standards';
import { fmt } from './format';
import type { PartStage } from '../schema';
import type { Portal } from './portal';
import { num } from '../indicators/values';
import { INDICATOR_SHORT } from './labels';

export const STAGE_ZH: Record<PartStage, string> = { primary: '小学', junior: '初中' };

/** Stages that have schools in the region in any year, primary first. */
export function stagesOf(p: Portal, code: string): PartStage[] {
  const out: PartStage[] = [];
  for (const stage of ['primary', 'junior'] as const) {
    if (p.years.some((y) => (p.countyResults.get(`${code}:${y}:${stage}`)?.schoolIds.length ?? 0) > 0)) out.push(stage);
  }
  return out;
}

export function countyYear(p: Portal, code: string, year: number, stage: PartStage): CountyYearResult | undefined {
  return p.countyResults.get(`${code}:${year}:${stage}`);
}

export function cvOf(c: CountyYearResult | undefined, key: QualityIndicatorKey): CvResult | undefined {
  return c?.cv.find((x) => x.indicator === key);
}

export function indicatorName(p: Portal, key: string, stage: PartStage | 'all' = 'primary'): string {
  return p.standard(key, stage).zh;
}

/** One line chart per indicator: the region's CV over the years against the limit. */
export function cvTrendCharts(p: Portal, code: string, name: string, stage: PartStage): ChartResult[] {
  return QUALITY_INDICATOR_KEYS.map((key) => {
    const limit = p.standard('cv_quality', stage).threshold;
    const label = `${indicatorName(p, key, stage)}差异系数`;
    return lineChart({
      id: `cv-${code}-${stage}-${key}`,
      title: `${name}${STAGE_ZH[stage]}${label}`,
      subject: `${name}${STAGE_ZH[stage]}`,
      valueLabel: label,
      limit: { value: limit, comparison: '<=' },
      axisTitle: '差异系数（无单位）',
      digits: 3,
      series: [{ label, points: p.years.map((y) => ({ x: y, y: num(cvOf(countyYear(p, code, y, stage), key)?.value ?? { kind: 'missing', missing: [] }) })) }],
      width: 360, // lint-allow: chart width in pixels
      height: 200,
    });
  });
}

/** The yearly monitoring table counties publish: indicators × years, with the composite CV. */
export function cvMonitoringRows(p: Portal, code: string, stage: PartStage): { key: string; label: string; short: string; cells: { value: number | null; passes: boolean | null; missing: boolean }[] }[] {
  const rows: { key: string; label: string; short: string; cells: { value: number | null; passes: boolean | null; missing: boolean }[] }[] = QUALITY_INDICATOR_KEYS.map((key) => ({
    key,
    label: indicatorName(p, key, stage),
    short: INDICATOR_SHORT[key],
    cells: p.years.map((y) => {
      const cv = cvOf(countyYear(p, code, y, stage), key);
      const v = cv ? num(cv.value) : null;
      return { value: v, passes: cv?.passes ?? null, missing: v === null };
    }),
  }));
  rows.push({
    key: 'composite',
    label: `综合差异系数（${QUALITY_INDICATOR_KEYS.length}项平均，仅供参考）`,
    short: '综合',
    cells: p.years.map((y) => {
      const c = countyYear(p, code, y, stage);
      const v = c ? num(c.compositeCv) : null;
      return { value: v, passes: null, missing: v === null };
    }),
  });
  return rows;
}

/** Dot plot of the counted schools of a stage on one indicator (school-code order). */
export function schoolsStrip(p: Portal, code: string, name: string, year: number, stage: PartStage, key: QualityIndicatorKey): ChartResult {
  const st = p.standard(key, stage);
  const rows = (p.schoolsByCounty.get(code) ?? [])
    .flatMap((s) => p.resultsBySchoolYear.get(`${s.school_id}:${year}`) ?? [])
    .filter((r) => r.stage === stage)
    .sort((a, b) => a.school_id.localeCompare(b.school_id));
  return stripChart({
    id: `strip-${code}-${year}-${stage}-${key}`,
    title: `${name}${year}年${STAGE_ZH[stage]}各校${st.zh}`,
    subject: `${name}${year}年${STAGE_ZH[stage]}`,
    valueLabel: st.zh,
    unit: st.unit,
    limit: { value: st.threshold, comparison: st.comparison },
    points: rows.map((r) => {
      const c = r.indicators.find((i) => i.key === key);
      return { label: r.name, value: c ? num(c.value) : null, note: r.counted.counted ? undefined : `不计入：${r.counted.note}` };
    }),
  });
}

/** Class sizes of every class in the region in one year. */
export function classSizeHistogram(p: Portal, code: string, name: string, year: number, schoolIds?: readonly string[]): ChartResult {
  const ids = schoolIds ?? (p.schoolsByCounty.get(code) ?? []).map((s) => s.school_id);
  const values: number[] = [];
  for (const id of ids) for (const c of p.rowsBySchoolYear.get(`${id}:${year}`)?.classes ?? []) values.push(c.students);
  const { marks, bands } = classSizeMarks(p.standard);
  return histogram({ id: `hist-${code}-${year}`, title: `${name}${year}年班额分布`, subject: `${name}${year}年`, values, marks, bands });
}

/** Admitted in zone / outside the zone per year, with the planned seats as marker. */
export function admissionsStack(p: Portal, code: string, name: string, schoolIds?: readonly string[]): ChartResult {
  const ids = schoolIds ?? (p.schoolsByCounty.get(code) ?? []).map((s) => s.school_id);
  const rows = p.years.map((y) => {
    let planned = 0;
    let inZone = 0;
    let outZone = 0;
    let any = false;
    let anyPlan = false;
    for (const id of ids) {
      for (const a of p.rowsBySchoolYear.get(`${id}:${y}`)?.admissions ?? []) {
        anyPlan = true;
        planned += a.planned_seats;
        if (a.admitted !== null) {
          any = true;
          const iz = a.admitted_in_zone ?? 0;
          inZone += Math.min(iz, a.admitted);
          outZone += a.admitted - Math.min(iz, a.admitted);
        }
      }
    }
    return { label: `${y}年`, values: any ? [inZone, outZone] : [null, null], marker: anyPlan ? planned : null };
  });
  return stackedBar({
    id: `adm-${code}`,
    title: `${name}各年录取人数与招生计划`,
    subject: `${name}录取人数`,
    categories: ['划片内录取', '划片外录取'],
    markerLabel: '招生计划',
    rows,
  });
}

/** Education spending per student over the years (county finance). */
export function spendingChart(p: Portal, code: string, name: string): ChartResult {
  return lineChart({
    id: `fin-${code}`,
    title: `${name}生均义务教育财政拨款`,
    subject: name,
    valueLabel: '生均义务教育财政拨款',
    unit: '元',
    digits: 0,
    series: [{ label: '生均义务教育财政拨款', points: p.years.map((y) => ({ x: y, y: num(p.regionYears.get(`${code}:${y}`)?.finance.spendingPerStudent ?? { kind: 'missing', missing: [] }) })) }],
  });
}

/** The seven indicators of one school part, as % of the standard. */
export function schoolIndicatorBars(p: Portal, r: import('../indicators/types').SchoolYearResult, title: string): ChartResult {
  return barChart({
    id: `ind-${r.school_id}-${r.year}-${r.stage}`,
    title,
    subject: `${r.name}${r.year}年${STAGE_ZH[r.stage]}部分`,
    items: r.indicators.map((c) => ({
      label: p.standard(c.key, r.stage).zh,
      value: num(c.value),
      threshold: c.threshold,
      comparison: c.comparison,
      unit: c.unit,
      missingText: c.value.kind === 'missing' ? '未公布' : c.value.kind === 'not_applicable' ? '不适用' : c.value.kind === 'undefined' ? '无法计算' : undefined,
    })),
    ratioMarks: [{ value: p.standard('min_ratio_missed', 'all').threshold * 100, label: `${fmt(p.standard('min_ratio_missed', 'all').threshold * 100, 1)}%` }],
  });
}

/** Decimals that read well for a unit: money in whole 元, ratios and areas with two. */
export function digitsFor(unit: string): number {
  return unit === '元' ? 0 : 2;
}
