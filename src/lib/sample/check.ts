/**
 * The generator's self-check: recomputes from the numbers actually written (integers, rounded
 * money) what the recipe meant, and refuses to finish when they disagree — so a planted finding
 * really happens and nothing unplanted breaks a rule. CVs use the official student-weighted
 * formula (standards.md §2), computed here independently of src/lib/indicators.
 */
import type { PartStage } from '../schema';
import { QUALITY_INDICATORS, type StandardsIndex } from '../standards';
import type { YearOutput } from './engine';
import { intendedVerdict, partCounted } from './planted';
import type { IndicatorKey, RegionSpec } from './types';

export interface CvEntry {
  readonly county: string;
  readonly year: number;
  readonly stage: PartStage;
  readonly indicator: IndicatorKey;
  readonly cv: number;
  readonly limit: number;
  readonly schools: number;
}

/** X̄ = ΣPX/P, S = √(ΣP(X−X̄)²/P), CV = S/X̄ (one school → 0). */
export function weightedCv(points: readonly { p: number; x: number }[]): number | null {
  const used = points.filter((q) => q.p > 0);
  const P = used.reduce((a, q) => a + q.p, 0);
  if (used.length === 0 || P === 0) return null;
  if (used.length === 1) return 0;
  const mean = used.reduce((a, q) => a + q.p * q.x, 0) / P;
  if (mean === 0) return null;
  const v = used.reduce((a, q) => a + q.p * (q.x - mean) ** 2, 0) / P;
  return Math.sqrt(v) / mean;
}

export function countyCvs(spec: RegionSpec, years: readonly YearOutput[], std: StandardsIndex): CvEntry[] {
  const out: CvEntry[] = [];
  for (const y of years) {
    for (const c of spec.counties) {
      for (const stage of ['primary', 'junior'] as const) {
        const parts = y.schools
          .filter((sy) => sy.spec.county === c.code)
          .flatMap((sy) => sy.parts.filter((p) => p.stage === stage && partCounted(sy.spec, p.students, std)));
        if (parts.length === 0) continue;
        for (const q of QUALITY_INDICATORS) {
          const key = q.key as IndicatorKey;
          const cv = weightedCv(parts.map((p) => ({ p: p.students, x: (p.raw[key] * q.per) / p.students })));
          if (cv === null) continue;
          out.push({ county: c.code, year: y.year, stage, indicator: key, cv, limit: std.threshold('cv_quality', stage), schools: parts.length });
        }
      }
    }
  }
  return out;
}

