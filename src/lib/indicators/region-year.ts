/**
 * Region-wide results of one year that do not split by stage: finance growth (education
 * spending vs recurrent revenue, year on year — needs the previous year), the county-reported
 * indicators of counties.csv against their thresholds, and teacher, funding and outcome
 * aggregates over the region's schools (ratios of sums).
 */
import type { CountyYearRow, OutcomeRow, SchoolRow, SchoolStage, TeacherRow } from '../schema';
import type { StandardsIndex } from '../standards';
import { makeCheck } from './check';
import { dropoutCheck, rateChecks } from './outcomes';
import type { RegionTree } from './region-tree';
import { teacherFigures } from './teachers';
import type { Check, Computed, RegionLevel, RegionYearResult, SchoolYearResult } from './types';
import { cell, isValue, missing, missingOf, notApplicable, PERCENT, ratio, tidy, undefinedValue, value } from './values';
import type { YearIndex } from './year-index';

interface FinanceBase {
  spending: Computed;
  revenue: Computed;
  students: Computed;
  budgetEducation: Computed;
  budget: Computed;
}

type CountyMoney = 'compulsory_education_appropriation_yuan' | 'recurrent_revenue_yuan' | 'general_budget_education_yuan' | 'general_budget_spending_yuan';

function sumOverCounties(counties: readonly string[], yi: YearIndex, col: CountyMoney, prefix: string): Computed {
  if (!yi.data.counties) return missing(`${prefix}counties`);
  let s = 0;
  const ms: string[] = [];
  for (const c of counties) {
    const row = yi.counties.get(c);
    if (!row) ms.push(`${prefix}counties:${c}`);
    else if (row[col] == null) ms.push(`${prefix}counties.${col}`);
    else s += row[col]!;
  }
  return ms.length ? missing(ms) : value(tidy(s));
}

function studentsOf(parts: readonly SchoolYearResult[], prefix: string): Computed {
  if (parts.length === 0) return undefinedValue('no_schools', '没有学校数据');
  let s = 0;
  const ms: string[] = [];
  for (const p of parts) {
    if (isValue(p.students)) s += p.students.value;
    else if (p.students.kind === 'missing') ms.push(...p.students.missing.map((m) => prefix + m));
  }
  return ms.length ? missing(ms) : value(s);
}

function financeBase(counties: readonly string[], yi: YearIndex, parts: readonly SchoolYearResult[], prefix: string): FinanceBase {
  return {
    spending: sumOverCounties(counties, yi, 'compulsory_education_appropriation_yuan', prefix),
    revenue: sumOverCounties(counties, yi, 'recurrent_revenue_yuan', prefix),
    students: studentsOf(parts, prefix),
    budgetEducation: sumOverCounties(counties, yi, 'general_budget_education_yuan', prefix),
    budget: sumOverCounties(counties, yi, 'general_budget_spending_yuan', prefix),
  };
}

function growth(cur: Computed, prev: Computed | null): Computed {
  if (prev === null) return undefinedValue('no_previous_year', '数据中没有上一年，无法计算增长');
  const m = missingOf(cur, prev);
  if (m) return m;
  if (cur.kind !== 'value') return cur;
  if (prev.kind !== 'value') return prev;
  if (prev.value === 0) return undefinedValue('zero_denominator', '上一年数值为0，无法计算增长');
  return value(tidy((cur.value / prev.value - 1) * PERCENT));
}

function difference(a: Computed, b: Computed): Computed {
  const m = missingOf(a, b);
  if (m) return m;
  if (a.kind !== 'value') return a;
  if (b.kind !== 'value') return b;
  return value(tidy(a.value - b.value));
}

/** Public funds of a region's schools (funding.csv, one row per school) and per whole-school student. */
function publicFundsOf(yi: YearIndex, parts: readonly SchoolYearResult[], prefix: string): { publicFunds: Computed; perStudent: Computed } {
  const ids = [...new Set(parts.map((x) => x.school_id))].sort();
  if (ids.length === 0) return { publicFunds: undefinedValue('no_schools', '没有学校数据'), perStudent: undefinedValue('no_schools', '没有学校数据') };
  const fMissing = ids.filter((id) => !yi.funding.has(id)).map((id) => prefix + (yi.data.funding ? `funding:${id}` : 'funding'));
  if (fMissing.length) return { publicFunds: missing(fMissing), perStudent: missing(fMissing) };
  const publicFunds = value(tidy(ids.reduce((s, id) => s + yi.funding.get(id)!.public_funds_yuan, 0)));
  const firstPart = new Map<string, SchoolYearResult>();
  for (const x of parts) if (!firstPart.has(x.school_id)) firstPart.set(x.school_id, x);
  const students = studentsOf(ids.map((id) => ({ ...firstPart.get(id)!, students: firstPart.get(id)!.size.students })), prefix);
  return { publicFunds, perStudent: ratio(publicFunds, students, '在校生数为0') };
}

