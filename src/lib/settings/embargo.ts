/**
 * The `embargo:` setting of portal.yml: which files may not be published before which date.
 * Parsed here with the other settings; applying it to the model is privacy/embargo.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Issue } from '../validate/issue';
import { makeIssue } from '../validate/make-issue';
import { checkDataFile, dataRoot } from '../validate/data-file';
import { TOP_LEVEL_DATASETS, YEAR_DATASETS } from '../schema';

export interface EmbargoRule {
  /** As written in portal.yml, normalised: `2025/funding.csv`, `2026` (a year folder) or `plans.csv`. */
  readonly target: string;
  /** yyyy-mm-dd: published from this date on. */
  readonly publishAfter: string;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function normaliseDate(v: unknown): string | null {
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
    // A portal.yml that links out of the folder (or is a folder) is reported by the settings loader.
    const c = checkDataFile(dataDir, dataRoot(dataDir), f);
    if (!c.ok) return { rules: [], issues: [] };
    try {
      const text = readFileSync(c.path, 'utf8').replace(/^\ufeff/, '');
      const raw = f.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      return parseEmbargo(raw && typeof raw === 'object' ? (raw as Record<string, unknown>).embargo : undefined, f);
    } catch {
      // The settings loader already reports an unreadable portal.yml.
      return { rules: [], issues: [] };
    }
  }
  return { rules: [], issues: [] };
}

