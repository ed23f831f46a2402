/**
 * The downloads of a build, written to disk by the core (not by Astro), one release at a time,
 * each file as soon as it is made, and cached across builds by content hash.
 *
 * A release folder (/data/releases/<version>/) depends only on: the release's data files (bytes),
 * which of its embargo rules are in force today, its releases.yml entry, the release before it
 * (the diff), the current settings that name it (title, licence, URLs) and the code that writes
 * it. The hash of all of these is the key of a cache entry `<cacheDir>/<key>/files/…` (+
 * `manifest.json`): a published release is built once and copied into every later build; only a
 * release whose inputs changed (usually the current data folder) is built again.
 *
 * Memory: one release's model is loaded at a time; its files go to disk as they are made, the ZIP
 * bundle is streamed; nothing of a release is kept but its manifest (sizes, checksums, diff).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dataFiles, type DataFile } from '../export/data-tables';
import { extraFiles, releaseContext, type Distribution } from '../export/distribution';
import { buildRelease, type FileInfo, type ReleaseManifest, type UnavailableRelease } from '../export/release-build';
import { readReleases, resolveRelease, type ReleaseEntry } from '../export/releases';
import { sha256Hex, formatBytes } from '../export/checksums';
import { clearPipelineCache, runPipeline, type Effects, type Pipeline } from '../pipeline';
import { readEmbargo } from '../settings/embargo';
import { DEFAULT_THRESHOLD, suppressionMarker } from '../privacy/suppress';
import type { PortalSettings } from '../settings/types';
import { walkFiles, type Placement } from './place';
import { latestFiles, latestPointer, latestSums } from '../export/latest';

export type { Placement } from './place';

/** Bump when the layout of a cache entry changes. */
const CACHE_FORMAT = 'downloads-v1';
/** Entries not used by any build for this long are deleted. */
const KEEP_UNUSED_MS = 14 * 24 * 3600_000;

export interface DownloadsInput {
  /** The data folder being built (absolute). */
  readonly dataDir: string;
  /** The embargo reference date (yyyy-mm-dd), as the pages use it. */
  readonly today: string;
  /** Cache of built releases (default node_modules/.cache/edu-portal-downloads of the project). */
  readonly cacheDir: string;
  /** Where git releases are checked out (the pipeline's default when omitted). */
  readonly releaseCacheDir?: string;
  /** releases.yml when it is not `<dataDir>/../releases/releases.yml`. */
  readonly releasesFile?: string;
  readonly effects: Effects;
}

export interface Downloads {
  readonly distribution: Distribution;
  readonly placements: readonly Placement[];
  /** Releases taken from the cache / built in this run. */
  readonly reused: readonly string[];
  readonly built: readonly string[];
}

const hash = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
};

/** SHA-256 over every file of a folder (paths and bytes). */
export function folderHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of walkFiles(dir)) {
    h.update(f.split('\\').join('/')).update('\u0000');
    h.update(readFileSync(join(dir, f))).update('\u0000');
  }
  return h.digest('hex');
}

let codeKeyMemo: string | null = null;
/** The code that writes downloads: every source file of src/lib (a change anywhere rebuilds). */
function codeKey(): string {
  return (codeKeyMemo ??= hash(CACHE_FORMAT, folderHash(resolve(import.meta.dirname, '..'))));
}

/** Which embargo rules of a release folder are in force today (what the release publishes depends on it). */
function embargoState(dir: string, today: string): string {
  return readEmbargo(dir)
    .rules.map((r) => `${r.target}@${r.publishAfter}:${today < r.publishAfter ? 'withheld' : 'published'}`)
    .sort()
    .join('|');
}

/** What in the current settings names a release (README, citation, datapackage, URLs). */
function settingsKey(s: PortalSettings): string {
  return JSON.stringify(s, Object.keys(s).sort());
}

/** A fresh entry folder, renamed into place only when complete (parallel builds may race; the first wins). */
function commitEntry(tmp: string, final: string): void {
  try {
    renameSync(tmp, final);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(final, 'manifest.json'))) throw new Error(`无法写入下载文件缓存：${final}`);
  }
}

function touch(dir: string): void {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
  } catch {
    /* read-only cache: fine */
  }
}

