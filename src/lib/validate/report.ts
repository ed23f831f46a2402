import { lstatSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { datasetById } from '../schema';
import type { Issue } from './issue';
import { countBySeverity } from './make-issue';

/**
 * A column as people and code both know it: the Chinese label with the key in brackets,
 * “学生数 [students]”. A column the schema does not know (an extra header) stays as written.
 */
export function columnName(file: string, column: string): string {
  const id = (file.split('/').pop() ?? '').replace(/\.csv$/i, '');
  const col = datasetById(id)?.columns.find((c) => c.key === column);
  return col ? `${col.zh} [${col.key}]` : column;
}

/**
 * For each spreadsheet row of a CSV (index 0 = row 1, numbered as the parser numbers records:
 * one per record, blank lines keep their number, an Excel `sep=,` first line is not a row), the
 * physical line of the file where it starts. A quoted cell spanning lines makes the two differ,
 * and pull-request annotations must point at the physical line. Works on the raw bytes: line
 * breaks, quotes and commas are single ASCII bytes in UTF-8 and GB18030 alike.
 */
export function recordStartLines(bytes: Uint8Array): number[] {
  const starts: number[] = [1];
  let line = 1;
  let quoted = false;
  let fieldStart = true;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (quoted) {
      if (c === 34) {
        if (bytes[i + 1] === 34) i++;
        else quoted = false;
      } else if (c === 13 || c === 10) {
        if (c === 13 && bytes[i + 1] === 10) i++;
        line++;
      }
      continue;
    }
    if (c === 34 && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === 44) fieldStart = true;
    else if (c === 13 || c === 10) {
      if (c === 13 && bytes[i + 1] === 10) i++;
      line++;
      if (i + 1 < n) starts.push(line);
      fieldStart = true;
    } else fieldStart = false;
  }
  // `sep=,` is not a row: row 1 is the line after it.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const sepLine = n >= bom + 5 && /^sep=.$/i.test(String.fromCharCode(...bytes.subarray(bom, bom + 5)));
  return sepLine ? starts.slice(1) : starts;
}

/** boundaries.geojson: its issues name a feature (counted from 1) and a property, not a row and column. */
function isGeoJson(file: string): boolean {
  return /\.geojson$/i.test(file);
}

/** Where an issue is, in words: “第3行，列 学生数 [students]” or “第2个要素，属性 region_code”. */
export function issuePlace(i: Issue): string {
  const geo = isGeoJson(i.file);
  const row = i.row === null ? null : geo ? `第${i.row}个要素` : `第${i.row}行`;
  const column = !i.column ? null : geo ? `属性 ${i.column}` : `列 ${columnName(i.file, i.column)}`;
  return [row, column].filter(Boolean).join('，');
}

/** An issue with the physical line of the file it concerns (null for file-level issues). */
export type LocatedIssue = Issue & { readonly line: number | null };

/**
 * Adds the physical line to each issue, reading each CSV with issues once (regular files inside
 * the data folder only; anything else keeps line = row).
 */
export function withPhysicalLines(issues: readonly Issue[], dataDir: string | null): LocatedIssue[] {
  const root = dataDir ? resolve(dataDir) : null;
  const cache = new Map<string, number[] | null>();
  const startsOf = (file: string): number[] | null => {
    if (!root || !/\.csv$/i.test(file)) return null;
    if (cache.has(file)) return cache.get(file)!;
    let starts: number[] | null = null;
    const path = resolve(join(root, file));
    try {
      if (path.startsWith(root + sep) && lstatSync(path).isFile()) starts = recordStartLines(readFileSync(path));
    } catch {
      starts = null;
    }
    cache.set(file, starts);
    return starts;
  };
  // In a GeoJSON file `row` counts features, not lines: such an issue points at the file.
  return issues.map((i) => ({ ...i, line: i.row === null || isGeoJson(i.file) ? null : (startsOf(i.file)?.[i.row - 1] ?? i.row) }));
}

/** The issue list as a Chinese text report, grouped by file (what the CLI and the build print). */
export function formatText(issues: readonly Issue[], dataDir: string): string {
  const { errors, warnings } = countBySeverity(issues);
  const lines: string[] = [];
  if (issues.length === 0) {
    lines.push(`✓ 数据检查通过：${dataDir} 中没有发现问题。`);
    return lines.join('\n') + '\n';
  }
  const byFile = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = byFile.get(i.file) ?? [];
    list.push(i);
    byFile.set(i.file, list);
  }
  for (const [file, list] of byFile) {
    lines.push(`■ ${file}（${list.length}个问题）`);
    for (const i of list) {
      const where = issuePlace(i);
      lines.push(`  ${i.severity === 'error' ? '错误' : '提醒'}${where ? `［${where}］` : ''} ${i.message}  (${i.code})`);
    }
    lines.push('');
  }
  lines.push(
    errors > 0
      ? `✗ 共 ${errors} 个错误、${warnings} 个提醒。请改正错误后再发布（提醒不影响发布）。`
      : `✓ 没有错误，共 ${warnings} 个提醒（不影响发布）。`,
  );
  return lines.join('\n') + '\n';
}

/**
 * `{"ok", "errors", "warnings", "issues"}` — the machine-readable report. With the data folder,
 * each issue also has `line`: the physical line of the file (what GitLab's Code Quality needs;
 * `row` is the spreadsheet row).
 */
export function formatJson(issues: readonly Issue[], dataDir: string | null = null): string {
  const { errors, warnings } = countBySeverity(issues);
  return JSON.stringify({ ok: errors === 0, errors, warnings, issues: dataDir ? withPhysicalLines(issues, dataDir) : issues }, null, 2) + '\n';
}

/** GitHub Actions workflow-command escaping (actions/toolkit command.ts). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error file=…,line=…,title=…::message` line per issue, so a pull request shows each
 * problem on the file and line. `filePrefix` is the data folder relative to the repository root;
 * with `dataDir` (the folder on disk) the line is the file's physical line, which a quoted cell
 * spanning lines above makes differ from the spreadsheet row the message names. The title names
 * the column by its Chinese label with the key in brackets.
 */
export function formatGithub(issues: readonly Issue[], filePrefix: string, dataDir: string | null = null): string {
  const prefix = filePrefix === '' || filePrefix === '.' ? '' : filePrefix.replace(/\/+$/, '') + '/';
  return withPhysicalLines(issues, dataDir)
    .map((i) => {
      const props = [`file=${escapeProperty(prefix + (i.file === '.' ? '' : i.file))}`];
      if (i.line !== null) props.push(`line=${i.line}`);
      props.push(`title=${escapeProperty(`${i.code}${i.column ? ` ${isGeoJson(i.file) ? issuePlace(i) : columnName(i.file, i.column)}` : ''}`)}`);
      const note = i.row !== null && i.line !== null && i.line !== i.row ? `（表格中第${i.row}行，文件中第${i.line}行：上方有跨行的单元格）` : '';
      return `::${i.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(i.message + note)}`;
    })
    .join('\n') + (issues.length ? '\n' : '');
}
