import type { Column, DatasetSchema, SourceRef } from '../schema/types';
import type { Issue } from './issue';
import { decodeCsvBytes, type Encoding } from '../csv/decode';
import { isBlank, parseCsvText, type ParsedCsv } from '../csv/parse';
import { readCell, readCellFast, toHalfWidth } from '../csv/normalise';
import { makeIssue, shorten } from './make-issue';
import { matchHeader, suggestColumn } from './header';
import { containsIdCard, containsMobile, isPersonalDataHeader, maskPersonalDigits } from './privacy';

/** A typed row: column key → value (null = not reported), plus where it came from. */
export type TypedRow = Record<string, string | number | null> & { readonly _source: SourceRef };

export interface TableResult {
  readonly rows: TypedRow[];
  readonly issues: Issue[];
  /** Column keys present in the header (known columns only). */
  readonly columns: readonly string[];
  readonly encoding: Encoding | null;
}

/** Bytes above this are refused: the largest real dataset (classes of 20,000 schools) is ~30 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** A cell as the model holds it: null = not reported (or unreadable, with an issue). */
type Value = string | number | null;

/** How one schema column is read in this file. */
interface Slot {
  readonly col: Column;
  /** Index of the column in the file; -1 when the file lacks it. */
  readonly index: number;
  readonly text: boolean;
  /** The value of a column the file lacks. */
  readonly absent: Value;
  /**
   * Reads a plain cell straight from the decoded text between s and e, or answers undefined:
   * then the full reader (readCell) decides and reports. Only answers where readCell would give
   * the same value without an issue (tests/ingest-fast-path.test.ts checks both agree).
   */
  readonly fast: (text: string, s: number, e: number) => string | number | undefined;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Adds one key part to an FNV-1a hash, as the characters of its text (`'' + part`, empty for
 * null), so parts that join to the same text hash alike. Whole numbers are hashed digit by digit
 * without making a string.
 */
function hashKeyPart(h: number, v: Value | undefined): number {
  if (v === null || v === undefined) return h;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 0 && v < 1e15) {
      let d = 1;
      while (d * 10 <= v) d *= 10;
      for (; d >= 1; d /= 10) h = Math.imul(h ^ (48 + (Math.floor(v / d) % 10)), FNV_PRIME);
      return h;
    }
    v = String(v);
  }
  for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * The first row of each primary key, for duplicate-key issues, without a string, array or Map
 * entry per row (500,000 class rows in a large region): an open-addressing table of 32-bit hashes
 * and row indexes; a matching hash is confirmed by comparing the keys themselves.
 */
class KeyIndex {
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  private size = 0;
  constructor(private readonly same: (index: number) => boolean) {}

  /** The index of the row with the same key, or -1 after recording `index` under `hash`. */
  firstOrAdd(hash: number, index: number): number {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    for (let s = this.slots[i]; s !== -1; s = this.slots[i]) {
      if (this.hashes[i] === hash && this.same(s)) return s;
      i = (i + 1) & mask;
    }
    this.slots[i] = index;
    this.hashes[i] = hash;
    if (++this.size * 2 > this.slots.length) this.grow();
    return -1;
  }

  private grow(): void {
    const hashes = this.hashes;
    const slots = this.slots;
    this.hashes = new Int32Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let k = 0; k < slots.length; k++) {
      if (slots[k] === -1) continue;
      let i = hashes[k] & mask;
      while (this.slots[i] !== -1) i = (i + 1) & mask;
      this.slots[i] = slots[k];
      this.hashes[i] = hashes[k];
    }
  }
}

/** 10^k for k ≤ 15: exact doubles, so (integer digits) / 10^k is correctly rounded like Number(). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Short cells repeat (the school's code on each of its 100 class rows, 1班, 小学): one string
 * per distinct spelling instead of one per cell keeps a large region's model smaller and saves
 * the garbage collector most of its work. A fixed-size cache, not a set: a collision just slices.
 */
const INTERN_SIZE = 8192;
const interned: (string | undefined)[] = new Array<string | undefined>(INTERN_SIZE);

