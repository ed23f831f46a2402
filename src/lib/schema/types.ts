/**
 * The data contract as data. Every dataset module in this folder exports one `DatasetSchema`;
 * types, validation, the data dictionary, Table Schema / datapackage.json and the CSV templates
 * are all derived from these objects and nowhere else.
 */

/** How a cell is read. `code` keeps leading zeros and is never parsed as a number. */
export type ColumnType =
  | 'code' // identifiers: 学校标识码, 行政区划代码 — text, digits only
  | 'text'
  | 'integer' // counts: ≥ 0 unless `min` says otherwise
  | 'number' // measures: area, money
  | 'percent' // stored as 0–100 (95 means 95 %); "95%" is accepted
  | 'date' // ISO yyyy-mm-dd after normalisation
  | 'year' // four-digit year
  | 'enum' // one of `values` (by key, Chinese label or alias)
  | 'url';

export interface EnumValue {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** Other spellings accepted on input (e.g. official 3-digit 城乡分类代码). */
  readonly aliases?: readonly string[];
}

export interface Column {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** Unit shown to readers, in Chinese (人, 元, m², %, 间, 个). */
  readonly unit?: string;
  readonly values?: readonly EnumValue[];
  readonly min?: number;
  readonly max?: number;
  /** Exact length in digits, for codes (school_id 10, region_code 6). */
  readonly digits?: number;
  /** Value used when the cell is empty (only for optional enum columns). */
  readonly default?: string;
  /** Plain-Chinese description for the data dictionary and templates. */
  readonly description: string;
  readonly example: string;
  /** Small counts of this column are suppressed on publication (privacy). */
  readonly sensitive?: boolean;
  /**
   * Key of a sensitive count in the same row from which this value would give that count back
   * (an amount set per pupil: 特教公用经费 ÷ the per-pupil standard = 特教学生数). Withheld
   * (published empty) whenever that count is suppressed. See src/lib/privacy/README.md.
   */
  readonly suppressWith?: string;
  /**
   * How the value relates to a school's pupils, for a 特殊教育学校 (every pupil is a pupil with a
   * disability): `count` — a number of pupils (or applicants), shown as “<5” when the school has
   * fewer pupils than the threshold that year; `derived` — set per pupil or a rate over the
   * pupils (公用经费 ÷ the per-pupil standard, a pass rate of 2 out of 3), published empty then.
   * See src/lib/privacy/README.md.
   */
  readonly pupils?: 'count' | 'derived';
  /** Former or other header names still accepted (a renamed column keeps its old header). */
  readonly aliases?: readonly string[];
}

export interface DatasetSchema {
  /** Stable id, also the file stem: `schools` → schools.csv, `admissions` → YEAR/admissions.csv */
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly description: string;
  /** true: lives in a year folder (data/2024/admissions.csv). */
  readonly perYear: boolean;
  /** true: the file may be absent (without any message, unless `missingWarning` says what is lost). */
  readonly optional: boolean;
  /** For an optional file: what the site lacks without it (a warning when the file is absent). */
  readonly missingWarning?: string;
  /** Columns whose combination must be unique within the file. */
  readonly primaryKey: readonly string[];
  readonly columns: readonly Column[];
}

/** Where a value came from: the file (relative to the data folder) and its spreadsheet row. */
export interface SourceRef {
  readonly file: string;
  readonly row: number;
}

type NumericType = 'integer' | 'number' | 'percent' | 'year';
type CellOf<C> = C extends { type: NumericType }
  ? number
  : C extends { values: readonly { key: infer K }[] }
    ? K
    : string;

/**
 * The typed row of a dataset, derived from its schema. Optional columns are `null` when the
 * cell was empty ("not reported"), never 0. Every row knows its source file and row.
 */
export type RowOf<S extends DatasetSchema> = {
  readonly [C in S['columns'][number] as C['key']]: C extends { required: true }
    ? CellOf<C>
    : C extends { default: string }
      ? CellOf<C>
      : CellOf<C> | null;
} & { readonly _source: SourceRef };

export function column(schema: DatasetSchema, key: string): Column | undefined {
  return schema.columns.find((c) => c.key === key);
}
