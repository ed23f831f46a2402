/**
 * A readable Chinese summary of the results, for `npm run indicators -- --format text`.
 * Plain text, deterministic, neutral: the standard, the value and the gap.
 */
import { formatNumber } from './findings';
import { formatQuantity } from './format';
import { MILESTONES } from '../schema';
import type { Computed, FindingRule, IndicatorResults, PlanStatus } from './types';

const STAGE_ZH = { primary: '小学', junior: '初中' } as const;
const STATUS_ZH: Record<PlanStatus, string> = {
  met: '已达成',
  met_early: '提前达成',
  on_track: '未到期，尚未达成',
  missed: '已到期，未达成',
  unknown: '数据不足，无法判定',
  not_applicable: '不适用数据检验',
};
export const RULE_ZH: Record<FindingRule, string> = {
  class_over_limit: '班额超过标准',
  large_class: '大班额（56–65人）',
  super_large_class: '超大班额（66人及以上）',
  admitted_over_plan: '录取超过招生计划',
  school_over_size: '学校规模超过上限',
  indicator_below_threshold: '资源配置指标未达标',
  six_of_seven_failed: '未达到“7项中至少6项”要求',
  cv_over_limit: '差异系数超过优质均衡上限',
  basic_cv_over_limit: '基本均衡综合差异系数超过上限',
  music_art_rooms_short: '音乐、美术专用教室不足',
  training_funds_low: '教师培训经费低于公用经费5%',
  special_ed_funds_low: '特教生均公用经费低于标准',
  public_funds_below_standard: '公用经费低于省定标准',
  exchange_low: '教师交流比例低于10%',
  backbone_exchange_low: '交流教师中骨干教师低于20%',
  certificates_incomplete: '持证上岗率未达100%',
  training_360h_incomplete: '360学时培训完成率未达100%',
  dropout_over_limit: '辍学率超过标准',
  pass_rate_low: '学业合格率低于标准',
  good_rate_low: '综合素质评价优良率低于标准',
  county_reported_below: '县区报告指标未达标准',
  education_spending_growth_low: '义务教育财政拨款增长未达法定要求',
  public_funds_growth_low: '生均公用经费未比上年增长',
  education_share_not_rising: '教育支出占一般公共预算支出比例未提高（地方目标）',
  results_not_published: '录取结果未公布',
  results_published_late: '录取结果公布超过时限',
  plan_missed: '规划目标到期未达成',
};

function show(c: Computed, unit?: string): string {
  switch (c.kind) {
    case 'value':
      return unit === undefined ? formatNumber(c.value) : formatQuantity(c.value, unit);
    case 'missing':
      return `未报告（${c.missing.join('、')}）`;
    case 'undefined':
      return `无法计算（${c.reason}）`;
    default:
      return `不适用（${c.reason}）`;
  }
}

export function summaryText(r: IndicatorResults): string {
  const out: string[] = [];
  const local = r.standards.filter((s) => s.origin === 'local');
  out.push('义务教育均衡发展指标计算结果');
  out.push(`年份：${r.years.join('、') || '无'}`);
  out.push(local.length ? `本地标准：${local.map((s) => `${s.zh} ${formatQuantity(s.threshold, s.unit, s.digits)}${s.unit}（国家标准 ${formatQuantity(s.nationalThreshold, s.unit, s.digits)}${s.unit}，依据：${s.local?.source ?? '未注明'}）`).join('；')}` : '标准：全部采用国家标准');
  const label = (key: string) => r.standards.find((x) => x.key === key)?.zh ?? key;
  for (const year of r.years) {
    out.push('', `== ${year}学年 ==`);
    for (const c of r.counties.filter((x) => x.year === year && x.level === 'county')) {
      out.push(`${c.name}（${c.region_code}）${STAGE_ZH[c.stage]}：计入学校${c.countedSchools}所，列出未计入${c.excluded.length}所`);
      for (const cv of c.cv) out.push(`  ${label(cv.indicator)} 差异系数 ${show(cv.value, '')}，上限 ${formatQuantity(cv.limit, '')}${cv.passes === false ? '，超出' : cv.passes === null ? '，未判定' : ''}`);
      out.push(`  优质均衡综合差异系数（7项平均，仅供参考）${show(c.compositeCv, '')}；达到“7项中至少6项”的学校比例 ${show(c.sixOfSeven.share, '%')}%`);
      out.push(`  基本均衡${c.basicBalance.label} ${show(c.basicBalance.value, '')}，上限 ${formatQuantity(c.basicBalance.limit, '')}${c.basicBalance.passes === false ? '，超出' : c.basicBalance.passes === null ? '，未判定' : ''}`);
      out.push(`  班级${c.classes.classes}个，超过标准${c.classes.overLimit}个，其中大班额${c.classes.large}个、超大班额${c.classes.superLarge}个`);
    }
    const fs = r.findings.filter((f) => f.year === year);
    const counts = new Map<FindingRule, number>();
    for (const f of fs) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    out.push(`发现事项 ${fs.length} 条：${[...counts].map(([k, n]) => `${RULE_ZH[k]} ${n}`).join('；') || '无'}`);
  }
  if (r.progress.length) {
    out.push('', '== 规划目标进展 ==');
    for (const p of r.progress)
      out.push(`${p.region_code}${p.school_id ? ' ' + p.school_id : ''} ${MILESTONES.find((m) => m.key === p.milestone)?.zh ?? '其他'}${p.shareTarget ? `（${formatQuantity(p.shareTarget.targetPct, '%')}%的县区）` : ''} ${p.target_year}年：${STATUS_ZH[p.latest]}`);
  }
  return out.join('\n') + '\n';
}
