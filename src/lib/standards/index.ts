/** National thresholds as data, local overrides, and the seven resource indicators' inputs. */
export { NATIONAL_STANDARDS } from './national';
export { DOCUMENTS } from './documents';
export { QUALITY_INDICATORS, QUALITY_INDICATOR_KEYS, BASIC_2012_INDICATORS } from './quality-indicators';
export { DOCUMENTS as SOURCE_DOCUMENTS, citeSource, dateZh } from './documents';
export { HOLIDAY_NOTICES } from './holidays';
export type { HolidayNotice } from './holidays';
export type { QualityIndicatorInput } from './quality-indicators';
export { STANDARD_KEYS, isStandardKey, stagesOfKey, resolveStandards, indexStandards } from './resolve';
export type { StandardsIndex } from './resolve';
export { METHOD_COVERAGE } from './coverage';
export type { CoverageItem, CoverageLevel } from './coverage';
export { methodologyFacts } from './methodology';
export type { MethodologyFacts, RuleFact } from './methodology';
