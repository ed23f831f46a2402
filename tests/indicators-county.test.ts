import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../src/lib/indicators';
import { admission, countyRow, outcome, portal, resources, school, teachers, year } from './indicators-fixture';

describe('region-wide results', () => {
  const a = '2121000700';
  const b = '2121000701';
  const schools = [school(a, '219901', 'primary'), school(b, '219901', 'junior')];
  const res = [resources(a, 'primary', 1000), resources(b, 'junior', 1000)];

  it('finance growth needs the previous year; spending must grow at least as fast as recurrent revenue', () => {
    // 2023: spending 100 M, revenue 400 M; 2024: spending 104 M (+4 %), revenue 420 M (+5 %)
    // margin 4 − 5 = −1 percentage point → not met; per student 104 M / 2000 = 52 000 元 (+4 %)
    const r = computeIndicators(
      portal({
        schools,
        years: [
          year(2023, { resources: res, counties: [countyRow('219901', { compulsory_education_appropriation_yuan: 100e6, recurrent_revenue_yuan: 400e6 })] }),
          year(2024, { resources: res, counties: [countyRow('219901', { compulsory_education_appropriation_yuan: 104e6, recurrent_revenue_yuan: 420e6 })] }),
        ],
      }),
    );
    const y23 = r.regionYears.find((x) => x.region_code === '219901' && x.year === 2023)!;
    expect(y23.finance.spendingGrowth).toMatchObject({ kind: 'undefined', code: 'no_previous_year' });
    const y24 = r.regionYears.find((x) => x.region_code === '219901' && x.year === 2024)!;
    expect(y24.finance.spendingGrowth).toEqual({ kind: 'value', value: 4 });
    expect(y24.finance.revenueGrowth).toEqual({ kind: 'value', value: 5 });
    expect(y24.finance.growthCheck).toMatchObject({ value: { kind: 'value', value: -1 }, met: false, gap: 1 });
    expect(y24.finance.spendingPerStudent).toEqual({ kind: 'value', value: 52000 });
    expect(y24.finance.perStudentCheck.met).toBe(true);
    // the city sums its counties: 乙区 has no row → missing, named
    const city = r.regionYears.find((x) => x.region_code === '219900' && x.year === 2024)!;
    expect(city.finance.educationSpending).toEqual({ kind: 'missing', missing: ['counties:219902'] });
    expect(r.findings.filter((f) => f.rule === 'education_spending_growth_low').map((f) => [f.year, f.indicator, f.value])).toEqual([[2024, 'education_spending_growth_margin', -1]]);
  });

  it('county-reported indicators against their thresholds; blanks stay blank', () => {
    // teacher pay 95 000 / civil servants 100 000 = 95 % < 100 %
    const r = computeIndicators(
      portal({
        schools,
        years: [year(2024, { resources: res, counties: [countyRow('219901', { teacher_pay_yuan: 95000, civil_servant_pay_yuan: 100000, migrant_public_pct: 86, satisfaction_pct: 84.9 })] })],
      }),
    );
    const y = r.regionYears.find((x) => x.region_code === '219901')!;
    const get = (k: string) => y.reported.find((c) => c.key === k)!;
    expect(get('teacher_pay_vs_civil_servants')).toMatchObject({ value: { kind: 'value', value: 95 }, met: false, gap: 5 });
    expect(get('migrant_public').met).toBe(true);
    expect(get('satisfaction')).toMatchObject({ met: false });
    expect(get('satisfaction').gap).toBeCloseTo(0.1, 10);
    expect(get('quota_allocation').value).toEqual({ kind: 'missing', missing: ['counties.quota_allocation_pct'] });
    expect(r.findings.filter((f) => f.rule === 'county_reported_below').map((f) => f.indicator)).toEqual(['satisfaction', 'teacher_pay_vs_civil_servants']);
  });

  it('teacher exchange is judged on county sums (ratio of sums, not mean of ratios)', () => {
    // school a: 3 of 10 exchanged (30 %), school b: 1 of 90 (1.1 %); county 4 / 100 = 4 % < 10 %
    // backbone 1 of 4 exchanged = 25 % ≥ 20 %
    const r = computeIndicators(
      portal({
        schools,
        years: [
          year(2024, {
            resources: res,
            teachers: [teachers(a, 60, { exchange_eligible: 10, exchanged: 3, backbone_exchanged: 1 }), teachers(b, 70, { exchange_eligible: 90, exchanged: 1, backbone_exchanged: 0 })],
            outcomes: [outcome(a, { students_start: 1000, dropouts: 0 }), outcome(b, { students_start: 1000, dropouts: 12 })],
          }),
        ],
      }),
    );
    const y = r.regionYears.find((x) => x.region_code === '219901')!;
    expect(y.teachers.exchangeRate).toMatchObject({ value: { kind: 'value', value: 4 }, met: false, gap: 6 });
    expect(y.teachers.backboneExchangedShare).toMatchObject({ value: { kind: 'value', value: 25 }, met: true });
    // junior school: 12 / 1000 = 1.2 % > 1 %
    expect(y.outcomes.dropout.map((d) => [d.group, d.rate.value.kind === 'value' ? d.rate.value.value : null, d.rate.met])).toEqual([
      ['primary', 0, true],
      ['junior', 1.2, false],
    ]);
  });
});

describe('county admissions: the in-zone share', () => {
  it('leaves out a lottery admission that has no 划片内 count instead of blanking the county (不适用, not 未公布)', () => {
    // public school a: 200 admitted, 180 in zone; private school b: 100 admitted by lottery, 划片内 blank.
    // County share = 180 / 200 = 90 % (b does not apply); with b counted it would be unknown.
    const a = '2121000700';
    const b = '2121000701';
    const r = computeIndicators(
      portal({
        schools: [school(a, '219901', 'primary'), school(b, '219901', 'primary', { ownership: 'private' })],
        years: [
          year(2024, {
            resources: [resources(a, 'primary', 1000), resources(b, 'primary', 600)],
            admissions: [
              admission(a, 1, 200, { admitted: 200, admitted_in_zone: 180, method: 'zone' }),
              admission(b, 1, 100, { admitted: 100, method: 'lottery' }),
            ],
          }),
        ],
      }),
    );
    const primary = r.counties.find((c) => c.region_code === '219901' && c.year === 2024 && c.stage === 'primary')!;
    expect(primary.admissions.admitted).toEqual({ kind: 'value', value: 300 });
    expect(primary.admissions.inZoneShare).toEqual({ kind: 'value', value: 90 });
  });
});
