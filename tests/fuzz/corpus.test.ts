/**
 * The bad-input corpus (tests/fixtures/corpus, made by make-corpus.sh) plus inputs too large to
 * commit, generated here: each file gives the rows and issues a publisher would expect, with the
 * row numbers their spreadsheet shows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable, type TableResult } from '../../src/lib/validate/table';
import { classes, schools, zones } from '../../src/lib/schema';
import type { DatasetSchema } from '../../src/lib/schema/types';
import { expectWellFormedIssues } from '../helpers/issues';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const SCHEMA_BY_SUFFIX: Record<string, DatasetSchema> = { schools, classes, zones };
const enc = (s: string) => new TextEncoder().encode(s);

function read(name: string): TableResult {
  const schema = SCHEMA_BY_SUFFIX[name.replace(/\.csv$/, '').split('-').pop()!];
  const r = readTable(schema, name, readFileSync(join(CORPUS, name)));
  expectWellFormedIssues(r.issues, { file: name });
  return r;
}
const rowsOf = (r: TableResult) => r.rows.map((x) => x._source.row);
const codes = (r: TableResult) => r.issues.map((i) => [i.code, i.row, i.column]);

describe('bad-input corpus', () => {
  it('every corpus file is read without throwing and with well-formed issues', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) read(f);
  });

  it('GBK/GB18030 from Excel on Chinese Windows, incl. a four-byte character and a quoted comma', () => {
    const r = read('gbk-schools.csv');
    expect(r.encoding).toBe('gb18030');
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => x.name)).toEqual(['测试县第一小学', '𠀾溪初级中学']);
    expect(r.rows[1].address).toBe('东街,2号');
    expect(rowsOf(r)).toEqual([2, 3]);
  });

  it('UTF-16 with BOM (Excel "Unicode 文本"), little and big endian: one file-level issue saying so', () => {
    for (const f of ['utf16-bom-schools.csv', 'utf16be-bom-schools.csv']) {
      const r = read(f);
      expect(codes(r)).toEqual([['encoding-utf16', null, null]]);
      expect(r.issues[0].message).toContain('UTF-16');
      expect(r.rows).toEqual([]);
    }
  });

  it('an unclosed quote is reported on the row where it opens', () => {
    const r = read('unbalanced-quote-zones.csv');
    expect(r.issues.some((i) => i.code === 'csv-quote-error' && i.row === 3)).toBe(true);
    expect(rowsOf(r)[0]).toBe(2);
    expect(r.rows[0].area).toBe('文昌街道');
  });

  it('a stray quote inside an unquoted cell is kept as written (as Excel shows it)', () => {
    const r = read('stray-quote-zones.csv');
    expect(rowsOf(r)).toEqual([2, 3]);
    expect(r.rows[0].area).toBe('文昌"街道');
  });

  it('a row with an unquoted comma (one cell too many) is kept and reported with the extra content', () => {
    const r = read('too-many-fields-classes.csv');
    expect(rowsOf(r)).toEqual([2, 3, 4]);
    expect(r.issues).toMatchObject([{ code: 'ragged-row', row: 3, value: '8', severity: 'error' }]);
  });

  it('a row that stops early is kept; its missing required cells are reported', () => {
    const r = read('too-few-fields-classes.csv');
    expect(rowsOf(r)).toEqual([2, 3, 4]);
    expect(codes(r)).toEqual([
      ['required-value-missing', 3, 'class_name'],
      ['required-value-missing', 3, 'students'],
    ]);
  });

  it('only a header: no rows, nothing to complain about', () => {
    const r = read('header-only-classes.csv');
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([]);
  });

  it('only a BOM, or a BOM and blank lines: empty-file', () => {
    for (const f of ['bom-only-classes.csv', 'bom-blank-lines-classes.csv']) {
      expect(codes(read(f))).toEqual([['empty-file', null, null]]);
    }
  });

  it("Excel's sep=, first line is not a row: the header is row 1", () => {
    const r = read('excel-sep-classes.csv');
    expect(rowsOf(r)).toEqual([2, 3]);
    expect(codes(r)).toEqual([['not-a-number', 3, 'students']]);
  });

  it('NUL bytes: refused as not a text file, at file level', () => {
    const r = read('nul-bytes-classes.csv');
    expect(codes(r)).toEqual([['not-csv', null, null]]);
    expect(r.issues[0].message).toContain('另存为');
  });

  it('formula-looking cells stay text in text columns and are refused in count columns', () => {
    const r = read('formula-cells-classes.csv');
    expect(r.rows.map((x) => x.class_name)).toEqual(['=HYPERLINK("http://x.example")', '+2班', '-3班']);
    expect(r.rows.map((x) => x.students)).toEqual([null, null, null]);
    expect(codes(r)).toEqual([
      ['not-a-number', 2, 'students'],
      ['not-a-number', 3, 'students'],
      ['negative-count', 4, 'students'],
    ]);
    expect(r.issues[0].value).toBe('=1+37');
  });

  it('quoted newlines (LF or CRLF) do not add rows', () => {
    const z = read('quoted-newlines-zones.csv');
    expect(rowsOf(z)).toEqual([2, 3, 4]);
    expect(z.rows[0].note).toBe('第一行\n第二行\n第三行');
    const c = read('quoted-crlf-classes.csv');
    expect(rowsOf(c)).toEqual([2, 3]);
    expect(codes(c)).toEqual([['not-a-number', 3, 'students']]);
  });

  it('blank lines above the header: rows and header issues carry the rows Excel shows', () => {
    const r = read('leading-blank-lines-zones.csv');
    expect(rowsOf(r)).toEqual([4, 5]);
    expect(r.issues.find((i) => i.code === 'unknown-column')).toMatchObject({ row: 3, column: '备注X' });
    expect(r.issues.find((i) => i.code === 'duplicate-key')).toMatchObject({ row: 5 });
    expect(r.issues.find((i) => i.code === 'duplicate-key')!.message).toContain('第4行');
  });

  it('old Mac CR-only line endings', () => {
    const r = read('cr-only-classes.csv');
    expect(rowsOf(r)).toEqual([2, 3]);
    expect(codes(r)).toEqual([['not-a-number', 3, 'students']]);
  });

  it("Excel's trailing empty columns and cleared rows (,,,) are not data", () => {
    const r = read('excel-trailing-empties-classes.csv');
    expect(r.issues).toEqual([]);
    expect(rowsOf(r)).toEqual([2, 4]);
  });

  it('semicolon-separated: one error saying so (not every required column “missing”), the row is still kept', () => {
    const r = read('semicolon-classes.csv');
    expect(r.issues.map((i) => i.code)).toEqual(['wrong-delimiter']);
    expect(r.issues[0].message).toContain('分号');
    expect(r.rows).toHaveLength(1);
  });

  it('bytes that are neither UTF-8 nor GB18030: encoding-unreadable', () => {
    expect(codes(read('latin1-classes.csv'))).toEqual([['encoding-unreadable', null, null]]);
  });
});

describe('generated large inputs', () => {
  it('a 5 MB cell: one cell-too-long issue with a short value and message; the row is kept', () => {
    const huge = '长'.repeat(5_000_000);
    const r = readTable(zones, '2025/zones.csv', enc(`学校标识码,片区,说明\n2199010001,文昌街道,"${huge}"\n2199010001,南门社区,x\n`));
    expectWellFormedIssues(r.issues, { file: '2025/zones.csv' });
    expect(rowsOf(r as TableResult)).toEqual([2, 3]);
    expect(codes(r as TableResult)).toEqual([['cell-too-long', 2, 'note']]);
    expect(r.issues[0].message).toContain('5000000');
    expect(r.rows[0].note).toBeNull();
  });

  it('a million-digit number in a count column is refused, not read as Infinity', () => {
    const r = readTable(classes, 'c.csv', enc(`学校标识码,年级,班级,学生数\n2199010001,1,1班,${'9'.repeat(1_000_000)}\n`));
    expectWellFormedIssues(r.issues, { file: 'c.csv' });
    expect(r.rows[0].students).toBeNull();
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[2, 'students']]);
  });

  it('a NUL byte after the first 64 KB is reported, not published inside a cell', () => {
    const lines = ['学校标识码,片区,说明'];
    for (let k = 0; k < 3000; k++) lines.push(`2199010001,片区${k},说明说明说明`);
    lines.push('2199010001,坏\u0000片区,x');
    const r = readTable(zones, '2025/zones.csv', enc(lines.join('\n') + '\n'));
    expectWellFormedIssues(r.issues, { file: '2025/zones.csv' });
    expect(r.rows.filter((x) => Object.values(x).some((v) => typeof v === 'string' && v.includes('\u0000')))).toEqual([]);
    expect(r.issues.length).toBeGreaterThan(0);
  });

  it('100,000 rows: all kept, spreadsheet row numbers intact past a quoted newline, bad cell found', () => {
    const lines = ['学校标识码,年级,班级,学生数'];
    for (let k = 0; k < 100_000; k++) {
      const id = String(2199000000 + (k % 5000));
      const cls = k === 50_000 ? '"5班\n（实验）"' : `${Math.floor(k / 5000)}-${k % 5000}班`;
      const students = k === 77_777 ? '四十' : String(30 + (k % 20));
      lines.push(`${id},${1 + (k % 9)},${cls},${students}`);
    }
    const t0 = performance.now();
    const r = readTable(classes, '2025/classes.csv', enc(lines.join('\r\n') + '\r\n'));
    const ms = performance.now() - t0;
    expect(r.rows).toHaveLength(100_000);
    expect(r.rows[99_999]._source.row).toBe(100_001);
    expect(r.rows[50_001]._source.row).toBe(50_003);
    expect(codes(r as TableResult)).toEqual([['not-a-number', 77_779, 'students']]);
    // Not a benchmark: only catches accidental quadratic work (it takes well under a second).
    expect(ms).toBeLessThan(20_000);
  });
});