function intern(t: string, s: number, e: number): string {
  const n = e - s;
  if (n > 32) return t.slice(s, e);
  let h = n;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + t.charCodeAt(i)) | 0;
  const at = (h ^ (h >>> 13)) & (INTERN_SIZE - 1);
  const known = interned[at];
  if (known !== undefined && known.length === n) {
    let i = 0;
    while (i < n && known.charCodeAt(i) === t.charCodeAt(s + i)) i++;
    if (i === n) return known;
  }
  const v = t.slice(s, e);
  interned[at] = v;
  return v;
}

function numberReader(col: Column): Slot['fast'] {
  const { min, max } = col;
  const integer = col.type === 'integer';
  const percent = col.type === 'percent';
  return (t, s, e) => {
    const n = e - s;
    if (n === 0 || n > 15) return undefined;
    let v = 0;
    let i = s;
    for (; i < e; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (i < e) {
      // Only “digits.digits” here; anything else (signs, separators, %, spaces) takes the full reader.
      if (integer || i === s || t.charCodeAt(i) !== 46 || i + 1 === e) return undefined;
      const from = ++i;
      for (; i < e; i++) {
        const c = t.charCodeAt(i);
        if (c < 48 || c > 57) return undefined;
        v = v * 10 + (c - 48);
      }
      // At most 14 digits: the integer is exact, and dividing two exact doubles rounds once,
      // exactly as Number('97.2') does.
      v = v / POW10[e - from];
      if (percent && v > 0 && v < 1) return undefined; // the full reader warns: 0.95 → 95 %?
    }
    if ((min !== undefined && v < min) || (max !== undefined && v > max)) return undefined;
    return v;
  };
}

function codeReader(col: Column): Slot['fast'] {
  const digits = col.digits;
  return (t, s, e) => {
    if (s === e || (digits !== undefined && e - s !== digits)) return undefined;
    for (let i = s; i < e; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
    }
    return intern(t, s, e);
  };
}

function yearReader(): Slot['fast'] {
  return (t, s, e) => {
    if (e - s !== 4) return undefined;
    let y = 0;
    for (let i = s; i < e; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      y = y * 10 + (c - 48);
    }
    return y >= 1949 && y <= 2100 ? y : undefined;
  };
}

/**
 * Enum, date and URL cells repeat (小学, 划片, a handful of dates): each distinct spelling is read
 * by readCell once per file and remembered when it is valid. Bounded, and per file.
 */
function memoReader(col: Column): Slot['fast'] {
  const memo = new Map<string, string | number>();
  return (t, s, e) => {
    if (s === e) return undefined;
    const raw = intern(t, s, e);
    const known = memo.get(raw);
    if (known !== undefined) return known;
    const r = readCell(raw, col);
    if (!r.ok || r.warning !== undefined || r.value === null) return undefined;
    if (memo.size < 4096) memo.set(raw, r.value);
    return r.value;
  };
}

function fastReader(col: Column): Slot['fast'] {
  switch (col.type) {
    case 'integer':
    case 'number':
    case 'percent':
      return numberReader(col);
    case 'code':
      return codeReader(col);
    case 'year':
      return yearReader();
    case 'text':
      return (t, s, e) => (s === e || e - s >= 11 ? undefined : readCellFast(intern(t, s, e), col));
    default:
      return memoReader(col);
  }
}

type RowFactory = (values: readonly Value[], source: SourceRef) => TypedRow;
const factories = new WeakMap<DatasetSchema, RowFactory>();

/**
 * Builds a row object from the values in schema order. A literal with every key gives all rows
 * of a dataset one compact shape in one allocation (500,000 class rows per year in a large
 * region); assigning keys one by one grows each object several times.
 */
function rowFactory(schema: DatasetSchema): RowFactory {
  let make = factories.get(schema);
  if (make) return make;
  const keys = schema.columns.map((c) => c.key);
  const fallback: RowFactory = (v, s) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]] = v[i];
    row._source = s;
    return row as TypedRow;
  };
  make = fallback;
  if (keys.every((k) => /^[A-Za-z][A-Za-z0-9_]*$/.test(k))) {
    try {
      make = new Function('v', 's', `return { ${keys.map((k, i) => `${k}: v[${i}]`).join(', ')}, _source: s };`) as RowFactory;
    } catch {
      make = fallback; // a runtime that forbids code generation
    }
  }
  factories.set(schema, make);
  return make;
}

