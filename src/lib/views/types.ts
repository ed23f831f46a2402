/**
 * The shapes every view model hands to a page. A page renders these and nothing else: the words,
 * numbers (already formatted), links and verdicts are decided in src/lib/views and tested there.
 */
import type { ChartResult } from '../charts/types';

/** A verdict a cell or line carries: shown with a word and a symbol, never by colour alone. */
export type Verdict = 'met' | 'unmet' | 'unknown' | 'not_applicable';

/**
 * One table cell: plain text, or text with a link and/or a verdict; `note` is a smaller second
 * line (a standard under a label, a reason under “未公布”), `title` a tooltip, `tags` small labels
 * after the text (已撤并). A line break in `text` is a line break on the page.
 */
export type TableCell =
  | string
  | {
      readonly text: string;
      readonly href?: string;
      readonly verdict?: Verdict;
      readonly note?: string;
      readonly title?: string;
      readonly tags?: readonly string[];
      /** Language of the cell's text when it is not the page's (an English column name: 'en'). */
      readonly lang?: string;
      /** A code, key or file path: shown in monospace. */
      readonly code?: boolean;
      /** The link is a file to download (and its SHA-256, checked by the distribution tests). */
      readonly download?: boolean;
      readonly sha256?: string;
    };

/**
 * Every table on the site (chart data tables included: a ChartTable is a ViewTable). The first
 * column heads each row. `id` is the stable anchor to cite it; `csv` the path of its own download.
 */
export interface ViewTable {
  readonly caption: string;
  /** `class`: a page style for the column's cells (nowrap, gaps …). */
  readonly columns: readonly { readonly label: string; readonly numeric?: boolean; readonly class?: string }[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly id?: string;
  /** Site path (with base) of this table as CSV. */
  readonly csv?: string;
  /** false: a table of numbers, kept out of the search index (data-pagefind-ignore). */
  readonly searchable?: boolean;
  /** 'stack': on a phone each row reads as a small block, every value after its column label. */
  readonly layout?: 'stack';
  /** data-* attributes per row (the directory's in-page filter reads them), same order as rows. */
  readonly rowData?: readonly Readonly<Record<string, string>>[];
}

/** A chart as a view hands it to a page; its table may carry links and verdicts (a ChartTable is one). */
export interface ViewChart extends Omit<ChartResult, 'table'> {
  readonly table: ViewTable;
  /** Stable anchor of the figure on its page. */
  readonly id?: string;
  /** Site path (with base) of the chart's numbers as CSV. */
  readonly csv?: string;
}

export const cellText = (c: TableCell): string => (typeof c === 'string' ? c : c.text);

/** A link as a view hands it to a page. */
export interface Link {
  readonly text: string;
  readonly href: string;
}

/**
 * The words of a view (its `…_ZH` object) with literal types widened: another language passes
 * its own object of this shape to the same view function and gets the same numbers in its words.
 */
export type Words<T> = T extends string
  ? string
  : T extends (...a: infer A) => infer R
    ? (...a: A) => Words<R>
    : T extends readonly (infer E)[]
      ? readonly Words<E>[]
      : { readonly [K in keyof T]: Words<T[K]> };
