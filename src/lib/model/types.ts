import type {
  AdmissionRow,
  ClassRow,
  CountyYearRow,
  FundingRow,
  OutcomeRow,
  CalendarRow,
  PlanRow,
  RegionRow,
  ResourceRow,
  SchoolRow,
  StandardRow,
  TeacherRow,
  ZoneRow,
} from '../schema';
import type { PortalSettings } from '../settings/types';

/**
 * One school year's published datasets. A dataset that is `undefined` was not published
 * (the file is absent) — pages show “未公布”, never zero.
 */
export interface YearData {
  readonly year: number;
  /** Folder name as written in data/ (normally the year itself). */
  readonly folder: string;
  readonly admissions?: readonly AdmissionRow[];
  readonly classes?: readonly ClassRow[];
  readonly resources?: readonly ResourceRow[];
  readonly funding?: readonly FundingRow[];
  readonly counties?: readonly CountyYearRow[];
  readonly teachers?: readonly TeacherRow[];
  readonly outcomes?: readonly OutcomeRow[];
  readonly zones?: readonly ZoneRow[];
}

/** Everything read from data/, typed and validated. Immutable; the site and indicators read it. */
export interface PortalData {
  readonly dataDir: string;
  readonly settings: PortalSettings;
  readonly regions: readonly RegionRow[];
  readonly schools: readonly SchoolRow[];
  readonly plans: readonly PlanRow[];
  /** Local overrides (empty when data/standards.csv is absent). */
  readonly standards: readonly StandardRow[];
  /** Sorted by year, ascending. */
  readonly years: readonly YearData[];
  /**
   * Files withheld by an embargo (set by privacy/embargo.ts applyEmbargo): not published, and
   * left out of release diffs — a withheld file is not “every row removed”.
   */
  readonly embargoed?: readonly { readonly dataset: string; readonly year: number | null }[];
  /** calendar.csv rows (optional file): corrections and additions to the built-in holiday calendar. */
  readonly calendar?: readonly CalendarRow[];
}
