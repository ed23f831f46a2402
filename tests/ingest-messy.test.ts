/**
 * Files as clerks' spreadsheets really produce them (tests/fixtures/messy, hand-made): each
 * oddity either reads as the clerk meant it or gives one Chinese message naming the file, the row
 * and the column — never a crash, never a record that silently vanishes or turns into 0, and
 * never a cascade of errors that hides the one thing to fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../src/lib/validate/table';
import { admissions, classes, funding } from '../src/lib/schema';
import { FIXTURES } from './fixture-dir';

const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'messy', name)));
const chinese = /[\u4e00-\u9fa5]/;

describe('a GB18030 export with a title, CRLF, trailing empty columns, full-width digits, merged cells, units and a total row', () => {
  const t = readTable(classes, '2025/classes.csv', bytes('classes-gbk-title.csv'));
  const at = (row: number, column: string | null) => t.issues.filter((i) => i.row === row && i.column === column);

  it('is read as GB18030, the header from row 3 below the title lines, each title said once as a warning', () => {
    expect(t.encoding).toBe('gb18030');
    const titles = t.issues.filter((i) => i.code === 'title-row');
    expect(titles.map((i) => [i.row, i.severity])).toEqual([
      [1, 'warning'],
      [2, 'warning'],
    ]);
    expect(titles[0].message).toBe('2025/classes.csv 第1行“2025年班级规模统计表”像是表格标题，不是列名：已从第3行读取表头，这一行不会被发布。请删除标题行，让第一行就是列名。');
    // No “missing column” cascade, no complaint about the trailing empty columns.
    expect(t.issues.filter((i) => ['missing-required-column', 'unknown-column', 'blank-header'].includes(i.code))).toEqual([]);
  });

  it('keeps every record with its spreadsheet row; full-width digits are numbers; the emptied row is blank', () => {
    expect(t.rows.map((r) => r._source.row)).toEqual([4, 5, 6, 7, 9]);
    expect(t.rows[0]).toMatchObject({ school_id: '2199010001', grade: 1, class_name: '1班', students: 44 });
    expect(at(4, 'school_id').concat(at(4, 'students'))).toEqual([]);
  });

  it('a merged school cell: the empty cell is an error that says what Excel did', () => {
    const [e] = at(5, 'school_id');
    expect(e).toMatchObject({ code: 'required-value-missing', severity: 'error' });
    expect(e.message).toContain('第5行“学校标识码”为空');
    expect(e.message).toContain('上一行这一列是“2199010001”：如果这里是 Excel 合并单元格，请取消合并');
    expect(t.rows[1].school_id).toBeNull(); // not filled in by guessing
  });

  it('“45人” and “一年级”: not numbers, not 0, with how to write them', () => {
    expect(at(6, 'students')[0].message).toBe('2025/classes.csv 第6行“学生数”的值“45人”不是数字。请填写数字；没有数据请留空。请去掉单位“人”，只填数字 45。');
    expect(t.rows[2].students).toBeNull();
    expect(at(7, 'grade')[0].message).toContain('年级请填数字：一年级填 1，初一（七年级）填 7。');
  });

  it('a total row: an error that says it is one', () => {
    const [e] = at(9, 'school_id');
    expect(e.code).toBe('bad-code');
    expect(e.message).toContain('这像是合计行');
  });

  it('every issue is Chinese with the file, and every row issue its row and column', () => {
    for (const i of t.issues) {
      expect(i.file).toBe('2025/classes.csv');
      expect(i.message).toMatch(chinese);
      expect(i.message).toContain('2025/classes.csv');
      if (i.code !== 'title-row') expect(i.column).not.toBeNull();
      expect(i.row).not.toBeNull();
    }
  });
});

describe('dates from English-language Excel, UTF-8 with BOM', () => {
  const t = readTable(admissions, '2025/admissions.csv', bytes('admissions-excel-dates.csv'));
  it('a date-time is a date; a serial and month-first dates are errors that say why', () => {
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.rows.map((r) => r.results_published_on)).toEqual(['2025-07-20', null]);
    const msg = (row: number, col: string) => t.issues.find((i) => i.row === row && i.column === col)!.message;
    expect(msg(2, 'plan_published_on')).toContain('45787 即 2025-05-10');
    expect(msg(3, 'plan_published_on')).toContain('英文版 Excel 的日期格式');
    expect(msg(3, 'results_published_on')).toContain('英文版 Excel 的日期格式');
    expect(t.issues).toHaveLength(3);
  });
});

describe('amounts typed in 万元', () => {
  it('an error with the amount in 元, never 120 or 0', () => {
    const t = readTable(funding, '2025/funding.csv', bytes('funding-wan.csv'));
    expect(t.rows.map((r) => r.public_funds_yuan)).toEqual([null, 1100000]);
    const m = t.issues.map((i) => [i.row, i.column, i.message]);
    expect(m).toContainEqual([2, 'public_funds_yuan', expect.stringContaining('单位是“万”：请换算后只填数字（120万 填 1200000）')]);
    expect(m).toContainEqual([3, 'training_funds_yuan', expect.stringContaining('（5.6万元 填 56000）')]);
  });
});

describe('semicolons or tabs instead of commas', () => {
  for (const [name, sep] of [['classes-semicolon.csv', '分号'], ['classes-tab.csv', '制表符']] as const) {
    it(`${name}: one error saying so, not every column “missing”`, () => {
      const t = readTable(classes, '2025/classes.csv', bytes(name));
      expect(t.issues.map((i) => [i.code, i.row])).toEqual([['wrong-delimiter', 1]]);
      expect(t.issues[0].message).toBe(`2025/classes.csv 第1行的各列是用${sep}隔开的，不是逗号，文件无法按列读取。请在 Excel 或 WPS 中“另存为 → CSV（逗号分隔）”后再提交。`);
      expect(t.issues[0].severity).toBe('error');
      expect(t.rows).toHaveLength(1); // kept (empty), so nothing vanishes; the error blocks publishing
    });
  }
});

describe('what else spreadsheets leave in a cell', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('Excel error values and formulas: not numbers, with what to do', () => {
    const t = readTable(funding, '2025/funding.csv', enc('学校标识码,公用经费支出,教师培训经费\n2199010001,#DIV/0!,=B2*0.05\n'));
    expect(t.rows[0]).toMatchObject({ public_funds_yuan: null, training_funds_yuan: null });
    expect(t.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'public_funds_yuan'],
      [2, 'training_funds_yuan'],
    ]);
    expect(t.issues[0].message).toContain('这是 Excel 公式的错误值');
    expect(t.issues[1].message).toContain('这是公式而不是数值');
  });

  it('a code typed with Excel’s text apostrophe: an error that says to remove it', () => {
    const t = readTable(classes, '2025/classes.csv', enc("学校标识码,年级,班级,学生数\n'2199010001,1,1班,44\n"));
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ row: 2, column: 'school_id', code: 'bad-code' });
    expect(t.issues[0].message).toContain('开头的单引号');
  });

  it('a DOS end-of-file mark (Ctrl-Z) after the last line is not data: the file reads normally', () => {
    const t = readTable(classes, '2025/classes.csv', enc('学校标识码,年级,班级,学生数\r\n2199010001,1,1班,44\r\n\u001a'));
    expect(t.issues).toEqual([]);
    expect(t.rows.map((r) => r.students)).toEqual([44]);
  });
});
