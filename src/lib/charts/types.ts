/** What every chart function returns: the SVG, one Chinese sentence, and the numbers as a table. */
export interface ChartTable {
  readonly caption: string;
  readonly columns: readonly { readonly label: string; readonly numeric?: boolean }[];
  /** Formatted cells, one array per row (“未公布” where there is no number). */
  readonly rows: readonly (readonly string[])[];
}

export interface ChartResult {
  readonly svg: string;
  readonly title: string;
  /** One sentence generated from the numbers. */
  readonly summary: string;
  readonly table: ChartTable;
  /**
   * The same chart laid out for a wider frame (a full-width card on a desktop screen), so it
   * fills the card with type at its usual size instead of being scaled up. Ids get a suffix.
   */
  readonly resize?: (width: number) => ChartResult;
}

/** A reference value drawn across the chart (a standard, a class-size band boundary). */
export interface Mark {
  readonly value: number;
  readonly label: string;
}

/** The standard a series is read against. `<=`: must not exceed (CV); `>=`: must reach. */
export interface Limit {
  readonly value: number;
  readonly comparison: '<=' | '>=';
  /** Shown on the line, e.g. “标准 0.50”. */
  readonly label?: string;
}

export interface ChartBase {
  /** Unique within the page; used for aria-labelledby ids. Derived from the title when absent. */
  readonly id?: string;
  readonly title: string;
  /** Accessible description; generated when absent. */
  readonly desc?: string;
}
