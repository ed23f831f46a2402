/**
 * Builders for small PortalData objects in indicator tests (the loader is tested elsewhere):
 * every row gets a _source so findings can point at it. Not a test file itself.
 */
import type { PortalData, YearData } from '../src/lib/model/types';
import type {
  AdmissionRow,
  ClassRow,
  CountyYearRow,
  FundingRow,
  OutcomeRow,
  PlanRow,
  RegionRow,
  ResourceRow,
  SchoolRow,
  StandardRow,
  TeacherRow,
} from '../src/lib/schema';
import type { PortalSettings } from '../src/lib/settings/types';

let row = 1;
const src = (file: string) => ({ file, row: ++row });

export const SETTINGS: PortalSettings = {
  title: '测试',
  region_name: '测试市',
  region_level: 'city',
  region_code: null,
  sample: true,
  publisher: '测试',
  contact: null,
  report_error_url: null,
  license: { name: 'CC-BY-4.0', url: null },
  base_path: '/',
  site_url: null,
  english: false,
  logo: null,
  suppression_threshold: 5,
};

export function region(code: string, name: string, level: RegionRow['level'], parent: string | null = null): RegionRow {
  return { region_code: code, name, level, parent_code: parent, _source: src('regions.csv') };
}

export function school(id: string, county: string, stage: SchoolRow['stage'], extra: Partial<SchoolRow> = {}): SchoolRow {
  return {
    school_id: id,
    name: extra.name ?? `学校${id.slice(-3)}`,
    region_code: county,
    stage,
    ownership: 'public',
    locale: 'urban',
    kind: 'regular',
    address: null,
    latitude: null,
    longitude: null,
    status: 'open',
    closed_year: null,
    website: null,
    ...extra,
    _source: src('schools.csv'),
  } as SchoolRow;
}

/** A resources row that meets every primary (or junior) threshold comfortably unless overridden. */
export function resources(id: string, stage: 'primary' | 'junior', students: number, extra: Partial<ResourceRow> = {}): ResourceRow {
  const k = students / 100;
  const good =
    stage === 'primary'
      ? { qualified_teachers: 5 * k, backbone_teachers: 2 * k, pe_arts_teachers: 1 * k, teaching_space_m2: 5 * students, sports_space_m2: 8 * students, equipment_value_yuan: 2100 * students, multimedia_rooms: 3 * k }
      : { qualified_teachers: 6 * k, backbone_teachers: 2 * k, pe_arts_teachers: 1 * k, teaching_space_m2: 6 * students, sports_space_m2: 11 * students, equipment_value_yuan: 2600 * students, multimedia_rooms: 3 * k };
  return {
    school_id: id,
    stage,
    students,
    ...good,
    classes: null,
    music_rooms: null,
    art_rooms: null,
    campus_area_m2: null,
    building_area_m2: null,
    ...extra,
    _source: src('2024/resources.csv'),
  } as ResourceRow;
}

export function klass(id: string, grade: number, name: string, students: number): ClassRow {
  return { school_id: id, grade, class_name: name, students, _source: src('2024/classes.csv') };
}

export function admission(id: string, grade: number, planned: number, extra: Partial<AdmissionRow> = {}): AdmissionRow {
  return {
    school_id: id,
    grade,
    planned_classes: null,
    planned_seats: planned,
    applicants: null,
    admitted: null,
    admitted_in_zone: null,
    admitted_migrant: null,
    admitted_disabled: null,
    method: null,
    plan_published_on: null,
    results_published_on: null,
    ...extra,
    _source: src('2024/admissions.csv'),
  } as AdmissionRow;
}

export function funding(id: string, publicFunds: number, extra: Partial<FundingRow> = {}): FundingRow {
  return { school_id: id, public_funds_yuan: publicFunds, training_funds_yuan: null, special_ed_students: null, special_ed_funds_yuan: null, investment_yuan: null, ...extra, _source: src('2024/funding.csv') } as FundingRow;
}

export function teachers(id: string, n: number, extra: Partial<TeacherRow> = {}): TeacherRow {
  return { school_id: id, teachers: n, certified_teachers: null, exchange_eligible: null, exchanged: null, backbone_exchanged: null, training_360h_done: null, ...extra, _source: src('2024/teachers.csv') } as TeacherRow;
}

export function outcome(id: string, extra: Partial<OutcomeRow> = {}): OutcomeRow {
  return { school_id: id, students_start: null, dropouts: null, pass_rate: null, good_rate: null, ...extra, _source: src('2024/outcomes.csv') } as OutcomeRow;
}

export function countyRow(code: string, extra: Partial<CountyYearRow> = {}): CountyYearRow {
  return {
    region_code: code,
    compulsory_education_appropriation_yuan: null,
    recurrent_revenue_yuan: null,
    general_budget_education_yuan: null,
    general_budget_spending_yuan: null,
    public_funds_standard_primary_yuan: null,
    public_funds_standard_junior_yuan: null,
    teacher_pay_yuan: null,
    civil_servant_pay_yuan: null,
    quota_allocation_pct: null,
    migrant_public_pct: null,
    disabled_enrollment_pct: null,
    retention_junior_pct: null,
    satisfaction_pct: null,
    ...extra,
    _source: src('2024/counties.csv'),
  } as CountyYearRow;
}

export function plan(county: string, schoolId: string | null, target: number, milestone: PlanRow['milestone'], extra: Partial<PlanRow> = {}): PlanRow {
  return { region_code: county, school_id: schoolId, target_year: target, milestone, target_share_pct: null, balance: 'quality', description: null, source: '《测试规划》', source_url: null, ...extra, _source: src('plans.csv') } as PlanRow;
}

export function standard(indicator: string, stage: StandardRow['stage'], threshold: number, source = '《某市标准》'): StandardRow {
  return { indicator, stage, threshold, source, _source: src('standards.csv') } as StandardRow;
}

export function year(y: number, d: Partial<Omit<YearData, 'year' | 'folder'>>): YearData {
  return { year: y, folder: String(y), ...d };
}

export function portal(p: Partial<PortalData> & { years: YearData[] }): PortalData {
  return {
    dataDir: '/tmp/test',
    settings: SETTINGS,
    regions: p.regions ?? [region('219900', '测试市', 'city'), region('219901', '甲区', 'county', '219900'), region('219902', '乙区', 'county', '219900')],
    schools: p.schools ?? [],
    plans: p.plans ?? [],
    standards: p.standards ?? [],
    years: p.years,
    ...(p.calendar ? { calendar: p.calendar } : {}),
  };
}
