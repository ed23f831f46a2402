/**
 * Everything the pages read, loaded and indexed once per build process. Pages stay thin: they
 * look things up in these Maps instead of scanning arrays (a 20,000-school region renders
 * 20,000 school pages, so a per-page scan would be quadratic).
 */
import type {
  AppliedStandard,
  CountyGaps,
  CountyYearResult,
  Finding,
  IndicatorResults,
  PlanProgress,
  RegionYearResult,
  SchoolYearResult,
} from '../indicators/types';
import type { PortalData, YearData } from '../model/types';
import type { WithheldFile } from '../privacy/embargo';
import type {
  AdmissionRow,
  ClassRow,
  FundingRow,
  OutcomeRow,
  PartStage,
  RegionRow,
  ResourceRow,
  SchoolRow,
  TeacherRow,
  ZoneRow,
} from '../schema';
import type { Issue } from '../validate/issue';
import { withBase } from '../urls/base-path';
import { readReleases, type ReleaseEntry } from '../export/releases';

export interface SchoolYearRows {
  readonly admissions: readonly AdmissionRow[];
  readonly classes: readonly ClassRow[];
  readonly resources: readonly ResourceRow[];
  readonly zones: readonly ZoneRow[];
  readonly funding: FundingRow | null;
  readonly teachers: TeacherRow | null;
  readonly outcomes: OutcomeRow | null;
}

