/**
 * How a page reaches the pipeline. The build passes its input to the page bundle at compile time
 * (Vite `define` of `__PORTAL_INPUT__`, see scripts/build.ts) instead of through process.env;
 * `astro dev` without the build script reads data/ as of today.
 *
 * The pipeline module keeps one cache per process, and the pages' bundle shares one copy of it,
 * so every page of a build reads the same computed model.
 */
import { runPipeline, silentEffects, type Pipeline } from '../pipeline';
import type { Portal } from '../site/portal';

export interface PageInput {
  readonly dataDir: string;
  readonly today: string;
}

declare const __PORTAL_INPUT__: PageInput | undefined;

function input(): { dataDir: string; today?: string } {
  return typeof __PORTAL_INPUT__ !== 'undefined' ? __PORTAL_INPUT__ : { dataDir: 'data' };
}

/** The pipeline of the folder being built; refuses (with the first issue) when it cannot publish. */
export async function pagePipeline(): Promise<Pipeline> {
  const p = await runPipeline(input(), silentEffects);
  if (!p.readable) throw new Error(p.issues[0]?.message ?? `无法读取数据文件夹 ${p.dataDir}`);
  return p;
}

/** The indexed, publishable model pages render from. */
export async function pagePortal(): Promise<Portal> {
  return (await pagePipeline()).portal();
}