const REPORTED: readonly { key: string; stage: 'all' | 'junior'; get: (r: CountyYearRow) => Computed }[] = [
  {
    key: 'teacher_pay_vs_civil_servants',
    stage: 'all',
    get: (r) => ratio(cell(r.teacher_pay_yuan, 'counties', 'teacher_pay_yuan'), cell(r.civil_servant_pay_yuan, 'counties', 'civil_servant_pay_yuan'), '公务员平均工资为0', PERCENT),
  },
  { key: 'quota_allocation', stage: 'all', get: (r) => cell(r.quota_allocation_pct, 'counties', 'quota_allocation_pct') },
  { key: 'migrant_public', stage: 'all', get: (r) => cell(r.migrant_public_pct, 'counties', 'migrant_public_pct') },
  { key: 'disabled_enrollment', stage: 'all', get: (r) => cell(r.disabled_enrollment_pct, 'counties', 'disabled_enrollment_pct') },
  { key: 'retention_junior', stage: 'junior', get: (r) => cell(r.retention_junior_pct, 'counties', 'retention_junior_pct') },
  { key: 'satisfaction', stage: 'all', get: (r) => cell(r.satisfaction_pct, 'counties', 'satisfaction_pct') },
];

/** Keys of the county-reported checks, in order. */
export const REPORTED_KEYS = REPORTED.map((r) => r.key);