/**
 * A file without quote characters and with one kind of line break (LF, or CRLF, or both: mixed
 * files are read with every CRLF and LF a record break) is split exactly as papaparse splits it —
 * at every comma and line break — so it is read straight from the text without an array per
 * record and a string per cell. Everything else (quotes, a bare CR, Excel's `sep=` line) goes
 * through papaparse.
 */
function isPlainCsv(text: string): boolean {
  if (text.indexOf('"') !== -1) return false;
  if (text.length >= 4 && text.slice(0, 4).toLowerCase() === 'sep=') return false;
  for (let r = text.indexOf('\r'); r !== -1; r = text.indexOf('\r', r + 2)) if (text.charCodeAt(r + 1) !== 10) return false;
  return true;
}

/** A line of a plain file that is blank (nothing but commas and spaces), by isBlank's rule. */
function blankLine(t: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = t.charCodeAt(i);
    if (c === 44 || c === 32 || c === 9) continue;
    if (c > 32 && c < 128) return false;
    return isBlank(t.slice(s, e).split(','));
  }
  return true;
}

/** How many cells of a row name a column of the dataset (by key, label or alias). */
function headerScore(schema: DatasetSchema, cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '' && matchHeader(schema, c.trim())) n++;
  return n;
}

/**
 * Which of the first records is the header: the first, unless it names no column, has at most
 * two filled cells (a title is one merged cell) and a record just below names at least two
 * columns (or every column of a smaller dataset). Then the records above it are titles.
 */
function findHeader(schema: DatasetSchema, first: readonly { cells: readonly string[] }[]): number {
  if (first.length < 2 || headerScore(schema, first[0].cells) > 0) return 0;
  const need = Math.min(2, schema.columns.length);
  for (let i = 1; i < first.length; i++) {
    const filled = first[i - 1].cells.filter((c) => c.trim() !== '').length;
    if (filled > 2 || headerScore(schema, first[i - 1].cells) > 0) return 0;
    if (headerScore(schema, first[i].cells) >= need) return i;
  }
  return 0;
}

/** “分号” or “制表符” when the header names columns only once split at that character. */
function wrongDelimiter(schema: DatasetSchema, header: readonly string[]): string | null {
  if (headerScore(schema, header) > 0) return null;
  const line = header.join(',');
  for (const [ch, name] of [[';', '分号'], ['\t', '制表符'], ['；', '中文分号']] as const) {
    if (line.includes(ch) && headerScore(schema, line.split(ch)) >= Math.min(2, schema.columns.length)) return name;
  }
  return null;
}

/**
 * Reads one dataset file: decode, parse, map the header, type every cell, check keys.
 * Never throws and never drops a record silently: every record becomes a row (invalid cells
 * are null and each has an issue), blank lines are the only thing skipped.
 */
