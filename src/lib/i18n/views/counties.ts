/**
 * /en/counties/ — every county side by side in English, the same tables as /counties/
 * (src/lib/views/counties.ts): CVs against the limit, schools meeting the rule, target years.
 * Ordered by county code, no ranking. The CSV downloads are the Chinese page's.
 */
import type { PartStage } from '../../indicators/types';
import { INDICATOR_COUNT as N } from '../../views/shared';
import { num } from '../../indicators/values';
import { QUALITY_INDICATOR_KEYS } from '../../standards';
import { fmt, fmtCv } from '../../site/format';
import { countyYear, stagesOf } from '../../site/region-charts';
import type { Portal } from '../../site/portal';
import { cvCounts, regionMilestones } from '../../views/county';
import type { TableCell, ViewTable } from '../../views/types';
import { en, INDICATOR_SHORT_EN, PLAN_STATUS_EN, STAGE_EN } from '../labels';
import { romanise } from '../romanise';
import { cvCellEn } from './county';

export interface CountiesViewEn {
  readonly year: number;
  readonly description: string;
  readonly lede: string;
  readonly tables: readonly { readonly stage: PartStage; readonly heading: string; readonly table: ViewTable }[];
  readonly notes: readonly string[];
  readonly counties: readonly { readonly name: string; readonly pinyin: string; readonly href: string; readonly schools: number }[];
}

const STAGES: readonly PartStage[] = ['primary', 'junior'];

function targets(p: Portal, code: string): { years: string; status: TableCell } {
  const ms = regionMilestones(p, code);
  if (!ms.length) return { years: 'not published', status: { text: 'no plan published', verdict: 'unknown' } };
  return {
    years: ms.map((m) => `${m.year}: ${en.milestone(m.plan.milestone)}`).join('; '),
    status: { text: ms.map((m) => `${en.milestone(m.plan.milestone)}: ${PLAN_STATUS_EN[m.plan.latest]}`).join('; '), verdict: ms.some((m) => m.plan.latest === 'missed') ? 'unmet' : undefined },
  };
}

function stageTable(p: Portal, stage: PartStage, year: number): ViewTable | null {
  const counties = p.counties.filter((c) => stagesOf(p, c.region_code).includes(stage));
  if (!counties.length) return null;
  const limit = p.standard('cv_quality', stage).threshold;
  const required = p.standard('min_indicators_met').threshold;
  return {
    caption: `${STAGE_EN[stage]} schools by county, ${year}: coefficients of variation (limit ${fmtCv(limit)}) and schools meeting the standard, in order of county code`,
    id: `comparison-${stage}`,
    columns: [
      { label: 'County' },
      { label: `CVs within ${fmtCv(limit)}`, numeric: true },
      { label: `Schools meeting the standard (${required}+ of ${N})`, numeric: true },
      { label: 'Target years' },
      { label: `Target status (${year})` },
      ...QUALITY_INDICATOR_KEYS.map((k) => ({ label: `CV: ${INDICATOR_SHORT_EN[k]}`, numeric: true })),
      { label: 'Composite CV (reference)', numeric: true },
      { label: 'County code' },
    ],
    rows: counties.map((c): TableCell[] => {
      const cy = countyYear(p, c.region_code, year, stage);
      const n = cvCounts(cy);
      const composite = cy ? num(cy.compositeCv) : null;
      const t = targets(p, c.region_code);
      return [
        { text: c.name, href: p.href(`en/counties/${c.region_code}/`) },
        { text: `${n.within} of ${n.total}${n.unknown ? ` (${n.unknown} cannot be judged)` : ''}`, verdict: n.over ? 'unmet' : n.unknown ? 'unknown' : 'met' },
        cy ? { text: `${cy.sixOfSeven.passes} of ${cy.countedSchools}${cy.sixOfSeven.unknown ? ` (${cy.sixOfSeven.unknown} without enough data)` : ''}`, verdict: cy.sixOfSeven.fails ? 'unmet' : cy.sixOfSeven.unknown ? 'unknown' : 'met' } : 'not published',
        t.years,
        t.status,
        ...QUALITY_INDICATOR_KEYS.map((k) => cvCellEn(cy?.cv.find((x) => x.indicator === k))),
        composite === null ? 'not published' : fmtCv(composite),
        c.region_code,
      ];
    }),
  };
}

export function countiesViewEn(p: Portal): CountiesViewEn {
  const year = p.latestYear!;
  const region = p.settings.region_name;
  const minRatio = `${fmt(p.standard('min_ratio_missed').threshold * 100, 1)}%`;
  const required = p.standard('min_indicators_met').threshold;
  return {
    year,
    description: `Counties of ${region} side by side: coefficients of variation, schools meeting the standard and target years (${year}).`,
    lede: `${region} has ${p.counties.length} counties and districts. The tables set each county’s ${year} coefficients of variation between schools on the ${N} indicators against the limit, count the schools meeting the rule (at least ${required} of the ${N} indicators met, the rest at least ${minRatio} of the standard), and give the target years of each county’s plan with their status.`,
    tables: STAGES.flatMap((stage) => {
      const table = stageTable(p, stage, year);
      return table ? [{ stage, heading: STAGE_EN[stage], table }] : [];
    }),
    notes: [
      '“✓” means the CV is within the limit, “✗ over” that it is above it; “cannot be judged” means some school did not report the indicator.',
      `Only assessed schools count (not special-education schools or teaching points under ${p.standard('teaching_point_min_students').threshold} students); the denominator is the number of assessed schools.`,
      'Target years come from the county-level milestones (application, recognition, schools reaching the standard) of each plan (plans.csv).',
    ],
    counties: p.counties.map((c) => ({ name: c.name, pinyin: romanise(c.name), href: p.href(`en/counties/${c.region_code}/`), schools: (p.schoolsByCounty.get(c.region_code) ?? []).length })),
  };
}
