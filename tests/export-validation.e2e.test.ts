/**
 * The downloads as third-party tools read them: datapackage.json through the reference
 * Frictionless library (datapackage-js) with every row cast against its Table Schema, and the
 * Excel-ready CSV opened by LibreOffice Calc.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readAllResources } from './export-helpers';
import { unzipSync } from 'fflate';
import { buildRelease, releaseContext, tableCsv, tableXlsx, type ReleaseEntry } from '../src/lib/export';
import { admissions, schools } from '../src/lib/schema';
import { releaseA, releaseB, settings } from './export-fixture';
import { computeIndicators } from '../src/lib/indicators';

const entryA: ReleaseEntry = { version: '2025.1', date: '2025-03-01', notes: '', source: { kind: 'current' }, corrections: [] };
const entryB: ReleaseEntry = { ...entryA, version: '2025.2', date: '2025-09-10' };

function built() {
  const ctx = releaseContext(settings, '<5');
  const a = buildRelease({ entry: entryA, data: releaseA(), indicators: null, previous: null, ctx });
  const data = releaseB();
  // A suppressed count, as the privacy step publishes it.
  (data.years[0].admissions![0] as { admitted_disabled: unknown }).admitted_disabled = '<5';
  return buildRelease({ entry: entryB, data, indicators: computeIndicators(data), previous: { version: '2025.1', tables: a.tables }, ctx });
}

function writeOut(files: ReadonlyMap<string, Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'export-valid-'));
  for (const [p, b] of files) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), b);
  }
  return dir;
}

describe('datapackage.json', () => {
  it('passes the datapackage library and every row of every resource casts against its Table Schema', async () => {
    const b = built();
    const dir = writeOut(b.files);
    const { pkg, errors, rows } = await readAllResources(dir);
    expect(errors).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(['regions', 'schools', 'admissions-2024', 'classes-2025', 'indicators-schools', 'indicators-cv', 'findings']);
    expect(rows).toBeGreaterThan(3 + 5 + 3 + 2);
    const schoolsRes = pkg.getResource('schools');
    const schoolRows = await schoolsRes.read({ keyed: true, cast: true });
    expect(schoolRows[0].school_id).toBe('2121000101');
    expect(schoolRows[0].longitude).toBe(-121.5);
    const adm = await pkg.getResource('admissions-2024').read({ keyed: true, cast: true });
    // The privacy marker reads as a missing value, not a cast error.
    expect(adm[0].admitted_disabled).toBeNull();
    expect(adm[0].admitted).toBe(187);
  });

  it('is generated from the schema modules: types, constraints, keys, licence', () => {
    const pkg = JSON.parse(new TextDecoder().decode(built().files.get('datapackage.json')!));
    const adm = pkg.resources.find((r: { name: string }) => r.name === 'admissions-2024');
    const field = (n: string) => adm.schema.fields.find((f: { name: string }) => f.name === n);
    expect(field('school_id')).toMatchObject({ type: 'string', title: '学校标识码', constraints: { required: true, pattern: '[0-9]{10}' } });
    expect(field('planned_seats')).toMatchObject({ type: 'integer', constraints: { required: true, minimum: 0 } });
    expect(field('method')).toMatchObject({ type: 'string', constraints: { enum: ['zone', 'lottery', 'mixed'] } });
    expect(field('plan_published_on').type).toBe('date');
    expect(adm.schema.primaryKey).toEqual(['school_id', 'grade']);
    expect(adm.schema.foreignKeys).toEqual([{ fields: 'school_id', reference: { resource: 'schools', fields: 'school_id' } }]);
    expect(adm.schema.missingValues).toEqual(['', '<5']);
    const schools = pkg.resources.find((r: { name: string }) => r.name === 'schools');
    expect(schools.schema.fields.find((f: { name: string }) => f.name === 'closed_year').type).toBe('year');
    expect(pkg.licenses).toEqual([{ name: 'CC-BY-4.0', title: 'CC BY 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }]);
    expect(adm.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Cells of the first sheet of an XLSX as LibreOffice wrote it: ref → kind (text | number) and shown value. */
