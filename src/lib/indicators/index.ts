/**
 * The portal's indicators: `computeIndicators(data)` turns the validated PortalData into
 * everything the site shows and `npm run indicators` prints. Pure and deterministic.
 */
import type { PortalData } from '../model/types';
import type { IndicatorResults } from './types';
import { resolveStandards } from '../standards';

export type * from './types';
export { isValue, isMissing, num } from './values';

export function computeIndicators(data: PortalData): IndicatorResults {
  const standards = resolveStandards(data.standards);
  return {
    standards,
    years: data.years.map((y) => y.year),
    schools: [],
    counties: [],
    regionYears: [],
    progress: [],
    countyGaps: [],
    findings: [],
  };
}
