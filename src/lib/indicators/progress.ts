/**
 * Progress toward balance. For each plans.csv row and each year of data:
 *   met        the standard is met that year, in or after the target year
 *   met_early  met before the target year
 *   on_track   not met, target year not yet reached
 *   missed     not met in or after the target year (target_year is the end of that year; the
 *              school year starting that autumn is the last data before the deadline)
 *   unknown    the year's data cannot decide (blanks, no resources for the school or county)
 *   not_applicable  milestone `other`: not something the data can test
 * What is tested: `school_standard` with a school → the school passes 6-of-7 in every part;
 * without a school → every counted school of the county passes; `county_share` (a province or
 * city) → the share of its counties reaching the standard (resource allocation, or for
 * `balance` basic the 2012 composite CV) against target_share_pct; `county_application` and
 * `county_recognition` → the resource-allocation part of the 2017 method (every counted school
 * passes and every CV of both stages is within its limit). Government-guarantee, quality and
 * satisfaction parts are shown elsewhere and not folded in: the data cannot show all of them.
 */
import type { PlanRow } from '../schema';
import type { StandardsIndex } from '../standards';
import type { CountyGaps, CountyYearResult, Gap, PlanProgress, PlanStatus, PlanYearStatus, SchoolYearResult, ShareTarget } from './types';
import { isValue, missing, PERCENT, tidy, value } from './values';
import { formatQuantity, partName } from './format';

export interface YearResults {
  readonly year: number;
  /** School parts by school_id. */
  readonly partsBySchool: ReadonlyMap<string, readonly SchoolYearResult[]>;
  /** School parts by county code. */
  readonly partsByCounty: ReadonlyMap<string, readonly SchoolYearResult[]>;
  /** County-level stage results by county code. */
  readonly countyStages: ReadonlyMap<string, readonly CountyYearResult[]>;
}

interface Evaluation {
  readonly met: boolean | null;
  readonly basis: string;
  readonly gaps: readonly Gap[];
}

export function schoolGaps(parts: readonly SchoolYearResult[]): Gap[] {
  return parts.flatMap((p) =>
    p.indicators
      .filter((i) => i.met === false || (i.met === null && p.verdict.status !== 'passes'))
      .map((i) => ({
        subject: 'school' as const,
        region_code: p.region_code,
        school_id: p.school_id,
        name: p.name,
        stage: p.stage,
        where: partName(p.name, p.schoolStage, p.stage),
        indicator: i.key,
        value: i.value,
        threshold: i.threshold,
        comparison: i.comparison,
        gap: i.gap,
        unit: i.unit,
      })),
  );
}

export function cvGaps(stages: readonly CountyYearResult[]): Gap[] {
  return stages.flatMap((c) =>
    c.cv
      .filter((cv) => cv.passes !== true && c.countedSchools > 0)
      .map((cv) => ({
        subject: 'region' as const,
        region_code: c.region_code,
        school_id: null,
        name: c.name,
        stage: c.stage,
        where: `${c.name}${c.stage === 'primary' ? '小学阶段' : '初中阶段'}`,
        indicator: cv.indicator,
        value: cv.value,
        threshold: cv.limit,
        comparison: '<=' as const,
        gap: isValue(cv.value) && cv.passes === false ? tidy(cv.value.value - cv.limit) : null,
        unit: '',
      })),
  );
}

function allOf(results: readonly (boolean | null)[]): boolean | null {
  if (results.some((r) => r === false)) return false;
  if (results.some((r) => r === null)) return null;
  return true;
}

function verdictMet(p: SchoolYearResult): boolean | null {
  return p.verdict.status === 'passes' ? true : p.verdict.status === 'fails' ? false : null;
}

function evaluateSchool(parts: readonly SchoolYearResult[] | undefined): Evaluation {
  if (!parts || parts.length === 0) return { met: null, basis: '该年没有该校的数据', gaps: [] };
  const met = allOf(parts.map(verdictMet));
  const two = parts.length > 1 || parts.some((p) => p.schoolStage === 'nine_year' || p.schoolStage === 'twelve_year');
  const basis = parts.map((p) => (two ? `${p.stage === 'primary' ? '小学部' : '初中部'}：${p.verdict.explanation}` : p.verdict.explanation)).join('；');
  return { met, basis, gaps: met === true ? [] : schoolGaps(parts.filter((p) => p.verdict.status !== 'passes')) };
}

function evaluateCountySchools(parts: readonly SchoolYearResult[] | undefined): Evaluation {
  const counted = (parts ?? []).filter((p) => p.counted.counted);
  if (counted.length === 0) return { met: null, basis: '该年没有可计入的学校数据', gaps: [] };
  const met = allOf(counted.map(verdictMet));
  const fails = counted.filter((p) => p.verdict.status !== 'passes');
  return {
    met,
    basis: `可计入的${counted.length}所（学段）中，${counted.length - fails.length}所达到“7项中至少6项”要求`,
    gaps: schoolGaps(fails),
  };
}

function evaluateCountyResources(parts: readonly SchoolYearResult[] | undefined, stages: readonly CountyYearResult[] | undefined): Evaluation {
  const schools = evaluateCountySchools(parts);
  const withSchools = (stages ?? []).filter((c) => c.countedSchools > 0);
  if (withSchools.length === 0) return { met: null, basis: '该年没有可计入的学校数据', gaps: [] };
  const cvMet = allOf(withSchools.flatMap((c) => c.cv.map((cv) => cv.passes)));
  const cvBad = withSchools.flatMap((c) => c.cv.filter((cv) => cv.passes === false)).length;
  const met = allOf([schools.met, cvMet]);
  return {
    met,
    basis: `资源配置：${schools.basis}；差异系数超出上限${cvBad}项（只检验资源配置部分）`,
    gaps: [...cvGaps(withSchools), ...schools.gaps],
  };
}

