/**
 * Ingest: the files bureaus really produce — Excel/WPS encodings, BOM, CRLF, blank lines,
 * quoted commas and newlines, full-width digits — read correctly, with spreadsheet row numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../src/lib/csv/decode';
import { readCell } from '../src/lib/csv/normalise';
import { readTable } from '../src/lib/validate/table';
import { admissions, classes, counties, outcomes, schools, zones } from '../src/lib/schema';
import { FIXTURES, fixtureText } from './fixture-dir';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decoding', () => {
  it('reads a GBK file saved by Excel/WPS without any setting', () => {
    const bytes = readFileSync(join(FIXTURES, 'bad-gbk', 'schools.csv'));
    const d = decodeCsvBytes(bytes);
    expect(d.ok && d.encoding).toBe('gb18030');
    const t = readTable(schools, 'schools.csv', bytes);
    expect(t.issues).toEqual([]);
    expect(t.rows[0].name).toBe('测试县第一小学');
    expect(t.rows[1].stage).toBe('junior');
  });

  it('strips a UTF-8 BOM so the first column is still recognised', () => {
    const t = readTable(schools, 'schools.csv', enc('\ufeff' + fixtureText('minimal', 'schools.csv')));
    expect(t.issues).toEqual([]);
    expect(t.rows[0].school_id).toBe('2199010001');
  });

  it('says an .xlsx renamed to .csv is an Excel workbook', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 1, 2, 3]);
    const t = readTable(schools, 'schools.csv', zip);
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ file: 'schools.csv', code: 'not-csv', severity: 'error', row: null });
    expect(t.issues[0].message).toContain('xlsx');
    expect(t.issues[0].message).toContain('另存为');
  });

  it('reports an empty file (0 bytes, or only a BOM and blank lines)', () => {
    for (const bytes of [new Uint8Array(), enc('\ufeff'), enc('\r\n\r\n')]) {
      const t = readTable(classes, '2025/classes.csv', bytes);
      expect(t.issues.map((i) => i.code)).toEqual(['empty-file']);
      expect(t.issues[0].message).toContain('2025/classes.csv');
    }
  });

  it('refuses random bytes and UTF-16 text with a reason', () => {
    const noise = new Uint8Array(256).map((_, i) => (i * 73 + 11) % 256);
    expect(readTable(classes, 'x.csv', noise).issues[0].code).toBe('not-csv');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00]);
    expect(readTable(classes, 'x.csv', utf16).issues[0].code).toBe('encoding-utf16');
  });
});

describe('rows as a spreadsheet numbers them', () => {
  it('CRLF line endings give the same rows as LF', () => {
    const lf = fixtureText('minimal', '2025/classes.csv');
    const a = readTable(classes, 'c.csv', enc(lf));
    const b = readTable(classes, 'c.csv', enc(lf.replace(/\n/g, '\r\n')));
    expect(b.issues).toEqual([]);
    expect(b.rows).toEqual(a.rows);
    expect(b.rows.map((r) => r._source.row)).toEqual([2, 3, 4, 5]);
  });

  it('skips blank lines and trailing empty columns but keeps row numbers', () => {
    const text = '学校标识码,年级,班级,学生数,,\n2199010001,1,1班,44,,\n\n2199010001,1,2班,abc,,\n';
    const t = readTable(classes, '2025/classes.csv', enc(text));
    expect(t.rows).toHaveLength(2);
    expect(t.issues).toHaveLength(1);
    // header = row 1, first class row 2, blank row 3, bad row 4
    expect(t.issues[0]).toMatchObject({ row: 4, column: 'students', value: 'abc', code: 'not-a-number' });
  });

  it('reads a quoted cell containing a comma and a newline as one cell of one row', () => {
    const text = '学校标识码,片区,说明\n2199010001,文昌街道,"单号1-99号,\n双号2-50号"\n2199010001,南门社区,x\n3199010002,,\n';
    const t = readTable(zones, '2025/zones.csv', enc(text));
    expect(t.rows[0].note).toBe('单号1-99号,\n双号2-50号');
    expect(t.rows[1].area).toBe('南门社区');
    // the third record is spreadsheet row 4 although it starts on line 5 of the file
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ row: 4, column: 'area', code: 'required-value-missing' });
  });

  it('reports an unclosed quote with its row', () => {
    const text = '学校标识码,片区,说明\n2199010001,文昌街道,"没有闭合\n';
    const t = readTable(zones, 'z.csv', enc(text));
    expect(t.issues.some((i) => i.code === 'csv-quote-error' && i.row === 2)).toBe(true);
  });

  it('reports extra cells beyond the header instead of dropping them', () => {
    const text = '学校标识码,年级,班级,学生数\n2199010001,1,1班,44,多余\n';
    const t = readTable(classes, 'c.csv', enc(text));
    expect(t.rows).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ code: 'ragged-row', row: 2, value: '多余', severity: 'error' });
  });
});

describe('cell normalisation', () => {
  const col = (schema: { columns: readonly { key: string }[] }, key: string) => schema.columns.find((c) => c.key === key)! as never;

  it('reads thousands separators, full-width digits, spaces and % signs', () => {
    expect(readCell('1,234', col(admissions, 'planned_seats'))).toEqual({ ok: true, value: 1234 });
    expect(readCell('１２３', col(admissions, 'planned_seats'))).toEqual({ ok: true, value: 123 });
    expect(readCell('  180 ', col(admissions, 'planned_seats'))).toEqual({ ok: true, value: 180 });
    expect(readCell('95%', col(outcomes, 'pass_rate'))).toEqual({ ok: true, value: 95 });
    expect(readCell('９５．５％', col(outcomes, 'pass_rate'))).toEqual({ ok: true, value: 95.5 });
    expect(readCell('1,260,000,000', col(counties, 'compulsory_education_appropriation_yuan'))).toEqual({ ok: true, value: 1260000000 });
  });

  it('keeps an empty cell as "not reported", never 0', () => {
    expect(readCell('', col(admissions, 'admitted'))).toEqual({ ok: true, value: null });
    expect(readCell('   ', col(admissions, 'admitted'))).toEqual({ ok: true, value: null });
  });

  it('keeps codes as text with their leading zeros', () => {
    const id = col(schools, 'school_id');
    expect(readCell('0199010001', id)).toEqual({ ok: true, value: '0199010001' });
    expect(readCell('2.1E+09', id)).toMatchObject({ ok: false, code: 'scientific-notation-code' });
    expect(readCell('199010001', id)).toMatchObject({ ok: false, code: 'bad-code' });
  });

  it('rejects text, fractions and negatives in counts', () => {
    const seats = col(admissions, 'planned_seats');
    expect(readCell('无', seats)).toMatchObject({ ok: false, code: 'not-a-number' });
    expect(readCell('-', seats)).toMatchObject({ ok: false, code: 'not-a-number' });
    expect(readCell('1,23', seats)).toMatchObject({ ok: false, code: 'not-a-number' });
    expect(readCell('12.5', seats)).toMatchObject({ ok: false, code: 'not-an-integer' });
    expect(readCell('-3', seats)).toMatchObject({ ok: false, code: 'negative-count' });
    expect(readCell('101', col(outcomes, 'pass_rate'))).toMatchObject({ ok: false, code: 'out-of-range' });
  });

  it('accepts dates as spreadsheets write them and rejects impossible ones', () => {
    const d = col(admissions, 'plan_published_on');
    expect(readCell('2025/5/10', d)).toEqual({ ok: true, value: '2025-05-10' });
    expect(readCell('2025年5月10日', d)).toEqual({ ok: true, value: '2025-05-10' });
    expect(readCell('2025-02-30', d)).toMatchObject({ ok: false, code: 'bad-date' });
  });

  it('accepts enum values by key, Chinese label or official code', () => {
    expect(readCell('小学', col(schools, 'stage'))).toEqual({ ok: true, value: 'primary' });
    expect(readCell('Primary', col(schools, 'stage'))).toEqual({ ok: true, value: 'primary' });
    expect(readCell('220', col(schools, 'locale'))).toEqual({ ok: true, value: 'rural' });
    expect(readCell('', col(schools, 'kind'))).toEqual({ ok: true, value: 'regular' });
    expect(readCell('高中', col(schools, 'stage'))).toMatchObject({ ok: false, code: 'bad-enum' });
  });

  it('warns when a percentage looks like a fraction', () => {
    expect(readCell('0.95', col(outcomes, 'pass_rate'))).toEqual({ ok: true, value: 0.95, warning: 'percent-looks-fractional' });
  });
});

describe('headers', () => {
  it('accepts keys, Chinese labels, and labels with a unit or required mark', () => {
    const text = 'school_id,年级 ,班级,*学生数(人)\n2199010001,1,1班,44\n';
    const t = readTable(classes, 'c.csv', enc(text));
    expect(t.issues).toEqual([]);
    expect(t.rows[0].students).toBe(44);
  });
});

describe('mixed line endings', () => {
  it('a row ending in LF inside a CRLF file is its own row, not glued to the one before', () => {
    const text = '学校标识码,年级,班级,学生数\r\n2199010001,1,1班,44\r\n2199010001,1,2班,40\n2199010001,1,3班,41\r\n';
    const t = readTable(classes, '2025/classes.csv', enc(text));
    expect(t.issues).toEqual([]);
    expect(t.rows.map((r) => [r._source.row, r.class_name, r.students])).toEqual([
      [2, '1班', 44],
      [3, '2班', 40],
      [4, '3班', 41],
    ]);
  });
});