export function readTable(schema: DatasetSchema, file: string, bytes: Uint8Array): TableResult {
  const issues: Issue[] = [];
  const empty = (encoding: Encoding | null = null): TableResult => ({ rows: [], issues, columns: [], encoding });

  if (bytes.length > MAX_FILE_BYTES) {
    issues.push(makeIssue('file-too-large', { file, value: `${Math.round(bytes.length / 1048576)} MB` }, { limit: '200 MB' }));
    return empty();
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) {
    if (decoded.code === 'encoding-mixed') issues.push(makeIssue('encoding-mixed', { file, row: decoded.line }, { count: decoded.count }));
    else if (decoded.code === 'encoding-big5') issues.push(makeIssue('encoding-big5', { file }, { sample: decoded.sample }));
    else issues.push(makeIssue(decoded.code, { file }, { kind: decoded.kind }));
    return empty();
  }
  const text = decoded.text;
  const plain = isPlainCsv(text);
  let parsed: ParsedCsv | null = null;
  /** The first non-blank records (up to 4): the header, or a title above it (see findHeader). */
  const firstRecords: { cells: readonly string[]; row: number; next: number }[] = [];
  if (plain) {
    for (let pos = 0, line = 1; pos <= text.length && firstRecords.length < 4; line++) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = text.length;
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (!blankLine(text, pos, end)) firstRecords.push({ cells: text.slice(pos, end).split(','), row: line, next: nl + 1 });
      pos = nl + 1;
    }
  } else {
    parsed = parseCsvText(text);
    if (parsed.header.length > 0) {
      firstRecords.push({ cells: parsed.header, row: parsed.headerRow, next: 0 });
      for (let k = 0; k < 3 && k < parsed.records.length; k++) firstRecords.push({ cells: parsed.records[k], row: parsed.rowNumbers[k], next: k + 1 });
    }
  }
  if (firstRecords.length === 0) {
    issues.push(makeIssue('empty-file', { file }));
    return empty(decoded.encoding);
  }
  // Every papaparse problem becomes an issue: a file read wrongly must never look clean.
  for (const p of parsed?.problems ?? []) {
    if (p.kind === 'quotes') issues.push(makeIssue('csv-quote-error', { file, row: p.row }));
    else issues.push(makeIssue('csv-parse-error', { file, row: p.row, value: p.message }));
  }
  // Semicolons or tabs instead of commas (Excel in another language, “文本文件（制表符分隔）”):
  // one clear error instead of one unknown column and every required column “missing”.
  // The records are still kept (as rows of empty cells: nothing vanishes), the file is refused.
  const delimiter = wrongDelimiter(schema, firstRecords[0].cells);
  if (delimiter) issues.push(makeIssue('wrong-delimiter', { file, row: firstRecords[0].row }, { delimiter }));
  const h = findHeader(schema, firstRecords);
  // A title above the header (“2025年班级规模统计表”, “单位：人”), as exported reports have: said,
  // and the header read from the row below it.
  for (const t of firstRecords.slice(0, h)) {
    issues.push(makeIssue('title-row', { file, row: t.row, value: t.cells.filter((c) => c.trim() !== '').join(' ') }, { headerRow: firstRecords[h].row }));
  }
  const header = firstRecords[h].cells;
  const headerRow = firstRecords[h].row;
  /** Plain files: where the first record after the header starts. Parsed: the first record index. */
  const bodyStart = firstRecords[h].next;

  // Header: which column index holds which schema column.
  const seen = new Map<string, number>();
  const blankHeaderIdx: number[] = [];
  let personal = false;
  header.forEach((name, i) => {
    const trimmed = name.trim();
    if (trimmed === '') {
      blankHeaderIdx.push(i);
      return;
    }
    const col = matchHeader(schema, trimmed);
    if (!col) {
      if (delimiter) return; // said once by wrong-delimiter
      if (isPersonalDataHeader(trimmed)) {
        issues.push(makeIssue('personal-data-column', { file, row: headerRow, column: trimmed, value: trimmed }));
        personal = true;
      } else {
        const s = suggestColumn(schema, trimmed);
        issues.push(
          makeIssue('unknown-column', { file, row: headerRow, column: trimmed, value: trimmed }, {
            hint: s ? `是否应为“${s.zh}”？` : '请检查列名是否与模板一致。',
          }),
        );
      }
      return;
    }
    if (seen.has(col.key)) {
      issues.push(makeIssue('duplicate-column', { file, row: headerRow, column: col.key, value: trimmed, label: col.zh }));
      return;
    }
    seen.set(col.key, i);
  });
  const missingRequired = new Set<string>();
  for (const col of schema.columns) {
    if (col.required && !seen.has(col.key)) {
      missingRequired.add(col.key);
      if (!delimiter) issues.push(makeIssue('missing-required-column', { file, row: headerRow, column: col.key, label: col.zh }));
    }
  }

  const headerLen = header.length;
  const present = schema.columns.filter((c) => seen.has(c.key));
  // Every row gets every schema column, in schema order, so all rows share one object shape.
  const slots: Slot[] = schema.columns.map((col) => ({
    col,
    index: seen.get(col.key) ?? -1,
    text: col.type === 'text',
    absent: col.default ?? null,
    fast: fastReader(col),
  }));
  const nSlots = slots.length;
  const make = rowFactory(schema);
  const pk = schema.primaryKey;
  const pkSlot = pk.map((k) => schema.columns.findIndex((c) => c.key === k));
  const pkRequired = pk.map((k) => schema.columns.find((c) => c.key === k)?.required ?? false);
  const pkLabels = pk.map((k) => schema.columns.find((c) => c.key === k)?.zh ?? k).join('、');
  /**
   * Same key as row `index` (already read)? Keys compare as they always have: the leading part
   * exactly, the rest exactly (two parts) or as text joined by \u0001 (three or more).
   */
  const sameKey = (index: number): boolean => {
    const other = rows[index] as Record<string, unknown>;
    if ((pkValue(0) ?? '') !== (other[pk[0]] ?? '')) return false;
    if (pk.length === 1) return true;
    if (pk.length === 2) return (pkValue(1) ?? '') === (other[pk[1]] ?? '');
    let a = '';
    let b = '';
    for (let j = 1; j < pk.length; j++) {
      a += (j > 1 ? '\u0001' : '') + (pkValue(j) ?? '');
      b += (j > 1 ? '\u0001' : '') + ((other[pk[j]] as Value | undefined) ?? '');
    }
    return a === b;
  };
  const keys = new KeyIndex(sameKey);
  const rows: TypedRow[] = [];
  const blankHeaderReported = new Set<number>();
  const values: Value[] = new Array<Value>(nSlots).fill(null);
  const pkValue = (j: number): Value | undefined => (pkSlot[j] < 0 ? undefined : values[pkSlot[j]]);

  /** The full reader for one cell: its value, and an issue for anything wrong with it. */
  const readSlow = (raw: string | undefined, slot: Slot, rowNo: number, above: Value): Value => {
    const col = slot.col;
    const r = readCell(raw, col);
    if (!r.ok) {
      issues.push(makeIssue(r.code, { file, row: rowNo, column: col.key, label: col.zh, value: raw ?? '' }, r.params));
      return null;
    }
    const v = r.value;
    if (r.warning) issues.push(makeIssue(r.warning, { file, row: rowNo, column: col.key, label: col.zh, value: raw ?? '' }));
    if (v === null && col.required && !missingRequired.has(col.key)) {
      // Empty under a filled cell of the same column: what Excel leaves of a merged cell.
      const hint = above !== null && (raw ?? '').trim() === '' ? `上一行这一列是“${shorten(String(above))}”：如果这里是 Excel 合并单元格，请取消合并，并在每一行都填上。` : '';
      issues.push(makeIssue('required-value-missing', { file, row: rowNo, column: col.key, label: col.zh, value: raw ?? '' }, { hint }));
    }
    // Personal data hidden in free text: only strings with at least 11 digits can hold one.
    // Full-width digits (１３８…) count too: they are just as personal.
    if (slot.text && typeof v === 'string' && v.length >= 11) {
      const h = toHalfWidth(v);
      if (countDigits(h) >= 11) {
        // The report never repeats the number itself (it may end up in a pull-request annotation).
        const at = { file, row: rowNo, column: col.key, label: col.zh, value: maskPersonalDigits(h) };
        if (containsIdCard(h)) issues.push(makeIssue('id-card-value', at));
        else if (containsMobile(h)) issues.push(makeIssue('phone-value', at));
      }
    }
    return v;
  };

  /** Cells beyond the header: an error when they hold anything (an unquoted comma, usually). */
  const checkRagged = (extraCells: readonly string[], count: number, rowNo: number) => {
    const extra = extraCells.filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      issues.push(makeIssue('ragged-row', { file, row: rowNo, value: extra.join(',') }, { count, expected: headerLen }));
    }
  };
  const checkBlankHeader = (i: number, cell: string | undefined, rowNo: number) => {
    if (!blankHeaderReported.has(i) && (cell ?? '').trim() !== '') {
      blankHeaderReported.add(i);
      issues.push(makeIssue('blank-header', { file, row: rowNo, value: cell }, { colIndex: i + 1 }));
    }
  };

  /** `values` holds the row's cells: check its key, then keep it as a row. */
  const finishRow = (rowNo: number) => {
    // Duplicate records by primary key (skipped when a required key part could not be read).
    if (pk.length > 0 && !personal) {
      let complete = true;
      for (let j = 0; j < pk.length; j++) {
        if (pkValue(j) === null && pkRequired[j]) {
          complete = false;
          break;
        }
      }
      if (complete) {
        let h = FNV_OFFSET;
        for (let j = 0; j < pk.length; j++) {
          if (j > 0) h = Math.imul(h ^ 1, FNV_PRIME); // the \u0001 between key parts
          h = hashKeyPart(h, pkValue(j));
        }
        const first = keys.firstOrAdd(h, rows.length);
        if (first >= 0) {
          const value = pk.map((_, j) => pkValue(j)).filter((p) => p !== null).join(' / ');
          issues.push(makeIssue('duplicate-key', { file, row: rowNo, column: pk[0], label: pkLabels, value }, { firstRow: rows[first]._source.row }));
        }
      }
    }
    rows.push(make(values, { file, row: rowNo }));
  };

  if (parsed) {
    const { records, rowNumbers } = parsed;
    for (let k = bodyStart; k < records.length; k++) {
      const cells = records[k];
      const rowNo = rowNumbers[k];
      if (cells.length > headerLen) checkRagged(cells.slice(headerLen), cells.length, rowNo);
      for (const i of blankHeaderIdx) checkBlankHeader(i, cells[i], rowNo);
      for (let j = 0; j < nSlots; j++) {
        const slot = slots[j];
        if (slot.index < 0) {
          values[j] = slot.absent;
          continue;
        }
        const raw = cells[slot.index];
        const fast = raw === undefined ? undefined : readCellFast(raw, slot.col);
        values[j] = fast !== undefined ? fast : readSlow(raw, slot, rowNo, values[j]);
      }
      finishRow(rowNo);
    }
  } else {
    // Plain file: each line is a record, each comma a cell boundary (see isPlainCsv).
    const starts: number[] = [];
    const ends: number[] = [];
    const cellText = (j: number) => text.slice(starts[j], ends[j]);
    const len = text.length;
    for (let pos = bodyStart, rowNo = headerRow + 1; pos <= len; rowNo++) {
      // One pass over the line: cell boundaries at commas, the record ends at LF (CRLF: the CR
      // is not part of the last cell).
      let n = 0;
      let cs = pos;
      let at = pos;
      for (; at < len; at++) {
        const c = text.charCodeAt(at);
        if (c === 44) {
          starts[n] = cs;
          ends[n] = at;
          n++;
          cs = at + 1;
        } else if (c === 10) break;
      }
      const end = at > cs && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
      starts[n] = cs;
      ends[n] = end;
      n++;
      const from = pos;
      pos = at + 1;
      // Blank lines (or only commas and spaces) are skipped but keep their number.
      const first = from < end ? text.charCodeAt(from) : 0;
      if ((first <= 32 || first === 44 || first >= 128) && blankLine(text, from, end)) continue;
      if (n > headerLen) {
        const extra: string[] = [];
        for (let j = headerLen; j < n; j++) extra.push(cellText(j));
        checkRagged(extra, n, rowNo);
      }
      if (blankHeaderIdx.length > 0) {
        for (const i of blankHeaderIdx) if (!blankHeaderReported.has(i)) checkBlankHeader(i, i < n ? cellText(i) : undefined, rowNo);
      }
      for (let j = 0; j < nSlots; j++) {
        const slot = slots[j];
        const i = slot.index;
        if (i < 0) {
          values[j] = slot.absent;
          continue;
        }
        if (i >= n) {
          values[j] = readSlow(undefined, slot, rowNo, values[j]);
          continue;
        }
        const fast = slot.fast(text, starts[i], ends[i]);
        values[j] = fast !== undefined ? fast : readSlow(cellText(i), slot, rowNo, values[j]);
      }
      finishRow(rowNo);
    }
  }
  return { rows, issues: collapseColumn(issues, file, 'scientific-notation-code', schema), columns: present.map((c) => c.key), encoding: decoded.encoding };
}

/**
 * A whole column Excel turned into 2.1E+09 gives one error per row: keep the first (it says what
 * happened and how to fix it) and fold the rest of that column into one issue.
 */
function collapseColumn(issues: Issue[], file: string, code: Issue['code'], schema: DatasetSchema): Issue[] {
  const byColumn = new Map<string, Issue[]>();
  for (const i of issues) if (i.code === code && i.column) byColumn.set(i.column, [...(byColumn.get(i.column) ?? []), i]);
  const fold = [...byColumn].filter(([, list]) => list.length > 3);
  if (!fold.length) return issues;
  const drop = new Set(fold.flatMap(([, list]) => list.slice(1)));
  const out = issues.filter((i) => !drop.has(i));
  for (const [column, list] of fold) {
    const rest = list.slice(1).map((i) => i.row ?? 0);
    const rows = rest.slice(0, 5).join('、') + (rest.length > 5 ? '行等' : '行');
    const label = schema.columns.find((c) => c.key === column)?.zh ?? column;
    out.push(makeIssue('same-error-in-column', { file, row: rest[0], column, label }, { count: rest.length, rows }));
  }
  return out;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

