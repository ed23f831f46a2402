import { regions } from './regions';
import { schools } from './schools';
import { plans } from './plans';
import { standards } from './standards';
import { admissions } from './admissions';
import { classes } from './classes';
import { resources } from './resources';
import { funding } from './funding';
import { counties } from './counties';
import { teachers } from './teachers';
import { outcomes } from './outcomes';
import { zones } from './zones';
import { calendar } from './calendar';
import type { DatasetSchema } from './types';

export * from './types';
export * from './values';
export { regions, schools, plans, standards, admissions, classes, resources, funding, counties, teachers, outcomes, zones, calendar };
export { DAY_TYPES } from './calendar';
export type { CalendarRow } from './calendar';
export type { RegionRow } from './regions';
export type { SchoolRow } from './schools';
export type { PlanRow } from './plans';
export type { StandardRow } from './standards';
export type { AdmissionRow } from './admissions';
export type { ClassRow } from './classes';
export type { ResourceRow } from './resources';
export type { FundingRow } from './funding';
export type { CountyYearRow } from './counties';
export type { TeacherRow } from './teachers';
export type { OutcomeRow } from './outcomes';
export type { ZoneRow } from './zones';

/** Top-level datasets, in the order they are read and documented. */
export const TOP_LEVEL_DATASETS = [regions, schools, plans, standards] as const;
/**
 * Optional top-level files read by the loader and documented in the publisher guide, but not
 * published as downloads: calendar.csv (working-day calendar, see ./calendar.ts).
 */
export const AUXILIARY_DATASETS = [calendar] as const;
/** Datasets of a year folder (data/2024/…). */
export const YEAR_DATASETS = [admissions, classes, resources, funding, counties, teachers, outcomes, zones] as const;
export const ALL_DATASETS: readonly DatasetSchema[] = [...TOP_LEVEL_DATASETS, ...YEAR_DATASETS];

export type YearDatasetId = (typeof YEAR_DATASETS)[number]['id'];
export type TopLevelDatasetId = (typeof TOP_LEVEL_DATASETS)[number]['id'];

export function datasetById(id: string): DatasetSchema | undefined {
  return ALL_DATASETS.find((d) => d.id === id);
}
