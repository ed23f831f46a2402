/**
 * What the sample region plants, as data: every policy breach the indicators should find in
 * data/, and (by omission) the promise that there is no other. Decided by the recipe in
 * sample-region.ts; the generator's self-check (check.ts) proves the written numbers agree.
 *
 * `id` uses the documented format of Finding.id in src/lib/indicators/types.ts:
 *   `${rule}:${year}:${region_code}:${school_id|-}:${stage|-}:${detail}`
 * so a test can compare the two lists as sets of ids.
 */
import type { PartStage } from '../schema';
import { QUALITY_INDICATORS, type StandardsIndex } from '../standards';
import { activeIn, ratioOf, schoolYear, type SchoolYear } from './engine';
import type { RegionSpec, SchoolSpec } from './types';

export interface PlantedFinding {
  /** Same format as Finding.id of the indicators module. */
  readonly id: string;
  /** A FindingRule of the indicators module. */
  readonly rule: string;
  readonly year: number;
  readonly region_code: string;
  readonly school_id: string | null;
  readonly stage: PartStage | null;
  /** Standard key the breach is measured against (as Finding.indicator). */
  readonly indicator: string;
  readonly class?: { readonly grade: number; readonly class_name: string; readonly students: number };
  /** Plain-Chinese description of what was planted. */
  readonly note: string;
}

const REPORTED_KEY: Record<string, string> = {
  teacher_pay_yuan: 'teacher_pay_vs_civil_servants',
  quota_allocation_pct: 'quota_allocation',
  migrant_public_pct: 'migrant_public',
  disabled_enrollment_pct: 'disabled_enrollment',
  retention_junior_pct: 'retention_junior',
  satisfaction_pct: 'satisfaction',
};

/** Which school parts count in CVs and the 6-of-7 findings (special schools, small teaching points do not). */
export function partCounted(s: SchoolSpec, students: number, std: StandardsIndex): boolean {
  if (s.kind === 'special_education') return false;
  if (s.kind === 'teaching_point' && students < std.threshold('teaching_point_min_students')) return false;
  return students > 0;
}

/** Intended verdict of a part from the recipe: indicators below, and whether 6-of-7 fails. */
export function intendedVerdict(spec: RegionSpec, s: SchoolSpec, part: PartStage, year: number, std: StandardsIndex) {
  const yi = year - spec.years[0];
  const below = QUALITY_INDICATORS.map((q) => ({ key: q.key, r: ratioOf(spec.seed, s, part, q.key as never, yi) })).filter((x) => x.r < 1);
  const allowedMisses = QUALITY_INDICATORS.length - std.threshold('min_indicators_met');
  const fails = below.length > allowedMisses || below.some((x) => x.r < std.threshold('min_ratio_missed'));
  return { below, fails };
}

