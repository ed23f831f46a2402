/**
 * A validation problem: something in the data that cannot be true or cannot be read.
 * Policy breaches are NOT issues — see indicators/findings.
 * `row` is the spreadsheet row (header = 1, first data row = 2); null for file-level problems.
 * `column` is the column key when known (else the header text as written); null when not about a column.
 */
export type Severity = 'error' | 'warning';

export interface Issue {
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}
