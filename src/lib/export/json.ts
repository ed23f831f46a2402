/**
 * Deterministic JSON. Dataset rows keep the schema's column order (what a reader expects);
 * every other object has its keys sorted, so the same data gives the same bytes.
 */
import { jsonCell } from './cells';
import type { ExportTable } from './table';

const encoder = new TextEncoder();

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** JSON with sorted keys, two-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

/** Rows as a JSON array, one row per line (diff-friendly), keys in column order, blanks as null. */
export function tableJsonText(table: ExportTable): string {
  const cols = table.def.columns;
  const lines = table.rows.map((row) => {
    const o: Record<string, unknown> = {};
    for (const c of cols) o[c.key] = jsonCell(c, row[c.key] as never);
    return JSON.stringify(o);
  });
  return lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n';
}

export function tableJson(table: ExportTable): Uint8Array {
  return encoder.encode(tableJsonText(table));
}

export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(stableJson(value));
}
