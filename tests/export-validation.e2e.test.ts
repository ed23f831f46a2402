/**
 * The downloads as third-party tools read them: datapackage.json through the reference
 * Frictionless library (datapackage-js) with every row cast against its Table Schema, and the
 * Excel-ready CSV opened by LibreOffice Calc.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
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

describe.skipIf(!soffice)('Excel-ready CSV opened in LibreOffice Calc', () => {
  it('shows Chinese intact and runs no formula', () => {
    const b = built();
    const dir = writeOut(b.files);
    // A control file without neutralisation proves Calc would evaluate formulas on this import.
    writeFileSync(join(dir, 'control.csv'), '\uFEFF地址\r\n=1+1\r\n');
    const out = join(dir, 'out');
    for (const f of [join(dir, 'excel/schools.csv'), join(dir, 'control.csv')]) {
      // 44,34,76: comma, double quote, UTF-8 — what Calc's import dialog preselects for a file with a BOM.
      const r = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--infilter=CSV:44,34,76', '--convert-to', 'html', '--outdir', out, f], { timeout: 120_000 });
      expect(r.status, r.stderr?.toString()).toBe(0);
    }
    const cells = (file: string) =>
      [...readFileSync(join(out, file), 'utf8').matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) =>
        m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim(),
      );
    expect(cells('control.html')).toContain('2');
    const got = cells('schools.html');
    expect(got.slice(0, 4)).toEqual(['学校标识码', '学校名称', '所属县区代码', '学段']);
    expect(got).toContain('青禾区实验小学');
    expect(got).toContain('小学');
    // "+1" is number-like text: written ="+1", it shows as the text +1 (no apostrophe, nothing run).
    for (const text of ["'=cmd|' /C calc'!A0", '+1', "'-1+1", "'@SUM(A1:A2)"]) expect(got).toContain(text);
    // Numbers in numeric columns are still numbers (not neutralised).
    expect(readFileSync(join(out, 'schools.html'), 'utf8')).toMatch(/sdval="-121.5"/);
  }, 240_000);

  it('the XLSX opens with Chinese headers, text never evaluated and numbers as numbers', () => {
    const b = built();
    const dir = writeOut(b.files);
    const out = join(dir, 'xout');
    const r = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'html', '--outdir', out, join(dir, 'xlsx/schools.xlsx')], { timeout: 120_000 });
    expect(r.status, r.stderr?.toString()).toBe(0);
    const html = readFileSync(join(out, 'schools.html'), 'utf8');
    const got = [...html.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").trim());
    expect(got.slice(0, 3)).toEqual(['学校标识码', '学校名称', '所属县区代码']);
    for (const text of ["=cmd|' /C calc'!A0", '+1', '-1+1', '@SUM(A1:A2)', '小学', '青禾区实验小学', '2121000101']) expect(got).toContain(text);
    expect(html).toMatch(/sdval="-121.5"/);
    // The school code is text (left-aligned, no sdval), so leading zeros would survive.
    expect(html).not.toMatch(/sdval="2121000101"/);
  }, 240_000);
});

/** Cells of the first sheet of an XLSX as LibreOffice wrote it: ref → kind (text | number) and shown value. */
function sheetCells(file: string): Map<string, { kind: 'text' | 'number'; value: string }> {
  const z = unzipSync(readFileSync(file));
  const td = new TextDecoder();
  const shared = [...td.decode(z['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  );
  const out = new Map<string, { kind: 'text' | 'number'; value: string }>();
  for (const m of td.decode(z['xl/worksheets/sheet1.xml']).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const t = / t="(\w+)"/.exec(m[2])?.[1] ?? 'n';
    const v = /<v>([\s\S]*?)<\/v>/.exec(m[3] ?? '')?.[1] ?? /<t[^>]*>([\s\S]*?)<\/t>/.exec(m[3] ?? '')?.[1];
    if (v === undefined) continue;
    out.set(m[1], t === 's' ? { kind: 'text', value: shared[Number(v)] } : t === 'str' || t === 'inlineStr' ? { kind: 'text', value: v } : { kind: 'number', value: v });
  }
  return out;
}

function calcConvert(dir: string, file: string, to: string, infilter?: string): string {
  const out = join(dir, 'lo-out');
  const r = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', out, file], { timeout: 180_000 });
  expect(r.status, r.stderr?.toString()).toBe(0);
  return join(out, file.split('/').pop()!.replace(/\.[^.]+$/, '.') + to);
}

describe.skipIf(!soffice)('item 9: codes stay text in every spreadsheet download (LibreOffice Calc, headless)', () => {
  it('the Excel-ready CSV opens with 2199010001 and 0199010002 as text, numbers as numbers, <5 as text', () => {
    const rows = [
      { ...releaseB().schools[0], school_id: '2199010001', region_code: '219901', latitude: 41.12 },
      { ...releaseB().schools[1], school_id: '0199010002', region_code: '019901', latitude: 40.5 },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'export-codes-'));
    writeFileSync(join(dir, 'schools.csv'), tableCsv({ def: schools, rows }, 'people'));
    const adm = [{ ...releaseB().years[0].admissions![0], school_id: '0199010002', admitted_disabled: '<5' }];
    writeFileSync(join(dir, 'admissions.csv'), tableCsv({ def: admissions, rows: adm }, 'people'));
    // 44,34,76: comma, double quote, UTF-8 — what Calc's import dialog preselects for a file with a BOM.
    const cells = sheetCells(calcConvert(dir, join(dir, 'schools.csv'), 'xlsx', 'CSV:44,34,76'));
    const col = (key: string) => String.fromCharCode(65 + schools.columns.findIndex((c) => c.key === key));
    expect(cells.get(`${col('school_id')}1`)).toEqual({ kind: 'text', value: '学校标识码' });
    expect(cells.get(`${col('school_id')}2`)).toEqual({ kind: 'text', value: '2199010001' });
    expect(cells.get(`${col('school_id')}3`)).toEqual({ kind: 'text', value: '0199010002' });
    expect(cells.get(`${col('region_code')}3`)).toEqual({ kind: 'text', value: '019901' });
    expect(cells.get(`${col('latitude')}2`)).toEqual({ kind: 'number', value: '41.12' });
    const a = sheetCells(calcConvert(dir, join(dir, 'admissions.csv'), 'xlsx', 'CSV:44,34,76'));
    const acol = (key: string) => String.fromCharCode(65 + admissions.columns.findIndex((c) => c.key === key));
    expect(a.get(`${acol('school_id')}2`)).toEqual({ kind: 'text', value: '0199010002' });
    expect(a.get(`${acol('admitted_disabled')}2`)).toEqual({ kind: 'text', value: '<5' });
    expect(a.get(`${acol('planned_seats')}2`)?.kind).toBe('number');
  }, 400_000);

  it('the XLSX keeps codes as text and dates as real date cells shown yyyy-mm-dd', () => {
    const adm = [{ ...releaseB().years[0].admissions![0], school_id: '0199010002' }];
    const dir = mkdtempSync(join(tmpdir(), 'export-xlsx-'));
    writeFileSync(join(dir, 'admissions.xlsx'), tableXlsx({ def: admissions, rows: adm }, '2025-09-10'));
    // Round trip through Calc: what a reader's spreadsheet holds after opening and saving.
    const cells = sheetCells(calcConvert(dir, join(dir, 'admissions.xlsx'), 'xlsx'));
    const acol = (key: string) => String.fromCharCode(65 + admissions.columns.findIndex((c) => c.key === key));
    expect(cells.get(`${acol('school_id')}2`)).toEqual({ kind: 'text', value: '0199010002' });
    // 2024-05-10 is day 45422 of Excel's calendar: a date, not the text "2024-05-10".
    expect(cells.get(`${acol('plan_published_on')}2`)).toEqual({ kind: 'number', value: '45422' });
    const csv = readFileSync(calcConvert(dir, join(dir, 'admissions.xlsx'), 'csv'), 'utf8');
    expect(csv).toContain('2024-05-10');
    expect(csv).toContain('0199010002');
    const styles = new TextDecoder().decode(unzipSync(readFileSync(join(dir, 'admissions.xlsx')))['xl/styles.xml']);
    expect(styles).toContain('<cellStyle name="Normal" xfId="0" builtinId="0"/>');
  }, 400_000);
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
