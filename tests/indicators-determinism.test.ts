import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../src/lib/indicators';
import { klass, portal, resources, school, year } from './indicators-fixture';

describe('deterministic output', () => {
  it('the same data in another row order gives byte-identical JSON', () => {
    const schools = ['2121000903', '2121000901', '2121000902'].map((id) => school(id, id.endsWith('3') ? '219902' : '219901', 'primary'));
    const res = [resources('2121000903', 'primary', 300, { teaching_space_m2: 900 }), resources('2121000901', 'primary', 700), resources('2121000902', 'primary', 500, { sports_space_m2: 1000 })];
    const cls = [klass('2121000902', 2, '1班', 58), klass('2121000901', 1, '1班', 47), klass('2121000901', 1, '2班', 70)];
    const a = computeIndicators(portal({ schools, years: [year(2024, { resources: res, classes: cls })] }));
    const b = computeIndicators(portal({ schools: [...schools].reverse(), years: [year(2024, { resources: [...res].reverse(), classes: [...cls].reverse() })] }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.schools.map((s) => s.school_id)).toEqual(['2121000901', '2121000902', '2121000903']);
    // 901: classes of 47 (over 45) and 70 (超大班额); 902: a class of 58 (大班额), sports 1000/500 = 2 m² (27 % of 7.5);
    // 903: teaching space 900/300 = 3 m² (67 % of 4.5). Sorted by year, rule, region, school.
    expect(a.findings.map((f) => [f.rule, f.subject.school_id])).toEqual([
      ['class_over_limit', '2121000901'],
      // 甲区 sports space: X̄ = (700·8 + 500·2)/1200 = 5.5; S² = (700·2.5² + 500·3.5²)/1200 = 8.75; CV = 2.958/5.5 = 0.538 > 0.50
      ['cv_over_limit', null],
      ['indicator_below_threshold', '2121000902'],
      ['indicator_below_threshold', '2121000903'],
      ['large_class', '2121000902'],
      ['six_of_seven_failed', '2121000902'],
      ['six_of_seven_failed', '2121000903'],
      ['super_large_class', '2121000901'],
    ]);
  });
});
