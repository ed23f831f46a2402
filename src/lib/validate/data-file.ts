/**
 * Before a data file is read: is it a regular file inside the data folder? A symbolic link that
 * leaves the folder (`ln -s /etc/passwd data/2025/zones.csv`) would put another file's lines into
 * messages and pull-request annotations, or publish it; a folder or a FIFO named like a dataset
 * would give a raw EISDIR or block the build forever. Each gets a plain-Chinese issue instead.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';
import type { Issue } from './issue';
import { makeIssue } from './make-issue';

export type DataFileCheck = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly issue: Issue };

function inside(root: string, p: string): boolean {
  const r = relative(root, p);
  return r === '' || (!r.startsWith('..' + sep) && r !== '..' && !isAbsolute(r));
}

/** The real path of the data folder (cached per call site by the caller). */
export function dataRoot(dataDir: string): string {
  try {
    return realpathSync(dataDir);
  } catch {
    return dataDir;
  }
}

/**
 * Checks `rel` (relative to the data folder) before it is read. `root` is dataRoot(dataDir).
 * ok → the path to read. Not ok → one issue (error) on the file; the file must not be read.
 */
export function checkDataFile(dataDir: string, root: string, rel: string): DataFileCheck {
  const p = join(dataDir, rel);
  let link = false;
  try {
    link = lstatSync(p).isSymbolicLink();
  } catch {
    /* checked below */
  }
  let real: string;
  try {
    real = realpathSync(p);
  } catch {
    // A dangling link (its target is gone or unreadable).
    return { ok: false, issue: makeIssue('link-outside-data', { file: rel }, { hint: '链接指向的文件不存在。' }) };
  }
  if (!inside(root, real)) {
    return { ok: false, issue: makeIssue('link-outside-data', { file: rel }, { hint: link ? '' : '（它所在的文件夹是这样的链接。）' }) };
  }
  const st = statSync(real);
  if (st.isDirectory()) return { ok: false, issue: makeIssue('not-a-file', { file: rel }, { kind: '一个文件夹' }) };
  if (!st.isFile()) {
    const kind = st.isFIFO() ? '一个命名管道（FIFO）' : st.isSocket() ? '一个套接字' : '一个设备或其他特殊文件';
    return { ok: false, issue: makeIssue('not-a-file', { file: rel }, { kind }) };
  }
  return { ok: true, path: real };
}
