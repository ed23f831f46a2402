/** Orchestrates every indicator module over the whole PortalData. Pure and deterministic. */
import type { PortalData } from '../model/types';
import type { PartStage, SchoolRow } from '../schema';
import { indexStandards, resolveStandards } from '../standards';
import { admissionRowsOf, countyYearResult } from './county-aggregates';
import { countyFindings, FindingsCollector, planFindings, regionYearFindings, schoolFindings } from './findings';
import { countyGaps, planProgress, type YearResults } from './progress';
import { regionTree } from './region-tree';
import { regionYearResult } from './region-year';
import { cmp, schoolYearResults } from './school-results';
import type { CountyGaps, CountyYearResult, IndicatorResults, RegionYearResult, SchoolYearResult } from './types';
import { indexYear, type YearIndex } from './year-index';
import { workCalendar } from './working-days';

const STAGES: readonly PartStage[] = ['primary', 'junior'];

export function computeIndicators(data: PortalData): IndicatorResults {
  const applied = resolveStandards(data.standards);
  const standards = indexStandards(applied);
  const tree = regionTree(data.regions);
  const schools = new Map<string, SchoolRow>(data.schools.map((s) => [s.school_id, s] as const));
  const fc = new FindingsCollector(standards);
  const cal = workCalendar(data.calendar ?? []);
  const regionsSorted = [...data.regions].sort((a, b) => cmp(a.region_code, b.region_code));

  const allSchools: SchoolYearResult[] = [];
  const allCounties: CountyYearResult[] = [];
  const allRegionYears: RegionYearResult[] = [];
  const yearResults: YearResults[] = [];
  const byYear = new Map<number, { yi: YearIndex; parts: SchoolYearResult[] }>();

  for (const yd of [...data.years].sort((a, b) => a.year - b.year)) {
    const yi = indexYear(yd);
    const parts = schoolYearResults(schools, yi, standards, cal);
    byYear.set(yd.year, { yi, parts });
    allSchools.push(...parts);
    schoolFindings(fc, parts, yi, standards);

    const partsByCounty = new Map<string, SchoolYearResult[]>();
    const partsBySchool = new Map<string, SchoolYearResult[]>();
    for (const p of parts) {
      (partsByCounty.get(p.region_code) ?? partsByCounty.set(p.region_code, []).get(p.region_code)!).push(p);
      (partsBySchool.get(p.school_id) ?? partsBySchool.set(p.school_id, []).get(p.school_id)!).push(p);
    }
    const countyStages = new Map<string, CountyYearResult[]>();
    const prevEntry = byYear.get(yd.year - 1) ?? null;
    for (const region of regionsSorted) {
      const code = region.region_code;
      const level = region.level;
      const regionParts = tree.countiesUnder(code).flatMap((c) => partsByCounty.get(c) ?? []);
      for (const stage of STAGES) {
        const stageParts = regionParts.filter((p) => p.stage === stage);
        if (stageParts.length === 0) continue;
        const c = countyYearResult(
          { code, name: region.name, level },
          yd.year,
          stage,
          stageParts,
          admissionRowsOf(stageParts, yi.admissions, stage),
          yd.admissions !== undefined,
          standards,
        );
        allCounties.push(c);
        countyFindings(fc, c, stageParts);
        if (level === 'county') (countyStages.get(code) ?? countyStages.set(code, []).get(code)!).push(c);
      }
      const under = new Set(tree.countiesUnder(code));
      const prevParts = prevEntry ? prevEntry.parts.filter((p) => under.has(p.region_code)) : [];
      const ry = regionYearResult(
        { code, name: region.name, level },
        tree,
        yi,
        prevEntry ? { yi: prevEntry.yi, parts: prevParts } : null,
        regionParts,
        schools,
        standards,
      );
      allRegionYears.push(ry);
      regionYearFindings(fc, ry);
    }
    yearResults.push({ year: yd.year, partsBySchool, partsByCounty, countyStages });
  }

  const progress = [...data.plans]
    .sort((a, b) => cmp(a._source.file, b._source.file) || a._source.row - b._source.row)
    .map((plan) => {
      const p = planProgress(plan, yearResults, (code) => tree.countiesUnder(code));
      const name = plan.school_id ? schools.get(plan.school_id)?.name ?? plan.school_id : tree.get(plan.region_code)?.name ?? plan.region_code;
      planFindings(fc, p, name);
      return p;
    });

  const gaps: CountyGaps[] = [];
  for (const region of regionsSorted) {
    if (region.level !== 'county') continue;
    const latest = [...yearResults].reverse().find((y) => (y.countyStages.get(region.region_code) ?? []).length > 0);
    if (latest) gaps.push(countyGaps(region.region_code, region.name, latest, standards));
  }

  allCounties.sort((a, b) => a.year - b.year || cmp(a.region_code, b.region_code) || (a.stage === b.stage ? 0 : a.stage === 'primary' ? -1 : 1));
  allRegionYears.sort((a, b) => a.year - b.year || cmp(a.region_code, b.region_code));
  allSchools.sort(
    (a, b) => a.year - b.year || cmp(a.region_code, b.region_code) || cmp(a.school_id, b.school_id) || (a.stage === b.stage ? 0 : a.stage === 'primary' ? -1 : 1),
  );

  return {
    standards: applied,
    years: [...data.years].map((y) => y.year).sort((a, b) => a - b),
    schools: allSchools,
    counties: allCounties,
    regionYears: allRegionYears,
    progress,
    countyGaps: gaps,
    findings: fc.result(),
  };
}
