/**
 * Hostile and broken data folders, as `npm run validate` meets them (issue 13, items 3, 4, 6, 7):
 * links leaving the folder, ID-card numbers in every spelling, bidi overrides, Big5, a folder or
 * FIFO named like a dataset, and cascades whose root cause must come first. Every case: a plain
 * Chinese message with file (row, column), the right exit code, and intact JSON under
 * --format json. Worked examples are written out by hand.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPortalData } from '../src/lib/model/load';
import { readTable } from '../src/lib/validate/table';
import { schools, zones } from '../src/lib/schema';
import type { Issue } from '../src/lib/validate/issue';
import { fixtureCopy, fixtureText } from './fixture-dir';

const root = new URL('..', import.meta.url).pathname;
function validate(dir: string, format = 'json') {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/validate.ts', '--data', dir, '--format', format], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, timedOut: r.error !== undefined };
}
const json = (out: string) => JSON.parse(out) as { ok: boolean; errors: number; issues: Issue[] };

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
function copy(overrides: Record<string, string | Uint8Array | null> = {}) {
  const f = fixtureCopy('minimal', overrides);
  cleanups.push(f.cleanup);
  return f.dir;
}
const enc = (s: string) => new TextEncoder().encode(s);

describe('links out of the data folder (item 3)', () => {
  const outside = mkdtempSync(join(tmpdir(), 'portal-outside-'));
  cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
  const secret = join(outside, 'passwd');
  writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\nsecret-user:x:1000:1000::/home/secret:/bin/sh\n');

  it('2025/zones.csv → /…/passwd: refused with a Chinese message, no line of the file quoted, exit 1', () => {
    const dir = copy({ '2025/zones.csv': null });
    symlinkSync(secret, join(dir, '2025', 'zones.csv'));
    for (const format of ['json', 'github', 'text']) {
      const r = validate(dir, format);
      expect(r.code, r.err).toBe(1);
      expect(r.out).not.toMatch(/root:x|secret-user|\/bin\/(ba)?sh/);
    }
    const r = json(validate(dir).out);
    const i = r.issues.find((x) => x.file === '2025/zones.csv')!;
    expect(i.code).toBe('link-outside-data');
    expect(i.message).toBe('2025/zones.csv 是指向数据文件夹以外的链接，为防止泄露其他文件的内容，不读取也不发布。请把文件本身复制到数据文件夹中。');
  });

  it('a schools.csv linked from outside is not read (so not published); a link inside the folder is fine', async () => {
    const real = copy();
    const dir = copy({ 'schools.csv': null, '2025/zones.csv': null });
    symlinkSync(join(real, 'schools.csv'), join(dir, 'schools.csv'));
    mkdirSync(join(dir, '_shared'));
    writeFileSync(join(dir, '_shared', 'zones.csv'), fixtureText('minimal', '2025/zones.csv'));
    symlinkSync(join(dir, '_shared', 'zones.csv'), join(dir, '2025', 'zones.csv'));
    const r = await loadPortalData(dir);
    expect(r.data.schools).toEqual([]);
    expect(r.issues.find((i) => i.file === 'schools.csv')?.code).toBe('link-outside-data');
    expect(r.data.years[0].zones?.length).toBeGreaterThan(0);
    expect(r.issues.filter((i) => i.file === '2025/zones.csv' && i.code === 'link-outside-data')).toEqual([]);
  });

  it('a message quotes at most 40 characters of a cell', () => {
    const long = '很长的说明'.repeat(100) + '\u0001';
    const r = readTable(zones, '2025/zones.csv', enc(`学校标识码,片区,说明\n2199010001,青禾街道,${long}\n`));
    const i = r.issues.find((x) => x.code === 'control-character')!;
    expect(i.value!.length).toBeLessThanOrEqual(41);
    expect(i.message.length).toBeLessThan(120);
    // a header line that is really a line of another file: the column name is cut short too
    const line = 'root:x:0:0:root:/root:/bin/bash'.repeat(5);
    const h = readTable(zones, '2025/zones.csv', enc(`学校标识码,片区,${line}\n2199010001,青禾街道,x\n`));
    const u = h.issues.find((x) => x.code === 'unknown-column')!;
    expect(u.column!.length).toBeLessThanOrEqual(41);
    expect(u.message).not.toContain(line.slice(0, 60));
  });
});

describe('ID-card numbers in any text column (item 4)', () => {
  // 110101199003077774 is a valid number (check digit 4, computed by GB 11643); …775 has a wrong one.
  const cases: [string, string][] = [
    ['with spaces', '1101 0119 9003 0777 74'],
    ['with hyphens', '110101-19900307-7774'],
    ['old 15-digit form', '110101900307777'],
    ['18 digits, wrong check digit', '110101199003077775'],
    ['inside other text', '联系人身份证110101199003077774'],
  ];
  for (const [what, id] of cases) {
    it(`${what}: “${id}” is an error in zones.csv, and the report does not repeat the number`, () => {
      const r = readTable(zones, '2025/zones.csv', enc(`学校标识码,片区,说明\n2199010001,青禾街道,${id}\n`));
      const i = r.issues.find((x) => x.code === 'id-card-value');
      expect(i, JSON.stringify(r.issues)).toBeDefined();
      expect(i!.message).toBe('2025/zones.csv 第2行“说明”中疑似有身份证号码，不能发布。请删除。');
      expect(i!.row).toBe(2);
      expect(i!.column).toBe('note');
      expect(i!.value).not.toMatch(/\d{5}/);
    });
  }
  it('school codes, years and phone-like office numbers in text are not ID cards', () => {
    const r = readTable(zones, '2025/zones.csv', enc('学校标识码,片区,说明\n2199010001,青禾街道,2019 2020 2021 2022学年\n2199010001,红杉社区,办公电话 0571 8888 8888\n'));
    expect(r.issues.filter((x) => x.code === 'id-card-value')).toEqual([]);
  });
});

describe('bidi controls, Big5, base_path and non-files (item 6)', () => {
  it('a bidi override (U+202E) in a school name is refused like other control characters', () => {
    const csv = `学校标识码,学校名称,所属县区代码,学段,办学性质,城乡类型\n2199010001,青禾\u202E学小验实,990101,小学,公办,城区\n2199010002,红杉\u2066小学\u2069,990101,小学,公办,城区\n`;
    const r = readTable(schools, 'schools.csv', enc(csv));
    const bidi = r.issues.filter((x) => x.code === 'bidi-control');
    expect(bidi.map((x) => x.message)).toEqual([
      'schools.csv 第2行“学校名称”中含有改变文字显示方向的隐藏字符（U+202E），网页上会显示成另一个样子。请删除后重新输入该单元格。',
      'schools.csv 第3行“学校名称”中含有改变文字显示方向的隐藏字符（U+2066），网页上会显示成另一个样子。请删除后重新输入该单元格。',
    ]);
    expect(bidi.every((x) => !/[\u202a-\u202e\u2066-\u2069]/.test(x.value ?? ''))).toBe(true);
    expect(r.rows.map((x) => x.name)).toEqual([null, null]);
  });

  it('a Big5 schools.csv is an error naming the encoding, not GB18030 mojibake', () => {
    // “學校標識碼,學校名稱…” saved as Big5 by a Traditional-Chinese Excel (bytes via iconv).
    const big5 = new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'BIG5'], { input: '學校標識碼,學校名稱,所屬縣區代碼,學段,辦學性質,城鄉類型\n2199010001,青禾區實驗小學,990101,小學,公辦,城區\n' }));
    const r = readTable(schools, 'schools.csv', big5);
    expect(r.rows).toEqual([]);
    expect(r.issues.map((x) => x.code)).toEqual(['encoding-big5']);
    expect(r.issues[0].message).toContain('schools.csv 看起来是繁体中文 Big5 编码（如表头“學校標識碼,學校名稱');
    // GBK (simplified) still reads
    const gbk = new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: fixtureText('minimal', 'schools.csv') }));
    expect(readTable(schools, 'schools.csv', gbk).encoding).toBe('gb18030');
  });

  it('a folder named schools.csv: a Chinese message, exit 1, JSON intact (never EISDIR)', () => {
    const dir = copy({ 'schools.csv': null });
    mkdirSync(join(dir, 'schools.csv'));
    const r = validate(dir);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/EISDIR/);
    const j = json(r.out);
    expect(j.issues[0]).toMatchObject({ file: 'schools.csv', code: 'not-a-file', message: 'schools.csv 是一个文件夹，不是CSV文件，无法读取。请把它改名或删除，再把数据保存为 schools.csv。' });
  });

  it('a FIFO named 2025/zones.csv: a Chinese message within seconds (never hangs), exit 1', () => {
    const dir = copy({ '2025/zones.csv': null });
    execFileSync('mkfifo', [join(dir, '2025', 'zones.csv')]);
    const t0 = Date.now();
    const r = validate(dir);
    expect(r.timedOut).toBe(false);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(json(r.out).issues.find((i) => i.file === '2025/zones.csv')?.message).toBe('2025/zones.csv 是一个命名管道（FIFO），不是CSV文件，无法读取。请把它改名或删除，再把数据保存为 2025/zones.csv。');
  });

  it('base_path "../" in portal.yml: error, exit 1, JSON intact', () => {
    const dir = copy({ 'portal.yml': fixtureText('minimal', 'portal.yml').replace(/^base_path:.*$/m, '') + 'base_path: "../"\n' });
    const r = validate(dir);
    expect(r.code).toBe(1);
    expect(json(r.out).issues.some((i) => i.code === 'invalid-settings' && i.message.includes('base_path 应为网站所在的子路径'))).toBe(true);
  });
});

describe('cascades: the root cause first, its follow-on errors collapsed (item 7)', () => {
  it('a NUL byte in schools.csv: the unreadable file first, then one follow-on error per file (not one per row)', () => {
    const text = fixtureText('minimal', 'schools.csv');
    const dir = copy({ 'schools.csv': text.slice(0, 40) + '\u0000' + text.slice(40) });
    const r = validate(dir);
    expect(r.code).toBe(1);
    const j = json(r.out);
    expect(j.issues[0]).toMatchObject({ file: 'schools.csv', code: 'not-csv' });
    expect(j.issues.filter((i) => i.code === 'unknown-school')).toEqual([]);
    const follow = j.issues.filter((i) => i.code === 'unknown-school-follow-on');
    expect(follow.length).toBeGreaterThan(0);
    expect(new Set(follow.map((i) => i.file)).size).toBe(follow.length);
    expect(follow.find((i) => i.file === '2025/classes.csv')!.message).toMatch(/^2025\/classes\.csv 中有 4 行的学校标识码在 schools\.csv 中找不到（第2、3、4、5行）。这多半是因为 schools\.csv 本身有误（schools\.csv 无法读取或没有数据行）：请先改正 schools\.csv。$/);
  });

  it('an empty schools.csv: the same', () => {
    const r = json(validate(copy({ 'schools.csv': '' })).out);
    expect(r.issues[0]).toMatchObject({ file: 'schools.csv', code: 'empty-file' });
    expect(r.issues.filter((i) => i.code === 'unknown-school')).toEqual([]);
  });

  it('school codes written as 2.1E+09 by Excel: the first cell explained, the rest of the column folded into one issue', () => {
    // 10 schools whose 学校标识码 column Excel showed as 2.2E+09: one explained error (row 2) and
    // “还有 9 个单元格有同样的问题（第3、4、5、6、7行等）”, instead of 10 errors.
    const rows = Array.from({ length: 10 }, (_, i) => `2.2E+09,第${i + 1}小学,990101,小学,公办,城区`).join('\n');
    const r = readTable(schools, 'schools.csv', enc(`学校标识码,学校名称,所属县区代码,学段,办学性质,城乡类型\n${rows}\n`));
    expect(r.issues.map((i) => `${i.code}@${i.row}`)).toEqual(['scientific-notation-code@2', 'same-error-in-column@3']);
    expect(r.issues[1].message).toBe('schools.csv 的“学校标识码”列还有 9 个单元格有同样的问题（第3、4、5、6、7行等）。按上一条的说明改正整列即可。');
  });

  it('2.1E+09 codes in schools.csv: that error first, the unknown schools of every other file collapsed', () => {
    const text = fixtureText('minimal', 'schools.csv').replace(/^(\d)(\d{9}),/gm, (_, a: string) => `${a}.1E+09,`);
    const r = json(validate(copy({ 'schools.csv': text })).out);
    expect(r.issues[0]).toMatchObject({ file: 'schools.csv', row: 2, code: 'scientific-notation-code' });
    expect(r.issues[0].message).toMatch(/^schools\.csv 第2行“学校标识码”的值“2\.1E\+09”被 Excel 变成了科学计数法/);
    expect(r.issues.filter((i) => i.code === 'unknown-school')).toEqual([]);
    expect(r.issues.find((i) => i.code === 'unknown-school-follow-on' && i.file === '2025/classes.csv')?.message).toContain('（schools.csv 中有 3 行的代码无法读取）');
  });

  it('without portal.yml: a warning saying which defaults were used (exit 0 when nothing else is wrong)', () => {
    const r = validate(copy({ 'portal.yml': null }));
    expect(r.code).toBe(0);
    const i = json(r.out).issues.find((x) => x.code === 'settings-missing')!;
    expect(i.severity).toBe('warning');
    expect(i.message).toMatch(/^数据文件夹中没有网站设置文件 portal\.yml，已使用默认设置：标题“本地区义务教育均衡发展数据”/);
  });
});
