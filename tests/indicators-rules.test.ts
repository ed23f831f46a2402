/**
 * Issue 12: every rule with a worked example computed by hand (the arithmetic is in the
 * comments; the expected numbers are not copied from the code's output).
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../src/lib/indicators';
import { addWorkingDays, workCalendar, workingDaysBetween } from '../src/lib/indicators/working-days';
import { indexStandards, resolveStandards } from '../src/lib/standards';
import type { CalendarRow } from '../src/lib/schema';
import { admission, countyRow, funding, klass, outcome, plan, portal, resources, school, year } from './indicators-fixture';

const ANY_KEY = /[a-z]+_[a-z_]+/; // an English key such as backbone_teachers_per_100

describe('rule 1 — 2012 basic balance tests the composite CV (mean of the indicator CVs)', () => {
  // Two primary schools of 2000 pupils each. With equal weights P, X̄ = (a + b) / 2 and
  // S = |a − b| / 2, so CV = |a − b| / (a + b).
  const a = '2121000801';
  const b = '2121000802';
  const schools = [school(a, '219901', 'primary'), school(b, '219901', 'primary')];

  it('one indicator CV of 0.79 with a composite of 0.1975 raises no basic-balance finding', () => {
    // qualified teachers per 100: A 179 ÷ 2000 × 100 = 8.95, B 21 ÷ 2000 × 100 = 1.05
    //   CV = (8.95 − 1.05) / (8.95 + 1.05) = 7.9 / 10 = 0.79
    // teaching space, sports space, equipment: identical at both schools → CV 0
    // composite = (0.79 + 0 + 0 + 0) / 4 = 0.1975 ≤ 0.65
    const r = computeIndicators(
      portal({
        schools,
        years: [year(2024, { resources: [resources(a, 'primary', 2000, { qualified_teachers: 179 }), resources(b, 'primary', 2000, { qualified_teachers: 21 })] })],
      }),
    );
    const c = r.counties.find((x) => x.region_code === '219901' && x.stage === 'primary')!;
    expect(c.basicCv.find((x) => x.indicator === 'qualified_teachers_per_100')!.value).toEqual({ kind: 'value', value: 0.79 });
    expect(c.basicCv.every((x) => x.passes === null && !x.tested)).toBe(true);
    expect(c.basicBalance).toMatchObject({ value: { kind: 'value', value: 0.1975 }, limit: 0.65, passes: true, indicators: 4, of: 8 });
    expect(c.basicBalance.label).toContain('8项指标中数据有的4项');
    expect(r.findings.filter((f) => f.rule === 'basic_cv_over_limit')).toEqual([]);
  });

  it('a composite of 0.70 > 0.65 is one finding, labelled as computed from 4 of 8 indicators', () => {
    // every shared indicator split 8.5 : 1.5 of its level → CV = 7 / 10 = 0.7 each, composite 0.7
    //   qualified per 100: 170 and 30 teachers ÷ 2000 × 100 = 8.5, 1.5
    //   teaching space 8.5 and 1.5 m² × 2000; sports 8.5 and 1.5 m² × 2000; equipment 8500 and 1500 元 × 2000
    const split = (hi: boolean) => ({
      qualified_teachers: hi ? 170 : 30,
      teaching_space_m2: (hi ? 8.5 : 1.5) * 2000,
      sports_space_m2: (hi ? 8.5 : 1.5) * 2000,
      equipment_value_yuan: (hi ? 8500 : 1500) * 2000,
    });
    const r = computeIndicators(
      portal({ schools, years: [year(2024, { resources: [resources(a, 'primary', 2000, split(true)), resources(b, 'primary', 2000, split(false))] })] }),
    );
    const f = r.findings.filter((x) => x.rule === 'basic_cv_over_limit');
    expect(f.map((x) => [x.value, x.threshold, x.gap, x.stage])).toEqual([[0.7, 0.65, 0.05, 'primary']]);
    expect(f[0].message).toBe('甲区小学阶段基本均衡综合差异系数为0.700（按2012年办法8项指标中数据有的4项计算），上限为0.650，超出0.050。');
  });
});

describe('rule 2 — 完全中学 has a junior part only; twelve-year senior grades are out of scope', () => {
  it('a complete secondary school is one junior part, held to the 2,000 limit, not 2,500', () => {
    // 2100 junior pupils: 2100 − 2000 = 100 over the school_size limit
    const id = '3421000900';
    const r = computeIndicators(portal({ schools: [school(id, '219901', 'complete_secondary')], years: [year(2024, { resources: [resources(id, 'junior', 2100)] })] }));
    expect(r.schools.map((s) => s.stage)).toEqual(['junior']);
    expect(r.schools[0].size.check).toMatchObject({ key: 'school_size', threshold: 2000, met: false, gap: 100 });
    const f = r.findings.find((x) => x.rule === 'school_over_size')!;
    expect(f.message).toBe('学校900学校规模（义务教育阶段在校生数）为2100人，标准为不超过2000人，相差100人。');
  });

  it('a twelve-year school counts its primary and junior parts only (2,500 limit)', () => {
    // 1200 + 1250 = 2450 ≤ 2500: within the limit whatever its senior grades hold
    const id = '3421000901';
    const r = computeIndicators(
      portal({ schools: [school(id, '219901', 'twelve_year')], years: [year(2024, { resources: [resources(id, 'primary', 1200), resources(id, 'junior', 1250)] })] }),
    );
    expect(r.schools.map((s) => s.stage)).toEqual(['primary', 'junior']);
    expect(r.schools[0].size.check).toMatchObject({ key: 'school_size_through', value: { kind: 'value', value: 2450 }, threshold: 2500, met: true });
  });
});

describe('rule 3 — music and art rooms per whole school', () => {
  it('a nine-year school with 11 + 8 classes and no rooms is short of 2 + 2 rooms', () => {
    // classes 11 + 8 = 19 → ⌈19 ÷ 12⌉ = 2 rooms of each required; 0 held → 2 short of each
    const id = '3121000902';
    const r = computeIndicators(
      portal({
        schools: [school(id, '219901', 'nine_year', { name: '育才学校' })],
        years: [year(2024, { resources: [resources(id, 'primary', 400, { classes: 11, music_rooms: 0, art_rooms: 0 }), resources(id, 'junior', 350, { classes: 8, music_rooms: 0, art_rooms: 0 })] })],
      }),
    );
    for (const part of r.schools) {
      expect(part.musicArtRooms).toMatchObject({ classes: { kind: 'value', value: 19 }, musicRequired: 2, artRequired: 2 });
      expect(part.musicArtRooms.music).toMatchObject({ value: { kind: 'value', value: 0 }, threshold: 2, met: false, gap: 2 });
      expect(part.musicArtRooms.art).toMatchObject({ value: { kind: 'value', value: 0 }, threshold: 2, met: false, gap: 2 });
    }
    const f = r.findings.filter((x) => x.rule === 'music_art_rooms_short');
    expect(f.map((x) => [x.indicator, x.value, x.threshold, x.gap, x.stage])).toEqual([
      ['art_rooms_per_12_classes', 0, 2, 2, null],
      ['music_rooms_per_12_classes', 0, 2, 2, null],
    ]);
    expect(f.find((x) => x.indicator === 'music_rooms_per_12_classes')!.message).toBe('育才学校全校共19个班级，按每12个班级配备音乐专用教室1间、至少1间计，需2间，现有0间，缺2间。');
    // the county lists it once per stage with whole-school figures
    const c = r.counties.find((x) => x.region_code === '219901' && x.stage === 'primary')!;
    expect(c.musicArtRooms.short).toEqual([{ school_id: id, classes: 19, music_rooms: 0, art_rooms: 0, required: 2, art_required: 2 }]);
  });

  it('a province that lets small schools share rooms overrides the table (standards.csv)', () => {
    // local rule: one room per 24 classes → 19 classes need ⌈19 ÷ 24⌉ = 1
    const s = indexStandards(resolveStandards([]));
    expect(s.get('music_art_room_classes').note).toContain('standards.csv');
  });
});

describe('rule 4 — working days on the State Council calendar', () => {
  it('the 20th working day after 1 September 2023 is 2023-10-07 and after 1 September 2022 is 2022-09-30', () => {
    // 2023 (国办发明电〔2022〕16号): 9-04…08 = 1–5, 9-11…15 = 6–10, 9-18…22 = 11–15, 9-25…28 = 16–19,
    // 9-29…10-06 off (中秋、国庆), Sat 10-07 worked (调休) = 20.
    expect(addWorkingDays('2023-09-01', 20)).toBe('2023-10-07');
    // 2022 (国办发明电〔2021〕11号): Fri 9-02 = 1, 9-05…09 = 2–6, Mon 9-12 off (中秋), 9-13…16 = 7–10,
    // 9-19…23 = 11–15, 9-26…30 = 16–20.
    expect(addWorkingDays('2022-09-01', 20)).toBe('2022-09-30');
    // counting starts the day after: publishing on the start date is day 0
    expect(workingDaysBetween('2023-09-01', '2023-09-01')).toBe(0);
    expect(workingDaysBetween('2023-09-01', '2023-10-08')).toBe(21); // Sun 10-08 is worked too
  });

  it('a year without a notice is counted Monday–Friday and marked 近似; calendar.csv can add it', () => {
    // 2027-09-01 is a Wednesday: 9-02…03 = 1–2, 9-06…10 = 3–7, 9-13…17 = 8–12, 9-20…24 = 13–17, 9-27…29 = 18–20
    const id = '2121000903';
    const data = (calendar?: CalendarRow[]) =>
      portal({
        schools: [school(id, '219901', 'primary')],
        years: [year(2027, { resources: [resources(id, 'primary', 500)], admissions: [admission(id, 1, 90, { admitted: 88, results_published_on: '2027-09-30' })] })],
        ...(calendar ? { calendar } : {}),
      });
    const approx = computeIndicators(data()).schools[0].admissions.publication;
    expect(approx).toMatchObject({ deadline: '2027-09-29', calendar: 'approximate', status: 'late', workingDays: 21 });
    expect(approx.calendarNote).toContain('近似');
    // calendar.csv: Wed 2027-09-15 a day off → the 20th working day moves to 9-30, published on time
    const row = { date: '2027-09-15', day_type: 'holiday', name: '测试假日', source: '测试通知', _source: { file: 'calendar.csv', row: 2 } } as CalendarRow;
    const official = computeIndicators(data([row])).schools[0].admissions.publication;
    expect(official).toMatchObject({ deadline: '2027-09-30', calendar: 'official', status: 'on_time', workingDays: 20 });
    expect(workCalendar([row]).sourceOf(2027)).toBe('calendar.csv');
  });

  it('a result published on 2023-10-07 is on time, on 2023-10-09 late (day 22)', () => {
    // 10-07 = 20 (above); Sun 10-08 worked = 21; Mon 10-09 = 22
    const id = '2121000904';
    const run = (on: string) =>
      computeIndicators(
        portal({ schools: [school(id, '219901', 'primary')], years: [year(2023, { resources: [resources(id, 'primary', 500)], admissions: [admission(id, 1, 90, { admitted: 88, results_published_on: on })] })] }),
      );
    expect(run('2023-10-07').schools[0].admissions.publication).toMatchObject({ status: 'on_time', workingDays: 20, calendar: 'official' });
    const late = run('2023-10-09');
    expect(late.schools[0].admissions.publication).toMatchObject({ status: 'late', workingDays: 22 });
    expect(late.findings.find((f) => f.rule === 'results_published_late')!.message).toBe(
      '学校9042023年录取结果于2023-10-09公布，为学年开始（2023-09-01）后第22个工作日，公开时限为20个工作日（截至2023-10-07）。',
    );
  });
});

describe('rule 5 — spending growth must be strictly greater (《义务教育法》第四十二条)', () => {
  const a = '2121000905';
  const res = [resources(a, 'primary', 1000)];
  it('equal growth (5 % and 5 %) does not meet “高于”; per-student flat does not meet “逐步增长”', () => {
    // appropriation 100 M → 105 M: +5 %; revenue 400 M → 420 M: +5 %; margin 5 − 5 = 0 → not met
    // per student 100 000 元 → 105 000 元 over 1000 and 1050 pupils: 105 M ÷ 1050 = 100 000 → 0 % → not met
    const r = computeIndicators(
      portal({
        schools: [school(a, '219901', 'primary')],
        years: [
          year(2023, { resources: res, counties: [countyRow('219901', { compulsory_education_appropriation_yuan: 100e6, recurrent_revenue_yuan: 400e6 })] }),
          year(2024, { resources: [resources(a, 'primary', 1050)], counties: [countyRow('219901', { compulsory_education_appropriation_yuan: 105e6, recurrent_revenue_yuan: 420e6 })] }),
        ],
      }),
    );
    const y = r.regionYears.find((x) => x.region_code === '219901' && x.year === 2024)!;
    expect(y.finance.growthCheck).toMatchObject({ value: { kind: 'value', value: 0 }, threshold: 0, strict: true, met: false });
    expect(y.finance.perStudentCheck).toMatchObject({ value: { kind: 'value', value: 0 }, strict: true, met: false });
    const msgs = r.findings.filter((f) => f.rule === 'education_spending_growth_low').map((f) => f.message);
    expect(msgs).toEqual([
      '甲区2024年义务教育财政拨款增长5%，财政经常性收入增长5%，前者与后者相同；《义务教育法》第四十二条要求前者高于后者。',
      '甲区2024年生均义务教育财政拨款与上年持平；《义务教育法》第四十二条要求按在校学生人数平均的义务教育费用逐步增长。',
    ]);
    const s = indexStandards(resolveStandards([]));
    expect(s.get('education_spending_growth_margin').citation).toBe(
      '全国人民代表大会常务委员会《中华人民共和国义务教育法》（2006年6月29日修订，2018年12月29日第二次修正）第四十二条第三款',
    );
  });
});

describe('rule 6 — the 100-pupil funding floor is for rural primary schools and teaching points only', () => {
  it('a rural junior school of 80 pupils is funded on its 80 pupils; a rural primary school on 100', () => {
    // junior: standard 950 元 × 80 = 76 000 expected; 76 000 spent → 100 % (met)
    // primary: standard 750 元 × 100 (floor) = 75 000 expected; 60 000 spent → 80 % (short by 20 个百分点)
    const j = '3121000906';
    const p = '2121000907';
    const r = computeIndicators(
      portal({
        schools: [school(j, '219901', 'junior', { locale: 'rural' }), school(p, '219901', 'primary', { locale: 'rural', name: '石岭村小学' })],
        years: [
          year(2024, {
            resources: [resources(j, 'junior', 80), resources(p, 'primary', 80)],
            funding: [funding(j, 76000), funding(p, 60000)],
            counties: [countyRow('219901', { public_funds_standard_primary_yuan: 750, public_funds_standard_junior_yuan: 950 })],
          }),
        ],
      }),
    );
    const by = (id: string) => r.schools.find((s) => s.school_id === id)!.funding.publicFundsVsStandard;
    expect(by(j)).toMatchObject({ value: { kind: 'value', value: 100 }, met: true });
    expect(by(p)).toMatchObject({ value: { kind: 'value', value: 80 }, met: false, gap: 20 });
    expect(r.findings.find((f) => f.rule === 'public_funds_below_standard')!.message).toBe(
      '石岭村小学公用经费支出占按省定生均标准核定数的比例为80%，标准为不低于100%，相差20个百分点。',
    );
  });
});

describe('rule 7 — pass and good rates are junior-stage local targets (锦州)', () => {
  it('a primary school is not held to them; a junior school at 90 % misses 95 % by 5 个百分点', () => {
    const p = '2121000908';
    const j = '3121000909';
    const r = computeIndicators(
      portal({
        schools: [school(p, '219901', 'primary'), school(j, '219901', 'junior', { name: '第二中学' })],
        years: [year(2024, { resources: [resources(p, 'primary', 500), resources(j, 'junior', 500)], outcomes: [outcome(p, { pass_rate: 90, good_rate: 80 }), outcome(j, { pass_rate: 90, good_rate: 92 })] })],
      }),
    );
    expect(r.schools.find((s) => s.school_id === p)!.outcomes.passRate.value.kind).toBe('not_applicable');
    const f = r.findings.filter((x) => x.rule === 'pass_rate_low' || x.rule === 'good_rate_low');
    expect(f.map((x) => [x.subject.school_id, x.rule, x.gap])).toEqual([[j, 'pass_rate_low', 5]]);
    expect(f[0].message).toBe('第二中学学业合格率为90%，标准为不低于95%，相差5个百分点。');
    const cite = indexStandards(resolveStandards([])).get('pass_rate', 'junior').citation;
    expect(cite).toContain('锦州市智慧教育云平台');
    expect(cite).toContain('记者');
    expect(cite).toContain('不是政府文件');
  });
});

describe('rule 8 — dropout of a nine-year school reported as one figure', () => {
  it('with dropouts the primary limit (0) cannot be tested: undecided, never the junior 1 %', () => {
    // 3 dropouts of 1000 = 0.3 %: below the junior 1 %, but the primary part may hold some of them
    const id = '3121000910';
    const run = (dropouts: number) =>
      computeIndicators(
        portal({
          schools: [school(id, '219901', 'nine_year')],
          years: [year(2024, { resources: [resources(id, 'primary', 600), resources(id, 'junior', 400)], outcomes: [outcome(id, { students_start: 1000, dropouts })] })],
        }),
      );
    const some = run(3);
    const check = some.schools[0].outcomes.dropoutRate;
    expect(check.met).toBeNull();
    expect(check.value).toMatchObject({ kind: 'value', value: 0.3 });
    expect(check.value.kind === 'value' && check.value.note).toContain('小学部的标准（0%）无法单独检验');
    expect(some.findings.filter((f) => f.rule === 'dropout_over_limit')).toEqual([]);
    // no dropouts: 0 in each part, both limits met
    expect(run(0).schools[0].outcomes.dropoutRate.met).toBe(true);
  });
});

describe('rule 9 — province and city targets: share of counties; growth of public funds and of the education share', () => {
  const a = '2121000911';
  const b = '2121000912';
  const schools = [school(a, '219901', 'primary'), school(b, '219902', 'primary')];

  it('a city targeting 65 % of its counties: one of two reaches the standard → 50 %, missed in the target year', () => {
    // 甲区: its school meets all seven (fixture defaults) → resource allocation met
    // 乙区: its school has equipment 1500 元 per pupil (75 % of 2000, below 85 %) → not met
    // share = 1 ÷ 2 = 50 % < 65 %
    const r = computeIndicators(
      portal({
        schools,
        plans: [plan('219900', null, 2024, 'county_share', { target_share_pct: 65 }), plan('219900', null, 2026, 'county_share', { target_share_pct: 100 })],
        years: [year(2024, { resources: [resources(a, 'primary', 1000), resources(b, 'primary', 1000, { equipment_value_yuan: 1500 * 1000 })] })],
      }),
    );
    const [due, later] = r.progress;
    expect(due.shareTarget!.years).toEqual([{ year: 2024, reached: ['219901'], notReached: ['219902'], unknown: [], share: { kind: 'value', value: 50 } }]);
    expect(due.latest).toBe('missed');
    expect(due.years[0].basis).toBe('所辖2个县区中1个资源配置部分达到优质均衡要求，比例为50%，目标为65%');
    expect(later.latest).toBe('on_track');
    expect(r.findings.filter((f) => f.rule === 'plan_missed').map((f) => f.message)).toEqual([
      '测试市计划于2024年使所辖县区达到标准（65%的县区）（《测试规划》），截至2024年数据尚未达到：所辖2个县区中1个资源配置部分达到优质均衡要求，比例为50%，目标为65%。',
    ]);
  });

  it('public funds per pupil that do not grow, and an education share that falls, are shown and found', () => {
    // public funds 1 000 000 ÷ 1000 pupils = 1000 元 in both years → growth 0 % → not met (strict)
    // education share 150 M ÷ 1000 M = 15 % → 145 M ÷ 1000 M = 14.5 %: change −0.5 个百分点 → not met
    const r = computeIndicators(
      portal({
        schools: [schools[0]],
        years: [2023, 2024].map((y, i) =>
          year(y, {
            resources: [resources(a, 'primary', 1000)],
            funding: [funding(a, 1000000)],
            counties: [countyRow('219901', { general_budget_education_yuan: i ? 145e6 : 150e6, general_budget_spending_yuan: 1000e6 })],
          }),
        ),
      }),
    );
    const f = r.regionYears.find((x) => x.region_code === '219901' && x.year === 2024)!.finance;
    expect(f.publicFundsPerStudentGrowth).toEqual({ kind: 'value', value: 0 });
    expect(f.publicFundsGrowthCheck.met).toBe(false);
    expect(f.educationShare).toEqual({ kind: 'value', value: 14.5 });
    expect(f.educationShareChange).toEqual({ kind: 'value', value: -0.5 });
    expect(f.educationShareCheck.met).toBe(false);
    expect(r.findings.filter((x) => x.year === 2024 && (x.rule === 'public_funds_growth_low' || x.rule === 'education_share_not_rising')).map((x) => x.message)).toEqual([
      '甲区2024年一般公共预算教育支出占一般公共预算支出的14.5%，比上年下降0.5个百分点；锦州的地方目标为该比例明显提高（记者文章报道）。',
      '甲区2024年学校生均公用经费与上年持平；《义务教育法》第四十二条要求学生人均公用经费逐步增长。',
    ]);
  });
});

describe('wording — rules read as rules, values as values, no keys, no doubled words', () => {
  it('a county CV finding names the indicator in Chinese with 3 decimals; a part is named only for two-part schools', () => {
    // backbone teachers per 100: 40 and 10 ÷ 2000 × 100 = 2.0 and 0.5 → CV = 1.5 / 2.5 = 0.6 > 0.50
    const a = '2121000913';
    const b = '2121000914';
    const n = '3121000915';
    const r = computeIndicators(
      portal({
        schools: [school(a, '219901', 'primary', { name: '丙小学' }), school(b, '219901', 'primary'), school(n, '219901', 'nine_year', { name: '育英学校' })],
        years: [
          year(2024, {
            resources: [
              resources(a, 'primary', 2000, { backbone_teachers: 40 }),
              resources(b, 'primary', 2000, { backbone_teachers: 10 }),
              resources(n, 'primary', 0),
              resources(n, 'junior', 500),
            ],
            classes: [klass(a, 1, '1班', 47), klass(n, 1, '1班', 46)],
          }),
        ],
      }),
    );
    const cv = r.findings.find((f) => f.rule === 'cv_over_limit')!;
    expect(cv.message).toBe('甲区小学阶段“每百名学生拥有县级及以上骨干教师数”的校际差异系数为0.600，优质均衡上限为0.500，超出0.100。');
    // school 2121000914: 0.5 per 100 < 1.0 → the gap reads as a value, not a key
    const below = r.findings.find((f) => f.rule === 'indicator_below_threshold' && f.subject.school_id === b)!;
    expect(below.message).toBe('学校914每百名学生拥有县级及以上骨干教师数为0.5人，标准为不低于1人，相差0.5人。');
    for (const f of r.findings) {
      expect(f.message, f.id).not.toMatch(ANY_KEY);
      expect(f.message, f.id).not.toMatch(/null|undefined|NaN|小学小学|初中初中/);
    }
    // the gap list names “丙小学”, never “丙小学小学”, and a nine-year school's part
    const gaps = r.countyGaps[0].schoolGaps.map((g) => g.where);
    expect(gaps).toContain('学校914');
  });

  it('every national rule cites issuing body, title, number or date, and the article of the 2017 method', () => {
    const s = indexStandards(resolveStandards([]));
    expect(s.get('music_rooms_per_12_classes').citation).toBe('教育部《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号，2017年4月19日）第六条第（三）项');
    expect(s.get('school_size').citation).toContain('第六条第（四）项');
    expect(s.get('cv_quality', 'junior').citation).toContain('第五条');
    expect(s.get('cv_basic', 'primary').citation).toContain('教育部《县域义务教育均衡发展督导评估暂行办法》（教督〔2012〕3号，2012年1月20日）');
    expect(s.get('publication_working_days').citation).toContain('教育部办公厅');
    for (const r of s.all) {
      expect(r.citation.length, r.key).toBeGreaterThan(10);
      expect(r.source.issuer, r.key).toBeTruthy();
    }
  });
});