export function statusOf(met: boolean | null, year: number, target: number): PlanStatus {
  if (met === null) return 'unknown';
  if (met) return year < target ? 'met_early' : 'met';
  return year < target ? 'on_track' : 'missed';
}

/** Whether one county reaches the standard in one year: quality (resource allocation) or basic (2012 composite CV). */
function countyReaches(code: string, y: YearResults, balance: 'basic' | 'quality'): boolean | null {
  if (balance === 'quality') return evaluateCountyResources(y.partsByCounty.get(code), y.countyStages.get(code)).met;
  const stages = (y.countyStages.get(code) ?? []).filter((c) => c.countedSchools > 0);
  if (stages.length === 0) return null;
  return allOf(stages.map((c) => c.basicBalance.passes));
}

/**
 * A province's or city's share target (吉林: 25 % of counties by 2014, 65 % by 2015, 100 % by
 * 2018): per year, which counties reach the standard, and whether the share reaches the target.
 * Undecided counties (blanks) leave the year undecided only when they could change the outcome.
 */
function shareEvaluation(counties: readonly string[], y: YearResults, targetPct: number, balance: 'basic' | 'quality') {
  const reached: string[] = [];
  const notReached: string[] = [];
  const unknown: string[] = [];
  for (const c of counties) {
    const r = countyReaches(c, y, balance);
    (r === true ? reached : r === false ? notReached : unknown).push(c);
  }
  const n = counties.length;
  const low = n ? (reached.length * PERCENT) / n : 0;
  const high = n ? ((reached.length + unknown.length) * PERCENT) / n : 0;
  const met = n === 0 ? null : low >= targetPct - 1e-9 ? true : high < targetPct - 1e-9 ? false : null;
  const share = n === 0 ? missing('regions') : unknown.length ? missing(unknown.map((c) => `resources:${c}`)) : value(tidy(low));
  const what = balance === 'basic' ? '基本均衡综合差异系数（按4项指标计算）未超过上限' : '资源配置部分达到优质均衡要求';
  const basis = `所辖${n}个县区中${reached.length}个${what}${unknown.length ? `、${unknown.length}个数据不足无法判定` : ''}，比例为${formatQuantity(low, '%')}%，目标为${formatQuantity(targetPct, '%')}%`;
  return { met, basis, year: { year: y.year, reached, notReached, unknown, share } };
}

export function planProgress(plan: PlanRow, years: readonly YearResults[], countiesUnder: (code: string) => readonly string[] = (c) => [c]): PlanProgress {
  const share = plan.milestone === 'county_share' && typeof plan.target_share_pct === 'number' ? plan.target_share_pct : null;
  const balance = plan.balance === 'basic' ? 'basic' : 'quality';
  const shareYears: ShareTarget['years'][number][] = [];
  const out: PlanYearStatus[] = years.map((y) => {
    if (plan.milestone === 'other') return { year: y.year, status: 'not_applicable' as const, basis: '“其他”类里程碑无法用数据检验', gaps: [] };
    if (plan.milestone === 'county_share') {
      if (share === null) return { year: y.year, status: 'unknown' as const, basis: '未填写目标比例', gaps: [] };
      const e = shareEvaluation(countiesUnder(plan.region_code), y, share, balance);
      shareYears.push(e.year);
      return { year: y.year, status: statusOf(e.met, y.year, plan.target_year), basis: e.basis, gaps: [] };
    }
    let ev: Evaluation;
    if (plan.milestone === 'school_standard')
      ev = plan.school_id ? evaluateSchool(y.partsBySchool.get(plan.school_id)) : evaluateCountySchools(y.partsByCounty.get(plan.region_code));
    else ev = evaluateCountyResources(y.partsByCounty.get(plan.region_code), y.countyStages.get(plan.region_code));
    return { year: y.year, status: statusOf(ev.met, y.year, plan.target_year), basis: ev.basis, gaps: ev.gaps };
  });
  return {
    region_code: plan.region_code,
    school_id: plan.school_id,
    target_year: plan.target_year,
    milestone: plan.milestone,
    description: plan.description,
    planSource: plan.source,
    planSourceUrl: plan.source_url,
    source: plan._source,
    ...(share !== null ? { shareTarget: { targetPct: share, balance, counties: countiesUnder(plan.region_code), years: shareYears } } : {}),
    years: out,
    latest: out.length ? out[out.length - 1].status : 'unknown',
  };
}

export function countyGaps(code: string, name: string, y: YearResults, _standards: StandardsIndex): CountyGaps {
  const parts = y.partsByCounty.get(code) ?? [];
  const stages = (y.countyStages.get(code) ?? []).filter((c) => c.countedSchools > 0);
  const cv = cvGaps(stages).filter((g) => g.gap !== null);
  const failing = parts.filter((p) => p.counted.counted && p.verdict.status === 'fails');
  const sg = schoolGaps(failing).filter((g) => g.gap !== null && g.gap > 0);
  const ev = evaluateCountyResources(parts, stages);
  return {
    region_code: code,
    name,
    year: y.year,
    cvGaps: cv,
    schoolGaps: sg,
    schoolsHoldingBack: [...new Set(failing.map((p) => p.school_id))].sort(),
    resourcesMet: ev.met,
  };
}
