// Page-private helpers for /data/…, /changelog/ and /feed.xml: everything they show comes from
// the pipeline's one distribution (src/lib/pipeline), so the checksums printed on a page
// are computed from the bytes the file endpoints write.
import { ALL_DATASETS } from '../../lib/schema';
import { INDICATOR_TABLES, releaseContext, type Distribution, type TableDef } from '../../lib/export';
import { pagePipeline } from '../../lib/views/page-context';
import { withBase } from '../../lib/urls/base-path';

export async function builder() {
  return (await pagePipeline()).distribution();
}

export interface Links {
  readonly d: Distribution;
  /** Site path (with base) of any page or file. */
  readonly href: (path: string) => string;
  /** Site path of a file of a release (its permanent URL). */
  readonly fileHref: (version: string, path: string) => string;
  /** Absolute URL when site_url is set (citations, JSON-LD, feed), else the site path. */
  readonly absolute: (path: string) => string;
}

export async function links(): Promise<Links> {
  const d = await (await builder()).distribution();
  const base = d.settings.base_path;
  const ctx = releaseContext(d.settings, null);
  return {
    d,
    href: (path) => withBase(base, path),
    fileHref: (version, path) => withBase(base, `data/releases/${version}/${path}`),
    absolute: (path) => ctx.url(path),
  };
}

/** Every table with a page: the data contract's datasets, then the computed ones. */
export const CATALOGUE: readonly (TableDef & { perYear: boolean; computed: boolean })[] = [
  ...ALL_DATASETS.map((d) => ({ ...d, computed: false })),
  ...INDICATOR_TABLES.map((d) => ({ ...d, perYear: false, computed: true })),
];
