/** One year's datasets indexed by school (and county), built once per year. */
import type { AdmissionRow, ClassRow, CountyYearRow, FundingRow, OutcomeRow, PartStage, ResourceRow, TeacherRow } from '../schema';
import type { YearData } from '../model/types';

function group<R extends { school_id: string }>(rows: readonly R[] | undefined): Map<string, R[]> {
  const m = new Map<string, R[]>();
  for (const r of rows ?? []) {
    const l = m.get(r.school_id);
    if (l) l.push(r);
    else m.set(r.school_id, [r]);
  }
  return m;
}

export interface YearIndex {
  readonly year: number;
  readonly data: YearData;
  readonly resources: Map<string, Map<PartStage, ResourceRow>>;
  readonly classes: Map<string, ClassRow[]>;
  readonly admissions: Map<string, AdmissionRow[]>;
  readonly funding: Map<string, FundingRow>;
  readonly teachers: Map<string, TeacherRow>;
  readonly outcomes: Map<string, OutcomeRow>;
  readonly counties: Map<string, CountyYearRow>;
  /** Schools with at least one row in the year's datasets, sorted. */
  readonly activeSchoolIds: readonly string[];
}

export function indexYear(data: YearData): YearIndex {
  const resources = new Map<string, Map<PartStage, ResourceRow>>();
  for (const r of data.resources ?? []) {
    let m = resources.get(r.school_id);
    if (!m) resources.set(r.school_id, (m = new Map()));
    m.set(r.stage, r);
  }
  const one = <R extends { school_id: string }>(rows: readonly R[] | undefined) => new Map((rows ?? []).map((r) => [r.school_id, r] as const));
  const classes = group(data.classes);
  const admissions = group(data.admissions);
  const funding = one(data.funding);
  const teachers = one(data.teachers);
  const outcomes = one(data.outcomes);
  const active = new Set<string>([
    ...resources.keys(),
    ...classes.keys(),
    ...admissions.keys(),
    ...funding.keys(),
    ...teachers.keys(),
    ...outcomes.keys(),
  ]);
  return {
    year: data.year,
    data,
    resources,
    classes,
    admissions,
    funding,
    teachers,
    outcomes,
    counties: new Map((data.counties ?? []).map((c) => [c.region_code, c] as const)),
    activeSchoolIds: [...active].sort(),
  };
}
