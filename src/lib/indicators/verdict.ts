/**
 * The 6-of-7 rule of the 2017 method: a school part passes when at least `min_indicators_met`
 * (6) of the seven indicators reach their thresholds and every missed one reaches
 * `min_ratio_missed` (85 %) of its threshold. Blanks are never read as 0: when blanks could
 * change the outcome the verdict is `unknown`; when the school fails whatever the blanks hold,
 * it is `fails`.
 */
import type { StandardsIndex } from '../standards';
import type { IndicatorCheck, SchoolVerdict } from './types';
import { atLeast } from './values';

export function sixOfSeven(checks: readonly IndicatorCheck[], standards: StandardsIndex): SchoolVerdict {
  const required = standards.threshold('min_indicators_met');
  const minRatio = standards.threshold('min_ratio_missed');
  const met = checks.filter((c) => c.met === true).length;
  const missed = checks.filter((c) => c.met === false).map((c) => c.key);
  const missing = checks.filter((c) => c.met === null).map((c) => c.key);
  const belowMinRatio = checks.filter((c) => c.met === false && !(c.ratio !== null && atLeast(c.ratio, minRatio))).map((c) => c.key);
  const computed = checks.length - missing.length;
  const pct = `${Math.round(minRatio * 1000) / 10}%`;
  let status: SchoolVerdict['status'];
  let explanation: string;
  if (belowMinRatio.length > 0) {
    status = 'fails';
    explanation = `${checks.length}项中达标${met}项；${belowMinRatio.length}项未达到标准的${pct}`;
  } else if (met + missing.length < required) {
    status = 'fails';
    explanation = `${checks.length}项中达标${met}项，少于${required}项`;
  } else if (missing.length > 0) {
    status = 'unknown';
    explanation = `${checks.length}项中达标${met}项，${missing.length}项数据未报告，无法判定`;
  } else {
    status = met >= required ? 'passes' : 'fails';
    explanation =
      status === 'passes'
        ? missed.length
          ? `${checks.length}项中达标${met}项，未达标项达到标准的${pct}以上`
          : `${checks.length}项全部达标`
        : `${checks.length}项中达标${met}项，少于${required}项`;
  }
  return { status, met, computed, required, minRatio, missed, belowMinRatio, missing, explanation };
}