export function plantedFindings(spec: RegionSpec, std: StandardsIndex): PlantedFinding[] {
  const out: PlantedFinding[] = [];
  const add = (f: Omit<PlantedFinding, 'id'>, detail: string) =>
    out.push({ id: `${f.rule}:${f.year}:${f.region_code}:${f.school_id ?? '-'}:${f.stage ?? '-'}:${detail}`, ...f });
  const counties = new Map(spec.counties.map((c) => [c.code, c] as const));
  const last = spec.years[spec.years.length - 1];
  const facts = new Map<string, SchoolYear>();

  for (const year of spec.years) {
    for (const s of spec.schools) {
      if (!activeIn(s, year)) continue;
      const sy = schoolYear(spec.seed, s, year, spec.years, counties.get(s.county)!, std);
      facts.set(`${s.id}:${year}`, sy);
      const base = { year, region_code: s.county, school_id: s.id };
      const p = s.plants;
      for (const part of sy.parts) {
        const stage = part.stage;
        // classes over the stage limit (only planted class lists can be)
        const limit = std.threshold('class_size', stage);
        for (const c of sy.classes) {
          if ((c.grade <= 6 ? 'primary' : 'junior') !== stage || c.students <= limit) continue;
          const rule = c.students >= std.threshold('super_large_class_min') ? 'super_large_class' : c.students >= std.threshold('large_class_min') ? 'large_class' : 'class_over_limit';
          add({ ...base, rule, stage, indicator: 'class_size', class: { grade: c.grade, class_name: c.name, students: c.students }, note: `${s.name}${c.grade}年级${c.name}${c.students}人，超过班额上限${limit}人` }, `${c.grade}:${c.name}`);
        }
        for (const a of sy.admissions) {
          if (a.stage !== stage) continue;
          if (a.admitted !== null && a.admitted > a.plannedSeats)
            add({ ...base, rule: 'admitted_over_plan', stage, indicator: 'planned_seats', note: `${s.name}${a.grade}年级计划${a.plannedSeats}人，录取${a.admitted}人` }, `grade${a.grade}`);
          if (a.admitted === null)
            add({ ...base, rule: 'results_not_published', stage, indicator: 'publication_working_days', note: `${s.name}${year}年招生计划已公布，录取结果未公布` }, 'results');
          if (p.lateResults?.[year])
            add({ ...base, rule: 'results_published_late', stage, indicator: 'publication_working_days', note: `${s.name}录取结果${p.lateResults[year]}才公布，超过20个工作日` }, 'results');
        }
        if (partCounted(s, part.students, std)) {
          const v = intendedVerdict(spec, s, stage, year, std);
          for (const b of v.below)
            add({ ...base, rule: 'indicator_below_threshold', stage, indicator: b.key, note: `${s.name}${b.key}为标准的${Math.round(b.r * 100)}%（按配方）` }, b.key);
          if (v.fails) add({ ...base, rule: 'six_of_seven_failed', stage, indicator: 'min_indicators_met', note: `${s.name}未达到“7项中至少6项、其余不低于85%”` }, 'six_of_seven');
        }
      }
      // music and art rooms: whole school (parts' classes and rooms added), ⌈classes ÷ 12⌉ of each, at least 1
      if (s.kind !== 'special_education') {
        const classes = sy.parts.reduce((a, x) => a + x.classes, 0);
        const need = Math.max(1, Math.ceil(classes / std.threshold('music_art_room_classes')));
        const music = sy.parts.reduce((a, x) => a + x.musicRooms, 0);
        const art = sy.parts.reduce((a, x) => a + x.artRooms, 0);
        if (music < need * std.threshold('music_rooms_per_12_classes'))
          add({ ...base, rule: 'music_art_rooms_short', stage: null, indicator: 'music_rooms_per_12_classes', note: `${s.name}全校${classes}个班，需音乐专用教室${need}间，只有${music}间` }, 'music_rooms_per_12_classes');
        if (art < need * std.threshold('art_rooms_per_12_classes'))
          add({ ...base, rule: 'music_art_rooms_short', stage: null, indicator: 'art_rooms_per_12_classes', note: `${s.name}全校${classes}个班，需美术专用教室${need}间，只有${art}间` }, 'art_rooms_per_12_classes');
      }
      // whole-school rules
      if (p.overSize?.includes(year)) {
        const key = s.stage === 'nine_year' || s.stage === 'twelve_year' ? 'school_size_through' : 'school_size';
        add({ ...base, rule: 'school_over_size', stage: null, indicator: key, note: `${s.name}在校生${sy.studentsStart}人，超过规模上限` }, key);
      }
      if (p.trainingPct?.[year] !== undefined && p.trainingPct[year]! < std.threshold('training_funds_share'))
        add({ ...base, rule: 'training_funds_low', stage: null, indicator: 'training_funds_share', note: `${s.name}培训经费占公用经费${p.trainingPct[year]}%` }, 'training_funds_share');
      if (p.specialEdPerStudent?.[year] !== undefined && p.specialEdPerStudent[year]! < std.threshold('special_ed_funds_per_student'))
        add({ ...base, rule: 'special_ed_funds_low', stage: null, indicator: 'special_ed_funds_per_student', note: `${s.name}特教生均公用经费${p.specialEdPerStudent[year]}元，低于本地标准` }, 'special_ed_funds_per_student');
      if (p.publicFundsFactor?.[year] !== undefined && p.publicFundsFactor[year]! < 1 && s.kind !== 'special_education')
        add({ ...base, rule: 'public_funds_below_standard', stage: null, indicator: 'public_funds_vs_standard', note: `${s.name}公用经费为省定标准的${Math.round(p.publicFundsFactor[year]! * 100)}%` }, 'public_funds_vs_standard');
      // a nine/twelve-year school's one dropout figure cannot be tested against the part limits (no finding)
      if (p.dropouts?.[year] !== undefined && s.stage !== 'nine_year' && s.stage !== 'twelve_year') {
        const primaryOnly = s.stage === 'primary';
        const rate = (sy.dropouts / sy.studentsStart) * 100;
        if (rate > std.threshold('dropout_rate', primaryOnly ? 'primary' : 'junior'))
          add({ ...base, rule: 'dropout_over_limit', stage: null, indicator: 'dropout_rate', note: `${s.name}辍学${sy.dropouts}人（${rate.toFixed(2)}%）` }, 'dropout_rate');
      }
      // pass and good rates: junior-stage targets, schools with a junior part only
      if (sy.parts.some((x) => x.stage === 'junior') && p.passRate?.[year] !== undefined && p.passRate[year]! < std.threshold('pass_rate', 'junior'))
        add({ ...base, rule: 'pass_rate_low', stage: null, indicator: 'pass_rate', note: `${s.name}学业合格率${p.passRate[year]}%` }, 'pass_rate');
    }
    // county rules
    for (const c of spec.counties) {
      const base = { year, region_code: c.code, school_id: null, stage: null };
      const er = c.plants.exchangeRate?.[year];
      if (er !== undefined && er * 100 < std.threshold('teacher_exchange_rate'))
        add({ ...base, rule: 'exchange_low', indicator: 'teacher_exchange_rate', note: `${c.name}教师交流轮岗比例约${Math.round(er * 100)}%` }, 'teacher_exchange_rate');
      if (spec.schools.some((s) => s.county === c.code && activeIn(s, year) && (s.plants.uncertified?.[year] ?? 0) > 0))
        add({ ...base, rule: 'certificates_incomplete', indicator: 'certified_teachers_share', note: `${c.name}有专任教师未持教师资格证` }, 'certified_teachers_share');
      const t = c.plants.training360?.[year];
      if (t !== undefined && t < 1)
        add({ ...base, rule: 'training_360h_incomplete', indicator: 'training_360h_share', note: `${c.name}五年360学时完成率约${Math.round(t * 100)}%` }, 'training_360h_share');
      for (const [col, v] of Object.entries(c.plants.reported?.[year] ?? {}))
        add({ ...base, rule: 'county_reported_below', indicator: REPORTED_KEY[col], note: `${c.name}${col}=${v}` }, REPORTED_KEY[col]);
      const g = c.plants.growth?.[year];
      // 《义务教育法》第四十二条: “高于” — equal growth does not meet it
      if (g && g[1] <= g[0])
        add({ ...base, rule: 'education_spending_growth_low', indicator: 'education_spending_growth_margin', note: `${c.name}财政教育支出增长${(g[1] * 100).toFixed(1)}%，低于经常性收入增长${(g[0] * 100).toFixed(1)}%` }, 'education_spending_growth_margin');
      // public funds per student (all the county's schools: funds ÷ students) must grow year on year
      if (year > spec.years[0]) {
        const per = (y: number) => {
          let funds = 0;
          let pupils = 0;
          for (const s of spec.schools) {
            if (s.county !== c.code) continue;
            const sy = facts.get(`${s.id}:${y}`);
            if (!sy) continue;
            funds += sy.publicFunds;
            pupils += sy.parts.reduce((a, x) => a + x.students, 0);
          }
          return pupils ? funds / pupils : null;
        };
        const cur = per(year);
        const prev = per(year - 1);
        if (cur !== null && prev !== null && cur <= prev)
          add({ ...base, rule: 'public_funds_growth_low', indicator: 'public_funds_per_student_growth', note: `${c.name}生均公用经费${prev.toFixed(0)}元→${cur.toFixed(0)}元，未增长` }, 'public_funds_per_student_growth');
      }
      for (const cv of c.plants.cvOverLimit ?? [])
        if (cv.years.includes(year))
          add({ ...base, stage: cv.stage, rule: 'cv_over_limit', indicator: cv.indicator, note: `${c.name}${cv.stage === 'primary' ? '小学' : '初中'}${cv.indicator}差异系数超过上限` }, cv.indicator);
    }
  }
  // plans whose target year has passed: only school targets can be planted as missed
  for (const plan of spec.plans) {
    if (plan.milestone === 'other' || plan.target_year > last) continue;
    // a city's share target: the sample's due one (basic balance, 2018) is met in every year —
    // the indicators test fails on any plan_missed the manifest does not list
    if (plan.milestone === 'county_share') continue;
    if (!plan.school_id) throw new Error(`sample: county milestone ${plan.region_code}/${plan.milestone} ${plan.target_year} is due; the manifest cannot decide it`);
    const s = spec.schools.find((x) => x.id === plan.school_id)!;
    const sy = facts.get(`${s.id}:${last}`);
    if (!sy) continue;
    const fails = sy.parts.some((part) => intendedVerdict(spec, s, part.stage, last, std).fails);
    if (fails)
      out.push({
        id: `plan_missed:${last}:${plan.region_code}:${plan.school_id}:-:${plan.milestone}:${plan.target_year}`,
        rule: 'plan_missed', year: last, region_code: plan.region_code, school_id: plan.school_id, stage: null, indicator: plan.milestone,
        note: `${s.name}计划${plan.target_year}年达标，${last}年仍未达到`,
      });
  }
  return out.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
