/**
 * Embargo: a dataset that is ready (and validated) but may not be published before a date —
 * e.g. funding figures that the finance office releases on 1 March.
 *
 * Design. The bureau lists embargoed files in data/portal.yml:
 *
 *   embargo:
 *     2025/funding.csv: 2026-03-01     # one file of a year
 *     2025/outcomes.csv: 2026-03-01
 *     2026: 2026-09-01                 # a whole year folder
 *     plans.csv: 2026-01-15            # a top-level file
 *
 * The value is the `publish_after` date: from that day on (Beijing time) the file is published;
 * before it, the file is still validated (so errors are found early) but left out of every page,
 * download, search index and release diff, and the build says which files it withheld.
 * The CI templates run a daily scheduled build, so the site updates on the date by itself.
 *
 * Everything here is pure (the date is a parameter) so the build, the preview and tests share it.
 */
import { normaliseDate, type EmbargoRule } from '../settings/embargo';

export { parseEmbargo, readEmbargo, type EmbargoRule } from '../settings/embargo';
import type { PortalData, YearData } from '../model/types';
import { TOP_LEVEL_DATASETS, YEAR_DATASETS } from '../schema';

export interface WithheldFile {
  /** Path relative to the data folder, e.g. `2025/funding.csv`. */
  readonly file: string;
  readonly dataset: string;
  readonly year: number | null;
  readonly publishAfter: string;
}

/** Today's date in China (UTC+8, no daylight saving): CI runners work in UTC. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The date the build should use: PORTAL_TODAY (yyyy-mm-dd, for previews and tests) or today in China. */
export function publicationDate(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const d = normaliseDate(env.PORTAL_TODAY ?? '');
  return d ?? todayInChina(now);
}

/** Is the rule still in force on `today`? (Published on the publish_after date itself.) */
export function isEmbargoed(rule: EmbargoRule, today: string): boolean {
  return today < rule.publishAfter;
}

/** The rule, if any, that withholds a file (`2025/funding.csv`, `plans.csv`) on `today`. */
export function embargoFor(rules: readonly EmbargoRule[], file: string, today: string): EmbargoRule | null {
  const year = /^(\d{4})\//.exec(file)?.[1];
  let best: EmbargoRule | null = null;
  for (const r of rules) {
    if (!isEmbargoed(r, today)) continue;
    if (r.target === file || (year !== undefined && r.target === year)) {
      if (!best || r.publishAfter > best.publishAfter) best = r;
    }
  }
  return best;
}

/**
 * The model without the files still under embargo on `today`, and the list of what was withheld.
 * Call after validation (embargoed files are validated like all others) and before anything is
 * rendered or exported.
 */
export function applyEmbargo(data: PortalData, rules: readonly EmbargoRule[], today: string): { data: PortalData; withheld: WithheldFile[] } {
  const withheld: WithheldFile[] = [];
  if (rules.length === 0) return { data, withheld };
  const rec = data as unknown as Record<string, unknown>;
  const top: Record<string, unknown> = {};
  for (const d of TOP_LEVEL_DATASETS) {
    const file = `${d.id}.csv`;
    const rule = embargoFor(rules, file, today);
    const rows = rec[d.id] as readonly unknown[] | undefined;
    if (rule && rows && rows.length > 0) {
      top[d.id] = [];
      withheld.push({ file, dataset: d.id, year: null, publishAfter: rule.publishAfter });
    }
  }
  const years: YearData[] = [];
  for (const y of data.years) {
    const out: Record<string, unknown> = { ...y };
    let left = 0;
    for (const d of YEAR_DATASETS) {
      const yr = y as unknown as Record<string, unknown>;
      if (yr[d.id] === undefined) continue;
      const file = `${y.folder}/${d.id}.csv`;
      const rule = embargoFor(rules, file, today);
      if (rule) {
        delete out[d.id];
        withheld.push({ file, dataset: d.id, year: y.year, publishAfter: rule.publishAfter });
      } else left++;
    }
    // A year with nothing left to publish is not shown at all (no empty year page).
    if (left > 0) years.push(out as unknown as YearData);
  }
  const embargoed = withheld.map((w) => ({ dataset: w.dataset, year: w.year }));
  return { data: { ...data, ...top, years, embargoed } as PortalData, withheld };
}

/** One Chinese line per withheld file, for the build log and the preview. */
export function describeWithheld(withheld: readonly WithheldFile[]): string[] {
  return withheld.map((w) => `暂不发布 ${w.file}：设置了 publish_after ${w.publishAfter}，将在该日及以后的构建中发布（已通过数据检查）。`);
}
