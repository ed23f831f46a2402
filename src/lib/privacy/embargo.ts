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
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Issue } from '../validate/issue';
import { makeIssue } from '../validate/make-issue';
import type { PortalData, YearData } from '../model/types';
import { TOP_LEVEL_DATASETS, YEAR_DATASETS } from '../schema';

export interface EmbargoRule {
  /** As written in portal.yml, normalised: `2025/funding.csv`, `2026` (a year folder) or `plans.csv`. */
  readonly target: string;
  /** yyyy-mm-dd: published from this date on. */
  readonly publishAfter: string;
}

export interface WithheldFile {
  /** Path relative to the data folder, e.g. `2025/funding.csv`. */
  readonly file: string;
  readonly dataset: string;
  readonly year: number | null;
  readonly publishAfter: string;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function normaliseDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v !== 'string') return null;
  const s = v.trim().replace(/[/.]/g, '-').replace(/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, '$1-$2-$3');
  const m = ISO.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function normaliseTarget(raw: string): string | null {
  const t = raw.trim().replace(/\\/g, '/').replace(/^\.?\/+/, '').replace(/^data\//, '').replace(/\/+$/, '');
  if (/^\d{4}$/.test(t)) return t;
  const withExt = t.endsWith('.csv') ? t : `${t}.csv`;
  const m = /^(?:(\d{4})\/)?([a-z_]+)\.csv$/.exec(withExt);
  if (!m) return null;
  const ids = (m[1] ? YEAR_DATASETS : TOP_LEVEL_DATASETS).map((d) => d.id as string);
  return ids.includes(m[2]) ? withExt : null;
}

/** Parses the `embargo:` setting (the object from portal.yml); bad entries become issues. */
export function parseEmbargo(value: unknown, file = 'portal.yml'): { rules: EmbargoRule[]; issues: Issue[] } {
  const rules: EmbargoRule[] = [];
  const issues: Issue[] = [];
  if (value === undefined || value === null) return { rules, issues };
  const bad = (detail: string) => issues.push(makeIssue('invalid-settings', { file }, { detail }));
  if (typeof value !== 'object' || Array.isArray(value)) {
    bad('embargo 应写成“文件: 日期”的列表，例如  2025/funding.csv: 2026-03-01');
    return { rules, issues };
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const target = normaliseTarget(k);
    const date = normaliseDate(v);
    if (!target) {
      bad(`embargo 中的“${k}”不是数据文件或年份文件夹（例如 2025/funding.csv 或 2026）。`);
      continue;
    }
    if (!date) {
      bad(`embargo 中“${k}”的日期“${String(v)}”无效，请写成 2026-03-01 这样的格式。`);
      continue;
    }
    rules.push({ target, publishAfter: date });
  }
  return { rules, issues };
}

/** Reads the embargo list from data/portal.yml (or .yaml / .json). The settings loader ignores this key. */
export function readEmbargo(dataDir: string): { rules: EmbargoRule[]; issues: Issue[] } {
  for (const f of ['portal.yml', 'portal.yaml', 'portal.json']) {
    const p = join(dataDir, f);
    if (!existsSync(p)) continue;
    try {
      const text = readFileSync(p, 'utf8').replace(/^\ufeff/, '');
      const raw = f.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      return parseEmbargo(raw && typeof raw === 'object' ? (raw as Record<string, unknown>).embargo : undefined, f);
    } catch {
      // The settings loader already reports an unreadable portal.yml.
      return { rules: [], issues: [] };
    }
  }
  return { rules: [], issues: [] };
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
