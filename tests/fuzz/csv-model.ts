/**
 * A model of the CSV files people produce, for property tests: we generate the records first
 * (each cell valid, empty, missing or junk, with what a correct reader must make of it), then
 * serialise them the way Excel, WPS or a hand edit would (BOM, CRLF or LF, `sep=,`, quoting only
 * where needed or everywhere, blank lines, ragged rows). The oracle is the model, not the reader.
 */
import fc from 'fast-check';
import type { Column, DatasetSchema } from '../../src/lib/schema/types';

export type CellPlan =
  | { readonly kind: 'valid'; readonly raw: string; readonly value: string | number }
  | { readonly kind: 'empty'; readonly raw: string }
  | { readonly kind: 'junk'; readonly raw: string };

export interface RecordPlan {
  /** Cells in header order (after ragging). */
  readonly cells: readonly string[];
  /** Plan per header index, for header columns that exist in this record. */
  readonly plans: readonly (CellPlan | null)[];
  readonly blank: boolean;
  /** Extra non-blank cells beyond the header. */
  readonly ragged: boolean;
}

export interface HeaderCol {
  readonly name: string;
  /** null for unknown or blank header cells. */
  readonly col: Column | null;
}

export interface FilePlan {
  readonly header: readonly HeaderCol[];
  readonly records: readonly RecordPlan[];
  readonly text: string;
  readonly bom: boolean;
}

const FW_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FW_DIGITS[Number(d)]);
const PADS = [' ', '  ', '\u3000', '\u00a0', '\t'];

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const safeChar = fc.oneof(
  { weight: 5, arbitrary: cjk },
  { weight: 3, arbitrary: fc.constantFrom(...'abcXYZ-_()（）·、街道社区村号') },
  { weight: 1, arbitrary: fc.constantFrom(',', '"', '\n', '\r\n', "'", '，', '“', '”') },
);
/** Visible text that never starts or ends with a pad and never holds 11 digits. */
export const safeText = fc
  .array(safeChar, { minLength: 1, maxLength: 24 })
  .map((a) => a.join(''))
  .filter((s) => s.trim() === s && s.trim() !== '' && !/^[\s,"']+$/.test(s));

/** Anything someone could type or paste into a cell, bar control characters (a separate test). */
const junkChar = fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom(...'0123456789.,-+eE%=@"\' \t\n\r/年月日abc') },
  { weight: 40, arbitrary: cjk },
  { weight: 20, arbitrary: fc.constantFrom('０', '９', '，', '\u3000', '\u00a0', '\u200b', '\ufeff', '－', '．', '％', '😀', '𠀾') },
  // Control characters from broken exports: rare, so most files stay under the binary-file threshold.
  { weight: 1, arbitrary: fc.constantFrom('\u0001', '\u0007', '\u001b', '\u007f', '\u000b') },
);
export const junkText = fc.array(junkChar, { minLength: 1, maxLength: 20 }).map((a) => a.join(''));

function pad(raw: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(raw, fc.constantFrom('', ...PADS), fc.constantFrom('', ...PADS), fc.integer({ min: 0, max: 4 })).map(
    ([r, a, b, p]) => (p === 0 ? a + r + b : r),
  );
}

/** Codes valid cells are drawn from (e.g. the school ids of a fixture, so cross-file rules run). */
export type CodePool = Readonly<Record<string, readonly string[]>>;

/** A valid cell for a column, in one of the spellings the contract accepts, and its value. */
export function validCell(col: Column, codePool: CodePool = {}): fc.Arbitrary<CellPlan> {
  const v = (raw: fc.Arbitrary<{ raw: string; value: string | number }>) =>
    raw.chain(({ raw, value }) => pad(fc.constant(raw)).map((r) => ({ kind: 'valid' as const, raw: r, value })));
  switch (col.type) {
    case 'integer': {
      const min = col.min ?? -1_000_000;
      const max = col.max ?? 10_000_000;
      return v(
        fc.tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: 3 })).map(([n, style]) => {
          let raw = String(n);
          if (style === 1) raw = toFullWidth(raw);
          else if (style === 2 && Math.abs(n) >= 1000) raw = n.toLocaleString('en-US');
          return { raw, value: n };
        }),
      );
    }
    case 'number': {
      const min = col.min ?? -1_000_000;
      const max = col.max ?? 100_000_000;
      return v(
        fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((k) => {
          const n = k / 100;
          return { raw: String(n), value: n };
        }),
      );
    }
    case 'percent':
      return v(
        fc.tuple(fc.integer({ min: (col.min ?? 0) * 10, max: (col.max ?? 100) * 10 }), fc.boolean()).map(([k, sign]) => {
          const n = k / 10;
          return { raw: sign ? `${n}%` : String(n), value: n };
        }),
      );
    case 'code': {
      const digits = col.digits ?? 6;
      const pool = codePool[col.key];
      if (pool?.length) return v(fc.constantFrom(...pool).map((c) => ({ raw: c, value: c })));
      return v(
        fc.array(fc.constantFrom(...'0123456789'), { minLength: digits, maxLength: digits }).map((d) => ({ raw: d.join(''), value: d.join('') })),
      );
    }
    case 'enum': {
      const names = (col.values ?? []).flatMap((e) => [e.key, e.zh, e.en, ...(e.aliases ?? [])].map((n) => ({ raw: n, value: e.key })));
      return v(fc.constantFrom(...names));
    }
    case 'date':
      return v(
        fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 2 })).map(
          ([y, m, d, style]) => {
            const mm = String(m).padStart(2, '0');
            const dd = String(d).padStart(2, '0');
            const raw = style === 0 ? `${y}-${mm}-${dd}` : style === 1 ? `${y}/${m}/${d}` : `${y}年${m}月${d}日`;
            return { raw, value: `${y}-${mm}-${dd}` };
          },
        ),
      );
    case 'year':
      return v(fc.tuple(fc.integer({ min: 1949, max: 2100 }), fc.boolean()).map(([y, nian]) => ({ raw: nian ? `${y}年` : String(y), value: y })));
    case 'url':
      return v(fc.constantFrom('https://a.example.edu.cn/', 'http://x.example/y?z=1', 'https://学校.example/').map((u) => ({ raw: u, value: u })));
    case 'text':
      return v(safeText.map((t) => ({ raw: t, value: t })));
  }
}

