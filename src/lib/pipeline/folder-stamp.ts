import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file's path, size and mtime under a folder: two calls with the same stamp see the same
 * data, so the pipeline's cache can be reused; an edited folder is read again.
 */
export function folderStamp(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p, `${rel}${n}/`);
      else parts.push(`${rel}${n}:${st.size}:${st.mtimeMs}`);
    }
  };
  walk(dir, '');
  return parts.join('|');
}
