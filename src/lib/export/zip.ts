import { Zip, ZipDeflate } from 'fflate';

/** ZIP stores local wall-clock time, so the date is built from local fields — the same bytes in any time zone. */
function zipTime(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Math.max(1980, y || 1980), (m || 1) - 1, d || 1, 12, 0, 0);
}

/**
 * A deterministic ZIP written as a stream: each entry is compressed as it is added and its bytes
 * go straight to `write` (a file on disk in the build), so a release's files are never all in
 * memory at once. Entries are stored in the order they are added, every one stamped with the
 * release date (fflate would otherwise stamp the current time).
 */
export class ZipStream {
  private readonly zip: Zip;
  private readonly mtime: Date;
  private failed: Error | null = null;

  constructor(isoDate: string, write: (chunk: Uint8Array) => void) {
    this.mtime = zipTime(isoDate);
    this.zip = new Zip((err, chunk) => {
      if (err) this.failed = err;
      else write(chunk);
    });
  }

  add(path: string, bytes: Uint8Array): void {
    // Workbooks too: storing them saved CPU but made the bundle 23 % larger (they are written
    // with a fast deflate level, so a second pass still shrinks them).
    const f = new ZipDeflate(path, { level: 3 });
    f.mtime = this.mtime;
    this.zip.add(f);
    f.push(bytes, true);
    if (this.failed) throw this.failed;
  }

  end(): void {
    this.zip.end();
    if (this.failed) throw this.failed;
  }
}

/** A deterministic ZIP in memory: entries sorted by path (same format as ZipStream). */
export function deterministicZip(files: ReadonlyMap<string, Uint8Array>, isoDate: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new ZipStream(isoDate, (c) => chunks.push(c));
  for (const path of [...files.keys()].sort()) z.add(path, files.get(path)!);
  z.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
