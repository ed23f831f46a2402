import { zipSync, type Zippable } from 'fflate';

/**
 * A deterministic ZIP: entries sorted by path, every entry stamped with the release date
 * (fflate would otherwise stamp the current time). ZIP stores local wall-clock time, so the
 * date is built from local fields — the same bytes in any time zone.
 */
export function deterministicZip(files: ReadonlyMap<string, Uint8Array>, isoDate: string): Uint8Array {
  const [y, m, d] = isoDate.split('-').map(Number);
  const mtime = new Date(Math.max(1980, y || 1980), (m || 1) - 1, d || 1, 12, 0, 0);
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort()) entries[path] = [files.get(path)!, { mtime, level: 3 }];
  return zipSync(entries, { mtime });
}
