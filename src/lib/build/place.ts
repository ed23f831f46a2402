/** Copying cached download folders into the site (no model, no pipeline: the build's orchestrator uses it). */
import { constants, copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** A folder of the cache to copy into the site: `from` (absolute) → `to` (relative to dist/). */
export interface Placement {
  readonly from: string;
  readonly to: string;
  /** Only these files of `from` (relative paths); every file when absent. */
  readonly files?: readonly string[];
}

export function walkFiles(dir: string, out: string[] = [], base = dir): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    if (n.startsWith('.')) continue;
    const p = join(dir, n);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) walkFiles(p, out, base);
    else if (st.isFile()) out.push(relative(base, p));
  }
  return out;
}

/**
 * Copies the cached folders into the site (after Astro has written the pages). A copy-on-write
 * clone where the file system can, a plain copy elsewhere; never a hard link: whatever later
 * touches dist/ must not reach the cache. Returns the number of files.
 */
export function placeDownloads(placements: readonly Placement[], outDir: string): number {
  let n = 0;
  for (const p of placements) {
    for (const f of p.files ?? walkFiles(p.from)) {
      const dst = join(outDir, p.to, f);
      mkdirSync(dirname(dst), { recursive: true });
      copyFileSync(join(p.from, f), dst, constants.COPYFILE_FICLONE);
      n++;
    }
  }
  return n;
}
