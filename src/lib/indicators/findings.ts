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
import { schoolYearStart } from './admissions';
import { PERCENT, tidy } from './values';
import { comparisonZh, formatQuantity, gapUnit, withUnit } from './format';

const SEVERITY: Record<FindingRule, FindingSeverity> = {
  class_over_limit: 'notice',
  large_class: 'concern',
  super_large_class: 'serious',
  admitted_over_plan: 'concern',
  school_over_size: 'concern',
  indicator_below_threshold: 'notice',
  six_of_seven_failed: 'concern',
  cv_over_limit: 'concern',
  basic_cv_over_limit: 'concern',
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
  public_funds_growth_low: 'concern',
  education_share_not_rising: 'notice',
  results_not_published: 'concern',
  results_published_late: 'notice',
  plan_missed: 'serious',
};

const STAGE_ZH: Record<PartStage, string> = { primary: '小学', junior: '初中' };
/** A school's part, named only for schools that have two (“育才学校小学部”, never “丙小学小学”). */
const PART_ZH: Record<PartStage, string> = { primary: '小学部', junior: '初中部' };
/** A region's stage: “青禾区小学阶段” (not “青禾区小学”, which reads as a school's name). */
const REGION_STAGE_ZH: Record<PartStage, string> = { primary: '小学阶段', junior: '初中阶段' };

/**
 * A number in a sentence. Without a unit: the old general form (kept for callers); with a unit,
 * use formatQuantity (./format.ts) — one precision per quantity.
 */
export function formatNumber(x: number, unit?: string, digits?: number): string {
  if (unit !== undefined) return formatQuantity(x, unit, digits);
  const d = Math.abs(x) < 1 ? 4 : 2;
  return String(Number(x.toFixed(d)));
}

interface Subject {
  kind: Finding['subject']['kind'];
  region_code: string;
  school_id: string | null;
  name: string;
  class?: { grade: number; class_name: string };
  /** A school with a primary and a junior part (nine/twelve-year): name the part in sentences. */
  twoParts?: boolean;
}

