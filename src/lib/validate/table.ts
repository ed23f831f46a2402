import type { Column, DatasetSchema, SourceRef } from '../schema/types';
import type { Issue } from './issue';
import { decodeCsvBytes, type Encoding } from '../csv/decode';
import { parseCsvText } from '../csv/parse';
import { readCell } from '../csv/normalise';
import { makeIssue } from './make-issue';
import { matchHeader, suggestColumn } from './header';
import { containsIdCard, containsMobile, isPersonalDataHeader } from './privacy';

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
    issues.push(makeIssue(decoded.code, { file }, { kind: decoded.kind }));
    return empty();
  }
  const parsed = parseCsvText(decoded.text);
  if (parsed.header.length === 0) {
    issues.push(makeIssue('empty-file', { file }));
    return empty(decoded.encoding);
  }
  for (const p of parsed.problems) {
    if (p.kind === 'quotes') issues.push(makeIssue('csv-quote-error', { file, row: p.row }));
  }

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
        issues.push(makeIssue('personal-data-column', { file, row: 1, column: trimmed, value: trimmed }));
        personal = true;
      } else {
        const s = suggestColumn(schema, trimmed);
        issues.push(
          makeIssue('unknown-column', { file, row: 1, column: trimmed, value: trimmed }, {
            hint: s ? `是否应为“${s.zh}”？` : '请检查列名是否与模板一致。',
          }),
        );
      }
      return;
    }
    if (seen.has(col.key)) {
      issues.push(makeIssue('duplicate-column', { file, row: 1, column: col.key, value: trimmed, label: col.zh }));
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
      issues.push(makeIssue('missing-required-column', { file, row: 1, column: col.key, label: col.zh }));
    }
  }

  const headerLen = parsed.header.length;
  const present = schema.columns.filter((c) => seen.has(c.key));
  const textCols = present.filter((c) => c.type === 'text');
  const pk = schema.primaryKey;
  const firstRowOfKey = new Map<string, number>();
  const rows: TypedRow[] = [];
  const blankHeaderReported = new Set<number>();

  for (const rec of parsed.records) {
    const row: Record<string, string | number | null> = {};
    const { cells } = rec;
    // Cells beyond the header: an error when they hold anything (an unquoted comma, usually).
    if (cells.length > headerLen) {
      const extra = cells.slice(headerLen).filter((c) => c.trim() !== '');
      if (extra.length > 0) {
        issues.push(
          makeIssue('ragged-row', { file, row: rec.row, value: extra.join(',') }, { count: cells.length, expected: headerLen }),
        );
      }
    }
    for (const i of blankHeaderIdx) {
      if (!blankHeaderReported.has(i) && (cells[i] ?? '').trim() !== '') {
        blankHeaderReported.add(i);
        issues.push(makeIssue('blank-header', { file, row: rec.row, value: cells[i] }, { colIndex: i + 1 }));
      }
    }
    for (let i = 0; i < byIndex.length; i++) {
      const col = byIndex[i];
      if (!col) continue;
      const raw = cells[i];
      const r = readCell(raw, col);
      const at = { file, row: rec.row, column: col.key, label: col.zh, value: raw ?? '' };
      if (!r.ok) {
        issues.push(makeIssue(r.code, at, r.params));
        row[col.key] = null;
        continue;
      }
      if (r.warning) issues.push(makeIssue(r.warning, at));
      if (r.value === null && col.required && !missingRequired.has(col.key)) {
        issues.push(makeIssue('required-value-missing', at));
      }
      row[col.key] = r.value;
    }
    for (const col of schema.columns) if (!(col.key in row)) row[col.key] = col.default ?? null;
    // Personal data hidden in free text.
    for (const col of textCols) {
      const v = row[col.key];
      if (typeof v !== 'string') continue;
      const at = { file, row: rec.row, column: col.key, label: col.zh, value: v };
      if (containsIdCard(v)) issues.push(makeIssue('id-card-value', at));
      else if (containsMobile(v)) issues.push(makeIssue('phone-value', at));
    }
    // Duplicate records by primary key (skipped when a key part could not be read).
    if (pk.length > 0 && !personal) {
      const parts = pk.map((k) => row[k]);
      if (parts.every((p, j) => p !== null || !schema.columns.find((c) => c.key === pk[j])?.required)) {
        const key = parts.map((p) => (p === null ? '' : String(p))).join('\u0001');
        const first = firstRowOfKey.get(key);
        if (first !== undefined) {
          const labels = pk.map((k) => schema.columns.find((c) => c.key === k)!.zh).join('、');
          issues.push(
            makeIssue('duplicate-key', { file, row: rec.row, column: pk[0], label: labels, value: parts.filter((p) => p !== null).join(' / ') }, {
              firstRow: first,
            }),
          );
        } else firstRowOfKey.set(key, rec.row);
      }
    }
    (row as { _source?: SourceRef })._source = { file, row: rec.row };
    rows.push(row as TypedRow);
  }
  return { rows, issues, columns: present.map((c) => c.key), encoding: decoded.encoding };
}
