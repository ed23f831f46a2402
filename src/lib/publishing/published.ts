/**
 * What may be published, in one place for the pages (getPortal) and the downloads
 * (DistributionBuilder): embargo withheld, small sensitive counts suppressed, and no indicator
 * that would give a suppressed count back.
 *
 * Why indicators need this: 特殊教育学生生均公用经费 = 特教公用经费 ÷ 特教学生数. The funds are
 * published, so a per-pupil value next to them returns the hidden count (18000 ÷ 6000 = 3).
 * The same holds one level up: a county's per-pupil value is Σfunds ÷ Σpupils, and with every
 * other school's count public, Σfunds ÷ value − Σothers = the hidden school's count.
 *
 * Rule (applied by `redactIndicators`, on top of the cell rule of privacy/suppress.ts):
 *   - a school-year whose special_ed_students is suppressed (0 < n < threshold) shows no
 *     special-education per-pupil value and no finding about it;
 *   - a county, city or province shows no special-education per-pupil value (and no finding
 *     about it) in a year in which ANY school under it is suppressed. The same rule covers
 *     every total of a sensitive column a page may show: a region total is not shown exactly
 *     when any contributing school value is suppressed — use `publishedTotal()` (a range) or
 *     leave it out; a total that is itself below the threshold is suppressed like a cell.
 * The value becomes `not_applicable` with a plain-Chinese reason, so pages and downloads say why
 * it is missing instead of showing a blank or 0.
 */
import { computeIndicators } from '../indicators';
import type { Check, Finding, IndicatorResults, RegionYearResult, SchoolYearResult } from '../indicators/types';
import type { PortalData } from '../model/types';
import type { PortalSettings } from '../settings/types';
import type { DistributionEffects } from '../export/distribution';
import { loadPublishableData } from '../privacy/publishable';
import { publicationDate } from '../privacy/embargo';
import { DEFAULT_THRESHOLD, suppressionMarker, suppressPortalData } from '../privacy/suppress';

/** Findings whose value is the special-education per-pupil amount. */
const SPECIAL_ED_RULES = new Set<string>(['special_ed_funds_low']);

export function withheldReason(threshold: number): string {
  return `特殊教育学生少于${threshold}人，为保护隐私，不公布由该人数算出的生均值。`;
}

/** `${year}:${school_id}` of every funding row whose special-education count is suppressed. */
export function suppressedSpecialEd(data: PortalData, threshold: number): Set<string> {
  const out = new Set<string>();
  for (const y of data.years) {
    for (const r of y.funding ?? []) {
      const n = r.special_ed_students as unknown;
      if ((typeof n === 'number' && n > 0 && n < threshold) || (typeof n === 'string' && /^<\d+$/.test(n))) out.add(`${y.year}:${r.school_id}`);
    }
  }
  return out;
}

/** `${year}:${region_code}` of every region (county and all its parents) containing such a school. */
function regionsContaining(data: PortalData, schoolYears: ReadonlySet<string>): Set<string> {
  const parent = new Map<string, string | null>(data.regions.map((r) => [r.region_code, r.parent_code ?? null]));
  const county = new Map<string, string>(data.schools.map((s) => [s.school_id, s.region_code]));
  const out = new Set<string>();
  for (const key of schoolYears) {
    const [year, id] = key.split(':');
    let code: string | null | undefined = county.get(id);
    const seen = new Set<string>();
    while (code && !seen.has(code)) {
      seen.add(code);
      out.add(`${year}:${code}`);
      code = parent.get(code);
    }
  }
  return out;
}

function withhold(check: Check, reason: string): Check {
  return { ...check, value: { kind: 'not_applicable', reason }, met: null, gap: null, ratio: null };
}

/**
 * Indicator results as they may be published. `data` is the model the results were computed
 * from (raw counts, or already suppressed — both are recognised). Pure; the input is untouched.
 */
export function redactIndicators(results: IndicatorResults, data: PortalData, threshold: number = data.settings.suppression_threshold ?? DEFAULT_THRESHOLD): IndicatorResults {
  const schoolsHidden = suppressedSpecialEd(data, threshold);
  if (schoolsHidden.size === 0) return results;
  const regionsHidden = regionsContaining(data, schoolsHidden);
  const reason = withheldReason(threshold);
  const schools = results.schools.map((s: SchoolYearResult) =>
    schoolsHidden.has(`${s.year}:${s.school_id}`) && s.funding
      ? ({ ...s, funding: { ...s.funding, specialEdPerStudent: withhold(s.funding.specialEdPerStudent, reason) } } as SchoolYearResult)
      : s,
  );
  const regionYears = results.regionYears.map((r: RegionYearResult) =>
    regionsHidden.has(`${r.year}:${r.region_code}`)
      ? ({ ...r, funding: { ...r.funding, specialEdPerStudent: withhold(r.funding.specialEdPerStudent, reason) } } as RegionYearResult)
      : r,
  );
  const findings = results.findings.filter((f: Finding) => {
    if (!SPECIAL_ED_RULES.has(f.rule)) return true;
    if (f.subject.school_id) return !schoolsHidden.has(`${f.year}:${f.subject.school_id}`);
    return !regionsHidden.has(`${f.year}:${f.subject.region_code}`);
  });
  return { ...results, schools, regionYears, findings };
}

/** computeIndicators + redaction: what getPortal and the downloads should both use. */
export function publishedIndicators(data: PortalData): IndicatorResults {
  return redactIndicators(computeIndicators(data), data);
}

/**
 * DistributionEffects that publish exactly what the pages publish: embargoed files withheld
 * (reference date: PORTAL_TODAY or today in Beijing), sensitive counts suppressed, indicators
 * redacted. For src/lib/export/portal.ts: `new DistributionBuilder({ dataDir, effects: publishedEffects })`.
 */
export const publishedEffects: DistributionEffects = {
  load: async (dir: string) => {
    const r = await loadPublishableData(dir, publicationDate());
    if (!r.readable) return r.issues.map((i) => i.message).join('；') || '数据文件夹无法读取';
    return r.data;
  },
  suppress: (data: PortalData) => suppressPortalData(data),
  suppressionMarker: (settings: PortalSettings) => suppressionMarker(settings.suppression_threshold ?? DEFAULT_THRESHOLD),
  indicators: (data: PortalData) => publishedIndicators(data),
};
