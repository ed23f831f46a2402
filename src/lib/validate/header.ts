import type { Column, DatasetSchema } from '../schema/types';
import { cleanText, toHalfWidth } from '../csv/normalise';

/**
 * Header cells name a column by its key (`planned_seats`), its Chinese label (`计划招生数`) or
 * its English label. Tolerated: surrounding spaces, full-width characters, a required marker
 * `*`, and a unit in brackets as templates and people add them: `教学及辅助用房面积(m²)`.
 */
export function headerForms(name: string): string[] {
  const base = toHalfWidth(cleanText(name)).replace(/^\*+|\*+$/g, '').trim();
  const noUnit = base.replace(/\s*[(（\[【][^)）\]】]*[)）\]】]\s*$/, '').trim();
  const forms = new Set([base.toLowerCase(), noUnit.toLowerCase()]);
  return [...forms].filter((f) => f !== '');
}

const indexCache = new WeakMap<DatasetSchema, Map<string, Column>>();

function headerIndex(schema: DatasetSchema): Map<string, Column> {
  let idx = indexCache.get(schema);
  if (!idx) {
    idx = new Map();
    for (const col of schema.columns) {
      for (const name of [col.key, col.zh, col.en, ...(col.aliases ?? [])]) if (!idx.has(name.toLowerCase())) idx.set(name.toLowerCase(), col);
    }
    indexCache.set(schema, idx);
  }
  return idx;
}

export function matchHeader(schema: DatasetSchema, name: string): Column | undefined {
  const idx = headerIndex(schema);
  for (const f of headerForms(name)) {
    const c = idx.get(f);
    if (c) return c;
  }
  return undefined;
}

/** A near miss to suggest in the unknown-column message (same label with a typo is common). */
export function suggestColumn(schema: DatasetSchema, name: string): Column | undefined {
  const n = headerForms(name)[0] ?? '';
  if (n.length < 2) return undefined;
  return schema.columns.find((c) => c.zh.includes(n) || n.includes(c.zh) || c.key.includes(n) || n.includes(c.key));
}
