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
 *
 * Without releases.yml (every new bureau) the data folder is the one release, its version and date
 * derived from the data: the date of the last git commit that touched the folder, else the newest
 * file's modification date (Beijing time); the version is that date. A warning says so.
 *
 * The sample's releases.yml says `sample: true` and the sample's `region_code`: it applies only
 * while data/ is that sample (portal.yml `sample: true`, same region_code). A bureau that replaces
 * data/ with its own does not inherit the sample's snapshots and corrections; the file is ignored
 * with a warning that says how to start fresh.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { loadSettings } from '../settings/load';

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
  /** true when releases.yml describes the fictional sample (`sample: true`). */
  readonly sample?: boolean;
  /** Region code the sample releases belong to (`region_code:`), when given. */
  readonly regionCode?: string | null;
  /** Plain-Chinese warnings for the build log (no releases.yml, sample releases ignored). */
  readonly warnings?: readonly string[];
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

/** Where a data folder's releases.yml is: `file` when the caller names one, else `<dataDir>/../releases/releases.yml`. */
export function releasesFileFor(dataDir: string, file?: string | null): string {
  return file ? resolve(file) : resolve(dataDir, '..', 'releases', 'releases.yml');
}

/** Parse releases.yml text. Errors are plain Chinese, naming the entry. */
export function parseReleases(yamlText: string, file: string): ReleaseConfig {
  const doc = parse(yamlText) as { releases?: unknown; sample?: unknown; region_code?: unknown } | null;
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
  const sample = doc?.sample === true;
  const regionCode = doc?.region_code === undefined || doc?.region_code === null ? null : text(doc.region_code);
  return { file, releases, sample, regionCode, warnings: [] };
}

/** A date as Beijing sees it (the portal's publication dates are Beijing dates). */
function beijingDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Newest modification time of the files under a folder (symlinks not followed), or null. */
function newestMtime(dir: string): number | null {
  let newest: number | null = null;
  const walk = (d: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const p = join(d, n);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory() && depth < 4) walk(p, depth + 1);
      else if (st.isFile() && (newest === null || st.mtimeMs > newest)) newest = st.mtimeMs;
    }
  };
  walk(dir, 0);
  return newest;
}

/** Where a derived release's date comes from: the last commit touching the data, else the newest file. */
export interface DataDate {
  readonly date: string;
  readonly from: 'git' | 'files' | 'none';
  /** A shallow clone: its oldest commit seems to touch every file, so the date may be too late. */
  readonly shallow?: boolean;
}

/**
 * The date of the data in a folder: the committer date (Beijing time) of the last commit that
 * touched it, else the newest file's modification date. `none` (no files at all) gives today.
 */
export function dataDate(dataDir: string): DataDate {
  const dir = resolve(dataDir);
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (/^\d+$/.test(out)) {
      let shallow = false;
      try {
        shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === 'true';
      } catch {
        /* old git */
      }
      return { date: beijingDate(Number(out) * 1000), from: 'git', shallow };
    }
  } catch {
    /* not a git repository, or git missing: fall back to the files */
  }
  const m = newestMtime(dir);
  if (m !== null) return { date: beijingDate(m), from: 'files' };
  return { date: beijingDate(Date.now()), from: 'none' };
}

/** The one release of a data folder without releases.yml, with the warning the build prints. */
export function derivedRelease(dataDir: string, sampleIgnored = false): { entry: ReleaseEntry; warning: string } {
  const d = dataDate(dataDir);
  const version = d.date;
  const how = d.from === 'git' ? `数据文件夹最后一次提交的日期（${d.date}${d.shallow ? '；这是浅克隆，缺少更早的历史，日期可能偏晚——请在 CI 中使用完整克隆，如 fetch-depth: 0' : ''}）` : d.from === 'files' ? `数据文件中最新的修改日期（${d.date}）` : `今天的日期（${d.date}）`;
  return {
    entry: { version, date: d.date, notes: '', source: { kind: 'current' }, corrections: [] },
    warning:
      `提醒：${sampleIgnored ? '没有本门户自己的版本记录' : '没有 releases/releases.yml'}，当前 data/ 作为唯一版本发布，版本号和日期取自${how}：版本 ${version}。` +
      '要固定版本号、保留旧版本的下载地址并发布更正，请按发布指南“发布版本和更正”一节建立 releases/releases.yml。',
  };
}

export interface ReadReleasesOptions {
  /** The portal settings' sample flag and region code; read from the data folder when omitted. */
  readonly sample?: boolean;
  readonly regionCode?: string | null;
  /** releases.yml somewhere else than next to the data folder (pipeline input `releasesFile`). */
  readonly file?: string | null;
}

export function readReleases(dataDir: string, opts: ReadReleasesOptions = {}): ReleaseConfig {
  const file = releasesFileFor(dataDir, opts.file);
  if (!existsSync(file)) {
    const d = derivedRelease(dataDir);
    return { file: null, releases: [d.entry], warnings: [d.warning] };
  }
  const config = parseReleases(readFileSync(file, 'utf8'), file);
  if (!config.sample) return config;
  let sample = opts.sample;
  let regionCode = opts.regionCode;
  if (sample === undefined) {
    const s = loadSettings(resolve(dataDir)).settings;
    sample = s.sample;
    regionCode = s.region_code;
  }
  const sameRegion = !config.regionCode || (regionCode ?? null) === config.regionCode;
  if (sample && sameRegion) return config;
  const d = derivedRelease(dataDir, true);
  return {
    file: null,
    releases: [d.entry],
    warnings: [
      `提醒：${file} 是示例数据的版本记录（sample: true${config.regionCode ? `，地区代码 ${config.regionCode}` : ''}），与本门户的数据不符，已忽略——示例的快照和更正不会发布。` +
        '请删除 releases/releases.yml 和 releases/snapshots/，需要时按发布指南“发布版本和更正”一节重新建立。',
      d.warning,
    ],
  };
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