/** Who a sentence is about: the school (with its part when it has two) or the region and stage. */
function whereOf(subject: Subject, stage: PartStage | null): string {
  if (!stage) return subject.name;
  if (subject.kind === 'region') return `${subject.name}${REGION_STAGE_ZH[stage]}`;
  return subject.twoParts ? `${subject.name}${PART_ZH[stage]}` : subject.name;
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
    strict?: boolean;
    digits?: number;
  }): void {
    const id = `${rule}:${year}:${subject.region_code}:${subject.school_id ?? '-'}:${stage ?? '-'}:${detail}`;
    if (this.ids.has(id)) return;
    this.ids.add(id);
    const gap = tidy(Math.max(0, f.comparison === '>=' ? f.threshold - f.value : f.value - f.threshold));
    const where = whereOf(subject, stage);
    const gu = gapUnit(f.unit);
    const gapText = f.strict && gap === 0 ? '两者相等，未达到“高于”的要求' : `相差${withUnit(gap, gu, f.digits)}`;
    const message =
      f.message ??
      `${where}${f.label}为${withUnit(f.value, f.unit, f.digits)}，标准为${comparisonZh(f.comparison, f.strict)}${withUnit(f.threshold, f.unit, f.digits)}，${gapText}。`;
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

  /** A failed Check becomes a finding (nothing when met or not computable). `message` replaces the standard sentence. */
  check(rule: FindingRule, subject: Subject, year: number, stage: PartStage | null, c: Check, sources: readonly SourceRef[], detail = c.key, message?: string): void {
    if (c.met !== false || c.value.kind !== 'value') return;
    const std = this.standards.get(c.key, c.stage);
    this.add(rule, subject, year, stage, detail, {
      indicator: c.key,
      value: c.value.value,
      threshold: c.threshold,
      comparison: c.comparison,
      unit: c.unit,
      label: valueLabel(std),
      sources,
      strict: c.strict,
      digits: std.digits,
      ...(message ? { message } : {}),
    });
  }

  /** The applied standard of a key (for labels and precision). */
  standard(key: string, stage?: PartStage | 'all') {
    return this.standards.get(key, stage);
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

/** How a rule's value is named in a sentence: the standard's valueLabel, or its name without the stage. */
export function valueLabel(std: { zh: string; valueLabel?: string }): string {
  return std.valueLabel ?? std.zh.replace(/（(小学|初中|优质均衡，小学|优质均衡，初中|基本均衡，小学|基本均衡，初中)）$/, '');
}

function schoolSubject(p: SchoolYearResult): Subject {
  return { kind: 'school', region_code: p.region_code, school_id: p.school_id, name: p.name, twoParts: p.schoolStage === 'nine_year' || p.schoolStage === 'twelve_year' };
}

/** A cell for a sentence: the number, or “未报告” — never “null” or “undefined”. */
function shown(x: number | string | null | undefined, unit = ''): string {
  return x == null || (typeof x === 'number' && !Number.isFinite(x)) || x === '' ? '未报告' : `${x}${unit}`;
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
      if (partOfGrade(r.grade) !== p.stage || r.admitted == null || r.planned_seats == null || r.admitted <= r.planned_seats) continue;
      fc.add('admitted_over_plan', subj, p.year, p.stage, `grade${r.grade}`, {
        indicator: 'planned_seats',
        value: r.admitted,
        threshold: r.planned_seats,
        comparison: '<=',
        unit: '人',
        label: '',
        sources: [r._source],
        message: `${p.name}${r.grade}年级录取${shown(r.admitted, '人')}，公布的招生计划为${shown(r.planned_seats, '人')}，超出计划${r.admitted - r.planned_seats}人。`,
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
        message: `${whereOf(subj, p.stage)}${p.year}年招生计划已公布，录取结果未公布（公开时限为学年开始后${standards.threshold('publication_working_days')}个工作日，截至${pub.deadline}${pub.calendar === 'approximate' ? '，近似' : ''}）。`,
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
        message: `${whereOf(subj, p.stage)}${p.year}年录取结果于${shown(pub.resultsPublishedOn)}公布，为学年开始（${schoolYearStart(p.year)}）后第${pub.workingDays}个工作日，公开时限为${limit}个工作日（截至${pub.deadline}）${pub.calendar === 'approximate' ? `；${pub.calendarNote}` : ''}。`,
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
          message: `${whereOf(subj, p.stage)}资源配置7项指标中达标${p.verdict.met}项（${p.verdict.explanation}），标准为至少${p.verdict.required}项达标且其余项不低于标准的${formatQuantity(p.verdict.minRatio * PERCENT, '%', 0)}%。`,
        });
      }
    }
    // whole-school rules once per school
    if (seenSchool.has(p.school_id)) continue;
    seenSchool.add(p.school_id);
    const allSrc = partSources.get(p.school_id) ?? [];
    if (p.kind !== 'special_education') {
      const m = p.musicArtRooms;
      const classes = m.classes.kind === 'value' ? m.classes.value : null;
      const unit = standards.threshold('music_art_room_classes');
      for (const [c, kind, required] of [[m.music, '音乐', m.musicRequired], [m.art, '美术', m.artRequired]] as const) {
        if (c.met !== false || c.value.kind !== 'value' || classes === null || required === null) continue;
        const held = c.value.value;
        fc.check('music_art_rooms_short', subj, p.year, null, c, allSrc, c.key,
          `${p.name}全校共${classes}个班级，按每${unit}个班级配备${kind}专用教室${standards.threshold(c.key)}间、至少${standards.threshold(c.key)}间计，需${required}间，现有${held}间，缺${required - held}间。`);
      }
    }
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
  const where = whereOf(subj, c.stage);
  const cv3 = (x: number) => formatQuantity(x, ''); // a CV: 3 decimals
  // 2017: every one of the seven CVs is tested against the limit
  for (const cv of c.cv) {
    if (cv.passes !== false || cv.value.kind !== 'value') continue;
    const label = valueLabel(fc.standard(cv.indicator, c.stage));
    fc.add('cv_over_limit', subj, c.year, c.stage, cv.indicator, {
      indicator: cv.indicator,
      value: cv.value.value,
      threshold: cv.limit,
      comparison: '<=',
      unit: '',
      label: '',
      sources: src,
      message: `${where}“${label}”的校际差异系数为${cv3(cv.value.value)}，优质均衡上限为${cv3(cv.limit)}，超出${cv3(tidy(cv.value.value - cv.limit))}。`,
    });
  }
  // 2012: the composite (mean of the indicator CVs) is tested, never a single indicator
  const b = c.basicBalance;
  if (b.passes === false && b.value.kind === 'value') {
    fc.add('basic_cv_over_limit', subj, c.year, c.stage, 'composite', {
      indicator: 'cv_basic',
      value: b.value.value,
      threshold: b.limit,
      comparison: '<=',
      unit: '',
      label: '',
      sources: src,
      message: `${where}基本均衡综合差异系数为${cv3(b.value.value)}（按2012年办法8项指标中数据有的${b.indicators}项计算），上限为${cv3(b.limit)}，超出${cv3(tidy(b.value.value - b.limit))}。`,
    });
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
  const f = r.finance;
  const pct = (c: typeof f.spendingGrowth) => (c.kind === 'value' ? withUnit(c.value, '%') : '未报告');
  const g = f.growthCheck;
  if (g.met === false && g.value.kind === 'value')
    fc.check('education_spending_growth_low', subj, r.year, null, g, src, g.key,
      `${r.name}${r.year}年义务教育财政拨款增长${pct(f.spendingGrowth)}，财政经常性收入增长${pct(f.revenueGrowth)}，前者${g.value.value === 0 ? '与后者相同' : `比后者低${withUnit(Math.abs(g.value.value), '个百分点')}`}；《义务教育法》第四十二条要求前者高于后者。`);
  const ps = f.perStudentCheck;
  if (ps.met === false && ps.value.kind === 'value')
    fc.check('education_spending_growth_low', subj, r.year, null, ps, src, ps.key,
      `${r.name}${r.year}年生均义务教育财政拨款${ps.value.value === 0 ? '与上年持平' : `比上年${ps.value.value < 0 ? '下降' : '增长'}${withUnit(Math.abs(ps.value.value), '%')}`}；《义务教育法》第四十二条要求按在校学生人数平均的义务教育费用逐步增长。`);
  const pf = f.publicFundsGrowthCheck;
  if (pf.met === false && pf.value.kind === 'value')
    fc.check('public_funds_growth_low', subj, r.year, null, pf, r.funding.sources ?? [], pf.key,
      `${r.name}${r.year}年学校生均公用经费${pf.value.value === 0 ? '与上年持平' : `比上年${pf.value.value < 0 ? '下降' : '增长'}${withUnit(Math.abs(pf.value.value), '%')}`}；《义务教育法》第四十二条要求学生人均公用经费逐步增长。`);
  const es = f.educationShareCheck;
  if (es.met === false && es.value.kind === 'value' && f.educationShare.kind === 'value')
    fc.check('education_share_not_rising', subj, r.year, null, es, src, es.key,
      `${r.name}${r.year}年一般公共预算教育支出占一般公共预算支出的${withUnit(f.educationShare.value, '%')}，${es.value.value === 0 ? '与上年持平' : `比上年${es.value.value < 0 ? '下降' : '提高'}${withUnit(Math.abs(es.value.value), '个百分点')}`}；锦州的地方目标为该比例明显提高（记者文章报道）。`);
}

const MILESTONE_GOAL: Record<PlanProgress['milestone'], string> = {
  school_standard: '达到标准',
  county_application: '申请优质均衡验收',
  county_recognition: '通过认定',
  county_share: '使所辖县区达到标准',
  other: '完成规划事项',
};

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
    message: `${name}计划于${p.target_year}年${MILESTONE_GOAL[p.milestone]}${p.shareTarget ? `（${withUnit(p.shareTarget.targetPct, '%')}的县区）` : ''}（${p.planSource}），截至${last.year}年数据尚未达到：${last.basis}。`,
  });
}