/** Throws with every disagreement listed; returns the CV table when all is well. */
export function selfCheck(spec: RegionSpec, years: readonly YearOutput[], std: StandardsIndex): CvEntry[] {
  const problems: string[] = [];
  const minRatio = std.threshold('min_ratio_missed');
  for (const y of years) {
    const countyStudents = new Map<string, number>();
    for (const sy of y.schools) {
      const s = sy.spec;
      countyStudents.set(s.county, (countyStudents.get(s.county) ?? 0) + sy.studentsStart);
      const where = `${y.year} ${s.name}`;
      for (const part of sy.parts) {
        if (s.kind === 'teaching_point' && part.students >= std.threshold('teaching_point_min_students')) problems.push(`${where}: teaching point has ${part.students} pupils, would be counted`);
        if (!partCounted(s, part.students, std)) continue;
        const intended = intendedVerdict(spec, s, part.stage, y.year, std);
        let below = 0;
        let severe = false;
        for (const q of QUALITY_INDICATORS) {
          const key = q.key as IndicatorKey;
          const actual = (part.raw[key] * q.per) / part.students / std.threshold(key, part.stage);
          const want = part.intended[key];
          const cat = (r: number) => (r >= 1 ? 'met' : r >= minRatio ? 'near' : 'far');
          if (cat(actual) !== cat(want)) problems.push(`${where} ${part.stage} ${key}: intended ${want.toFixed(3)}, written ${actual.toFixed(3)}`);
          if (actual < 1) below++;
          if (actual < minRatio) severe = true;
        }
        const fails = below > QUALITY_INDICATORS.length - std.threshold('min_indicators_met') || severe;
        if (fails !== intended.fails) problems.push(`${where} ${part.stage}: 6-of-7 intended ${intended.fails ? 'fail' : 'pass'}, written ${fails ? 'fail' : 'pass'}`);
      }
      for (const c of sy.classes) {
        const stage = c.grade <= 6 ? 'primary' : 'junior';
        const planted = s.plants.classes?.[y.year]?.[c.grade] !== undefined;
        if (c.students > std.threshold('class_size', stage) && !planted) problems.push(`${where} ${c.grade}年级${c.name}: ${c.students} pupils, not planted`);
      }
      for (const a of sy.admissions) {
        const planted = s.plants.plannedSeats?.[y.year]?.[a.stage] !== undefined;
        if (a.admitted !== null && a.admitted > a.plannedSeats && !planted) problems.push(`${where}: admitted ${a.admitted} > planned ${a.plannedSeats}, not planted`);
        if (planted && (a.admitted === null || a.admitted <= a.plannedSeats)) problems.push(`${where}: planted over-plan did not happen`);
      }
      const through = s.stage === 'nine_year' || s.stage === 'twelve_year';
      const over = sy.studentsStart > std.threshold(through ? 'school_size_through' : 'school_size');
      if (over !== (s.plants.overSize?.includes(y.year) ?? false)) problems.push(`${where}: ${sy.studentsStart} pupils, over-size ${over} not as planted`);
      const junior = s.stage !== 'primary';
      const drop = (sy.dropouts / sy.studentsStart) * 100;
      const dropOver = drop > std.threshold('dropout_rate', junior ? 'junior' : 'primary');
      if (dropOver !== (s.plants.dropouts?.[y.year] !== undefined)) problems.push(`${where}: dropout ${drop.toFixed(2)}% not as planted`);
    }
    // county finance: spending growth vs revenue growth, and per-student spending never falls
    const prev = years.find((p) => p.year === y.year - 1);
    if (prev) {
      for (const c of spec.counties) {
        const cur = y.counties.find((k) => k.county.code === c.code)!;
        const old = prev.counties.find((k) => k.county.code === c.code)!;
        const gs = cur.spending / old.spending - 1;
        const gr = cur.revenue / old.revenue - 1;
        const planted = c.plants.growth?.[y.year] !== undefined && c.plants.growth[y.year]![1] < c.plants.growth[y.year]![0];
        if (gs < gr !== planted) problems.push(`${y.year} ${c.name}: spending growth ${gs} vs revenue ${gr} not as planted`);
        const studentsNow = y.schools.filter((sy) => sy.spec.county === c.code).reduce((a, sy) => a + sy.studentsStart, 0);
        const studentsBefore = prev.schools.filter((sy) => sy.spec.county === c.code).reduce((a, sy) => a + sy.studentsStart, 0);
        if (cur.spending / studentsNow < old.spending / studentsBefore) problems.push(`${y.year} ${c.name}: spending per pupil falls`);
      }
    }
  }
  const cvs = countyCvs(spec, years, std);
  for (const e of cvs) {
    const c = spec.counties.find((k) => k.code === e.county)!;
    const planted = (c.plants.cvOverLimit ?? []).some((p) => p.stage === e.stage && p.indicator === e.indicator && p.years.includes(e.year));
    if (e.cv > e.limit !== planted) problems.push(`${e.year} ${c.name} ${e.stage} ${e.indicator}: CV ${e.cv.toFixed(4)} (limit ${e.limit}) not as planted`);
    const basic = QUALITY_INDICATORS.find((q) => q.key === e.indicator)!.basic;
    if (basic && e.cv > std.threshold('cv_basic', e.stage)) problems.push(`${e.year} ${c.name} ${e.stage} ${e.indicator}: CV ${e.cv.toFixed(4)} above the basic-balance limit`);
  }
  if (problems.length) throw new Error(`示例数据自检失败（${problems.length}处）：\n${problems.join('\n')}`);
  return cvs;
}
