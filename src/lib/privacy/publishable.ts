/**
 * Load and validate everything (embargoed files included), then withhold embargoed files.
 * Uncached and for tests of the embargo alone: the application goes through src/lib/pipeline.
 * Suppression of small counts is a separate step (suppressPortalData) because indicators that
 * only publish aggregates need the raw counts.
 */
import { loadPortalDataSync, type LoadResult } from '../model/load';
import type { PortalData } from '../model/types';
import type { Issue } from '../validate/issue';
import { sortIssues } from '../validate/make-issue';
import { applyEmbargo, publicationDate, readEmbargo, type EmbargoRule, type WithheldFile } from './embargo';
import { withholdSmallSchools } from './suppress';

export interface PublishableResult {
  /**
   * The model without embargoed files and without the pupils of small special-education schools
   * (withholdSmallSchools); other small counts are NOT yet suppressed (suppressPortalData).
   */
  readonly data: PortalData;
  /** Validation issues of every file, embargoed ones included, plus embargo setting problems. */
  readonly issues: Issue[];
  readonly readable: boolean;
  readonly withheld: WithheldFile[];
  readonly rules: EmbargoRule[];
  /** The date the embargo was judged against (yyyy-mm-dd, Beijing time). */
  readonly today: string;
}

/** Withholds the embargoed files of a loaded folder and adds the embargo setting problems. */
export function withholdEmbargoed(r: LoadResult, dataDir: string, today: string): PublishableResult {
  if (!r.readable) return { data: r.data, issues: r.issues, readable: false, withheld: [], rules: [], today };
  const { rules, issues: embargoIssues } = readEmbargo(dataDir);
  const embargoed = applyEmbargo(r.data, rules, today);
  const withheld = embargoed.withheld;
  // The pupils of a special-education school with fewer than the threshold are a small count of
  // pupils with a disability: blank them (and what is set per pupil) in the model every page,
  // download and indicator reads (privacy README, “small special-education schools”).
  const data = withholdSmallSchools(embargoed.data);
  // loadSettings reports embargo problems too (so `npm run validate` sees them): keep one of each.
  const seen = new Set(r.issues.map((i) => `${i.code}|${i.message}`));
  const extra = embargoIssues.filter((i) => !seen.has(`${i.code}|${i.message}`));
  return { data, issues: sortIssues([...r.issues, ...extra]), readable: true, withheld, rules, today };
}

export async function loadPublishableData(dataDir: string, today: string = publicationDate()): Promise<PublishableResult> {
  return withholdEmbargoed(loadPortalDataSync(dataDir), dataDir, today);
}
