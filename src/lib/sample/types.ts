/** Shapes shared by the sample generator's parts: a school's recipe, its plants, a county's. */
import type { PartStage, SchoolStage } from '../schema';

export type IndicatorKey =
  | 'qualified_teachers_per_100'
  | 'backbone_teachers_per_100'
  | 'pe_arts_teachers_per_100'
  | 'teaching_space_per_student'
  | 'sports_space_per_student'
  | 'equipment_value_per_student'
  | 'multimedia_rooms_per_100';

/** Per year, keyed by the year itself (2021 …). */
export type ByYear<T> = Readonly<Partial<Record<number, T>>>;

/** Deliberate departures from the norm for one school (each one is a planted finding). */
export interface SchoolPlants {
  /** Explicit class sizes of a grade in a year (replaces the even split). */
  readonly classes?: ByYear<Readonly<Record<number, readonly number[]>>>;
  /** Planned seats of the entry grade of a part, below what was admitted. */
  readonly plannedSeats?: ByYear<Partial<Record<PartStage, number>>>;
  /** Results published on this (late) date. */
  readonly lateResults?: ByYear<string>;
  /** Plan published, results not yet (admitted left empty). */
  readonly unpublished?: readonly number[];
  /** Teacher-training funds as % of public funds. */
  readonly trainingPct?: ByYear<number>;
  /** Special-education funds per special-education student (元). */
  readonly specialEdPerStudent?: ByYear<number>;
  /** Public funds as a share of the provincial standard × students. */
  readonly publicFundsFactor?: ByYear<number>;
  readonly dropouts?: ByYear<number>;
  readonly passRate?: ByYear<number>;
  /** Years with one music room fewer than ⌈classes ÷ 12⌉ (in every part with ≥ 12 classes). */
  readonly musicRoomsShort?: readonly number[];
  /** Teachers without a certificate. */
  readonly uncertified?: ByYear<number>;
  /** Years in which the school is expected above the size limit (asserted by the self-check). */
  readonly overSize?: readonly number[];
}

export interface SchoolSpec {
  readonly id: string;
  readonly name: string;
  readonly county: string;
  readonly stage: SchoolStage;
  readonly ownership: 'public' | 'private';
  readonly locale: 'urban' | 'town' | 'rural';
  readonly kind: 'regular' | 'teaching_point' | 'special_education';
  readonly address: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Year the school was closed (撤并); it has data only for earlier years. */
  readonly closedYear: number | null;
  readonly website: string | null;
  /** Entry cohort (grade 1 / grade 7) in the first year. */
  readonly entry: Partial<Record<PartStage, number>>;
  /** Yearly relative change of the entry cohorts. */
  readonly trend: number;
  /** Class size aimed at when a grade is split into classes (≤ the stage limit). */
  readonly classTarget: Record<PartStage, number>;
  /** Grades taught (teaching points teach only the lower grades). */
  readonly grades: readonly number[];
  readonly method: 'zone' | 'lottery' | 'mixed';
  /** Indicator value as a multiple of its threshold, per part, one entry per year from the first. */
  readonly ratios: Partial<Record<PartStage, Partial<Record<IndicatorKey, readonly number[]>>>>;
  readonly plants: SchoolPlants;
}

export interface CountyPlants {
  /** Share of eligible teachers exchanged (default comfortably above 10 %). */
  readonly exchangeRate?: ByYear<number>;
  /** Share of teachers who completed 360 hours (default 1). */
  readonly training360?: ByYear<number>;
  /** counties.csv values below their threshold, by column key. */
  readonly reported?: ByYear<Readonly<Record<string, number>>>;
  /** Growth of [recurrent revenue, education spending] in a year (spending slower = finding). */
  readonly growth?: ByYear<readonly [number, number]>;
  /** CVs above the quality-balance limit: stage, indicator and the years (asserted by the self-check). */
  readonly cvOverLimit?: readonly { stage: PartStage; indicator: IndicatorKey; years: readonly number[] }[];
}

export interface CountySpec {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly plants: CountyPlants;
}

export interface PlanSpec {
  readonly region_code: string;
  readonly school_id: string | null;
  readonly target_year: number;
  readonly milestone: 'school_standard' | 'county_application' | 'county_recognition' | 'county_share' | 'other';
  /** county_share only: the target share of the region's counties, % (吉林 style). */
  readonly target_share_pct?: number;
  readonly balance?: 'basic' | 'quality';
  readonly description: string;
  readonly source: string;
  readonly source_url: string | null;
}

export interface RegionSpec {
  readonly province: { code: string; name: string };
  readonly cities: readonly { code: string; name: string }[];
  readonly counties: readonly CountySpec[];
  readonly schools: readonly SchoolSpec[];
  readonly plans: readonly PlanSpec[];
  /** Zone areas per school id (the same every year unless `zoneChanges` says otherwise). */
  readonly zones: ReadonlyMap<string, readonly { area: string; note: string | null }[]>;
  /** Areas a school takes over from a closed one, from the given year on. */
  readonly zoneTransfers: readonly { from: string; to: string; year: number }[];
  /** Areas added to a school's zone from a year on. */
  readonly zoneAdditions: readonly { school: string; year: number; area: string; note: string }[];
  readonly years: readonly number[];
  readonly seed: number;
}
