import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../src/lib/indicators';
import { classBand } from '../src/lib/indicators/class-size';
import { indexStandards, resolveStandards } from '../src/lib/standards';
import { admission, funding, klass, outcome, portal, resources, school, teachers, year } from './indicators-fixture';

const standards = indexStandards(resolveStandards([]));

describe('nine-year school split into primary and junior parts', () => {
  // 九年一贯制: primary part 600 students, teaching space 2700 m² → 4.5 m²/student (= primary 4.5, met);
  // junior part 400 students, teaching space 2200 m² → 5.5 m²/student (< junior 5.8, missed;
  // 5.5 / 5.8 = 0.9483 ≥ 0.85, so the junior part still passes 6 of 7).
  // Pooled it would be 4900 / 1000 = 4.9 — a figure neither stage's rule applies to.
  const data = portal({
    schools: [school('2121000100', '219901', 'nine_year')],
    years: [
      year(2024, {
        resources: [
          resources('2121000100', 'primary', 600, { teaching_space_m2: 2700 }),
          resources('2121000100', 'junior', 400, { teaching_space_m2: 2200 }),
        ],
      }),
    ],
  });
  const r = computeIndicators(data);

  it('yields one result per part, each with its own students and thresholds', () => {
    const parts = r.schools.filter((s) => s.school_id === '2121000100');
    expect(parts.map((p) => p.stage)).toEqual(['primary', 'junior']);
    const ts = (i: number) => parts[i].indicators.find((x) => x.key === 'teaching_space_per_student')!;
    expect(ts(0)).toMatchObject({ value: { kind: 'value', value: 4.5 }, threshold: 4.5, met: true, gap: 0 });
    expect(ts(1)).toMatchObject({ value: { kind: 'value', value: 5.5 }, threshold: 5.8, met: false });
    expect(ts(1).gap).toBeCloseTo(0.3, 10);
    expect(ts(1).ratio).toBeCloseTo(0.9483, 4);
    expect(parts[1].verdict.status).toBe('passes');
    expect(parts[1].verdict.met).toBe(6);
  });

  it('counts each part among its own stage in the county, and the school size over both parts', () => {
    const prim = r.counties.find((c) => c.region_code === '219901' && c.stage === 'primary')!;
    const jun = r.counties.find((c) => c.region_code === '219901' && c.stage === 'junior')!;
    expect(prim.students).toBe(600);
    expect(jun.students).toBe(400);
    const parts = r.schools.filter((s) => s.school_id === '2121000100');
    expect(parts[0].size.students).toEqual({ kind: 'value', value: 1000 });
    // nine-year schools use the 2500 limit, not 2000
    expect(parts[0].size.check.threshold).toBe(2500);
  });
});

describe('6-of-7 rule and the 85 % boundary', () => {
  // primary, 1000 students; threshold of teaching space 4.5 m².
  // 85 %: 4.5 × 0.85 = 3.825 → 3825 m² → passes (6 met, the seventh at exactly 85 %).
  // 84.99 %: 4.5 × 0.8499 = 3.82455 → 3824.55 m² → fails.
  const run = (m2: number) =>
    computeIndicators(
      portal({
        schools: [school('2121000200', '219901', 'primary')],
        years: [year(2024, { resources: [resources('2121000200', 'primary', 1000, { teaching_space_m2: m2 })] })],
      }),
    ).schools[0];

  it('85 % passes', () => {
    const s = run(3825);
    expect(s.indicators.find((i) => i.key === 'teaching_space_per_student')!.ratio).toBe(0.85);
    expect(s.verdict).toMatchObject({ status: 'passes', met: 6, missed: ['teaching_space_per_student'], belowMinRatio: [] });
  });

  it('84.99 % fails', () => {
    const s = run(3824.55);
    expect(s.indicators.find((i) => i.key === 'teaching_space_per_student')!.ratio).toBe(0.8499);
    expect(s.verdict).toMatchObject({ status: 'fails', met: 6, belowMinRatio: ['teaching_space_per_student'] });
  });

  it('two indicators missed fails, even at 99 %', () => {
    // qualified teachers 41.58 per 1000 → 4.158 per 100 = 99 % of 4.2; equipment 1980 = 99 % of 2000
    const s = computeIndicators(
      portal({
        schools: [school('2121000201', '219901', 'primary')],
        years: [year(2024, { resources: [resources('2121000201', 'primary', 1000, { qualified_teachers: 41.58, equipment_value_yuan: 1980000 })] })],
      }),
    ).schools[0];
    expect(s.verdict.status).toBe('fails');
    expect(s.verdict.met).toBe(5);
  });

  it('blanks are reported, not zeroed: 6 met + 1 blank passes? unknown; 5 met + 2 blank → unknown; below 85 % → fails anyway', () => {
    const make = (extra: object) =>
      computeIndicators(
        portal({
          schools: [school('2121000202', '219901', 'primary')],
          years: [year(2024, { resources: [resources('2121000202', 'primary', 1000, extra)] })],
        }),
      ).schools[0];
    const one = make({ equipment_value_yuan: null });
    expect(one.indicators.find((i) => i.key === 'equipment_value_per_student')!.value).toEqual({ kind: 'missing', missing: ['resources.equipment_value_yuan'] });
    expect(one.verdict.status).toBe('unknown');
    expect(one.verdict.missing).toEqual(['equipment_value_per_student']);
    const bad = make({ equipment_value_yuan: null, teaching_space_m2: 1000 });
    expect(bad.verdict.status).toBe('fails');
  });
});