export interface Portal {
  readonly dataDir: string;
  /** Validated model without embargoed files; sensitive counts NOT suppressed (use site/privacy helpers to show them). */
  readonly data: PortalData;
  readonly results: IndicatorResults;
  readonly issues: readonly Issue[];
  readonly withheld: readonly WithheldFile[];
  readonly settings: PortalData['settings'];
  readonly base: string;
  readonly href: (path: string) => string;
  readonly years: readonly number[];
  readonly latestYear: number | null;
  readonly root: RegionRow | null;
  readonly regionsByCode: ReadonlyMap<string, RegionRow>;
  /** County-level regions in code order. */
  readonly counties: readonly RegionRow[];
  readonly schoolsById: ReadonlyMap<string, SchoolRow>;
  readonly schoolsByCounty: ReadonlyMap<string, readonly SchoolRow[]>;
  readonly yearData: ReadonlyMap<number, YearData>;
  /** `${school_id}` → all part-year results, ascending by year then stage. */
  readonly resultsBySchool: ReadonlyMap<string, readonly SchoolYearResult[]>;
  /** `${school_id}:${year}` → the part rows of that year. */
  readonly resultsBySchoolYear: ReadonlyMap<string, readonly SchoolYearResult[]>;
  /** `${region_code}:${year}:${stage}` */
  readonly countyResults: ReadonlyMap<string, CountyYearResult>;
  /** `${region_code}:${year}` */
  readonly regionYears: ReadonlyMap<string, RegionYearResult>;
  readonly countyGaps: ReadonlyMap<string, CountyGaps>;
  readonly progressBySchool: ReadonlyMap<string, readonly PlanProgress[]>;
  /** Region-level plan rows (school_id empty), by region code. */
  readonly progressByRegion: ReadonlyMap<string, readonly PlanProgress[]>;
  /** Every plan row of a county, school rows included. */
  readonly progressByCounty: ReadonlyMap<string, readonly PlanProgress[]>;
  readonly findingsBySchool: ReadonlyMap<string, readonly Finding[]>;
  readonly findingsByRegion: ReadonlyMap<string, readonly Finding[]>;
  /** `${school_id}:${year}` → raw published rows of that school and year. */
  readonly rowsBySchoolYear: ReadonlyMap<string, SchoolYearRows>;
  /** `${key}:${stage}` (stage 'all' for whole-school rules) → applied standard. */
  readonly standards: ReadonlyMap<string, AppliedStandard>;
  /** The applied threshold of a rule; looks up the stage, then 'all'. */
  readonly standard: (key: string, stage?: PartStage | 'all') => AppliedStandard;
  /** Latest data release (releases/releases.yml), null when it cannot be read. */
  readonly latestRelease: ReleaseEntry | null;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Builds the lookups; exported for tests that start from an in-memory model. */
export function indexPortal(data: PortalData, results: IndicatorResults, extra: { issues?: readonly Issue[]; withheld?: readonly WithheldFile[]; releasesFile?: string } = {}): Portal {
  const settings = data.settings;
  const base = settings.base_path;
  const regionsByCode = new Map(data.regions.map((r) => [r.region_code, r] as const));
  const counties = data.regions.filter((r) => r.level === 'county').sort((a, b) => a.region_code.localeCompare(b.region_code));
  const rootCode = settings.region_code ?? data.regions.find((r) => !r.parent_code)?.region_code ?? null;
  const root = rootCode ? (regionsByCode.get(rootCode) ?? null) : null;

  const schoolsById = new Map<string, SchoolRow>();
  const schoolsByCounty = new Map<string, SchoolRow[]>();
  for (const s of data.schools) {
    schoolsById.set(s.school_id, s);
    push(schoolsByCounty, s.region_code, s);
  }

  const resultsBySchool = new Map<string, SchoolYearResult[]>();
  const resultsBySchoolYear = new Map<string, SchoolYearResult[]>();
  for (const r of results.schools) {
    push(resultsBySchool, r.school_id, r);
    push(resultsBySchoolYear, `${r.school_id}:${r.year}`, r);
  }
  const countyResults = new Map(results.counties.map((c) => [`${c.region_code}:${c.year}:${c.stage}`, c] as const));
  const regionYears = new Map(results.regionYears.map((c) => [`${c.region_code}:${c.year}`, c] as const));
  const countyGaps = new Map(results.countyGaps.map((c) => [c.region_code, c] as const));

  const progressBySchool = new Map<string, PlanProgress[]>();
  const progressByRegion = new Map<string, PlanProgress[]>();
  const progressByCounty = new Map<string, PlanProgress[]>();
  for (const p of results.progress) {
    if (p.school_id) push(progressBySchool, p.school_id, p);
    else push(progressByRegion, p.region_code, p);
    push(progressByCounty, p.region_code, p);
  }
  const findingsBySchool = new Map<string, Finding[]>();
  const findingsByRegion = new Map<string, Finding[]>();
  for (const f of results.findings) {
    if (f.subject.school_id) push(findingsBySchool, f.subject.school_id, f);
    push(findingsByRegion, f.subject.region_code, f);
  }

  const yearData = new Map(data.years.map((y) => [y.year, y] as const));
  const rows = new Map<string, { admissions: AdmissionRow[]; classes: ClassRow[]; resources: ResourceRow[]; zones: ZoneRow[]; funding: FundingRow | null; teachers: TeacherRow | null; outcomes: OutcomeRow | null }>();
  const rowFor = (id: string, year: number) => {
    const k = `${id}:${year}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { admissions: [], classes: [], resources: [], zones: [], funding: null, teachers: null, outcomes: null }));
    return r;
  };
  for (const y of data.years) {
    for (const a of y.admissions ?? []) rowFor(a.school_id, y.year).admissions.push(a);
    for (const c of y.classes ?? []) rowFor(c.school_id, y.year).classes.push(c);
    for (const c of y.resources ?? []) rowFor(c.school_id, y.year).resources.push(c);
    for (const z of y.zones ?? []) rowFor(z.school_id, y.year).zones.push(z);
    for (const f of y.funding ?? []) rowFor(f.school_id, y.year).funding = f;
    for (const t of y.teachers ?? []) rowFor(t.school_id, y.year).teachers = t;
    for (const o of y.outcomes ?? []) rowFor(o.school_id, y.year).outcomes = o;
  }

  const standards = new Map<string, AppliedStandard>();
  for (const s of results.standards) standards.set(`${s.key}:${s.stage}`, s);
  const standard = (key: string, stage: PartStage | 'all' = 'all'): AppliedStandard => {
    const s = standards.get(`${key}:${stage}`) ?? standards.get(`${key}:all`);
    if (!s) throw new Error(`标准表中没有 ${key}（${stage}）`);
    return s;
  };

  const years = results.years.length ? results.years : data.years.map((y) => y.year);
  return {
    dataDir: data.dataDir,
    data,
    results,
    issues: extra.issues ?? [],
    withheld: extra.withheld ?? [],
    settings,
    base,
    href: (p) => withBase(base, p),
    years,
    latestYear: years.length ? years[years.length - 1] : null,
    root,
    regionsByCode,
    counties,
    schoolsById,
    schoolsByCounty,
    yearData,
    resultsBySchool,
    resultsBySchoolYear,
    countyResults,
    regionYears,
    countyGaps,
    progressBySchool,
    progressByRegion,
    progressByCounty,
    findingsBySchool,
    findingsByRegion,
    rowsBySchoolYear: rows,
    standards,
    standard,
    latestRelease: latestRelease(data.dataDir, extra.releasesFile),
  };
}

function latestRelease(dataDir: string, file: string | undefined): ReleaseEntry | null {
  try {
    const r = readReleases(dataDir, { file }).releases;
    const last = r[r.length - 1];
    return last && last.version !== 'current' ? last : null;
  } catch {
    // A broken releases.yml is reported by the distribution step; pages just omit the line.
    return null;
  }
}
