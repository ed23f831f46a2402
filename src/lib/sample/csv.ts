/**
 * CSV output of the generator: UTF-8 without BOM, LF line ends, RFC 4180 quoting, headers by
 * Chinese label (as the bureau templates write them). Numbers are written by fixed rules so the
 * same data always gives the same bytes.
 */
import type { DatasetSchema } from '../schema';

export type Cell = string | number | null | undefined;

export function quote(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const s = typeof cell === 'number' ? formatNumber(cell) : cell;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Integers as digits; other numbers with at most 4 decimals and no trailing zeros. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`sample generator produced a non-finite number: ${n}`);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(4)));
}

export function line(cells: readonly Cell[]): string {
  return cells.map(quote).join(',') + '\n';
}

/** Header line of a dataset (Chinese labels) and the column keys in the same order. */
export function header(schema: DatasetSchema): string {
  return line(schema.columns.map((c) => c.zh));
}

/** A row given by key → value, in the schema's column order. */
export function rowLine(schema: DatasetSchema, row: Readonly<Record<string, Cell>>): string {
  for (const k of Object.keys(row)) {
    if (!schema.columns.some((c) => c.key === k)) throw new Error(`${schema.id}: unknown column ${k}`);
  }
  return line(schema.columns.map((c) => row[c.key]));
}

/** Chinese label of an enum value (the templates write 小学, 公办, 城区 …). */
export function zhOf(schema: DatasetSchema, key: string, value: string): string {
  const col = schema.columns.find((c) => c.key === key);
  const v = col?.values?.find((x) => x.key === value);
  if (!v) throw new Error(`${schema.id}.${key}: unknown value ${value}`);
  return v.zh;
}
