/**
 * /data/latest/: a fixed address for the newest release without a second copy of it.
 *
 * A plain static host (GitHub Pages, GitLab Pages) has no redirects: a file URL is only served by
 * a file. /data/latest/ therefore keeps real copies of what a program fetches from a fixed
 * address — the for-code CSV files (`csv/…`), `datapackage.json` (whose resource paths are
 * relative, so it reads `latest/csv/…`), the dictionary, changes, README, licence and citations
 * — and its own `SHA256SUMS` over exactly those files. The formats for people (XLSX, Excel CSV)
 * and the ZIP bundle are linked at their permanent address /data/releases/<version>/…: copying
 * them was a full second release (22 % of the site at 2,000 schools). A browser that follows an
 * old /data/latest/ link to one of them lands on the 404 page, which forwards it to the same
 * file of the newest release (`latestRedirect`). `/data/latest.json` says which version is the
 * newest and where each of its files is, for programs that want the permanent URLs.
 */
import { sha256sums } from './checksums';
import { stableJson } from './json';
import type { FileInfo, ReleaseContext, ReleaseManifest } from './release-build';

const encoder = new TextEncoder();

/** Whether a file of the newest release is also copied to /data/latest/ (path relative to the release folder). */
export function inLatest(path: string): boolean {
  if (path.startsWith('csv/')) return true;
  if (path.includes('/')) return false;
  return !path.endsWith('.zip') && path !== 'SHA256SUMS';
}

/** The files of `/data/latest/` other than its own SHA256SUMS, sorted by path. */
export function latestFiles(m: ReleaseManifest): FileInfo[] {
  return m.files.filter((f) => inLatest(f.path));
}

/** `/data/latest/SHA256SUMS`: the checksums of the files that are in /data/latest/. */
export function latestSums(m: ReleaseManifest): Uint8Array {
  return encoder.encode(sha256sums(latestFiles(m)));
}

/** `/data/latest.json`: the newest version and the permanent URL of each of its files. */
export function latestPointer(m: ReleaseManifest, ctx: Pick<ReleaseContext, 'url'>): Uint8Array {
  const base = `data/releases/${m.version}/`;
  return encoder.encode(
    stableJson({
      version: m.version,
      date: m.date,
      url: ctx.url(base),
      datapackage: ctx.url(base + 'datapackage.json'),
      zip: ctx.url(base + m.zip.path),
      files: m.files.map((f) => ({ path: f.path, url: ctx.url(base + f.path), bytes: f.bytes, sha256: f.sha256 })),
      latest: {
        note: '/data/latest/ 只含程序用的 csv/ 和说明文件（同名路径）；Excel、XLSX 和 ZIP 请用上面的永久网址。 / /data/latest/ holds the csv/ files and the metadata only; use the permanent URLs above for XLSX, Excel CSV and the ZIP.',
        files: [...latestFiles(m).map((f) => f.path), 'SHA256SUMS'].sort(),
      },
    }),
  );
}

/**
 * Where the 404 page sends a browser that asked for `/data/latest/<rest>` (`rest` relative to
 * /data/latest/): the same file of the newest release when it has one, its ZIP for any old
 * bundle name, else the /data/latest/ page. Relative to the site root.
 */
export function latestRedirect(rest: string, m: ReleaseManifest): string {
  const base = `data/releases/${m.version}/`;
  if (m.files.some((f) => f.path === rest)) return base + rest;
  if (rest.endsWith('.zip') && !rest.includes('/')) return base + m.zip.path;
  return 'data/latest/';
}
