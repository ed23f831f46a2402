/**
 * The portal's indicators: `computeIndicators(data)` turns the validated PortalData into
 * everything the site shows and `npm run indicators` prints. Pure and deterministic.
 */
export type * from './types';
export { computeIndicators } from './compute';
export { isValue, isMissing, num } from './values';
export { weightedCv, unweightedCv, compositeCv } from './coefficient-of-variation';
export { formatNumber } from './findings';
export { formatQuantity, digitsFor, gapUnit, comparisonZh, comparisonSymbol, partName } from './format';