describe('class-size bands (45/50 limits, 大班额 56–65, 超大班额 ≥ 66)', () => {
  it('55 over limit only, 56 大班额, 65 大班额, 66 超大班额; 45 within primary, 46 over', () => {
    expect(classBand(45, 'primary', standards)).toBe('within_limit');
    expect(classBand(46, 'primary', standards)).toBe('over_limit');
    expect(classBand(50, 'junior', standards)).toBe('within_limit');
    expect(classBand(55, 'junior', standards)).toBe('over_limit');
    expect(classBand(56, 'junior', standards)).toBe('large');
    expect(classBand(65, 'primary', standards)).toBe('large');
    expect(classBand(66, 'primary', standards)).toBe('super_large');
  });

  it('profile and findings per class', () => {
    const r = computeIndicators(
      portal({
        schools: [school('2121000300', '219901', 'primary')],
        years: [
          year(2024, {
            resources: [resources('2121000300', 'primary', 300)],
            classes: [klass('2121000300', 1, '1班', 45), klass('2121000300', 1, '2班', 55), klass('2121000300', 2, '1班', 56), klass('2121000300', 2, '2班', 65), klass('2121000300', 3, '1班', 66)],
          }),
        ],
      }),
    );
    const p = r.schools[0].classSize;
    // mean (45+55+56+65+66)/5 = 287/5 = 57.4
    expect(p).toMatchObject({ classes: 5, students: 287, mean: { kind: 'value', value: 57.4 }, max: { kind: 'value', value: 66 }, limit: 45, overLimit: 4, large: 2, superLarge: 1 });
    const rules = r.findings.filter((f) => f.subject.kind === 'class').map((f) => [f.rule, f.value, f.gap]);
    expect(rules).toEqual([
      ['class_over_limit', 55, 10],
      ['large_class', 56, 11],
      ['large_class', 65, 20],
      ['super_large_class', 66, 21],
    ]);
  });
});

