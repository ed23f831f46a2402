/**
 * All releases of a data folder: reads releases.yml, loads each release's data (snapshot, git
 * ref or the current folder), applies the same privacy suppression as the pages, builds its
 * files and diffs it against the release before. Side effects (loading, suppression,
 * indicators) come in as `DistributionEffects`, so tests run on fixtures without the site.
 *
 * Memory: only one release's bytes are held at a time while building the manifest; the
 * release's file bytes are rebuilt on demand (deterministically) by `releaseFiles()`.
 */
import { resolve } from 'node:path';
import type { IndicatorResults } from '../indicators/types';
import type { PortalData } from '../model/types';
import type { PortalSettings } from '../settings/types';
import { normaliseBase } from '../urls/base-path';
import { sha256Hex, formatBytes } from './checksums';
import { templateCsv, tableCsv } from './csv';
import { dataFiles } from './data-tables';
import { dictionaryRows, dictionaryTable } from './dictionary';
import { atomFeed, feedAuthority, tagUri, type FeedEntry } from './feed';
import { tableJson } from './json';
import { buildRelease, type BuiltRelease, type FileInfo, type ReleaseManifest, type UnavailableRelease, type ReleaseContext } from './release-build';
import { readReleases, resolveRelease, type ReleaseConfig, type ReleaseEntry } from './releases';
import { ALL_DATASETS } from '../schema';

export interface DistributionEffects {
  /** Load and validate a data folder; a string is a plain-Chinese reason it could not be read. */
  readonly load: (dir: string) => PortalData | string | Promise<PortalData | string>;
  /** Privacy suppression exactly as the pages apply it. */
  readonly suppress: (data: PortalData) => PortalData;
  /** The marker suppressed counts show (e.g. "<5"), or null when nothing is suppressed. */
  readonly suppressionMarker: (settings: PortalSettings) => string | null;
  readonly indicators: (data: PortalData) => IndicatorResults | null;
}

export interface Distribution {
  readonly config: ReleaseConfig;
  /** Settings of the current data folder (title, licence, base path, site URL). */
  readonly settings: PortalSettings;
  /** Ascending by date. */
  readonly releases: readonly (ReleaseManifest | UnavailableRelease)[];
  /** The last available release (its csv/ and metadata are copied to /data/latest/, see latest.ts). */
  readonly latest: ReleaseManifest | null;
  /** Per dataset file (`admissions-2024`), the date of the last release that changed it. */
  readonly lastChanged: ReadonlyMap<string, { readonly version: string; readonly date: string }>;
  /** /data/templates/… and /data/dictionary.* files (release-independent). */
  readonly extras: readonly FileInfo[];
}

export interface DistributionOptions {
  readonly dataDir: string;
  readonly cacheDir?: string;
  /** releases.yml when it is not `<dataDir>/../releases/releases.yml`. */
  readonly releasesFile?: string;
  readonly effects: DistributionEffects;
  /**
   * The manifest already computed by the build (src/lib/build/downloads.ts writes the files and
   * the manifest; the pages read it instead of building every release again).
   */
  readonly precomputed?: Distribution;
}

export function releaseContext(settings: PortalSettings, marker: string | null): ReleaseContext {
  const base = normaliseBase(settings.base_path);
  const origin = settings.site_url ? settings.site_url.replace(/\/+$/, '') : '';
  return {
    settings,
    missingValues: marker ? ['', marker] : [''],
    url: (path: string) => origin + base + path.replace(/^\/+/, ''),
  };
}

/** Template and dictionary files, at /data/templates/<dataset>.csv and /data/dictionary.{csv,json}. */
export function extraFiles(): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const d of ALL_DATASETS) {
    out.set(`templates/${d.id}.csv`, templateCsv(d.columns));
    const example = Object.fromEntries(d.columns.map((c) => [c.key, c.example]));
    // Examples are written as a bureau would type them (Chinese labels), so keep them as text.
    const asText = { ...d, columns: d.columns.map((c) => ({ ...c, type: 'text' as const, values: undefined })) };
    // No `="…"` protection: a clerk may fill the example in a text editor and upload it.
    out.set(`templates/${d.id}-example.csv`, tableCsv({ def: asText, rows: [example] }, 'people', false));
  }
  const rows = dictionaryRows();
  out.set('dictionary.csv', tableCsv({ def: dictionaryTable, rows }, 'people'));
  out.set('dictionary.json', tableJson({ def: dictionaryTable, rows }));
  return out;
}