export function regionYearResult(
  region: { code: string; name: string; level: RegionLevel },
  tree: RegionTree,
  yi: YearIndex,
  prev: { yi: YearIndex; parts: readonly SchoolYearResult[] } | null,
  parts: readonly SchoolYearResult[],
  schools: ReadonlyMap<string, SchoolRow>,
  standards: StandardsIndex,
): RegionYearResult {
  const counties = tree.countiesUnder(region.code);
  const cur = financeBase(counties, yi, parts, '');
  const p = prev ? financeBase(counties, prev.yi, prev.parts, `${prev.yi.year}/`) : null;
  const spendingGrowth = growth(cur.spending, p ? p.spending : null);
  const revenueGrowth = growth(cur.revenue, p ? p.revenue : null);
  const perStudent = ratio(cur.spending, cur.students, '在校生数为0');
  const prevPerStudent = p ? ratio(p.spending, p.students, '上一年在校生数为0') : null;
  const perStudentGrowth = growth(perStudent, prevPerStudent);
  const share = ratio(cur.budgetEducation, cur.budget, '一般公共预算支出为0', PERCENT);
  const prevShare = p ? ratio(p.budgetEducation, p.budget, '上一年一般公共预算支出为0', PERCENT) : null;
  const shareChange = prevShare === null ? undefinedValue('no_previous_year', '数据中没有上一年，无法计算变化') : difference(share, prevShare);

  const countyRow = region.level === 'county' ? yi.counties.get(region.code) : undefined;
  const reported: Check[] = REPORTED.map((r) => {
    const std = standards.get(r.key, r.stage);
    if (region.level !== 'county') return makeCheck(std, notApplicable('县区报告的指标，市、省不汇总'));
    if (!countyRow) return makeCheck(std, missing(yi.data.counties ? `counties:${region.code}` : 'counties'));
    return makeCheck(std, r.get(countyRow));
  });

  // whole-school aggregates: one row per school (parts share them)
  const ids = [...new Set(parts.map((x) => x.school_id))].sort();
  const tRows: TeacherRow[] = [];
  const tMissing: string[] = [];
  for (const id of ids) {
    const r = yi.teachers.get(id);
    if (r) tRows.push(r);
    else tMissing.push(yi.data.teachers ? `teachers:${id}` : 'teachers');
  }
  const tf = teacherFigures(tRows, tMissing.length ? tMissing : null, standards);
  const teachers = tMissing.length
    ? (() => {
        const m = missing(tMissing);
        return {
          teachers: m,
          certifiedShare: makeCheck(standards.get('certified_teachers_share'), m),
          exchangeRate: makeCheck(standards.get('teacher_exchange_rate'), m),
          backboneExchangedShare: makeCheck(standards.get('backbone_exchange_share'), m),
          training360Share: makeCheck(standards.get('training_360h_share'), m),
        };
      })()
    : tf;

  // funding
  const fMissing = ids.filter((id) => !yi.funding.has(id)).map((id) => (yi.data.funding ? `funding:${id}` : 'funding'));
  const fRows = ids.map((id) => yi.funding.get(id)).filter((r) => r !== undefined);
  const firstPart = new Map<string, SchoolYearResult>();
  for (const x of parts) if (!firstPart.has(x.school_id)) firstPart.set(x.school_id, x);
  const { publicFunds, perStudent: publicFundsPerStudent } = publicFundsOf(yi, parts, '');
  const prevFundsPerStudent = prev ? publicFundsOf(prev.yi, prev.parts, `${prev.yi.year}/`).perStudent : null;
  const publicFundsGrowth = growth(publicFundsPerStudent, prevFundsPerStudent);
  let training: Computed = publicFunds;
  if (!fMissing.length) {
    const blank = fRows.some((r) => r.training_funds_yuan == null);
    training = blank ? missing('funding.training_funds_yuan') : value(tidy(fRows.reduce((s, r) => s + r.training_funds_yuan!, 0)));
  }
  let specialEd: Computed;
  if (fMissing.length) specialEd = missing(fMissing);
  else {
    const withSpecial = fRows.filter((r) => (r.special_ed_students ?? 0) > 0);
    if (!withSpecial.length) specialEd = notApplicable('未报告特殊教育学生');
    else if (withSpecial.some((r) => r.special_ed_funds_yuan == null)) specialEd = missing('funding.special_ed_funds_yuan');
    else
      specialEd = value(
        tidy(withSpecial.reduce((s, r) => s + r.special_ed_funds_yuan!, 0) / withSpecial.reduce((s, r) => s + r.special_ed_students!, 0)),
      );
  }
  const funding = {
    publicFunds,
    publicFundsPerStudent,
    trainingShare: makeCheck(standards.get('training_funds_share'), ratio(training, publicFunds, '公用经费为0', PERCENT)),
    specialEdPerStudent: makeCheck(standards.get('special_ed_funds_per_student'), specialEd),
    schoolsBelowStandard: ids.filter((id) => firstPart.get(id)!.funding.publicFundsVsStandard.met === false),
    sources: fRows.map((r) => r._source),
  };

  // outcomes
  const oMissing = ids.filter((id) => !yi.outcomes.has(id)).map((id) => (yi.data.outcomes ? `outcomes:${id}` : 'outcomes'));
  const groups: SchoolStage[] = ['primary', 'junior', 'nine_year', 'twelve_year', 'complete_secondary'];
  const dropout = groups
    .map((g) => {
      const gIds = ids.filter((id) => schools.get(id)?.stage === g);
      if (!gIds.length) return null;
      const rows = gIds.map((id) => yi.outcomes.get(id)).filter((r): r is OutcomeRow => r !== undefined);
      const gMissing = gIds.filter((id) => !yi.outcomes.has(id)).map((id) => (yi.data.outcomes ? `outcomes:${id}` : 'outcomes'));
      const d = dropoutCheck(rows, g, gMissing.length ? gMissing : null, standards);
      return { group: g, studentsStart: d.studentsStart, dropouts: d.dropouts, rate: d.rate };
    })
    .filter((x) => x !== null);
  // pass and good rates are junior-stage targets: schools with a junior part only
  // A set, not parts.some per id: for a province that was (schools × parts) per year.
  const withJunior = new Set(parts.filter((x) => x.stage === 'junior').map((x) => x.school_id));
  const juniorIds = ids.filter((id) => withJunior.has(id));
  const oRows = juniorIds.map((id) => yi.outcomes.get(id)).filter((r): r is OutcomeRow => r !== undefined);
  const oMissingJ = juniorIds.filter((id) => !yi.outcomes.has(id)).map((id) => (yi.data.outcomes ? `outcomes:${id}` : 'outcomes'));
  const rates = rateChecks(oRows, oMissingJ.length ? oMissingJ : null, standards, juniorIds.length > 0);

  return {
    region_code: region.code,
    name: region.name,
    level: region.level,
    year: yi.year,
    finance: {
      educationSpending: cur.spending,
      recurrentRevenue: cur.revenue,
      spendingGrowth,
      revenueGrowth,
      growthCheck: makeCheck(standards.get('education_spending_growth_margin'), difference(spendingGrowth, revenueGrowth)),
      spendingPerStudent: perStudent,
      spendingPerStudentGrowth: perStudentGrowth,
      perStudentCheck: makeCheck(standards.get('spending_per_student_growth'), perStudentGrowth),
      publicFundsPerStudentGrowth: publicFundsGrowth,
      publicFundsGrowthCheck: makeCheck(standards.get('public_funds_per_student_growth'), publicFundsGrowth),
      educationShare: share.kind === 'value' ? value(tidy(share.value)) : share,
      educationShareChange: shareChange,
      educationShareCheck: makeCheck(standards.get('education_share_change'), shareChange),
    },
    reported,
    teachers,
    funding,
    outcomes: { dropout, passRate: rates.passRate, goodRate: rates.goodRate },
    source: countyRow?._source ?? null,
  };
}
