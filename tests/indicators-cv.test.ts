import { describe, expect, it } from 'vitest';
import { compositeCv, unweightedCv, weightedCv } from '../src/lib/indicators/coefficient-of-variation';
import { computeIndicators } from '../src/lib/indicators';
import { portal, resources, school, year } from './indicators-fixture';

describe('student-weighted coefficient of variation (standards.md §2)', () => {
  it('reproduces the worked example: 0.1951 weighted, not the unweighted 0.2041', () => {
    // P = 1000, 500, 500; X = 5.0, 4.0, 3.0
    // X̄ = (1000·5 + 500·4 + 500·3) / 2000 = (5000 + 2000 + 1500) / 2000 = 4.25
    // S² = (1000·0.75² + 500·0.25² + 500·1.25²) / 2000 = (562.5 + 31.25 + 781.25) / 2000 = 0.6875
    // S = √0.6875 = 0.829156…, CV = 0.829156 / 4.25 = 0.195096…
    // unweighted: mean 4, σ = √((1 + 0 + 1)/3) = 0.816497, CV = 0.204124
    const r = weightedCv([
      { id: 'a', weight: 1000, value: 5 },
      { id: 'b', weight: 500, value: 4 },
      { id: 'c', weight: 500, value: 3 },
    ]);
    expect(r.mean).toEqual({ kind: 'value', value: 4.25 });
    expect(r.sd.kind === 'value' && r.sd.value).toBeCloseTo(0.8292, 4);
    expect(r.value.kind === 'value' && r.value.value).toBeCloseTo(0.1951, 4);
    const plain = unweightedCv([5, 4, 3])!;
    expect(plain).toBeCloseTo(0.2041, 4);
    expect(r.value.kind === 'value' && Math.abs(r.value.value - plain)).toBeGreaterThan(0.005);
  });

  it('one school: CV is 0 by definition, and says so', () => {
    const r = weightedCv([{ id: 'a', weight: 300, value: 4.8 }]);
    expect(r.value.kind).toBe('value');
    expect(r.value.kind === 'value' && r.value.value).toBe(0);
    expect(r.value.kind === 'value' && r.value.note).toMatch(/只有1所学校/);
  });

  it('X̄ = 0: CV is undefined and reported, never a division', () => {
    const r = weightedCv([
      { id: 'a', weight: 300, value: 0 },
      { id: 'b', weight: 200, value: 0 },
    ]);
    expect(r.value).toMatchObject({ kind: 'undefined', code: 'zero_mean' });
  });

  it('schools with 0 students are excluded from the sums and listed', () => {
    const r = weightedCv([
      { id: 'a', weight: 1000, value: 5 },
      { id: 'z', weight: 0, value: 99 },
      { id: 'b', weight: 500, value: 4 },
      { id: 'c', weight: 500, value: 3 },
    ]);
    expect(r.zeroWeight).toEqual(['z']);
    expect(r.schools).toBe(3);
    expect(r.value.kind === 'value' && r.value.value).toBeCloseTo(0.1951, 4);
  });

  it('composite CV is the mean of the single CVs, and missing when one is missing', () => {
    // (0.2 + 0.4 + 0.6) / 3 = 0.4
    expect(compositeCv([0.2, 0.4, 0.6].map((v) => ({ kind: 'value' as const, value: v })))).toEqual({ kind: 'value', value: 0.4 });
    expect(compositeCv([{ kind: 'value', value: 0.2 }, { kind: 'missing', missing: ['resources.multimedia_rooms'] }])).toEqual({
      kind: 'missing',
      missing: ['resources.multimedia_rooms'],
    });
  });
});

