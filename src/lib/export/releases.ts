/**
 * Releases: every published state of the data has a version, listed in releases/releases.yml
 * (next to the data folder: `<dataDir>/../releases/releases.yml`). Each entry says where its data
 * is:
 *   snapshot: folder   a committed copy of data/ as it was published (relative to releases.yml)
 *   git: ref           a tag or commit whose data/ folder is the release (read with `git show`)
 *   (neither)          the data folder being built — only the last entry may say this
 * Older versions stay downloadable at /data/releases/<version>/…; /data/latest/… is the last one.
 *
 * A shallow clone (CI) may lack a git ref: that release is listed as unavailable with a plain
 * message, never a failed build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';

export interface Correction {
  readonly dataset: string;
  /** School year folder, for per-year datasets. */
  readonly year: number | null;
  /** Primary-key values, in key order. */
  readonly key: readonly string[];
  /** The corrected column; null = the whole row. */
  readonly column: string | null;
  readonly reason: string;
}

export type ReleaseSource =
  | { readonly kind: 'current' }
  | { readonly kind: 'snapshot'; readonly dir: string }
  | { readonly kind: 'git'; readonly ref: string; readonly path: string | null };

export interface ReleaseEntry {
  readonly version: string;
  /** ISO yyyy-mm-dd. */
  readonly date: string;
  readonly notes: string;
  readonly source: ReleaseSource;
  readonly corrections: readonly Correction[];
}

export interface ReleaseConfig {
  /** Absolute path of releases.yml, or null when there is none (one implicit release). */
  readonly file: string | null;
  /** Ascending by date. */
  readonly releases: readonly ReleaseEntry[];
}

export class ReleaseConfigError extends Error {}

const VERSION = /^[0-9A-Za-z][0-9A-Za-z._-]*$/;

function isoDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  return null;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

export function releasesFileFor(dataDir: string): string {
  return process.env.PORTAL_RELEASES ? resolve(process.env.PORTAL_RELEASES) : resolve(dataDir, '..', 'releases', 'releases.yml');
}

/** Parse releases.yml text. Errors are plain Chinese, naming the entry. */
export function parseReleases(yamlText: string, file: string): ReleaseConfig {
  const doc = parse(yamlText) as { releases?: unknown } | null;
  const list = doc && Array.isArray(doc.releases) ? doc.releases : null;
  if (!list) throw new ReleaseConfigError(`${file}：缺少 releases 列表。`);
  const base = dirname(file);
  const seen = new Set<string>();
  const releases: ReleaseEntry[] = list.map((raw, i) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const where = `${file} 第${i + 1}个版本`;
    const version = text(r.version);
    if (!VERSION.test(version)) throw new ReleaseConfigError(`${where}：版本号“${version}”只能包含字母、数字、点、下划线和连字符。`);
    if (seen.has(version)) throw new ReleaseConfigError(`${where}：版本号“${version}”重复。`);
    seen.add(version);
    const date = isoDate(r.date);
    if (!date) throw new ReleaseConfigError(`${where}：日期须写成 2025-09-01 的格式。`);
    let source: ReleaseSource = { kind: 'current' };
    if (r.snapshot) source = { kind: 'snapshot', dir: resolve(base, text(r.snapshot)) };
    else if (r.git) source = { kind: 'git', ref: text(r.git), path: r.path ? text(r.path) : null };
    const corrections = (Array.isArray(r.corrections) ? r.corrections : []).map((c: Record<string, unknown>, j: number) => {
      const dataset = text(c?.dataset);
      const reason = text(c?.reason);
      const keyRaw = c?.key;
      const key = Array.isArray(keyRaw) ? keyRaw.map(text) : text(keyRaw).split('/').map((s) => s.trim());
      if (!dataset || !reason || !key.length || key.some((k) => !k)) {
        throw new ReleaseConfigError(`${where} 第${j + 1}条更正：须写明 dataset、key 和 reason。`);
      }
      const year = c.year === undefined || c.year === null ? null : Number(c.year);
      return { dataset, year: Number.isInteger(year) ? year : null, key, column: c.column ? text(c.column) : null, reason };
    });
    return { version, date, notes: text(r.notes), source, corrections };
  });
  releases.forEach((r, i) => {
    if (r.source.kind === 'current' && i !== releases.length - 1) {
      throw new ReleaseConfigError(`${file}：只有最后一个版本可以不写 snapshot 或 git（即当前 data/ 文件夹）。`);
    }
  });
  const sorted = [...releases].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (sorted.some((r, i) => r !== releases[i])) throw new ReleaseConfigError(`${file}：版本须按日期从早到晚排列。`);
  return { file, releases };
}