export function cellPlan(col: Column, codes: CodePool = {}): fc.Arbitrary<CellPlan> {
  return fc.oneof(
    { weight: 14, arbitrary: validCell(col, codes) },
    { weight: 3, arbitrary: fc.constantFrom('', ' ', '\u3000', '  ').map((raw) => ({ kind: 'empty' as const, raw })) },
    { weight: 3, arbitrary: junkText.map((raw) => ({ kind: 'junk' as const, raw })) },
  );
}

function headerName(col: Column): fc.Arbitrary<string> {
  const unit = col.unit ? `(${col.unit})` : '（单位）';
  return fc.constantFrom(col.key, col.zh, col.en, `${col.zh}${unit}`, `*${col.zh}`, ` ${col.zh} `, col.zh.replace(/[0-9]/g, (d) => FW_DIGITS[Number(d)]));
}

export interface FileOptions {
  /** Allow required columns to be left out of the header. */
  readonly dropRequired?: boolean;
  readonly maxRecords?: number;
  /** Valid code cells come from these lists (by column key). */
  readonly codes?: CodePool;
}

/** Quotes a cell when a spreadsheet must, or always, or never-when-unneeded. */
function quote(cell: string, always: boolean): string {
  const needs = /[",\r\n]/.test(cell);
  return needs || always ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function filePlan(schema: DatasetSchema, opts: FileOptions = {}): fc.Arbitrary<FilePlan> {
  const cols = schema.columns;
  const keep = fc.tuple(...cols.map((c) => (c.required && !opts.dropRequired ? fc.constant(true) : fc.boolean())));
  const headerArb = keep
    .chain((flags) => {
      const chosen = cols.filter((_, i) => flags[i]);
      return fc.tuple(
        fc.tuple(...chosen.map((c) => headerName(c).map((name) => ({ name, col: c as Column | null })))),
        fc.constantFrom<HeaderCol[]>([], [{ name: '备注甲', col: null }], [{ name: '', col: null }]),
      );
    })
    .chain(([known, extra]) => fc.shuffledSubarray([...known, ...extra], { minLength: known.length + extra.length }))
    .filter((h) => h.some((x) => x.name.trim() !== ''));

  return headerArb.chain((header) => {
    const recordArb: fc.Arbitrary<RecordPlan> = fc.oneof(
      {
        weight: 10,
        arbitrary: fc
          .tuple(
            fc.tuple(...header.map((h) => (h.col ? cellPlan(h.col, opts.codes).map((p) => p as CellPlan | null) : safeText.map(() => null as CellPlan | null)))),
            fc.tuple(...header.map(() => safeText)),
            fc.constantFrom('none', 'none', 'none', 'none', 'extra', 'extra-empty', 'short'),
            fc.integer({ min: 0, max: Math.max(0, header.length - 1) }),
          )
          .map(([plans, fillers, rag, cut]) => {
            let cells = plans.map((p, i) => (p ? p.raw : header[i].name === '' ? '' : fillers[i]));
            let ps: (CellPlan | null)[] = [...plans];
            let ragged = false;
            if (rag === 'extra') {
              cells = [...cells, '多余内容'];
              ragged = true;
            } else if (rag === 'extra-empty') cells = [...cells, '', ''];
            else if (rag === 'short') {
              cells = cells.slice(0, cut + 1);
              ps = ps.map((p, i) => (i <= cut ? p : null));
            }
            const blank = cells.every((c) => c.trim() === '');
            return { cells, plans: ps, blank, ragged };
          }),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', ',,', ' ').map((line) => ({
          cells: line === ',,' ? ['', '', ''] : [line],
          plans: header.map(() => null),
          blank: true,
          ragged: false,
        })),
      },
    );
    return fc
      .tuple(
        fc.array(recordArb, { minLength: 0, maxLength: opts.maxRecords ?? 12 }),
        fc.boolean(), // BOM
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(), // quote every cell
        fc.boolean(), // trailing newline
        fc.integer({ min: 0, max: 9 }), // sep=, line when 0
      )
      .map(([records, bom, eol, always, trailing, sep]) => {
        // A record that serialises to nothing (one empty cell) is a blank line.
        const lines = [header.map((h) => quote(h.name, always)).join(','), ...records.map((r) => r.cells.map((c) => quote(c, always && c !== '')).join(','))];
        let text = (sep === 0 ? `sep=,${eol}` : '') + lines.join(eol) + (trailing ? eol : '');
        if (bom) text = '\ufeff' + text;
        return { header, records, text, bom };
      });
  });
}

/** The spreadsheet row of record k (header = row 1; blank lines keep their numbers). */
export const rowOfRecord = (k: number) => k + 2;

/** Runs per property; FUZZ_RUNS=20 multiplies them for a long local hunt. */
export const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_RUNS ?? 1));
