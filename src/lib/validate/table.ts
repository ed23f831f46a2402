import type { Column, DatasetSchema, SourceRef } from '../schema/types';
import type { Issue } from './issue';
import { decodeCsvBytes, type Encoding } from '../csv/decode';
import { parseCsvText } from '../csv/parse';
import { readCell, readCellFast, toHalfWidth } from '../csv/normalise';
import { makeIssue } from './make-issue';
import { matchHeader, suggestColumn } from './header';
import { containsIdCard, containsMobile, isPersonalDataHeader, maskPersonalDigits } from './privacy';

/** A typed row: column key → value (null = not reported), plus where it came from. */
export type TypedRow = Record<string, string | number | null> & { readonly _source: SourceRef };

export interface TableResult {
  readonly rows: TypedRow[];
  readonly issues: Issue[];
  /** Column keys present in the header (known columns only). */
  readonly columns: readonly string[];
  readonly encoding: Encoding | null;
}

/** Bytes above this are refused: the largest real dataset (classes of 20,000 schools) is ~30 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Reads one dataset file: decode, parse, map the header, type every cell, check keys.
 * Never throws and never drops a record silently: every record becomes a row (invalid cells
 * are null and each has an issue), blank lines are the only thing skipped.
 */
export function readTable(schema: DatasetSchema, file: string, bytes: Uint8Array): TableResult {
  const issues: Issue[] = [];
  const empty = (encoding: Encoding | null = null): TableResult => ({ rows: [], issues, columns: [], encoding });

  if (bytes.length > MAX_FILE_BYTES) {
    issues.push(makeIssue('file-too-large', { file, value: `${Math.round(bytes.length / 1048576)} MB` }, { limit: '200 MB' }));
    return empty();
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) {
    if (decoded.code === 'encoding-mixed') issues.push(makeIssue('encoding-mixed', { file, row: decoded.line }, { count: decoded.count }));
    else if (decoded.code === 'encoding-big5') issues.push(makeIssue('encoding-big5', { file }, { sample: decoded.sample }));
    else issues.push(makeIssue(decoded.code, { file }, { kind: decoded.kind }));
    return empty();
  }
  const parsed = parseCsvText(decoded.text);
  if (parsed.header.length === 0) {
    issues.push(makeIssue('empty-file', { file }));
    return empty(decoded.encoding);
  }
  // Every papaparse problem becomes an issue: a file read wrongly must never look clean.
  for (const p of parsed.problems) {
    if (p.kind === 'quotes') issues.push(makeIssue('csv-quote-error', { file, row: p.row }));
    else issues.push(makeIssue('csv-parse-error', { file, row: p.row, value: p.message }));
  }
  const headerRow = parsed.headerRow;

  // Header: which column index holds which schema column.
  const byIndex: (Column | null)[] = [];
  const seen = new Map<string, number>();
  const blankHeaderIdx: number[] = [];
  let personal = false;
  parsed.header.forEach((name, i) => {
    const trimmed = name.trim();
    if (trimmed === '') {
      byIndex.push(null);
      blankHeaderIdx.push(i);
      return;
    }
    const col = matchHeader(schema, trimmed);
    if (!col) {
      byIndex.push(null);
      if (isPersonalDataHeader(trimmed)) {
        issues.push(makeIssue('personal-data-column', { file, row: headerRow, column: trimmed, value: trimmed }));
        personal = true;
      } else {
        const s = suggestColumn(schema, trimmed);
        issues.push(
          makeIssue('unknown-column', { file, row: headerRow, column: trimmed, value: trimmed }, {
            hint: s ? `是否应为“${s.zh}”？` : '请检查列名是否与模板一致。',
          }),
        );
      }
      return;
    }
    if (seen.has(col.key)) {
      issues.push(makeIssue('duplicate-column', { file, row: headerRow, column: col.key, value: trimmed, label: col.zh }));
      byIndex.push(null);
      return;
    }
    seen.set(col.key, i);
    byIndex.push(col);
  });
  const missingRequired = new Set<string>();
  for (const col of schema.columns) {
    if (col.required && !seen.has(col.key)) {
      missingRequired.add(col.key);
      issues.push(makeIssue('missing-required-column', { file, row: headerRow, column: col.key, label: col.zh }));
    }
  }

  const headerLen = parsed.header.length;
  const present = schema.columns.filter((c) => seen.has(c.key));
  // Every row gets every schema column, in schema order, so all rows share one object shape
  // (this loop runs 500,000 times for a large region's classes.csv).
  const slots = schema.columns.map((col) => ({ col, index: seen.get(col.key) ?? -1, text: col.type === 'text' }));
  const pk = schema.primaryKey;
  const pkRequired = pk.map((k) => schema.columns.find((c) => c.key === k)?.required ?? false);
  const pkLabels = pk.map((k) => schema.columns.find((c) => c.key === k)?.zh ?? k).join('、');
  const firstRowOfKey = new Map<string | number, Map<string | number, number>>();
  const rows: TypedRow[] = [];
  const blankHeaderReported = new Set<number>();

  const { records, rowNumbers } = parsed;
  for (let k = 0; k < records.length; k++) {
    const row: Record<string, string | number | null> = {};
    const cells = records[k];
    const rowNo = rowNumbers[k];
    // Cells beyond the header: an error when they hold anything (an unquoted comma, usually).
    if (cells.length > headerLen) {
      const extra = cells.slice(headerLen).filter((c) => c.trim() !== '');
      if (extra.length > 0) {
        issues.push(
          makeIssue('ragged-row', { file, row: rowNo, value: extra.join(',') }, { count: cells.length, expected: headerLen }),
        );
      }
    }
    for (const i of blankHeaderIdx) {
      if (!blankHeaderReported.has(i) && (cells[i] ?? '').trim() !== '') {
        blankHeaderReported.add(i);
        issues.push(makeIssue('blank-header', { file, row: rowNo, value: cells[i] }, { colIndex: i + 1 }));
      }
    }
    for (let j = 0; j < slots.length; j++) {
      const { col, index, text } = slots[j];
      if (index < 0) {
        row[col.key] = col.default ?? null;
        continue;
      }
      const raw = cells[index];
      const fast = raw === undefined ? undefined : readCellFast(raw, col);
      if (fast !== undefined) {
        row[col.key] = fast;
        continue;
      }
      const r = readCell(raw, col);
      if (!r.ok) {
        issues.push(makeIssue(r.code, { file, row: rowNo, column: col.key, label: col.zh, value: raw ?? '' }, r.params));
        row[col.key] = null;
        continue;
      }
      const v = r.value;
      if (r.warning) issues.push(makeIssue(r.warning, { file, row: rowNo, column: col.key, label: col.zh, value: raw ?? '' }));
      if (v === null && col.required && !missingRequired.has(col.key)) {
        issues.push(makeIssue('required-value-missing', { file, row: rowNo, column: col.key, label: col.zh, value: raw ?? '' }));
      }
      // Personal data hidden in free text: only strings with at least 11 digits can hold one.
      // Full-width digits (１３８…) count too: they are just as personal.
      if (text && typeof v === 'string' && v.length >= 11) {
        const h = toHalfWidth(v);
        if (countDigits(h) >= 11) {
          // The report never repeats the number itself (it may end up in a pull-request annotation).
          const at = { file, row: rowNo, column: col.key, label: col.zh, value: maskPersonalDigits(h) };
          if (containsIdCard(h)) issues.push(makeIssue('id-card-value', at));
          else if (containsMobile(h)) issues.push(makeIssue('phone-value', at));
        }
      }
      row[col.key] = v;
    }
    // Duplicate records by primary key (skipped when a required key part could not be read).
    // Keyed first by the leading part (the school), then by the rest: short keys in small maps
    // hash far faster than 500,000 long concatenated keys in one map.
    if (pk.length > 0 && !personal) {
      let complete = true;
      for (let j = 0; j < pk.length; j++) {
        if (row[pk[j]] === null && pkRequired[j]) {
          complete = false;
          break;
        }
      }
      if (complete) {
        const head = row[pk[0]] ?? '';
        let rest: string | number = pk.length === 2 ? (row[pk[1]] ?? '') : '';
        for (let j = 1; j < pk.length && pk.length > 2; j++) rest += (j > 1 ? '\u0001' : '') + (row[pk[j]] ?? '');
        let inner = firstRowOfKey.get(head);
        if (!inner) {
          inner = new Map();
          firstRowOfKey.set(head, inner);
        }
        const first = inner.get(rest);
        if (first !== undefined) {
          const value = pk.map((k) => row[k]).filter((p) => p !== null).join(' / ');
          issues.push(makeIssue('duplicate-key', { file, row: rowNo, column: pk[0], label: pkLabels, value }, { firstRow: first }));
        } else inner.set(rest, rowNo);
      }
    }
    (row as { _source?: SourceRef })._source = { file, row: rowNo };
    rows.push(row as TypedRow);
  }
  return { rows, issues: collapseColumn(issues, file, 'scientific-notation-code', schema), columns: present.map((c) => c.key), encoding: decoded.encoding };
}

/**
 * A whole column Excel turned into 2.1E+09 gives one error per row: keep the first (it says what
 * happened and how to fix it) and fold the rest of that column into one issue.
 */
function collapseColumn(issues: Issue[], file: string, code: Issue['code'], schema: DatasetSchema): Issue[] {
  const byColumn = new Map<string, Issue[]>();
  for (const i of issues) if (i.code === code && i.column) byColumn.set(i.column, [...(byColumn.get(i.column) ?? []), i]);
  const fold = [...byColumn].filter(([, list]) => list.length > 3);
  if (!fold.length) return issues;
  const drop = new Set(fold.flatMap(([, list]) => list.slice(1)));
  const out = issues.filter((i) => !drop.has(i));
  for (const [column, list] of fold) {
    const rest = list.slice(1).map((i) => i.row ?? 0);
    const rows = rest.slice(0, 5).join('、') + (rest.length > 5 ? '行等' : '行');
    const label = schema.columns.find((c) => c.key === column)?.zh ?? column;
    out.push(makeIssue('same-error-in-column', { file, row: rest[0], column, label }, { count: rest.length, rows }));
  }
  return out;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