export function readReleases(dataDir: string, fallbackDate: string | null = null): ReleaseConfig {
  const file = releasesFileFor(dataDir);
  if (!existsSync(file)) {
    return { file: null, releases: [{ version: 'current', date: fallbackDate ?? '1970-01-01', notes: '', source: { kind: 'current' }, corrections: [] }] };
  }
  return parseReleases(readFileSync(file, 'utf8'), file);
}

export type Resolved = { readonly ok: true; readonly dir: string } | { readonly ok: false; readonly reason: string };

function git(cwd: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Where a release's data folder is on disk. Git refs are materialised once into
 * `cacheDir/<commit>/` (content-addressed, so safe to reuse across builds).
 */
export function resolveRelease(entry: ReleaseEntry, dataDir: string, cacheDir: string): Resolved {
  const src = entry.source;
  if (src.kind === 'current') return { ok: true, dir: resolve(dataDir) };
  if (src.kind === 'snapshot') {
    return existsSync(src.dir) ? { ok: true, dir: src.dir } : { ok: false, reason: `版本 ${entry.version} 的快照文件夹 ${src.dir} 不存在。` };
  }
  const cwd = resolve(dataDir);
  let commit: string;
  let top: string;
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch {
    return { ok: false, reason: `版本 ${entry.version} 取自 git（${src.ref}），但数据文件夹不在 git 仓库中。` };
  }
  try {
    commit = git(cwd, ['rev-parse', '--verify', '--quiet', `${src.ref}^{commit}`]).toString().trim();
  } catch {
    let shallow = false;
    try {
      shallow = git(cwd, ['rev-parse', '--is-shallow-repository']).toString().trim() === 'true';
    } catch {
      /* old git: assume not shallow */
    }
    return {
      ok: false,
      reason: shallow
        ? `版本 ${entry.version} 取自 git（${src.ref}），但本次构建使用的是浅克隆，缺少该历史。请在 CI 中使用完整克隆（如 actions/checkout 的 fetch-depth: 0）或执行 git fetch --unshallow --tags。`
        : `版本 ${entry.version} 取自 git（${src.ref}），但仓库中找不到该标签或提交。`,
    };
  }
  const inRepo = (src.path ?? relative(top, resolve(dataDir))).split(sep).join('/') || '.';
  const target = join(cacheDir, `${commit}-${inRepo.replace(/[^A-Za-z0-9._-]+/g, '_')}`);
  if (existsSync(join(target, '.complete'))) return { ok: true, dir: target };
  const names = git(top, ['ls-tree', '-r', '-z', '--name-only', commit, '--', inRepo])
    .toString()
    .split('\0')
    .filter(Boolean);
  if (!names.length) return { ok: false, reason: `版本 ${entry.version}（${src.ref}）中没有 ${inRepo}/ 文件夹。` };
  for (const name of names) {
    const rel = inRepo === '.' ? name : name.slice(inRepo.length + 1);
    const out = join(target, rel);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, git(top, ['show', `${commit}:${name}`]));
  }
  writeFileSync(join(target, '.complete'), commit + '\n');
  return { ok: true, dir: target };
}

/** Does a correction name this changed cell (or row)? */
export function correctionFor(
  corrections: readonly Correction[],
  dataset: string,
  year: number | null,
  key: readonly string[],
  column: string | null,
): Correction | null {
  return (
    corrections.find(
      (c) =>
        c.dataset === dataset &&
        (c.year === null || c.year === year) &&
        c.key.length === key.length &&
        c.key.every((k, i) => k === key[i]) &&
        (c.column === null || column === null || c.column === column),
    ) ?? null
  );
}