function sheetCells(file: string): Map<string, { kind: 'text' | 'number'; value: string }> {
  const z = unzipSync(readFileSync(file));
  const td = new TextDecoder();
  const shared = [...td.decode(z['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''),
  ).map(unescapeXml);
  const out = new Map<string, { kind: 'text' | 'number'; value: string }>();
  for (const m of td.decode(z['xl/worksheets/sheet1.xml']).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const t = / t="(\w+)"/.exec(m[2])?.[1] ?? 'n';
    const v = /<v>([\s\S]*?)<\/v>/.exec(m[3] ?? '')?.[1] ?? /<t[^>]*>([\s\S]*?)<\/t>/.exec(m[3] ?? '')?.[1];
    if (v === undefined) continue;
    out.set(m[1], t === 's' ? { kind: 'text', value: shared[Number(v)] } : t === 'str' || t === 'inlineStr' ? { kind: 'text', value: unescapeXml(v) } : { kind: 'number', value: v });
  }
  return out;
}

/**
 * Every file Calc has to open, converted up front in three launches (one per import filter and
 * target) run side by side: a Calc launch costs 10–20 s whatever it converts, so the files of all
 * the tests below share them. Each launch has its own profile folder (Calc locks its profile).
 */
const calc = {
  dir: '',
  /** `name` converted by batch `batch` (csv→xlsx with Calc's CSV import, xlsx→xlsx, xlsx→csv). */
  out(batch: 'csv' | 'xlsx' | 'xlsx-csv', name: string): string {
    return join(calc.dir, `out-${batch}`, name.replace(/\.[^.]+$/, batch === 'xlsx-csv' ? '.csv' : '.xlsx'));
  },
};

function calcInputs(dir: string): { csv: string[]; xlsx: string[] } {
  const b = built();
  const release = writeOut(b.files);
  const put = (name: string, bytes: string | Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const codeRows = [
    { ...releaseB().schools[0], school_id: '2199010001', region_code: '219901', latitude: 41.12 },
    { ...releaseB().schools[1], school_id: '0199010002', region_code: '019901', latitude: 40.5 },
  ];
  const codeAdmissions = [{ ...releaseB().years[0].admissions![0], school_id: '0199010002', admitted_disabled: '<5' }];
  const dateAdmissions = [{ ...releaseB().years[0].admissions![0], school_id: '0199010002' }];
  return {
    csv: [
      put('release-schools.csv', readFileSync(join(release, 'excel/schools.csv'))),
      // A control file without neutralisation proves Calc would evaluate formulas on this import.
      put('control.csv', '\uFEFF地址\r\n=1+1\r\n'),
      put('codes-schools.csv', tableCsv({ def: schools, rows: codeRows }, 'people')),
      put('codes-admissions.csv', tableCsv({ def: admissions, rows: codeAdmissions }, 'people')),
    ],
    xlsx: [put('release-schools.xlsx', readFileSync(join(release, 'xlsx/schools.xlsx'))), put('dates-admissions.xlsx', tableXlsx({ def: admissions, rows: dateAdmissions }, '2025-09-10'))],
  };
}

function launch(batch: string, files: readonly string[], to: string, infilter?: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const args = ['--headless', `-env:UserInstallation=file://${join(calc.dir, `profile-${batch}`)}`, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', join(calc.dir, `out-${batch}`), ...files];
    const child = spawn(soffice!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`LibreOffice (${batch}) exited ${code}: ${err}`));
    });
  });
}

