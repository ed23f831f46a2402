/**
 * Findings: policy breaches shown on the site — never validation errors, never “fixed” away.
 * Each names the subject, the rule, the value, the threshold, the gap, a severity and the
 * source rows. Messages are plain, neutral Chinese: the standard, the value and the gap.
 */
import type { PartStage, SourceRef } from '../schema';
import type { StandardsIndex } from '../standards';
import type { Check, CountyYearResult, Finding, FindingRule, FindingSeverity, PlanProgress, RegionYearResult, SchoolYearResult } from './types';
import type { YearIndex } from './year-index';
import { partOfGrade } from '../schema';
import { PERCENT, tidy } from './values';

const SEVERITY: Record<FindingRule, FindingSeverity> = {
  class_over_limit: 'notice',
  large_class: 'concern',
  super_large_class: 'serious',
  admitted_over_plan: 'concern',
  school_over_size: 'concern',
  indicator_below_threshold: 'notice',
  six_of_seven_failed: 'concern',
  cv_over_limit: 'concern',
  basic_cv_over_limit: 'serious',
  music_art_rooms_short: 'concern',
  training_funds_low: 'notice',
  special_ed_funds_low: 'concern',
  public_funds_below_standard: 'concern',
  exchange_low: 'concern',
  backbone_exchange_low: 'concern',
  certificates_incomplete: 'notice',
  training_360h_incomplete: 'notice',
  dropout_over_limit: 'concern',
  pass_rate_low: 'notice',
  good_rate_low: 'notice',
  county_reported_below: 'concern',
  education_spending_growth_low: 'concern',
  results_not_published: 'concern',
  results_published_late: 'notice',
  plan_missed: 'serious',
};

const STAGE_ZH: Record<PartStage, string> = { primary: '小学', junior: '初中' };

export function formatNumber(x: number): string {
  const digits = Math.abs(x) < 1 ? 4 : 2;
  return String(Number(x.toFixed(digits)));
}

function cmpZh(c: '>=' | '<='): string {
  return c === '>=' ? '不低于' : '不超过';
}

interface Subject {
  kind: Finding['subject']['kind'];
  region_code: string;
  school_id: string | null;
  name: string;
  class?: { grade: number; class_name: string };
}

export class FindingsCollector {
  private readonly list: Finding[] = [];
  private readonly ids = new Set<string>();
  constructor(private readonly standards: StandardsIndex) {}

  add(rule: FindingRule, subject: Subject, year: number, stage: PartStage | null, detail: string, f: {
    indicator: string;
    value: number;
    threshold: number;
    comparison: '>=' | '<=';
    unit: string;
    label: string;
    sources: readonly SourceRef[];
    message?: string;
  }): void {
    const id = `${rule}:${year}:${subject.region_code}:${subject.school_id ?? '-'}:${stage ?? '-'}:${detail}`;
    if (this.ids.has(id)) return;
    this.ids.add(id);
    const gap = tidy(Math.max(0, f.comparison === '>=' ? f.threshold - f.value : f.value - f.threshold));
    const where = `${subject.name}${stage ? STAGE_ZH[stage] : ''}`;
    const message =
      f.message ??
      `${where}${f.label}为${formatNumber(f.value)}${f.unit}，标准为${cmpZh(f.comparison)}${formatNumber(f.threshold)}${f.unit}，相差${formatNumber(gap)}${f.unit}。`;
    const sources = [...f.sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.row - b.row));
    this.list.push({
      id,
      rule,
      severity: SEVERITY[rule],
      subject: subject.class ? { ...subject, class: subject.class } : { kind: subject.kind, region_code: subject.region_code, school_id: subject.school_id, name: subject.name },
      year,
      stage,
      indicator: f.indicator,
      value: f.value,
      threshold: f.threshold,
      comparison: f.comparison,
      unit: f.unit,
      gap,
      message,
      sources,
    });
  }

  /** A failed Check becomes a finding (nothing when met or not computable). */
  check(rule: FindingRule, subject: Subject, year: number, stage: PartStage | null, c: Check, sources: readonly SourceRef[], detail = c.key): void {
    if (c.met !== false || c.value.kind !== 'value') return;
    const std = this.standards.get(c.key, c.stage);
    this.add(rule, subject, year, stage, detail, {
      indicator: c.key,
      value: c.value.value,
      threshold: c.threshold,
      comparison: c.comparison,
      unit: c.unit,
      label: std.zh.replace(/（(小学|初中|优质均衡，小学|优质均衡，初中|基本均衡，小学|基本均衡，初中)）$/, ''),
      sources,
    });
  }

  result(): Finding[] {
    const order = (a: Finding, b: Finding) =>
      a.year - b.year ||
      s(a.rule, b.rule) ||
      s(a.subject.region_code, b.subject.region_code) ||
      s(a.subject.school_id ?? '', b.subject.school_id ?? '') ||
      s(a.stage ?? '', b.stage ?? '') ||
      s(a.id, b.id);
    return [...this.list].sort(order);
  }
}

