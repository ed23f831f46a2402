/**
 * What every export reads: a table definition (the dataset's schema module, or one of the
 * flattened indicator tables, which use the same Column type so the dictionary, CSV headers and
 * Table Schema are derived the same way) and rows keyed by column key.
 */
import type { Column, DatasetSchema } from '../schema/types';

/** The part of a DatasetSchema an export needs; indicator tables define the same shape. */
export type TableDef = Pick<DatasetSchema, 'id' | 'zh' | 'en' | 'description' | 'primaryKey' | 'columns'>;

/**
 * A cell as the model holds it: numbers for numeric columns, the key for enums, ISO strings for
 * dates, null for “not reported”. A string in a numeric column is a privacy marker such as “<5”.
 */
export type CellValue = string | number | boolean | null | undefined;
export type ExportRow = Readonly<Record<string, unknown>>;

export interface ExportTable {
  readonly def: TableDef;
  readonly rows: readonly ExportRow[];
}

export function isNumericColumn(c: Pick<Column, 'type'>): boolean {
  return c.type === 'integer' || c.type === 'number' || c.type === 'percent' || c.type === 'year';
}
