/**
 * Turns a RegionSpec into the rows of every dataset, year by year. Used for the 35-school sample
 * and for benchmark regions of tens of thousands of schools, so it works in strings: each year's
 * files are built as arrays of lines and written once, and nothing of a year is kept afterwards
 * unless the caller asks for it (the sample's self-check does).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  admissions as admissionsSchema,
  classes as classesSchema,
  counties as countiesSchema,
  funding as fundingSchema,
  outcomes as outcomesSchema,
  resources as resourcesSchema,
  teachers as teachersSchema,
  zones as zonesSchema,
  STAGE_PARTS,
  partOfGrade,
  type PartStage,
} from '../schema';
import { QUALITY_INDICATORS, type StandardsIndex } from '../standards';
import { header, rowLine, zhOf } from './csv';
import { between, intBetween, u } from './prng';
import type { CountySpec, IndicatorKey, RegionSpec, SchoolSpec } from './types';

const ENTRY_GRADE: Record<PartStage, number> = { primary: 1, junior: 7 };
/** Pupils per full-time teacher, by part (plausible staffing, not a policy threshold). */
const PUPILS_PER_TEACHER: Record<PartStage, number> = { primary: 17, junior: 12.5 };
const SPECIAL_PUPILS_PER_TEACHER = 3.5;
/** Provincial per-student public-funds standard (元), by year: rises over the period. */
const FUNDS_STANDARD: Record<PartStage, readonly number[]> = {
  primary: [650, 700, 700, 750, 800],
  junior: [850, 900, 900, 950, 1000],
};

export interface PartYear {
  readonly stage: PartStage;
  readonly students: number;
  readonly classes: number;
  readonly raw: Readonly<Record<IndicatorKey, number>>;
  readonly musicRooms: number;
  readonly artRooms: number;
  readonly teachers: number;
  /** The ratio the recipe asked for, per indicator (for the self-check). */
  readonly intended: Readonly<Record<IndicatorKey, number>>;
}

export interface ClassOut {
  readonly grade: number;
  readonly name: string;
  readonly students: number;
}

export interface AdmissionOut {
  readonly stage: PartStage;
  readonly grade: number;
  readonly plannedClasses: number;
  readonly plannedSeats: number;
  readonly admitted: number | null;
  readonly planPublishedOn: string;
  readonly resultsPublishedOn: string | null;
}

export interface SchoolYear {
  readonly spec: SchoolSpec;
  readonly year: number;
  readonly parts: readonly PartYear[];
  readonly classes: readonly ClassOut[];
  readonly admissions: readonly AdmissionOut[];
  readonly publicFunds: number;
  readonly expectedFunds: number;
  readonly trainingFunds: number;
  readonly specialEdStudents: number;
  readonly specialEdFunds: number;
  readonly teachers: number;
  readonly certified: number;
  readonly eligible: number;
  readonly exchanged: number;
  readonly backboneExchanged: number;
  readonly training360: number;
  readonly studentsStart: number;
  readonly dropouts: number;
  readonly passRate: number;
  readonly goodRate: number;
}

export interface CountyYear {
  readonly county: CountySpec;
  readonly year: number;
  readonly spending: number;
  readonly revenue: number;
  readonly reported: Readonly<Record<string, number>>;
}

export interface YearOutput {
  readonly year: number;
  readonly schools: readonly SchoolYear[];
  readonly counties: readonly CountyYear[];
}

/** Is the school open (and so reporting) in this year? */
export function activeIn(s: SchoolSpec, year: number): boolean {
  return s.closedYear === null || year < s.closedYear;
}

export function partsOf(s: SchoolSpec): readonly PartStage[] {
  return STAGE_PARTS[s.stage].filter((p) => s.grades.some((g) => partOfGrade(g) === p));
}

