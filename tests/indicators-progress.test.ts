import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../src/lib/indicators';
import { statusOf } from '../src/lib/indicators/progress';
import { plan, portal, resources, school, year } from './indicators-fixture';

describe('plan status per year', () => {
  it('the four states by hand: met / met_early / on_track / missed', () => {
    expect(statusOf(true, 2024, 2024)).toBe('met');
    expect(statusOf(true, 2025, 2024)).toBe('met');
    expect(statusOf(true, 2023, 2024)).toBe('met_early');
    expect(statusOf(false, 2023, 2024)).toBe('on_track');
    expect(statusOf(false, 2024, 2024)).toBe('missed');
    expect(statusOf(null, 2024, 2024)).toBe('unknown');
  });

  // One school, three years. 2023 and 2024: teaching space 3.0 m² (66.7 % of 4.5 → fails);
  // 2025: 5.0 m² → passes.
  const id = '2121000500';
  const y = (yr: number, m2PerStudent: number) => year(yr, { resources: [resources(id, 'primary', 400, { teaching_space_m2: m2PerStudent * 400 })] });
  const data = (plans: ReturnType<typeof plan>[]) =>
    portal({ schools: [school(id, '219901', 'primary', { name: '示例小学' })], plans, years: [y(2023, 3), y(2024, 3), y(2025, 5)] });

  it('follows a school plan through the years, with the gap that holds it back', () => {
    const r = computeIndicators(
      data([plan('219901', id, 2024, 'school_standard'), plan('219901', id, 2026, 'school_standard'), plan('219901', id, 2025, 'school_standard'), plan('219901', null, 2030, 'other')]),
    );
    const [t2024, t2026, t2025, other] = r.progress;
    expect(t2024.years.map((x) => x.status)).toEqual(['on_track', 'missed', 'met']);
    expect(t2026.years.map((x) => x.status)).toEqual(['on_track', 'on_track', 'met_early']);
    expect(t2025.years.map((x) => x.status)).toEqual(['on_track', 'on_track', 'met']);
    expect(other.latest).toBe('not_applicable');
    // the 2024 gap: teaching space 3.0 vs 4.5 → 1.5 m²
    const gap = t2024.years[1].gaps.find((g) => g.indicator === 'teaching_space_per_student')!;
    expect(gap).toMatchObject({ school_id: id, threshold: 4.5, gap: 1.5, value: { kind: 'value', value: 3 } });
    // met late: no missed-plan finding in the latest year
    expect(r.findings.filter((f) => f.rule === 'plan_missed')).toEqual([]);
  });

  it('a plan still missed in the latest year is a finding; county milestones test the resource part', () => {
    const r = computeIndicators(
      portal({
        schools: [school(id, '219901', 'primary', { name: '示例小学' })],
        plans: [plan('219901', id, 2023, 'school_standard'), plan('219901', null, 2024, 'county_application')],
        years: [y(2023, 3), y(2024, 3)],
      }),
    );
    expect(r.progress[0].latest).toBe('missed');
    expect(r.progress[1].years.map((x) => x.status)).toEqual(['on_track', 'missed']);
    const f = r.findings.filter((x) => x.rule === 'plan_missed');
    expect(f.map((x) => x.subject.name)).toEqual(['甲区', '示例小学']);
    const g = r.countyGaps.find((c) => c.region_code === '219901')!;
    expect(g.schoolsHoldingBack).toEqual([id]);
    expect(g.resourcesMet).toBe(false);
  });

  it('a year without data for the school is unknown, not missed', () => {
    const r = computeIndicators(
      portal({ schools: [school(id, '219901', 'primary')], plans: [plan('219901', id, 2023, 'school_standard')], years: [year(2023, { resources: [] })] }),
    );
    expect(r.progress[0].years[0].status).toBe('unknown');
  });
});
