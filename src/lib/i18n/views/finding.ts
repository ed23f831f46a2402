/**
 * A finding in English, from its structured fields (rule, standard, value, threshold, gap) — the
 * same finding the Chinese page words from the same fields.
 */
import type { Finding } from '../../indicators/types';
import type { Portal } from '../../site/portal';
import { fmtUnitEn, thresholdTextEn } from '../format';
import { PART_EN } from '../labels';

const RULE_EN: Partial<Record<Finding['rule'], string>> = {
  class_over_limit: 'Class above the standard class size',
  large_class: 'Large class',
  super_large_class: 'Super-large class',
  admitted_over_plan: 'More pupils admitted than planned',
  school_over_size: 'School above the maximum size',
  six_of_seven_failed: 'School does not meet the 7-indicator rule',
  cv_over_limit: 'Coefficient of variation above the limit',
  basic_cv_over_limit: 'Composite coefficient of variation above the basic-balance limit',
  music_art_rooms_short: 'Too few music or art rooms',
  results_not_published: 'Admission results not published',
  results_published_late: 'Admission results published late',
  plan_missed: 'Plan target missed',
};

export function findingEn(p: Portal, f: Finding): string {
  let standard = f.indicator;
  try {
    standard = p.standard(f.indicator, f.stage ?? 'all').en;
  } catch {
    try {
      standard = p.standard(f.indicator).en;
    } catch {
      /* a key outside the standards table: keep the key */
    }
  }
  const what = RULE_EN[f.rule] ?? standard;
  const cls = f.subject.class ? `Grade ${f.subject.class.grade}, class ${f.subject.class.class_name}: ` : '';
  const part = f.stage && f.subject.kind !== 'class' ? ` (${PART_EN[f.stage].toLowerCase()})` : '';
  const measured = RULE_EN[f.rule] && what !== standard ? ` — ${standard}` : '';
  const gap = f.gap > 0 ? `; ${fmtUnitEn(f.gap, f.unit)} ${f.comparison === '<=' ? 'over' : 'short'}` : '';
  return `${cls}${what}${part}${measured}: ${fmtUnitEn(f.value, f.unit)} (standard ${thresholdTextEn(f)}${gap}).`;
}
