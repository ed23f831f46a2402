/**
 * The one door: a data folder (+ the embargo date, + effects) → everything there is to publish.
 *
 *   read + validate (model/load)      issues, the bureau's typed model (embargoed files included)
 *   embargo (privacy/embargo)         the model without files not yet due
 *   indicators (indicators/compute)   on the model with small counts not reported (privacy/indicators)
 *   suppression (privacy/suppress)    the tables as downloads and pages show them ("<5")
 *   index (site/portal)               lookups the view models read
 *   distribution (export)             releases, files, checksums, diffs, feed
 *
 * The build, every page, `validate`, `indicators`, `preview` and the tests go through
 * `runPipeline`. It is computed once per folder state and date (the only cache in the core);
 * no global state outside this module and nothing reads process.env but through `effects.env`.
 */
import { resolve } from 'node:path';
import { computeIndicators } from '../indicators';
import type { IndicatorResults } from '../indicators/types';
import { loadPortalDataSync } from '../model/load';
import type { PortalData } from '../model/types';
import { publicationDate, type EmbargoRule, type WithheldFile } from '../privacy/embargo';
import { withholdEmbargoed } from '../privacy/publishable';
import { publishableIndicators } from '../privacy/indicators';
import { DEFAULT_THRESHOLD, suppressionMarker, suppressPortalData } from '../privacy/suppress';
import type { PortalSettings } from '../settings/types';
import { indexPortal, type Portal } from '../site/portal';
import type { Issue } from '../validate/issue';
import { countBySeverity } from '../validate/make-issue';
import { DistributionBuilder, type DistributionEffects } from '../export/distribution';
import { silentEffects, type Effects } from './effects';
import { folderStamp } from './folder-stamp';

export { silentEffects, processEffects, type Effects } from './effects';

export interface PipelineInput {
  readonly dataDir: string;
  /** yyyy-mm-dd (Beijing): the day embargo dates are judged against. Default: effects.env.PORTAL_TODAY, else today. */
  readonly today?: string;
  /** Where older releases' snapshots are checked out (default node_modules/.cache/edu-portal-releases). */
  readonly releaseCacheDir?: string;
  /** The releases.yml listing this folder's releases (default `<dataDir>/../releases/releases.yml`). */
  readonly releasesFile?: string;
}

export interface Pipeline {
  /** Absolute path of the data folder. */
  readonly dataDir: string;
  readonly today: string;
  /** false when the folder could not be read at all (CLIs exit 2; nothing else is meaningful). */
  readonly readable: boolean;
  /** Every validation issue (embargoed files included), sorted; plus embargo setting problems. */
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
  /** Readable and without errors: may be published. */
  readonly ok: boolean;
  readonly settings: PortalSettings;
  readonly withheld: readonly WithheldFile[];
  readonly embargo: readonly EmbargoRule[];
  /**
   * The bureau's own view, NOT for publication: every file as read (embargoed ones included) and
   * indicators on exact counts. Only `npm run indicators -- --unsuppressed` prints it, labelled so.
   */
  readonly unpublished: {
    readonly data: PortalData;
    readonly results: () => IndicatorResults;
  };
  /** What may be published. */
  readonly published: {
    /** Embargoed files withheld; counts exact (indicators and views decide what they show). */
    readonly data: PortalData;
    /** Tables as published: small sensitive counts written as the marker ("<5"). */
    readonly tables: () => PortalData;
    /** Indicators computed with small counts as not reported, so no value gives one back. */
    readonly results: () => IndicatorResults;
    /** The marker suppressed counts show ("<5"). */
    readonly marker: string;
  };
  /** Lookups over the published model and results, for the view models. */
  readonly portal: () => Portal;
  /** Releases, files, checksums, diffs and the feed, from the same published data. */
  readonly distribution: () => DistributionBuilder;
}