function addDays(year: number, month: number, day: number, plus: number): string {
  const t = Date.UTC(year, month - 1, day) + plus * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Students of grade g in a year, following the cohort that entered (g − entry) years earlier. */
function gradeSize(seed: number, s: SchoolSpec, part: PartStage, grade: number, year: number, firstYear: number): number {
  const base = s.entry[part] ?? 0;
  const steps = grade - ENTRY_GRADE[part];
  const cohortYear = year - steps;
  const e = base * Math.pow(1 + s.trend, cohortYear - firstYear) * (0.97 + 0.06 * u(seed, s.id, part, 'cohort', cohortYear));
  return Math.max(1, Math.round(e * (1 - 0.004 * steps)));
}

/** Even split of n pupils into ⌈n ÷ target⌉ classes: no class above the target. */
function split(n: number, target: number): number[] {
  const k = Math.max(1, Math.ceil(n / target));
  const lo = Math.floor(n / k);
  const extra = n - lo * k;
  return Array.from({ length: k }, (_, i) => lo + (i < extra ? 1 : 0));
}

/** Indicator value as a multiple of its threshold: the recipe's, or a comfortable default. */
export function ratioOf(seed: number, s: SchoolSpec, part: PartStage, key: IndicatorKey, yi: number): number {
  const o = s.ratios[part]?.[key];
  if (o && o[yi] !== undefined) return o[yi];
  return between(1.12, 1.45, seed, s.id, part, key, 'base') * (1 + 0.02 * yi);
}

/** Rounds a raw amount towards the side the recipe intends, so integer counts never flip a verdict. */
function toward(raw: number, r: number, step: number): number {
  return r >= 1 ? Math.ceil(raw / step) * step : Math.floor(raw / step) * step;
}

export function schoolYear(
  seed: number,
  s: SchoolSpec,
  year: number,
  years: readonly number[],
  county: CountySpec,
  std: StandardsIndex,
): SchoolYear {
  const yi = year - years[0];
  const p = s.plants;
  const classes: ClassOut[] = [];
  const parts: PartYear[] = [];
  const admissions: AdmissionOut[] = [];
  for (const part of partsOf(s)) {
    const grades = s.grades.filter((g) => partOfGrade(g) === part);
    let students = 0;
    let nClasses = 0;
    for (const g of grades) {
      const sizes = p.classes?.[year]?.[g] ?? split(gradeSize(seed, s, part, g, year, years[0]), s.classTarget[part]);
      sizes.forEach((n, i) => classes.push({ grade: g, name: `${i + 1}班`, students: n }));
      students += sizes.reduce((a, b) => a + b, 0);
      nClasses += sizes.length;
      if (g === ENTRY_GRADE[part]) {
        const admitted = sizes.reduce((a, b) => a + b, 0);
        const unpublished = p.unpublished?.includes(year) ?? false;
        admissions.push({
          stage: part,
          grade: g,
          plannedClasses: sizes.length,
          plannedSeats: p.plannedSeats?.[year]?.[part] ?? sizes.length * s.classTarget[part],
          admitted: unpublished ? null : admitted,
          planPublishedOn: addDays(year, 4, 10, intBetween(0, 25, seed, s.id, year, part, 'plan')),
          resultsPublishedOn: unpublished ? null : p.lateResults?.[year] ?? addDays(year, 7, 5, intBetween(0, 45, seed, s.id, year, part, 'res')),
        });
      }
    }
    const raw = {} as Record<IndicatorKey, number>;
    const intended = {} as Record<IndicatorKey, number>;
    for (const q of QUALITY_INDICATORS) {
      const key = q.key as IndicatorKey;
      const r = ratioOf(seed, s, part, key, yi);
      intended[key] = r;
      const amount = (r * std.threshold(key, part) * students) / q.per;
      const step = key === 'equipment_value_per_student' ? 100 : 1;
      raw[key] = toward(amount, r, step);
      // a shortfall meant to stay within 85 % must not be pushed below it by rounding down
      const full = (std.threshold(key, part) * students) / q.per;
      if (r < 1 && r >= std.threshold('min_ratio_missed') && raw[key] < full * std.threshold('min_ratio_missed')) {
        const up = Math.ceil(amount / step) * step;
        if (up < full) raw[key] = up;
      }
    }
    const unit = std.threshold('music_art_room_classes');
    const need = Math.ceil(nClasses / unit);
    const short = nClasses >= unit && (p.musicRoomsShort?.includes(year) ?? false);
    const musicRooms = nClasses >= unit ? need + (short ? -1 : u(seed, s.id, part, year, 'music') < 0.3 ? 1 : 0) : 1;
    const artRooms = nClasses >= unit ? need + (u(seed, s.id, part, year, 'art') < 0.3 ? 1 : 0) : 1;
    const teachers = Math.max(
      Math.ceil(students / (s.kind === 'special_education' ? SPECIAL_PUPILS_PER_TEACHER : PUPILS_PER_TEACHER[part])),
      Math.ceil(raw.qualified_teachers_per_100 / 0.93),
      raw.backbone_teachers_per_100 + raw.pe_arts_teachers_per_100 + 2,
    );
    parts.push({ stage: part, students, classes: nClasses, raw, musicRooms, artRooms, teachers, intended });
  }

  const total = parts.reduce((a, x) => a + x.students, 0);
  // funding: the provincial standard × students (small rural schools funded as 100), plus a margin
  let expected = parts.reduce((a, x) => a + FUNDS_STANDARD[x.stage][yi] * x.students, 0);
  const floor = std.threshold('public_funds_small_school_floor');
  // 不足100名学生的村小学和教学点 only (教督〔2017〕6号 第六条第（六）项): not junior or nine-year schools
  if ((s.kind === 'teaching_point' || (s.locale === 'rural' && s.stage === 'primary')) && total > 0 && total < floor) expected = (expected / total) * floor;
  const factor = p.publicFundsFactor?.[year];
  const specialEdStudents =
    s.kind === 'special_education' ? total : u(seed, s.id, year, 'sen') < 0.45 ? intBetween(1, 4, seed, s.id, year, 'senN') : 0;
  const sePer = p.specialEdPerStudent?.[year] ?? Math.ceil(between(8200, 9600, seed, s.id, year, 'sePer') / 100) * 100;
  const specialEdFunds = specialEdStudents * sePer;
  let publicFunds = factor !== undefined ? Math.floor((expected * factor) / 100) * 100 : Math.ceil((expected * between(1.06, 1.28, seed, s.id, year, 'pf')) / 100) * 100;
  if (s.kind === 'special_education') publicFunds = Math.max(publicFunds, specialEdFunds + Math.ceil(expected / 100) * 100);
  const tp = p.trainingPct?.[year];
  const trainingFunds = tp !== undefined ? Math.floor((publicFunds * tp) / 100) : Math.ceil(publicFunds * between(0.055, 0.08, seed, s.id, year, 'tr'));

  // teachers
  const teachers = parts.reduce((a, x) => a + x.teachers, 0);
  const certified = teachers - (p.uncertified?.[year] ?? 0);
  const eligible = Math.max(1, Math.round(teachers * between(0.25, 0.35, seed, s.id, year, 'elig')));
  const rate = county.plants.exchangeRate?.[year];
  const exchanged = rate !== undefined ? Math.floor(eligible * rate) : Math.ceil(eligible * between(0.12, 0.16, seed, s.id, year, 'ex'));
  const backboneExchanged = Math.min(exchanged, Math.ceil(exchanged * between(0.25, 0.4, seed, s.id, year, 'bb')));
  const t360 = county.plants.training360?.[year];
  const training360 = t360 !== undefined ? Math.floor(teachers * t360) : teachers;

  // outcomes: no dropouts in primary; junior a few per thousand at most
  const junior = parts.find((x) => x.stage === 'junior')?.students ?? 0;
  const dropouts = p.dropouts?.[year] ?? Math.floor(junior * between(0, 0.003, seed, s.id, year, 'drop'));
  const passRate = p.passRate?.[year] ?? Math.round(between(96, 99.6, seed, s.id, year, 'pass') * 10) / 10;
  const goodRate = Math.round(between(91, 97.5, seed, s.id, year, 'good') * 10) / 10;

  return {
    spec: s,
    year,
    parts,
    classes,
    admissions,
    publicFunds,
    expectedFunds: expected,
    trainingFunds,
    specialEdStudents,
    specialEdFunds,
    teachers,
    certified,
    eligible,
    exchanged,
    backboneExchanged,
    training360,
    studentsStart: total,
    dropouts,
    passRate,
    goodRate,
  };
}

/** County finance and county-reported indicators, following each county's growth path. */
export function countyYear(seed: number, c: CountySpec, year: number, years: readonly number[], students2021: number): CountyYear {
  let spending = students2021 * between(15000, 19000, seed, c.code, 'spend');
  let revenue = spending * between(3.4, 4.8, seed, c.code, 'rev');
  for (const y of years) {
    if (y === years[0]) continue;
    if (y > year) break;
    const planted = c.plants.growth?.[y];
    const gr = planted ? planted[0] : between(0.03, 0.065, seed, c.code, y, 'gr');
    const gs = planted ? planted[1] : gr + between(0.012, 0.03, seed, c.code, y, 'gs');
    revenue *= 1 + gr;
    spending *= 1 + gs;
  }
  const yi = year - years[0];
  const civil = Math.round(between(88000, 96000, seed, c.code, 'civil') * (1 + 0.035 * yi));
  const pct = (lo: number, hi: number, k: string) => Math.round(between(lo, hi, seed, c.code, year, k) * 10) / 10;
  const reported: Record<string, number> = {
    public_funds_standard_primary_yuan: FUNDS_STANDARD.primary[yi],
    public_funds_standard_junior_yuan: FUNDS_STANDARD.junior[yi],
    civil_servant_pay_yuan: civil,
    teacher_pay_yuan: Math.round(civil * between(1.012, 1.06, seed, c.code, year, 'pay')),
    quota_allocation_pct: pct(52 + yi, 56 + 2 * yi, 'quota'),
    migrant_public_pct: pct(88, 96, 'migrant'),
    disabled_enrollment_pct: pct(96, 99.5, 'disabled'),
    retention_junior_pct: pct(97, 99.6, 'retention'),
    satisfaction_pct: pct(86 + yi * 0.5, 93 + yi * 0.5, 'satisfaction'),
  };
  // general public budget and its education share (锦州's 财政教育支出占一般预算支出比例): the share
  // rises 0.3 个百分点 a year, so no county is found short of the local target
  const budget = Math.round((revenue * between(1.5, 1.9, seed, c.code, 'budget')) / 10000) * 10000;
  reported.general_budget_spending_yuan = budget;
  reported.general_budget_education_yuan = Math.round((budget * (between(0.13, 0.16, seed, c.code, 'share') + 0.003 * yi)) / 10000) * 10000;
  const planted = c.plants.reported?.[year];
  if (planted) for (const [k, v] of Object.entries(planted)) reported[k] = k === 'teacher_pay_yuan' ? Math.round(civil * v) : v;
  return { county: c, year, spending: Math.round(spending / 10000) * 10000, revenue: Math.round(revenue / 10000) * 10000, reported };
}

export interface WriteOptions {
  /** Keep every year's school and county rows in memory (the sample's self-check reads them). */
  readonly keep: boolean;
}

/** Writes the eight datasets of every year into dir/YEAR/. */
export function writeYears(spec: RegionSpec, std: StandardsIndex, dir: string, opts: WriteOptions): YearOutput[] {
  const out: YearOutput[] = [];
  const countyByCode = new Map(spec.counties.map((c) => [c.code, c] as const));
  const first = spec.years[0];
  // each county's pupils in the first year set the size of its budget
  const students2021 = new Map<string, number>();
  for (const s of spec.schools) {
    if (!activeIn(s, first)) continue;
    const sy = schoolYear(spec.seed, s, first, spec.years, countyByCode.get(s.county)!, std);
    students2021.set(s.county, (students2021.get(s.county) ?? 0) + sy.studentsStart);
  }
  for (const year of spec.years) {
    const folder = join(dir, String(year));
    mkdirSync(folder, { recursive: true });
    const adm = [header(admissionsSchema)];
    const cls = [header(classesSchema)];
    const res = [header(resourcesSchema)];
    const fun = [header(fundingSchema)];
    const cty = [header(countiesSchema)];
    const tea = [header(teachersSchema)];
    const outc = [header(outcomesSchema)];
    const zon = [header(zonesSchema)];
    const kept: SchoolYear[] = [];
    for (const s of spec.schools) {
      if (!activeIn(s, year)) continue;
      const sy = schoolYear(spec.seed, s, year, spec.years, countyByCode.get(s.county)!, std);
      if (opts.keep) kept.push(sy);
      const id = s.id;
      for (const a of sy.admissions) {
        const published = a.admitted !== null;
        const n = a.admitted ?? 0;
        const priv = s.ownership === 'private' || s.kind === 'special_education';
        adm.push(
          rowLine(admissionsSchema, {
            school_id: id,
            grade: a.grade,
            planned_classes: a.plannedClasses,
            planned_seats: a.plannedSeats,
            applicants: published
              ? s.ownership === 'private'
                ? Math.round(n * between(1.3, 2.2, spec.seed, id, year, a.stage, 'app'))
                : n + intBetween(0, Math.ceil(n * 0.05), spec.seed, id, year, a.stage, 'app')
              : null,
            admitted: a.admitted,
            admitted_in_zone: published && !priv ? (s.locale === 'urban' ? n : n - Math.floor(n * between(0, 0.04, spec.seed, id, year, a.stage, 'zone'))) : null,
            admitted_migrant: published ? Math.floor(n * between(s.locale === 'urban' ? 0.08 : 0.02, s.locale === 'urban' ? 0.2 : 0.08, spec.seed, id, year, a.stage, 'mig')) : null,
            admitted_disabled: published ? (s.kind === 'special_education' ? n : n >= 60 ? intBetween(0, 2, spec.seed, id, year, a.stage, 'dis') : 0) : null,
            method: zhOf(admissionsSchema, 'method', s.method),
            plan_published_on: a.planPublishedOn,
            results_published_on: a.resultsPublishedOn,
          }),
        );
      }
      for (const c of sy.classes) cls.push(rowLine(classesSchema, { school_id: id, grade: c.grade, class_name: c.name, students: c.students }));
      for (const part of sy.parts) {
        const r = part.raw;
        const teaching = r.teaching_space_per_student;
        const sports = r.sports_space_per_student;
        const building = Math.round(teaching * 1.45);
        res.push(
          rowLine(resourcesSchema, {
            school_id: id,
            stage: zhOf(resourcesSchema, 'stage', part.stage),
            students: part.students,
            qualified_teachers: r.qualified_teachers_per_100,
            backbone_teachers: r.backbone_teachers_per_100,
            pe_arts_teachers: r.pe_arts_teachers_per_100,
            teaching_space_m2: teaching,
            sports_space_m2: sports,
            equipment_value_yuan: r.equipment_value_per_student,
            multimedia_rooms: r.multimedia_rooms_per_100,
            classes: part.classes,
            music_rooms: part.musicRooms,
            art_rooms: part.artRooms,
            campus_area_m2: Math.round(sports * 1.3 + building / 3),
            building_area_m2: building,
          }),
        );
      }
      fun.push(
        rowLine(fundingSchema, {
          school_id: id,
          public_funds_yuan: sy.publicFunds,
          training_funds_yuan: sy.trainingFunds,
          special_ed_students: sy.specialEdStudents,
          special_ed_funds_yuan: sy.specialEdFunds,
          investment_yuan: Math.round(between(0.2, 2.5, spec.seed, id, year, 'inv') * 1e4) * 100,
        }),
      );
      tea.push(
        rowLine(teachersSchema, {
          school_id: id,
          teachers: sy.teachers,
          certified_teachers: sy.certified,
          exchange_eligible: sy.eligible,
          exchanged: sy.exchanged,
          backbone_exchanged: sy.backboneExchanged,
          training_360h_done: sy.training360,
        }),
      );
      outc.push(rowLine(outcomesSchema, { school_id: id, students_start: sy.studentsStart, dropouts: sy.dropouts, pass_rate: sy.passRate, good_rate: sy.goodRate }));
      for (const z of zonesOf(spec, s.id, year)) zon.push(rowLine(zonesSchema, { school_id: id, area: z.area, note: z.note }));
    }
    const countiesKept: CountyYear[] = [];
    for (const c of spec.counties) {
      const cy = countyYear(spec.seed, c, year, spec.years, students2021.get(c.code) ?? 1000);
      if (opts.keep) countiesKept.push(cy);
      cty.push(
        rowLine(countiesSchema, {
          region_code: c.code,
          compulsory_education_appropriation_yuan: cy.spending,
          recurrent_revenue_yuan: cy.revenue,
          ...cy.reported,
        }),
      );
    }
    const write = (name: string, lines: string[]) => writeFileSync(join(folder, name), lines.join(''));
    write('admissions.csv', adm);
    write('classes.csv', cls);
    write('resources.csv', res);
    write('funding.csv', fun);
    write('counties.csv', cty);
    write('teachers.csv', tea);
    write('outcomes.csv', outc);
    write('zones.csv', zon);
    out.push({ year, schools: kept, counties: countiesKept });
  }
  return out;
}

/** A school's zone in a year: its own areas, plus areas taken over from closed schools or added. */
export function zonesOf(spec: RegionSpec, id: string, year: number): { area: string; note: string | null }[] {
  const list = [...(spec.zones.get(id) ?? [])];
  for (const t of spec.zoneTransfers) {
    if (t.to !== id || year < t.year) continue;
    const from = spec.schools.find((s) => s.id === t.from)?.name ?? t.from;
    for (const z of spec.zones.get(t.from) ?? []) list.push({ area: z.area, note: `原${from}招生范围，${t.year}年${from}撤并后划入本校` });
  }
  for (const a of spec.zoneAdditions) if (a.school === id && year >= a.year) list.push({ area: a.area, note: a.note });
  return list;
}
