/**
 * The one call the build, the distribution and the preview make to get what may be published:
 * load and validate everything (embargoed files included), then withhold embargoed files.
 * Suppression of small counts is a separate step (suppressPortalData) because indicators that
 * only publish aggregates need the raw counts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPortalData } from '../model/load';
import type { PortalData } from '../model/types';
import type { Issue } from '../validate/issue';
import { sortIssues } from '../validate/make-issue';
import { applyEmbargo, publicationDate, readEmbargo, type EmbargoRule, type WithheldFile } from './embargo';

export interface PublishableResult {
  /** The model without embargoed files (NOT yet suppressed). */
  readonly data: PortalData;
  /** Validation issues of every file, embargoed ones included, plus embargo setting problems. */
  readonly issues: Issue[];
  readonly readable: boolean;
  readonly withheld: WithheldFile[];
  readonly rules: EmbargoRule[];
  /** The date the embargo was judged against (yyyy-mm-dd, Beijing time). */
  readonly today: string;
}

/**
 * One load per data folder, date and folder state for the whole process. A build reads the data
 * in scripts/build.ts (validation), getPortal() (pages) and the distribution (downloads); each
 * copy of a 20,000-school model costs about a gigabyte, so they share one. The key includes every
 * file's size and mtime, so a folder edited between two calls is read again. The memo lives on
 * globalThis because Astro bundles this module into its own chunks: a module-level Map would
 * exist once per bundle.
 */
const MEMO = Symbol.for('edu-portal.publishable-data');

function folderStamp(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p, `${rel}${n}/`);
      else parts.push(`${rel}${n}:${st.size}:${st.mtimeMs}`);
    }
  };
  walk(dir, '');
  return parts.join('|');
}

export function loadPublishableData(dataDir: string, today: string = publicationDate()): Promise<PublishableResult> {
  const g = globalThis as unknown as Record<symbol, Map<string, Promise<PublishableResult>> | undefined>;
  const memo = (g[MEMO] ??= new Map());
  const dir = resolve(dataDir);
  const key = `${dir}\u0000${today}\u0000${folderStamp(dir)}`;
  let p = memo.get(key);
  if (!p) {
    // Keep only the latest state of each folder: an edited folder's old model is dropped.
    for (const k of memo.keys()) if (k.startsWith(`${dir}\u0000`)) memo.delete(k);
    p = readPublishableData(dir, today);
    memo.set(key, p);
  }
  return p;
}

async function readPublishableData(dataDir: string, today: string): Promise<PublishableResult> {
  const r = await loadPortalData(dataDir);
  if (!r.readable) return { data: r.data, issues: r.issues, readable: false, withheld: [], rules: [], today };
  const { rules, issues: embargoIssues } = readEmbargo(dataDir);
  const { data, withheld } = applyEmbargo(r.data, rules, today);
  // loadSettings reports embargo problems too (so `npm run validate` sees them): keep one of each.
  const seen = new Set(r.issues.map((i) => `${i.code}|${i.message}`));
  const extra = embargoIssues.filter((i) => !seen.has(`${i.code}|${i.message}`));
  return { data, issues: sortIssues([...r.issues, ...extra]), readable: true, withheld, rules, today };
}