describe.skipIf(!soffice)('downloads opened in LibreOffice Calc (headless)', () => {
  beforeAll(async () => {
    calc.dir = mkdtempSync(join(tmpdir(), 'export-calc-'));
    const inputs = calcInputs(calc.dir);
    // 44,34,76: comma, double quote, UTF-8 — what Calc's import dialog preselects for a file with a BOM.
    await Promise.all([
      launch('csv', inputs.csv, 'xlsx', 'CSV:44,34,76'),
      // Round trip through Calc: what a reader's spreadsheet holds after opening and saving.
      launch('xlsx', inputs.xlsx, 'xlsx'),
      launch('xlsx-csv', [inputs.xlsx[1]!], 'csv'),
    ]);
  }, 600_000);

  const texts = (cells: Map<string, { kind: string; value: string }>) => [...cells.values()].filter((c) => c.kind === 'text').map((c) => c.value);

  it('the Excel-ready CSV shows Chinese intact and runs no formula', () => {
    const control = sheetCells(calc.out('csv', 'control.csv'));
    expect(control.get('A2')).toEqual({ kind: 'number', value: '2' });
    const cells = sheetCells(calc.out('csv', 'release-schools.csv'));
    expect(['A1', 'B1', 'C1', 'D1'].map((r) => cells.get(r)?.value)).toEqual(['学校标识码', '学校名称', '所属县区代码', '学段']);
    const got = texts(cells);
    expect(got).toContain('青禾区实验小学');
    expect(got).toContain('小学');
    // "+1" is number-like text: written ="+1", it shows as the text +1 (no apostrophe, nothing run).
    for (const text of ["'=cmd|' /C calc'!A0", '+1', "'-1+1", "'@SUM(A1:A2)"]) expect(got).toContain(text);
    // Numbers in numeric columns are still numbers (not neutralised).
    expect([...cells.values()]).toContainEqual({ kind: 'number', value: '-121.5' });
  });

  it('the XLSX opens with Chinese headers, text never evaluated and numbers as numbers', () => {
    const cells = sheetCells(calc.out('xlsx', 'release-schools.xlsx'));
    expect(['A1', 'B1', 'C1'].map((r) => cells.get(r)?.value)).toEqual(['学校标识码', '学校名称', '所属县区代码']);
    const got = texts(cells);
    for (const text of ["=cmd|' /C calc'!A0", '+1', '-1+1', '@SUM(A1:A2)', '小学', '青禾区实验小学', '2121000101']) expect(got).toContain(text);
    expect([...cells.values()]).toContainEqual({ kind: 'number', value: '-121.5' });
    // The school code is text, so leading zeros would survive.
    expect([...cells.values()]).not.toContainEqual({ kind: 'number', value: '2121000101' });
  });

  it('item 9: the Excel-ready CSV opens with 2199010001 and 0199010002 as text, numbers as numbers, <5 as text', () => {
    const cells = sheetCells(calc.out('csv', 'codes-schools.csv'));
    const col = (key: string) => String.fromCharCode(65 + schools.columns.findIndex((c) => c.key === key));
    expect(cells.get(`${col('school_id')}1`)).toEqual({ kind: 'text', value: '学校标识码' });
    expect(cells.get(`${col('school_id')}2`)).toEqual({ kind: 'text', value: '2199010001' });
    expect(cells.get(`${col('school_id')}3`)).toEqual({ kind: 'text', value: '0199010002' });
    expect(cells.get(`${col('region_code')}3`)).toEqual({ kind: 'text', value: '019901' });
    expect(cells.get(`${col('latitude')}2`)).toEqual({ kind: 'number', value: '41.12' });
    const a = sheetCells(calc.out('csv', 'codes-admissions.csv'));
    const acol = (key: string) => String.fromCharCode(65 + admissions.columns.findIndex((c) => c.key === key));
    expect(a.get(`${acol('school_id')}2`)).toEqual({ kind: 'text', value: '0199010002' });
    expect(a.get(`${acol('admitted_disabled')}2`)).toEqual({ kind: 'text', value: '<5' });
    expect(a.get(`${acol('planned_seats')}2`)?.kind).toBe('number');
  });

  it('item 9: the XLSX keeps codes as text and dates as real date cells shown yyyy-mm-dd', () => {
    const cells = sheetCells(calc.out('xlsx', 'dates-admissions.xlsx'));
    const acol = (key: string) => String.fromCharCode(65 + admissions.columns.findIndex((c) => c.key === key));
    expect(cells.get(`${acol('school_id')}2`)).toEqual({ kind: 'text', value: '0199010002' });
    // 2024-05-10 is day 45422 of Excel's calendar: a date, not the text "2024-05-10".
    expect(cells.get(`${acol('plan_published_on')}2`)).toEqual({ kind: 'number', value: '45422' });
    const csv = readFileSync(calc.out('xlsx-csv', 'dates-admissions.xlsx'), 'utf8');
    expect(csv).toContain('2024-05-10');
    expect(csv).toContain('0199010002');
    const styles = new TextDecoder().decode(unzipSync(readFileSync(join(calc.dir, 'dates-admissions.xlsx')))['xl/styles.xml']);
    expect(styles).toContain('<cellStyle name="Normal" xfId="0" builtinId="0"/>');
  });
});

export { execFileSync };

const pandasPython = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0);

describe.skipIf(!pandasPython)('item 9: the README’s pandas snippet keeps codes as text and reads <5 as withheld', () => {
  it('runs the README’s code on the release: leading zero kept, <5 read as missing', () => {
    const ctx = releaseContext(settings, '<5');
    const data = releaseB();
    const first = data.schools[0].school_id;
    const rename = <T extends { school_id?: string }>(r: T): T => (r.school_id === first ? { ...r, school_id: '0121000101' } : r);
    const changed = {
      ...data,
      schools: data.schools.map(rename),
      years: data.years.map((y) => ({ ...y, admissions: y.admissions?.map((a) => ({ ...rename(a), admitted_disabled: '<5' })) })),
    } as typeof data;
    const b = buildRelease({ entry: entryB, data: changed, indicators: null, previous: null, ctx });
    const dir = writeOut(b.files);
    const readme = new TextDecoder().decode(b.files.get('README.md')!);
    const snippet = /```python\n([\s\S]*?)```/.exec(readme)![1];
    expect(snippet).toContain('dtype={"school_id": str, "region_code": str}');
    const py = `${snippet}\nprint(df["school_id"].tolist()[0], df["region_code"].dtype)\nimport pandas as pd\na = pd.read_csv("csv/2024/admissions.csv", dtype={"school_id": str}, na_values=["", "<5"])\nprint(a["admitted_disabled"].isna().all(), a["admitted"].dtype)\n`;
    const r = spawnSync(pandasPython!, ['-c', py], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('0121000101 object');
    expect(r.stdout.split('\n')[1]).toMatch(/^True (int64|float64)$/);
    // The README says what <5 means: withheld, between 1 and threshold − 1.
    expect(readme).toContain('“<5”表示为保护隐私而不公布的小数值：实际值在 1 到 4 之间');
  }, 60_000);
});
