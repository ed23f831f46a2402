import Papa from 'papaparse';

export interface ParsedCsv {
  readonly header: readonly string[];
  /** Spreadsheet row of the header: 1 unless the file starts with blank lines. */
  readonly headerRow: number;
  /** Data records (blank lines left out), each an array of raw cells. */
  readonly records: readonly (readonly string[])[];
  /** The spreadsheet row of each record (header = 1), parallel to `records`: kept apart so a
   *  500,000-row file does not allocate one more object per record. */
  readonly rowNumbers: readonly number[];
  /** papaparse problems, each with the spreadsheet row it concerns. */
  readonly problems: readonly { row: number; kind: 'quotes' | 'other'; message: string }[];
}

/**
 * Parses decoded CSV text with papaparse (RFC 4180: quoted commas, quotes and newlines).
 * Rows are numbered by record, as a spreadsheet shows them: a quoted cell spanning two lines is
 * still one row, and blank lines keep their number (Excel shows them as empty rows) but yield no
 * record. Excel's optional first line `sep=,` is not a row.
 */
export function parseCsvText(text: string): ParsedCsv {
  let body = text;
  // papaparse guesses one newline from the first lines, so a file mixing CRLF and LF rows (rows
  // pasted from another file) would glue an LF-only row onto the row before it. Such files get
  // one line ending between records; line breaks inside quoted cells are left as written.
  if (body.includes('\r') && /(^|[^\r])\n/.test(body)) body = unifyRecordBreaks(body);
  if (/^sep=.\r?\n/i.test(body)) body = body.replace(/^sep=.\r?\n/i, '');
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: ',' });
  const data = result.data;
  const problems = result.errors.map((e) => ({
    row: (e.row ?? 0) + 1,
    kind: e.type === 'Quotes' ? ('quotes' as const) : ('other' as const),
    message: e.message,
  }));
  let headerIndex = -1;
  for (let i = 0; i < data.length; i++) {
    if (!isBlank(data[i])) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0) return { header: [], headerRow: 1, records: [], rowNumbers: [], problems };
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < data.length; i++) {
    const cells = data[i];
    if (isBlank(cells)) continue;
    records.push(cells);
    rowNumbers.push(i + 1);
  }
  return { header: data[headerIndex], headerRow: headerIndex + 1, records, rowNumbers, problems };
}

/** CRLF or CR between records → LF, outside quoted cells only (RFC 4180 quotes). */
function unifyRecordBreaks(text: string): string {
  let out = '';
  let from = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted; // a doubled "" toggles twice: still right
    else if (c === 13 && !quoted) {
      out += text.slice(from, i) + '\n';
      if (text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/** A blank line, or a row of empty cells (Excel writes “,,,” for a cleared row). */
export function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '' && cells[i].trim() !== '') return false;
  return true;
}