/** The one cache: per folder, the latest folder state and date. */
const cache = new Map<string, { key: string; pipeline: Promise<Pipeline> }>();
/** The pipeline a published model came from, so a release reuses its computed indicators. */
const byModel = new WeakMap<PortalData, Pipeline>();

/**
 * Runs (or reuses) the pipeline for a data folder. Never throws for bad data: an unreadable
 * folder or invalid files are issues; `ok` says whether it may be published.
 */
export function runPipeline(input: PipelineInput, effects: Effects = silentEffects): Promise<Pipeline> {
  const dataDir = resolve(input.dataDir);
  const today = input.today ?? publicationDate(effects.env, effects.now());
  const releasesFile = input.releasesFile ? resolve(input.releasesFile) : undefined;
  const key = `${today}\u0000${releasesFile ?? ''}\u0000${folderStamp(dataDir)}`;
  const hit = cache.get(dataDir);
  if (hit && hit.key === key) return hit.pipeline;
  const pipeline = Promise.resolve().then(() => compute(dataDir, today, input.releaseCacheDir, releasesFile, effects));
  cache.set(dataDir, { key, pipeline });
  return pipeline;
}

/** Forgets every computed folder (tests that edit a folder within one mtime tick; memory). */
export function clearPipelineCache(): void {
  cache.clear();
}

function lazy<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}

function compute(dataDir: string, today: string, releaseCacheDir: string | undefined, releasesFile: string | undefined, effects: Effects): Pipeline {
  const loaded = loadPortalDataSync(dataDir);
  const { data: published, issues, withheld, rules } = withholdEmbargoed(loaded, dataDir, today);
  const { errors, warnings } = countBySeverity(issues);
  const settings = loaded.data.settings;
  const marker = suppressionMarker(settings.suppression_threshold ?? DEFAULT_THRESHOLD);
  const results = lazy(() => publishableIndicators(published));
  const tables = lazy(() => suppressPortalData(published));
  const portal = lazy(() => indexPortal(published, results(), { issues, withheld, releasesFile }));
  const self: Pipeline = {
    dataDir,
    today,
    readable: loaded.readable,
    issues,
    errors,
    warnings,
    ok: loaded.readable && errors === 0,
    settings,
    withheld,
    embargo: rules,
    unpublished: { data: loaded.data, results: lazy(() => computeIndicators(loaded.data)) },
    published: { data: published, tables, results, marker },
    portal,
    distribution: lazy(() => new DistributionBuilder({ dataDir, cacheDir: releaseCacheDir, releasesFile, effects: distributionEffects(today, settings.suppression_threshold ?? DEFAULT_THRESHOLD, effects) })),
  };
  byModel.set(published, self);
  if (loaded.readable) effects.log(`数据：${errors} 个错误，${warnings} 个提醒。`);
  return self;
}

/**
 * How the distribution reads each release (the current folder or an older snapshot): through
 * this same pipeline, so every release publishes exactly what the pages publish. An older
 * release is suppressed with the larger of its own threshold and today's: a bureau that raises
 * the threshold hides those counts in every release it still serves, not only the newest.
 */
function distributionEffects(today: string, threshold: number, effects: Effects): DistributionEffects {
  return {
    load: async (dir) => {
      const p = await runPipeline({ dataDir: dir, today }, effects);
      if (!p.readable) return p.issues.map((i) => i.message).join('；') || '数据文件夹无法读取';
      const own = p.settings.suppression_threshold ?? DEFAULT_THRESHOLD;
      if (own >= threshold) return p.published.data;
      return { ...p.published.data, settings: { ...p.settings, suppression_threshold: threshold } };
    },
    suppress: (data) => byModel.get(data)?.published.tables() ?? suppressPortalData(data),
    suppressionMarker: (settings) => suppressionMarker(Math.max(settings.suppression_threshold ?? DEFAULT_THRESHOLD, threshold)),
    indicators: (data) => byModel.get(data)?.published.results() ?? publishableIndicators(data),
  };
}