function fileInfos(files: ReadonlyMap<string, Uint8Array>, format: (p: string) => FileInfo['format']): FileInfo[] {
  return [...files].map(([path, b]) => ({ path, format: format(path), bytes: b.length, size: formatBytes(b.length), sha256: sha256Hex(b) }));
}

interface Loaded {
  readonly entry: ReleaseEntry;
  /** As published (suppressed). */
  readonly data: PortalData | null;
  /** As read: indicators are computed from it, as the pages compute them. */
  readonly raw: PortalData | null;
  readonly reason: string | null;
}

async function loadEntry(entry: ReleaseEntry, opts: DistributionOptions, cacheDir: string): Promise<Loaded> {
  const r = resolveRelease(entry, opts.dataDir, cacheDir);
  if (!r.ok) return { entry, data: null, raw: null, reason: r.reason };
  const loaded = await opts.effects.load(r.dir);
  if (typeof loaded === 'string') return { entry, data: null, raw: null, reason: `版本 ${entry.version} 的数据无法读取：${loaded}` };
  return { entry, data: opts.effects.suppress(loaded), raw: loaded, reason: null };
}

export class DistributionBuilder {
  private readonly cacheDir: string;
  private readonly cache = new Map<string, BuiltRelease>();
  private readonly pending = new Map<string, Promise<BuiltRelease>>();
  private dist: Promise<Distribution> | null = null;

  constructor(private readonly opts: DistributionOptions) {
    this.cacheDir = opts.cacheDir ?? resolve('node_modules', '.cache', 'edu-portal-releases');
    if (opts.precomputed) this.dist = Promise.resolve(opts.precomputed);
  }

  private async build(entryIndex: number, config: ReleaseConfig, settings: PortalSettings, previous: BuiltRelease | null, prevVersion: string | null): Promise<BuiltRelease | UnavailableRelease> {
    const entry = config.releases[entryIndex];
    const l = await loadEntry(entry, this.opts, this.cacheDir);
    if (!l.data) return { version: entry.version, date: entry.date, notes: entry.notes, corrections: entry.corrections, available: false, reason: l.reason ?? '' };
    const marker = this.opts.effects.suppressionMarker(l.data.settings);
    // Titles, licence and URLs come from the current settings: a release keeps its data, the site names it.
    const ctx = releaseContext(settings, marker);
    return buildRelease({
      entry,
      data: l.data,
      indicators: this.opts.effects.indicators(l.raw!),
      previous: previous && prevVersion ? { version: prevVersion, tables: previous.tables } : null,
      ctx,
    });
  }

  /** The manifest of every release (builds each once, keeping one release in memory at a time). */
  distribution(): Promise<Distribution> {
    return (this.dist ??= this.compute());
  }

  private async compute(): Promise<Distribution> {
    const current = await this.opts.effects.load(resolve(this.opts.dataDir));
    if (typeof current === 'string') throw new Error(`数据文件夹无法读取：${current}`);
    const settings = current.settings;
    const config = readReleases(this.opts.dataDir, { sample: settings.sample, regionCode: settings.region_code, file: this.opts.releasesFile });
    const releases: (ReleaseManifest | UnavailableRelease)[] = [];
    let prev: BuiltRelease | null = null;
    let prevVersion: string | null = null;
    const lastChanged = new Map<string, { version: string; date: string }>();
    for (let i = 0; i < config.releases.length; i++) {
      const entry = config.releases[i];
      const b = await this.build(i, config, settings, prev, prevVersion);
      if ('available' in b && b.available === false) {
        releases.push(b);
        continue;
      }
      const built = b as BuiltRelease;
      releases.push(built.manifest);
      const changed = new Set((built.manifest.diff?.tables ?? []).map((t) => `${t.dataset}|${t.year}`));
      for (const t of built.manifest.tables) {
        if (t.kind !== 'data') continue;
        if (!prev || changed.has(`${t.dataset}|${t.year}`) || !lastChanged.has(t.id)) lastChanged.set(t.id, { version: entry.version, date: entry.date });
      }
      // Only the data tables travel to the next diff; the bytes are dropped (rebuilt on demand),
      // except the last release's, which the /data/latest/ alias serves.
      prev = i === config.releases.length - 1 ? built : { manifest: built.manifest, files: new Map(), tables: built.tables };
      prevVersion = entry.version;
    }
    const available = releases.filter((r): r is ReleaseManifest => r.available);
    const latest = available.length ? available[available.length - 1] : null;
    if (prev && latest && (prev as BuiltRelease).manifest === latest) this.cache.set(latest.version, prev);
    const extras = fileInfos(this.extraFiles(), (p) => (p.endsWith('.json') ? 'json' : 'excel'));
    return { config, settings, releases, latest, lastChanged, extras };
  }

