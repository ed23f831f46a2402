/**
 * Chart inputs of the school page, made from the portal's results, so the page stays thin
 * (county and region charts: region-charts.ts). Every threshold comes from
 * the applied standards table (portal.standard), never from a literal.
 */
import { barChart, type ChartResult } from '../charts';
import type { SchoolYearResult } from '../indicators/types';
import type { Portal } from './portal';
import { INDICATOR_SHORT } from './labels';
import { partName } from '../indicators/format';
import { QUALITY_INDICATOR_KEYS } from '../standards';

/** The seven indicators of one school part as % of their standard, with the 85 % line. */
export function schoolIndicatorBars(p: Portal, r: SchoolYearResult, id: string): ChartResult {
  const minRatio = p.standard('min_ratio_missed', 'all').threshold;
  return barChart({
    id,
    // the part only for a school with two parts: “实验小学小学部” doubles the word
    title: `${partName(r.name, r.schoolStage, r.stage)} ${r.year}年 ${QUALITY_INDICATOR_KEYS.length}项指标达到标准的程度`,
    subject: `${partName(r.name, r.schoolStage, r.stage)}${r.year}年`,
    scale: 'ratio',
    ratioMarks: [{ value: minRatio * 100, label: `${Math.round(minRatio * 100)}%` }],
    items: r.indicators.map((c) => ({
      label: INDICATOR_SHORT[c.key],
      value: c.value.kind === 'value' ? c.value.value : null,
      threshold: c.threshold,
      comparison: c.comparison,
      unit: c.unit,
      missingText: c.value.kind === 'missing' ? '未公布' : c.value.kind === 'not_applicable' ? '不适用' : '无法计算',
    })),
  });
}