describe('county CVs from the data', () => {
  // the worked example as three primary schools: teaching space 5.0, 4.0, 3.0 m² per student
  const schools = [school('2121000001', '219901', 'primary'), school('2121000002', '219901', 'primary'), school('2121000003', '219901', 'primary')];
  const res = [
    resources('2121000001', 'primary', 1000, { teaching_space_m2: 5000 }),
    resources('2121000002', 'primary', 500, { teaching_space_m2: 2000 }),
    resources('2121000003', 'primary', 500, { teaching_space_m2: 1500 }),
  ];

  it('each county CV names region, year, stage, indicator key, value and limit', () => {
    const r = computeIndicators(portal({ schools, years: [year(2024, { resources: res })] }));
    const c = r.counties.find((x) => x.region_code === '219901' && x.stage === 'primary')!;
    const cv = c.cv.find((x) => x.indicator === 'teaching_space_per_student')!;
    expect(cv).toMatchObject({ region_code: '219901', year: 2024, stage: 'primary', indicator: 'teaching_space_per_student', limit: 0.5, passes: true, schools: 3, students: 2000, tested: true });
    expect(cv.value.kind === 'value' && cv.value.value).toBeCloseTo(0.1951, 4);
    expect(cv.mean).toEqual({ kind: 'value', value: 4.25 });
    // the city above the county gets the same CV, shown but not tested
    const city = r.counties.find((x) => x.region_code === '219900' && x.stage === 'primary')!;
    expect(city.cv.find((x) => x.indicator === 'teaching_space_per_student')!.tested).toBe(false);
  });

  it('tests each CV against the limit separately, never their mean', () => {
    // backbone teachers per 100: 4, 0.5, 0.5 with 1000/500/500 students
    // X̄ = (4000 + 250 + 250)/2000 = 2.25; S² = (1000·1.75² + 2·500·1.75²)/2000 = 3.0625; S = 1.75
    // CV = 1.75 / 2.25 = 0.7778 > 0.50, while the other six CVs are small → composite < 0.5
    const r = computeIndicators(
      portal({
        schools,
        years: [
          year(2024, {
            resources: [
              resources('2121000001', 'primary', 1000, { backbone_teachers: 40 }),
              resources('2121000002', 'primary', 500, { backbone_teachers: 2.5 }),
              resources('2121000003', 'primary', 500, { backbone_teachers: 2.5 }),
            ],
          }),
        ],
      }),
    );
    const c = r.counties.find((x) => x.region_code === '219901' && x.stage === 'primary')!;
    const bb = c.cv.find((x) => x.indicator === 'backbone_teachers_per_100')!;
    expect(bb.value.kind === 'value' && bb.value.value).toBeCloseTo(0.7778, 4);
    expect(bb.passes).toBe(false);
    expect(c.compositeCv.kind === 'value' && c.compositeCv.value).toBeLessThan(0.5);
    const f = r.findings.filter((x) => x.rule === 'cv_over_limit');
    expect(f.map((x) => x.indicator)).toEqual(['backbone_teachers_per_100']);
    expect(f[0].subject.region_code).toBe('219901');
  });

  it('special-education schools and teaching points under 50 are listed, not counted; a one-school county says CV 0', () => {
    const r = computeIndicators(
      portal({
        schools: [
          school('2121000010', '219902', 'primary'),
          school('5121000011', '219902', 'primary', { kind: 'special_education' }),
          school('2121000012', '219902', 'primary', { kind: 'teaching_point', locale: 'rural' }),
          school('2121000013', '219902', 'primary', { kind: 'teaching_point', locale: 'rural' }),
        ],
        years: [
          year(2024, {
            resources: [
              resources('2121000010', 'primary', 800),
              resources('5121000011', 'primary', 100, { teaching_space_m2: 100 }),
              resources('2121000012', 'primary', 49, { teaching_space_m2: 10 }),
              resources('2121000013', 'primary', 50),
            ],
          }),
        ],
      }),
    );
    const c = r.counties.find((x) => x.region_code === '219902' && x.stage === 'primary')!;
    expect(c.countedSchools).toBe(2);
    expect(c.excluded.map((e) => [e.school_id, e.reason])).toEqual([
      ['2121000012', 'small_teaching_point'],
      ['5121000011', 'special_education'],
    ]);
    const r1 = computeIndicators(portal({ schools: [school('2121000010', '219902', 'primary')], years: [year(2024, { resources: [resources('2121000010', 'primary', 800)] })] }));
    const one = r1.counties.find((x) => x.region_code === '219902')!.cv[0];
    expect(one.value).toMatchObject({ kind: 'value', value: 0 });
    expect(one.value.kind === 'value' && one.value.note).toMatch(/只有1所学校/);
    expect(one.passes).toBe(true);
  });

  it('a counted school with a blank input is listed; the CV is not judged on partial data', () => {
    const r = computeIndicators(
      portal({
        schools,
        years: [year(2024, { resources: [res[0], res[1], resources('2121000003', 'primary', 500, { teaching_space_m2: null })] })],
      }),
    );
    const cv = r.counties.find((x) => x.region_code === '219901')!.cv.find((x) => x.indicator === 'teaching_space_per_student')!;
    expect(cv.missingInputs.map((m) => m.school_id)).toEqual(['2121000003']);
    expect(cv.passes).toBeNull();
    expect(cv.schools).toBe(2);
  });
});
