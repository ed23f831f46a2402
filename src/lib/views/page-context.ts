/**
 * How a page reaches the pipeline. The build (scripts/build.ts) runs Astro in a child process and
 * passes it its input at compile time (Vite `define` of `__PORTAL_INPUT__`), never through
 * process.env:
 *   dataDir, today     the folder and embargo date the pages compute from (same as the build's);
 *   distribution       a JSON file with the distribution manifest (releases, sizes, checksums,
 *                      diffs) the build's first stage wrote together with the download files —
 *                      pages show it, they never build or hold a download's bytes.
 * `astro dev` without the build script reads data/ as of today and computes the manifest itself.
 *
 * The pipeline module keeps one cache per process, and the pages' bundle shares one copy of it,
 * so every page of a build reads the same computed model.
 */
import { runPipeline, silentEffects, type Pipeline } from '../pipeline';
import { DistributionBuilder } from '../export/distribution';
import type { Portal } from '../site/portal';
import { readDistribution } from '../build/manifest';

export interface PageInput {
  readonly dataDir: string;
  readonly today: string;
  /** Absolute path of the distribution manifest JSON written by the build's first stage. */
  readonly distribution?: string;
  /** releases.yml when it is not next to the data folder (the build's PORTAL_RELEASES). */
  readonly releasesFile?: string;
}

declare const __PORTAL_INPUT__: PageInput | undefined;

function input(): { dataDir: string; today?: string; distribution?: string; releasesFile?: string } {
  return typeof __PORTAL_INPUT__ !== 'undefined' ? __PORTAL_INPUT__ : { dataDir: 'data' };
}

const withManifest = new WeakMap<Pipeline, Pipeline>();

function prebuilt(p: Pipeline, file: string): Pipeline {
  let hit = withManifest.get(p);
  if (!hit) {
    let builder: DistributionBuilder | null = null;
    const refuse = () => {
      throw new Error('页面不生成下载文件：下载文件由构建的第一步写入（scripts/build.ts）。');
    };
    hit = {
      ...p,
      distribution: () =>
        (builder ??= new DistributionBuilder({
          dataDir: p.dataDir,
          precomputed: readDistribution(file),
          effects: { load: refuse, suppress: refuse, suppressionMarker: refuse, indicators: refuse },
        })),
    };
    withManifest.set(p, hit);
  }
  return hit;
}

/** The pipeline of the folder being built; refuses (with the first issue) when it cannot publish. */
export async function pagePipeline(): Promise<Pipeline> {
  const inp = input();
  const p = await runPipeline(inp, silentEffects);
  if (!p.readable) throw new Error(p.issues[0]?.message ?? `无法读取数据文件夹 ${p.dataDir}`);
  return inp.distribution ? prebuilt(p, inp.distribution) : p;
}

/** The indexed, publishable model pages render from. */
export async function pagePortal(): Promise<Portal> {
  return (await pagePipeline()).portal();
}
