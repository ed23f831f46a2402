/**
 * Shape checks every issue must pass, whatever the input: a publisher reading the report must be
 * able to find the file, the spreadsheet row and the column, in plain Chinese, and the guide must
 * explain the code. Used by the fuzz and corpus tests.
 */
import { expect } from 'vitest';
import { ISSUE_KINDS } from '../../src/lib/validate/codes';
import type { Issue } from '../../src/lib/validate/issue';

const KINDS = new Map(ISSUE_KINDS.map((k) => [k.code, k]));
const CHINESE = /[\u4e00-\u9fff]/;

/** Returns a list of problems (empty when every issue is well formed), so fast-check can shrink. */
export function issueShapeProblems(issues: readonly Issue[], opts: { file?: string; maxRow?: number } = {}): string[] {
  const out: string[] = [];
  for (const i of issues) {
    const where = `${i.code} @ ${i.file}:${i.row}:${i.column}`;
    const kind = KINDS.get(i.code);
    if (!kind) {
      out.push(`${where}: code not in ISSUE_KINDS`);
      continue;
    }
    if (i.severity !== kind.severity) out.push(`${where}: severity ${i.severity} ≠ catalogue ${kind.severity}`);
    if (typeof i.file !== 'string' || i.file === '') out.push(`${where}: no file`);
    if (opts.file !== undefined && i.file !== opts.file) out.push(`${where}: file is not ${opts.file}`);
    if (i.row !== null && !(Number.isInteger(i.row) && i.row >= 1)) out.push(`${where}: row ${i.row} is not a spreadsheet row`);
    if (opts.maxRow !== undefined && i.row !== null && i.row > opts.maxRow) out.push(`${where}: row beyond the file (${opts.maxRow})`);
    // A file-level issue may point at the first row concerned (encoding-mixed), but then says so.
    if ((kind.scope === 'file' || kind.scope === 'folder') && i.row !== null && !i.message.includes(`第${i.row}行`))
      out.push(`${where}: file-level issue with a row its message does not name`);
    if ((kind.scope === 'row' || kind.scope === 'cell' || kind.scope === 'header') && i.row === null) out.push(`${where}: ${kind.scope} issue without a row`);
    if (kind.scope === 'cell' && (i.column === null || i.column === '')) out.push(`${where}: cell issue without a column`);
    if (typeof i.message !== 'string' || !CHINESE.test(i.message)) out.push(`${where}: message not in Chinese: ${i.message}`);
    if (i.message.length > 600) out.push(`${where}: message of ${i.message.length} characters`);
    if (i.value !== null && i.value.length > 121) out.push(`${where}: value of ${i.value.length} characters`);
    if (i.row !== null && kind.scope !== 'cross-file' && !i.message.includes(`第${i.row}行`) && kind.scope !== 'header')
      out.push(`${where}: message does not name row ${i.row}: ${i.message}`);
  }
  return out;
}

export function expectWellFormedIssues(issues: readonly Issue[], opts: { file?: string; maxRow?: number } = {}): void {
  expect(issueShapeProblems(issues, opts)).toEqual([]);
}
