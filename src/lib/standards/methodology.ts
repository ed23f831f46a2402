/**
 * The numbers and citations the methodology page (src/content/methodology.mdx) states for the
 * rules of issue 12, taken from the applied standards table so a local override shows up there
 * too. Strings are ready to print: thresholds with their unit, citations in full.
 */
import type { AppliedStandard } from '../indicators/types';
import { formatQuantity } from '../indicators/format';
import { HOLIDAY_NOTICES } from './holidays';
import { citeSource, dateZh } from './documents';
import { BASIC_2012_INDICATORS, QUALITY_INDICATORS } from './quality-indicators';
import { addWorkingDays } from '../indicators/working-days';

export interface RuleFact {
  /** Threshold as printed, with its unit: “0.650”, “12个”, “95%”. */
  readonly value: string;
  readonly citation: string;
}

export interface MethodologyFacts {
  readonly rules: Readonly<Record<string, RuleFact>>;
  /** Rules by key and stage: rules['cv_basic:primary']. */
  readonly basicIndicators: number;
  readonly basicOf: number;
  /** The built-in State Council notices, one line each, ascending. */
  readonly holidayNotices: readonly string[];
  readonly holidayYears: string;
  /** Worked examples of the publication deadline: the nth working day after 1 September. */
  readonly deadlines: readonly { readonly start: string; readonly deadline: string }[];
}

export function methodologyFacts(applied: readonly AppliedStandard[]): MethodologyFacts {
  const rules: Record<string, RuleFact> = {};
  for (const s of applied) {
    const unit = s.unit === '' ? '' : s.unit;
    const fact = { value: `${formatQuantity(s.threshold, unit, s.digits)}${unit}`, citation: s.citation };
    rules[`${s.key}:${s.stage}`] = fact;
    if (!rules[s.key]) rules[s.key] = fact;
  }
  const years = HOLIDAY_NOTICES.map((n) => n.year);
  return {
    rules,
    basicIndicators: QUALITY_INDICATORS.filter((q) => q.basic).length,
    basicOf: BASIC_2012_INDICATORS,
    holidayNotices: HOLIDAY_NOTICES.map((n) => `${n.year}年：${citeSource(n.source)}`),
    holidayYears: `${years[0]}–${years[years.length - 1]}`,
    deadlines: ['2023-09-01', '2022-09-01'].map((start) => {
      const days = applied.find((a) => a.key === 'publication_working_days')?.threshold ?? 0;
      return { start: dateZh(start), deadline: dateZh(addWorkingDays(start, days)) };
    }),
  };
}