function s(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function schoolSubject(p: SchoolYearResult): Subject {
  return { kind: 'school', region_code: p.region_code, school_id: p.school_id, name: p.name };
}

export function schoolFindings(fc: FindingsCollector, parts: readonly SchoolYearResult[], yi: YearIndex, standards: StandardsIndex): void {
  const seenSchool = new Set<string>();
  const partSources = new Map<string, SourceRef[]>();
  for (const p of parts) if (p.source) (partSources.get(p.school_id) ?? partSources.set(p.school_id, []).get(p.school_id)!).push(p.source);
  for (const p of parts) {
    const subj = schoolSubject(p);
    const src = p.source ? [p.source] : [];
    // classes
    for (const c of p.classSize.overLimitClasses) {
      const large = standards.threshold('large_class_min');
      const superLarge = standards.threshold('super_large_class_min');
      const rule: FindingRule = c.students >= superLarge ? 'super_large_class' : c.students >= large ? 'large_class' : 'class_over_limit';
      const band = rule === 'super_large_class' ? `（${superLarge}人及以上为超大班额）` : rule === 'large_class' ? `（${large}–${superLarge - 1}人为大班额）` : '';
      const gap = c.students - p.classSize.limit;
      fc.add(rule, { ...subj, kind: 'class', class: { grade: c.grade, class_name: c.class_name } }, p.year, p.stage, `${c.grade}:${c.class_name}`, {
        indicator: 'class_size',
        value: c.students,
        threshold: p.classSize.limit,
        comparison: '<=',
        unit: '人',
        label: '',
        sources: [c.source],
        message: `${p.name}${c.grade}年级${c.class_name}有学生${c.students}人，${STAGE_ZH[p.stage]}班额标准为不超过${p.classSize.limit}人，超出${gap}人${band}。`,
      });
    }
    // admissions
    for (const r of yi.admissions.get(p.school_id) ?? []) {
      if (partOfGrade(r.grade) !== p.stage || r.admitted == null || r.admitted <= r.planned_seats) continue;
      fc.add('admitted_over_plan', subj, p.year, p.stage, `grade${r.grade}`, {
        indicator: 'planned_seats',
        value: r.admitted,
        threshold: r.planned_seats,
        comparison: '<=',
        unit: '人',
        label: '',
        sources: [r._source],
        message: `${p.name}${r.grade}年级录取${r.admitted}人，公布的招生计划为${r.planned_seats}人，超出计划${r.admitted - r.planned_seats}人。`,
      });
    }
    const pub = p.admissions.publication;
    if (p.admissions.published && pub.status === 'not_published')
      fc.add('results_not_published', subj, p.year, p.stage, 'results', {
        indicator: 'publication_working_days',
        value: 0,
        threshold: 0,
        comparison: '<=',
        unit: '',
        label: '',
        sources: p.admissions.sources,
        message: `${p.name}${STAGE_ZH[p.stage]}${p.year}年招生计划已公布，录取结果未公布。`,
      });
    if (pub.status === 'late' && pub.workingDays !== null) {
      const limit = standards.threshold('publication_working_days');
      fc.add('results_published_late', subj, p.year, p.stage, 'results', {
        indicator: 'publication_working_days',
        value: pub.workingDays,
        threshold: limit,
        comparison: '<=',
        unit: '个工作日',
        label: '',
        sources: p.admissions.sources,
        message: `${p.name}${STAGE_ZH[p.stage]}录取结果于${pub.resultsPublishedOn}公布，为学年开始后第${pub.workingDays}个工作日，公开时限为${limit}个工作日（截至${pub.deadline}）。`,
      });
    }
    // seven indicators and the 6-of-7 rule (only schools that count)
    if (p.counted.counted) {
      for (const c of p.indicators) fc.check('indicator_below_threshold', subj, p.year, p.stage, c, src);
      if (p.verdict.status === 'fails') {
        fc.add('six_of_seven_failed', subj, p.year, p.stage, 'six_of_seven', {
          indicator: 'min_indicators_met',
          value: p.verdict.met,
          threshold: p.verdict.required,
          comparison: '>=',
          unit: '项',
          label: '',
          sources: src,
          message: `${p.name}${STAGE_ZH[p.stage]}资源配置7项指标中达标${p.verdict.met}项（${p.verdict.explanation}），标准为至少${p.verdict.required}项达标且其余项不低于标准的${formatNumber(p.verdict.minRatio * PERCENT)}%。`,
        });
      }
    }
    if (p.kind !== 'special_education') {
      fc.check('music_art_rooms_short', subj, p.year, p.stage, p.musicArtRooms.music, src);
      fc.check('music_art_rooms_short', subj, p.year, p.stage, p.musicArtRooms.art, src);
    }
    // whole-school rules once per school
    if (seenSchool.has(p.school_id)) continue;
    seenSchool.add(p.school_id);
    const allSrc = partSources.get(p.school_id) ?? [];
    fc.check('school_over_size', subj, p.year, null, p.size.check, allSrc);
    const fsrc = p.funding.source ? [p.funding.source] : [];
    fc.check('training_funds_low', subj, p.year, null, p.funding.trainingShare, fsrc);
    fc.check('special_ed_funds_low', subj, p.year, null, p.funding.specialEdPerStudent, fsrc);
    fc.check('public_funds_below_standard', subj, p.year, null, p.funding.publicFundsVsStandard, fsrc);
    const osrc = p.outcomes.source ? [p.outcomes.source] : [];
    fc.check('dropout_over_limit', subj, p.year, null, p.outcomes.dropoutRate, osrc);
    fc.check('pass_rate_low', subj, p.year, null, p.outcomes.passRate, osrc);
    fc.check('good_rate_low', subj, p.year, null, p.outcomes.goodRate, osrc);
  }
}

export function countyFindings(fc: FindingsCollector, c: CountyYearResult, parts: readonly SchoolYearResult[]): void {
  if (c.level !== 'county') return;
  const subj: Subject = { kind: 'region', region_code: c.region_code, school_id: null, name: c.name };
  const src = parts.filter((p) => p.counted.counted && p.source).map((p) => p.source!);
  // Quality-balance CVs (limit 0.50/0.45) and the 2012 basic-balance CVs differ only in rule and wording.
  const checks = [
    { list: c.cv, rule: 'cv_over_limit', text: (v: number, lim: number) => `，上限为${formatNumber(lim)}，超出${formatNumber(tidy(v - lim))}。` },
    { list: c.basicCv, rule: 'basic_cv_over_limit', text: (_v: number, lim: number) => `，超过基本均衡上限${formatNumber(lim)}。` },
  ] as const;
  for (const { list, rule, text } of checks) {
    for (const cv of list) {
      if (cv.passes !== false || cv.value.kind !== 'value') continue;
      fc.add(rule, subj, c.year, c.stage, cv.indicator, {
        indicator: cv.indicator,
        value: cv.value.value,
        threshold: cv.limit,
        comparison: '<=',
        unit: '',
        label: '',
        sources: src,
        message: `${c.name}${STAGE_ZH[c.stage]}“${cv.indicator}”的差异系数为${formatNumber(cv.value.value)}${text(cv.value.value, cv.limit)}`,
      });
    }
  }
}

export function regionYearFindings(fc: FindingsCollector, r: RegionYearResult): void {
  if (r.level !== 'county') return;
  const subj: Subject = { kind: 'region', region_code: r.region_code, school_id: null, name: r.name };
  const src = r.source ? [r.source] : [];
  fc.check('exchange_low', subj, r.year, null, r.teachers.exchangeRate, []);
  fc.check('backbone_exchange_low', subj, r.year, null, r.teachers.backboneExchangedShare, []);
  fc.check('certificates_incomplete', subj, r.year, null, r.teachers.certifiedShare, []);
  fc.check('training_360h_incomplete', subj, r.year, null, r.teachers.training360Share, []);
  for (const c of r.reported) fc.check('county_reported_below', subj, r.year, null, c, src);
  fc.check('education_spending_growth_low', subj, r.year, null, r.finance.growthCheck, src);
  fc.check('education_spending_growth_low', subj, r.year, null, r.finance.perStudentCheck, src);
}

export function planFindings(fc: FindingsCollector, p: PlanProgress, name: string): void {
  if (p.latest !== 'missed' || p.years.length === 0) return;
  const last = p.years[p.years.length - 1];
  fc.add('plan_missed', { kind: 'plan', region_code: p.region_code, school_id: p.school_id, name }, last.year, null, `${p.milestone}:${p.target_year}`, {
    indicator: p.milestone,
    value: last.year,
    threshold: p.target_year,
    comparison: '<=',
    unit: '年',
    label: '',
    sources: [p.source],
    message: `${name}计划于${p.target_year}年${p.milestone === 'school_standard' ? '达到标准' : p.milestone === 'county_application' ? '申请优质均衡验收' : '通过认定'}（${p.planSource}），截至${last.year}年数据尚未达到：${last.basis}。`,
  });
}
