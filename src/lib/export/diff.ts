/**
 * Cell-level difference between two published versions of one dataset file: rows added and
 * removed (by primary key) and, for rows in both, every cell whose published text changed.
 * Cells are compared as the `code` flavour CSV writes them (after privacy suppression), so a
 * diff never reveals a suppressed value and 1 vs 1.0 is not a change.
 */
import { formatCell } from './cells';
import type { ExportTable, TableDef } from './table';

export interface CellChange {
  readonly column: string;
  readonly old: string;
  readonly new: string;
}

export interface RowChange {
  /** Primary-key values in key order, e.g. ['2121000101', '1']. */
  readonly key: readonly string[];
  readonly changes: readonly CellChange[];
}

export interface KeyedRow {
  readonly key: readonly string[];
  /** Every cell, by column key, as published. */
  readonly cells: Readonly<Record<string, string>>;
}

export interface TableDiff {
  readonly dataset: string;
  /** School year for per-year datasets, null otherwise. */
  readonly year: number | null;
  /** `added`: the file is new in this release; `removed`: no longer published. */
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly primaryKey: readonly string[];
  readonly added: readonly KeyedRow[];
  readonly removed: readonly KeyedRow[];
  readonly changed: readonly RowChange[];
  /** Columns present in only one of the versions (a change of the data contract). */
  readonly columnsAdded: readonly string[];
  readonly columnsRemoved: readonly string[];
}

/** Keys compare part by part; all-digit parts numerically (grade 9 before 10), others by code point. */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y) && x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Published cells of a row, by column key. */
function cellsOf(def: TableDef, row: ExportTable['rows'][number]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const c of def.columns) cells[c.key] = formatCell(c, row[c.key] as never, 'code');
  return cells;
}

/**
 * Rows by primary key, holding only the row's text (one string) so two versions of a large
 * file fit in memory; cells are split out only for rows that differ.
 */
function keyedRows(table: ExportTable): Map<string, { readonly row: ExportTable['rows'][number]; readonly text: string }> {
  const { def } = table;
  const keyCols = def.primaryKey.map((k) => def.columns.find((c) => c.key === k)!).filter(Boolean);
  const out = new Map<string, { row: ExportTable['rows'][number]; text: string }>();
  for (const row of table.rows) {
    const id = keyCols.map((c) => formatCell(c, row[c.key] as never, 'code')).join('\u0000');
    // Duplicate keys are a validation error; if one slips through, the first row wins.
    if (out.has(id)) continue;
    let text = '';
    for (const c of def.columns) text += formatCell(c, row[c.key] as never, 'code') + '\u0000';
    out.set(id, { row, text });
  }
  return out;
}

function keyed(def: TableDef, row: ExportTable['rows'][number]): KeyedRow {
  const cells = cellsOf(def, row);
  return { key: def.primaryKey.map((k) => cells[k] ?? ''), cells };
}

function byKey<T extends { key: readonly string[] }>(a: T, b: T): number {
  return compareKeys(a.key, b.key);
}

export function diffTables(def: TableDef, year: number | null, before: ExportTable | null, after: ExportTable | null): TableDiff {
  const oldRows = before ? keyedRows(before) : new Map<string, { row: ExportTable['rows'][number]; text: string }>();
  const newRows = after ? keyedRows(after) : new Map<string, { row: ExportTable['rows'][number]; text: string }>();
  const oldCols = before ? before.def.columns.map((c) => c.key) : [];
  const newCols = after ? after.def.columns.map((c) => c.key) : [];
  const common = newCols.filter((k) => oldCols.includes(k));
  const added: KeyedRow[] = [];
  const removed: KeyedRow[] = [];
  const changed: RowChange[] = [];
  const sameColumns = before && after && oldCols.join('\u0000') === newCols.join('\u0000');
  for (const [id, n] of newRows) {
    const o = oldRows.get(id);
    if (!o) {
      added.push(keyed(after!.def, n.row));
      continue;
    }
    if (sameColumns && o.text === n.text) continue;
    const oc = cellsOf(before!.def, o.row);
    const nc = cellsOf(after!.def, n.row);
    const changes: CellChange[] = [];
    for (const k of common) if (oc[k] !== nc[k]) changes.push({ column: k, old: oc[k], new: nc[k] });
    if (changes.length) changed.push({ key: def.primaryKey.map((k) => nc[k] ?? ''), changes });
  }
  for (const [id, o] of oldRows) if (!newRows.has(id)) removed.push(keyed(before!.def, o.row));
  added.sort(byKey);
  removed.sort(byKey);
  changed.sort(byKey);
  const columnsAdded = before && after ? newCols.filter((k) => !oldCols.includes(k)) : [];
  const columnsRemoved = before && after ? oldCols.filter((k) => !newCols.includes(k)) : [];
  const status = !before && after
    ? 'added'
    : before && !after
      ? 'removed'
      : added.length || removed.length || changed.length || columnsAdded.length || columnsRemoved.length
        ? 'changed'
        : 'unchanged';
  return { dataset: def.id, year, status, primaryKey: def.primaryKey, added, removed, changed, columnsAdded, columnsRemoved };
}

export function diffSize(d: TableDiff): number {
  return d.added.length + d.removed.length + d.changed.reduce((n, r) => n + r.changes.length, 0);
}