function prune(cacheDir: string, used: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const n of names) {
    if (used.has(n)) continue;
    const p = join(cacheDir, n);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st && now - st.mtimeMs > KEEP_UNUSED_MS) rmSync(p, { recursive: true, force: true });
  }
}

interface Prepared {
  readonly entry: ReleaseEntry;
  readonly dir: string | null;
  readonly reason: string | null;
  readonly key: string | null;
}

/**
 * Writes (or reuses) every release's files and the release-independent files (templates,
 * dictionary), and returns the distribution manifest the pages show plus where each folder goes.
 */
export async function writeDownloads(input: DownloadsInput): Promise<Downloads> {
  const { dataDir, today, cacheDir, effects } = input;
  const releaseCacheDir = input.releaseCacheDir ?? join(cacheDir, '..', 'edu-portal-releases');
  mkdirSync(cacheDir, { recursive: true });
  // The current folder with the releases file the caller named (it names the releases, its
  // portal names the latest one); an older release's folder is read as itself.
  const load = (dir: string): Promise<Pipeline> => runPipeline({ dataDir: dir, today, releaseCacheDir, ...(dir === dataDir && input.releasesFile ? { releasesFile: input.releasesFile } : {}) }, effects);
  // One release's pipeline in memory at a time: loading another folder first drops the cached
  // one (a release keeps only the previous release's data tables, for its diff).
  let lastLoaded: string | null = null;
  const loadOnly = (dir: string): Promise<Pipeline> => {
    if (lastLoaded !== null && lastLoaded !== dir) clearPipelineCache();
    lastLoaded = dir;
    return load(dir);
  };
  // Only what names the releases is kept of the current folder's pipeline (its model is freed
  // while older releases are built).
  const { settings } = await loadOnly(dataDir).then((c) => {
    if (!c.ok) throw new Error(c.issues[0]?.message ?? `数据文件夹无法发布：${dataDir}`);
    return { settings: c.settings };
  });
  const config = readReleases(dataDir, { sample: settings.sample, regionCode: settings.region_code, file: input.releasesFile });

  // Keys first (cheap: hashes of files), so a cached release never loads its data.
  const code = codeKey();
  const sKey = settingsKey(settings);
  const prepared: Prepared[] = [];
  let prevKey = '';
  for (const entry of config.releases) {
    const r = resolveRelease(entry, dataDir, releaseCacheDir);
    if (!r.ok) {
      prepared.push({ entry, dir: null, reason: r.reason, key: null });
      continue;
    }
    const key = hash(code, folderHash(r.dir), embargoState(r.dir, today), JSON.stringify(entry, (k, v) => (k === 'dir' ? undefined : v)), prevKey, sKey).slice(0, 32);
    prepared.push({ entry, dir: r.dir, reason: null, key });
    prevKey = key;
  }

  const used = new Set<string>();
  const releases: (ReleaseManifest | UnavailableRelease)[] = [];
  const placements: Placement[] = [];
  const reused: string[] = [];
  const built: string[] = [];
  const lastChanged = new Map<string, { version: string; date: string }>();
  let prev: { version: string; dir: string; manifest: ReleaseManifest; tables: DataFile[] | null } | null = null;

  for (const p of prepared) {
    const { entry } = p;
    if (!p.dir || !p.key) {
      releases.push({ version: entry.version, date: entry.date, notes: entry.notes, corrections: entry.corrections, available: false, reason: p.reason ?? '' });
      continue;
    }
    const entryDir = join(cacheDir, p.key);
    used.add(p.key);
    let manifest: ReleaseManifest;
    let tables: DataFile[] | null = null;
    if (existsSync(join(entryDir, 'manifest.json'))) {
      manifest = JSON.parse(readFileSync(join(entryDir, 'manifest.json'), 'utf8')) as ReleaseManifest;
      touch(entryDir);
      reused.push(entry.version);
    } else {
      // Only the release being built and the tables of the one before stay in memory.
      if (prev && !prev.tables) prev.tables = dataFiles((await loadOnly(prev.dir)).published.tables());
      const pl = await loadOnly(p.dir);
      if (!pl.readable) {
        releases.push({ version: entry.version, date: entry.date, notes: entry.notes, corrections: entry.corrections, available: false, reason: `版本 ${entry.version} 的数据无法读取：${pl.issues.map((i) => i.message).join('；')}` });
        continue;
      }
      const data = pl.published.tables();
      let previous: { version: string; tables: readonly DataFile[] } | null = null;
      if (prev) previous = { version: prev.version, tables: prev.tables! };
      const tmp = `${entryDir}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      const files = join(tmp, 'files');
      const b = buildRelease({
        entry,
        data,
        indicators: pl.published.results(),
        previous,
        // Titles, licence and URLs come from the current settings: a release keeps its data, the site names it.
        ctx: releaseContext(settings, suppressionMarker(data.settings.suppression_threshold ?? DEFAULT_THRESHOLD)),
        sink: {
          file: (path, bytes) => {
            const f = join(files, path);
            mkdirSync(dirname(f), { recursive: true });
            writeFileSync(f, bytes);
          },
          append: (path, chunk) => {
            const f = join(files, path);
            mkdirSync(dirname(f), { recursive: true });
            appendFileSync(f, chunk);
          },
        },
      });
      manifest = b.manifest;
      tables = b.tables as DataFile[];
      writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest));
      commitEntry(tmp, entryDir);
      built.push(entry.version);
    }
    releases.push(manifest);
    const changed = new Set((manifest.diff?.tables ?? []).map((t) => `${t.dataset}|${t.year}`));
    for (const t of manifest.tables) {
      if (t.kind !== 'data') continue;
      if (!prev || changed.has(`${t.dataset}|${t.year}`) || !lastChanged.has(t.id)) lastChanged.set(t.id, { version: entry.version, date: entry.date });
    }
    placements.push({ from: join(entryDir, 'files'), to: `data/releases/${entry.version}` });
    prev = { version: entry.version, dir: p.dir, manifest, tables };
  }
  const available = releases.filter((r): r is ReleaseManifest => r.available);
  const latest = available.length ? available[available.length - 1] : null;
  if (latest) {
    // /data/latest/ is not a second copy of the release: only the files a program fetches from a
    // fixed address (export/latest.ts), its own SHA256SUMS, and /data/latest.json.
    const from = placements.find((pl) => pl.to === `data/releases/${latest.version}`)!.from;
    placements.push({ from, to: 'data/latest', files: latestFiles(latest).map((f) => f.path) });
    const key = `latest-${hash(code, latest.version, latest.checksums.sha256, sKey).slice(0, 32)}`;
    const dir = join(cacheDir, key);
    used.add(key);
    if (!existsSync(join(dir, 'manifest.json'))) {
      const tmp = `${dir}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(join(tmp, 'files', 'latest'), { recursive: true });
      writeFileSync(join(tmp, 'files', 'latest', 'SHA256SUMS'), latestSums(latest));
      writeFileSync(join(tmp, 'files', 'latest.json'), latestPointer(latest, releaseContext(settings, null)));
      writeFileSync(join(tmp, 'manifest.json'), '{}');
      commitEntry(tmp, dir);
    } else touch(dir);
    placements.push({ from: join(dir, 'files'), to: 'data' });
  }

  // Templates and the dictionary: they depend on the code only.
  const extrasKey = `extras-${code.slice(0, 32)}`;
  const extrasDir = join(cacheDir, extrasKey);
  used.add(extrasKey);
  if (!existsSync(join(extrasDir, 'manifest.json'))) {
    const tmp = `${extrasDir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const infos: FileInfo[] = [];
    for (const [path, bytes] of extraFiles()) {
      const f = join(tmp, 'files', path);
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, bytes);
      infos.push({ path, format: path.endsWith('.json') ? 'json' : 'excel', bytes: bytes.length, size: formatBytes(bytes.length), sha256: sha256Hex(bytes) });
    }
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(infos));
    commitEntry(tmp, extrasDir);
  } else touch(extrasDir);
  const extras = JSON.parse(readFileSync(join(extrasDir, 'manifest.json'), 'utf8')) as FileInfo[];
  placements.push({ from: join(extrasDir, 'files'), to: 'data' });
  prune(cacheDir, used);
  clearPipelineCache();
  return { distribution: { config, settings, releases, latest, lastChanged, extras }, placements, reused, built };
}