  /** The bytes of one release's files (rebuilt deterministically when not cached). */
  async releaseFiles(version: string): Promise<ReadonlyMap<string, Uint8Array> | null> {
    const dist = await this.distribution();
    const hit = this.cache.get(version) ?? this.pending.get(version);
    if (hit) return (await hit).files;
    const idx = dist.config.releases.findIndex((r) => r.version === version);
    if (idx < 0 || !dist.releases[idx].available) return null;
    const job = this.rebuild(idx, dist);
    this.pending.set(version, job);
    try {
      const b = await job;
      // Keep the latest pinned (the /data/latest/ alias) plus the one asked for last.
      for (const k of [...this.cache.keys()]) if (k !== dist.latest?.version) this.cache.delete(k);
      this.cache.set(version, b);
      return b.files;
    } finally {
      this.pending.delete(version);
    }
  }

  private async rebuild(idx: number, dist: Distribution): Promise<BuiltRelease> {
    // The diff needs the previous available release's tables.
    let prev: BuiltRelease | null = null;
    let prevVersion: string | null = null;
    for (let j = idx - 1; j >= 0; j--) {
      if (!dist.releases[j].available) continue;
      const l = await loadEntry(dist.config.releases[j], this.opts, this.cacheDir);
      if (l.data) {
        prev = { manifest: null as never, files: new Map(), tables: dataFiles(l.data) };
        prevVersion = dist.config.releases[j].version;
      }
      break;
    }
    return (await this.build(idx, dist.config, dist.settings, prev, prevVersion)) as BuiltRelease;
  }

  private extras: ReadonlyMap<string, Uint8Array> | null = null;

  extraFiles(): ReadonlyMap<string, Uint8Array> {
    return (this.extras ??= extraFiles());
  }

  async feed(): Promise<string> {
    const d = await this.distribution();
    const ctx = releaseContext(d.settings, null);
    const entries: FeedEntry[] = [];
    const authority = feedAuthority(d.settings);
    for (const r of d.releases) {
      const anchor = `changelog/#v${r.version}`;
      const diff = r.available ? r.diff : null;
      const summary = r.available
        ? `${r.notes ? r.notes + ' ' : ''}${diff ? `与版本 ${diff.previous} 相比：${diff.tables.length} 个文件有变化。` : '首个版本。'}下载：${ctx.url(`data/releases/${r.version}/`)}`
        : `${r.notes ? r.notes + ' ' : ''}${r.reason}`;
      entries.push({ id: tagUri(authority, r.date, `release/${r.version}`), title: `数据发布：版本 ${r.version}`, date: r.date, url: ctx.url(anchor), summary, category: 'release' });
      r.corrections.forEach((c, i) => {
        entries.push({
          id: tagUri(authority, r.date, `correction/${r.version}/${i + 1}`),
          title: `数据更正：${c.dataset}${c.year !== null ? ` ${c.year}` : ''} ${c.key.join('/')}${c.column ? ` ${c.column}` : ''}`,
          date: r.date,
          url: ctx.url(anchor),
          summary: `版本 ${r.version} 更正：${c.reason}`,
          category: 'correction',
        });
      });
    }
    return atomFeed({ title: `${d.settings.title} — 数据发布与更正`, selfUrl: ctx.url('feed.xml'), pageUrl: ctx.url('changelog/'), author: d.settings.publisher, authority, entries });
  }
}
