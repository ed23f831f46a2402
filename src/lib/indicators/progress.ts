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
 * without a school → every counted school of the county passes; `county_application` and
 * `county_recognition` → the resource-allocation part of the 2017 method (every counted school
 * passes and every CV of both stages is within its limit). Government-guarantee, quality and
 * satisfaction parts are shown elsewhere and not folded in: the data cannot show all of them.
 */
import type { PlanRow } from '../schema';
import type { StandardsIndex } from '../standards';
import type { CountyGaps, CountyYearResult, Gap, PlanProgress, PlanStatus, PlanYearStatus, SchoolYearResult } from './types';
import { isValue, tidy } from './values';

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
  const basis = parts.map((p) => `${p.stage === 'primary' ? '小学部' : '初中部'}：${p.verdict.explanation}`).join('；');
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

export function planProgress(plan: PlanRow, years: readonly YearResults[]): PlanProgress {
  const out: PlanYearStatus[] = years.map((y) => {
    if (plan.milestone === 'other') return { year: y.year, status: 'not_applicable' as const, basis: '“其他”类里程碑无法用数据检验', gaps: [] };
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