describe('whole-school blocks', () => {
  it('admissions, funding, teachers, outcomes from their rows, with typed blanks', () => {
    const id = '2121000400';
    const r = computeIndicators(
      portal({
        schools: [school(id, '219901', 'primary')],
        years: [
          year(2024, {
            resources: [resources(id, 'primary', 1000)],
            classes: [klass(id, 1, '1班', 40)],
            // 180 planned, 190 admitted → fill 105.56 %, over plan by 10; in-zone 171/190 = 90 %
            admissions: [admission(id, 1, 180, { admitted: 190, admitted_in_zone: 171, plan_published_on: '2024-05-10', results_published_on: '2024-10-15' })],
            // training 60 000 / 1 500 000 = 4 % < 5 %
            funding: [funding(id, 1500000, { training_funds_yuan: 60000 })],
            // exchanged 2 / eligible 30 = 6.67 %
            teachers: [teachers(id, 80, { certified_teachers: 80, exchange_eligible: 30, exchanged: 2 })],
            // dropouts 2 / 1000 = 0.2 % > primary 0
            outcomes: [outcome(id, { students_start: 1000, dropouts: 2, pass_rate: 97 })],
          }),
        ],
      }),
    );
    const s = r.schools[0];
    expect(s.admissions.fillRate.kind === 'value' && s.admissions.fillRate.value).toBeCloseTo(105.5556, 4);
    expect(s.admissions).toMatchObject({ overPlan: true, overPlanBy: 10, inZoneShare: { kind: 'value', value: 90 } });
    // urban public school: 就近划片 share 90 % vs 100 % → gap 10
    expect(s.admissions.zoneEnrolment).toMatchObject({ key: 'zone_enrolment_urban', threshold: 100, met: false, gap: 10 });
    expect(s.admissions.migrantShare).toEqual({ kind: 'missing', missing: ['admissions.admitted_migrant'] });
    // 2024-09-01 (Sunday); counting from 9-02 on the 2024 notice (国办发明电〔2023〕7号):
    // 9-02…06 = 1–5, 9-09…13 = 6–10, Sat 9-14 worked (调休) = 11, 9-15…17 off (中秋),
    // 9-18…20 = 12–14, 9-23…27 = 15–19, Sun 9-29 worked (调休) = 20 → deadline 2024-09-29.
    // 9-30 = 21, 10-01…07 off (国庆), 10-08…11 = 22–25, Sat 10-12 worked = 26, 10-14 = 27, 10-15 = 28.
    expect(s.admissions.publication).toMatchObject({ status: 'late', deadline: '2024-09-29', workingDays: 28, calendar: 'official' });
    expect(s.funding.trainingShare).toMatchObject({ value: { kind: 'value', value: 4 }, met: false, gap: 1 });
    expect(s.funding.publicFundsPerStudent).toEqual({ kind: 'value', value: 1500 });
    expect(s.funding.publicFundsVsStandard.value).toEqual({ kind: 'missing', missing: ['counties'] });
    expect(s.teachers.certifiedShare).toMatchObject({ value: { kind: 'value', value: 100 }, met: true });
    expect(s.teachers.training360Share.value).toEqual({ kind: 'missing', missing: ['teachers.training_360h_done'] });
    expect(s.outcomes.dropoutRate).toMatchObject({ value: { kind: 'value', value: 0.2 }, threshold: 0, met: false });
    // pass and good rates are junior targets (锦州): a primary school is not held to them
    expect(s.outcomes.goodRate.value.kind).toBe('not_applicable');
    expect(s.outcomes.passRate.met).toBeNull();
    const rules = new Set(r.findings.map((f) => f.rule));
    for (const rule of ['admitted_over_plan', 'results_published_late', 'training_funds_low', 'dropout_over_limit', 'exchange_low'] as const) expect(rules).toContain(rule);
    expect(rules).not.toContain('good_rate_low');
  });

  it('a dataset not published is Missing naming the file, never zero', () => {
    const id = '2121000401';
    const s = computeIndicators(portal({ schools: [school(id, '219901', 'primary')], years: [year(2024, { resources: [resources(id, 'primary', 500)] })] })).schools[0];
    expect(s.funding.publicFunds).toEqual({ kind: 'missing', missing: ['funding'] });
    expect(s.teachers.teachers).toEqual({ kind: 'missing', missing: ['teachers'] });
    expect(s.classSize.published).toBe(false);
    expect(s.classSize.mean).toEqual({ kind: 'missing', missing: ['classes'] });
  });

  it('music and art rooms: one of each per 12 classes, at least one even under 12 classes (rooms held vs rooms required)', () => {
    const id = '2121000402';
    const run = (classes: number, music: number, art: number) =>
      computeIndicators(portal({ schools: [school(id, '219901', 'primary')], years: [year(2024, { resources: [resources(id, 'primary', 900, { classes, music_rooms: music, art_rooms: art })] })] })).schools[0].musicArtRooms;
    // 11 classes: ⌈11 ÷ 12⌉ = 1 room of each required; 0 held → short by 1 (not “不适用”)
    const small = run(11, 0, 0);
    expect([small.musicRequired, small.artRequired]).toEqual([1, 1]);
    expect(small.music).toMatchObject({ value: { kind: 'value', value: 0 }, threshold: 1, unit: '间', met: false, gap: 1 });
    // 24 classes: ⌈24 ÷ 12⌉ = 2 of each; 2 music rooms held → met; 1 art room → short by 1
    const m = run(24, 2, 1);
    expect(m.music).toMatchObject({ value: { kind: 'value', value: 2 }, threshold: 2, met: true });
    expect(m.art).toMatchObject({ value: { kind: 'value', value: 1 }, threshold: 2, met: false, gap: 1 });
  });
});
