import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import {
  buildRelease,
  csvField,
  dataFiles,
  diffReleases,
  diffTables,
  formatCell,
  neutraliseFormula,
  releaseContext,
  sha256sums,
  tableCsv,
  citation,
  parseReleases,
  correctionFor,
  type ReleaseEntry,
} from '../src/lib/export';
import { admissions, schools } from '../src/lib/schema';
import { releaseA, releaseB, settings } from './export-fixture';

const dec = new TextDecoder('utf-8', { ignoreBOM: true });
const text = (b: Uint8Array) => dec.decode(b);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const entryA: ReleaseEntry = { version: '2025.1', date: '2025-03-01', notes: '首次发布', source: { kind: 'snapshot', dir: '/x' }, corrections: [] };
const entryB: ReleaseEntry = {
  version: '2025.2',
  date: '2025-09-10',
  notes: '补充2025学年班额',
  source: { kind: 'current' },
  corrections: [{ dataset: 'admissions', year: 2024, key: ['2121000101', '1'], column: 'admitted', reason: '录取人数录入错误，以区教育局复核结果为准' }],
};
const ctx = releaseContext(settings, '<5');

function buildBoth() {
  const a = buildRelease({ entry: entryA, data: releaseA(), indicators: null, previous: null, ctx });
  const b = buildRelease({ entry: entryB, data: releaseB(), indicators: null, previous: { version: '2025.1', tables: a.tables }, ctx });
  return { a, b };
}

function writeOut(files: ReadonlyMap<string, Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'export-test-'));
  for (const [p, b] of files) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), b);
  }
  return dir;
}

describe('CSV flavours', () => {
  it('quotes fields as RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('for code: no BOM, LF, key headers, enum keys', () => {
    const { a } = buildBoth();
    const csv = text(a.files.get('csv/schools.csv')!);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).not.toContain('\r');
    expect(csv.split('\n')[0]).toBe(schools.columns.map((c) => c.key).join(','));
    expect(csv.split('\n')[1]).toBe(`2121000101,青禾区实验小学,219901,primary,public,urban,regular,=cmd|' /C calc'!A0,41.12,-121.5,open,,`);
  });

  it('for people: BOM, CRLF, Chinese headers and labels', () => {
    const { a } = buildBoth();
    const bytes = a.files.get('excel/schools.csv')!;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = text(bytes).slice(1);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('学校标识码,学校名称,所属县区代码,学段,办学性质,城乡类型,学校类别,地址,纬度,经度,状态,撤并年份,网址');
    // Codes as ="…" so spreadsheets keep them as text; numbers in numeric columns stay plain.
    expect(lines[1]).toBe(`"=""2121000101""",青禾区实验小学,"=""219901""",小学,公办,城区,普通学校,'=cmd|' /C calc'!A0,41.12,-121.5,在办,,`);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('neutralises formula-looking text but leaves numbers in numeric columns alone', () => {
    expect(neutraliseFormula("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('-1+1')).toBe("'-1+1");
    expect(neutraliseFormula('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(neutraliseFormula('\tTab开头')).toBe("'\tTab开头");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
    expect(neutraliseFormula('青禾区')).toBe('青禾区');
    const longitude = schools.columns.find((c) => c.key === 'longitude')!;
    const address = schools.columns.find((c) => c.key === 'address')!;
    expect(formatCell(longitude, -3, 'people')).toBe('-3');
    // Number-like text in a text column: a string literal, shown as the text -3, nothing evaluated.
    expect(formatCell(address, '-3', 'people')).toBe('="-3"');
    expect(formatCell(address, '-3+1', 'people')).toBe("'-3+1");
    expect(formatCell(address, '-3', 'code')).toBe('-3');
    const { b } = buildBoth();
    const csv = text(b.files.get('excel/schools.csv')!);
    expect(csv).toContain(',"=""+1""",');
    expect(csv).toContain(",'-1+1,");
    expect(csv).toContain(",'@SUM(A1:A2),");
    expect(csv).toContain(`,'\tTab开头,`);
  });

  it('writes big and small numbers without exponents', () => {
    const col = { key: 'x', zh: 'x', en: 'x', type: 'number', required: false, description: '', example: '' } as const;
    expect(formatCell(col, 1e21, 'code')).toBe('1000000000000000000000');
    expect(formatCell(col, 1e-7, 'code')).toBe('0.0000001');
    expect(formatCell(col, null, 'people')).toBe('');
  });
});

describe('the form for code: csv/ + datapackage.json, no JSON copy of a table', () => {
  it('has no json/ folder (it repeated csv/ at 3× the bytes); the CSV keeps column order, numbers and blanks', () => {
    const { b } = buildBoth();
    expect([...b.files.keys()].filter((p) => p.startsWith('json/'))).toEqual([]);
    const [head, first] = text(b.files.get('csv/2024/admissions.csv')!).split('\n');
    expect(head.split(',')).toEqual(admissions.columns.map((c) => c.key));
    const row = Object.fromEntries(head.split(',').map((k, i) => [k, first.split(',')[i]]));
    expect(row.admitted).toBe('187');
    expect(row.applicants).toBe('');
    expect(row.school_id).toBe('2121000101');
    const pkg = JSON.parse(text(b.files.get('datapackage.json')!));
    // plans.csv is optional now (issue 12): the fixture has no plans, so no plans resource
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(['regions', 'schools', 'admissions-2024', 'classes-2025']);
  });
});

describe('cell-level diff between two releases', () => {
  it('lists rows added, removed and changed cells old → new (hand-written expectation)', () => {
    const a = dataFiles(releaseA());
    const b = dataFiles(releaseB());
    const diffs = diffReleases(a, b).filter((d) => d.status !== 'unchanged');
    const summary = diffs.map((d) => ({
      dataset: d.dataset,
      year: d.year,
      status: d.status,
      added: d.added.map((r) => r.key.join('/')),
      removed: d.removed.map((r) => r.key.join('/')),
      changed: d.changed.map((r) => ({ key: r.key.join('/'), changes: r.changes })),
    }));
    expect(summary).toEqual([
      {
        dataset: 'schools',
        year: null,
        status: 'changed',
        added: ['2121000104', '2121000105'],
        removed: [],
        changed: [{ key: '2121000103', changes: [{ column: 'name', old: '青禾区第一中学', new: '青禾区第一初级中学' }] }],
      },
      {
        dataset: 'admissions',
        year: 2024,
        status: 'changed',
        added: ['2121000104/1'],
        removed: ['2121000102/1'],
        changed: [
          { key: '2121000101/1', changes: [{ column: 'admitted', old: '178', new: '187' }] },
          {
            key: '2121000103/7',
            changes: [
              { column: 'admitted', old: '', new: '196' },
              { column: 'admitted_disabled', old: '', new: '7' },
              { column: 'results_published_on', old: '', new: '2024-07-20' },
            ],
          },
        ],
      },
      { dataset: 'classes', year: 2025, status: 'added', added: ['2121000101/1/1班', '2121000101/1/2班'], removed: [], changed: [] },
    ]);
  });

  it('orders numeric key parts numerically and reports unchanged files as such', () => {
    const rows = [9, 10].map((g) => ({ school_id: '2121000101', grade: g, class_name: '1班', students: 40 }));
    const def = { ...admissions, id: 'classes', primaryKey: ['school_id', 'grade', 'class_name'], columns: admissions.columns.slice(0, 2) };
    const d = diffTables(def, 2024, { def, rows: [] }, { def, rows: [...rows].reverse() });
    expect(d.added.map((r) => r.key[1])).toEqual(['9', '10']);
    expect(diffTables(def, 2024, { def, rows }, { def, rows }).status).toBe('unchanged');
  });

  it('changes.csv marks the declared correction with its reason', () => {
    const { b } = buildBoth();
    const csv = text(b.files.get('changes.csv')!).slice(1);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('数据集,学年,变更类型,主键,列,旧值,新值,更正原因');
    expect(lines).toContain('admissions,2024,修改单元格,"=""2121000101/1""",admitted,"=""178""","=""187""",录取人数录入错误，以区教育局复核结果为准');
    expect(lines).toContain('admissions,2024,删除行,"=""2121000102/1""",,,,');
    expect(lines).toContain('classes,2025,新增文件,,,,2行,');
    const summary = b.manifest.diff!.tables.find((t) => t.dataset === 'admissions')!;
    expect(summary.changed[0].changes[0].correction).toBe('录取人数录入错误，以区教育局复核结果为准');
    expect(b.manifest.diff!.unmatchedCorrections).toEqual([]);
  });
});

describe('checksums, ZIP and determinism', () => {
  it('SHA256SUMS lists every file with its real SHA-256 and passes sha256sum -c', () => {
    const { b } = buildBoth();
    const dir = writeOut(b.files);
    const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
    for (const f of b.manifest.files) {
      if (f.path === 'SHA256SUMS') continue;
      expect(sums).toContain(`${sha(b.files.get(f.path)!)}  ${f.path}\n`);
      expect(f.sha256).toBe(sha(readFileSync(join(dir, f.path))));
      expect(f.bytes).toBe(readFileSync(join(dir, f.path)).length);
    }
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString()).not.toMatch(/FAILED/);
  });

  it('the ZIP holds all CSVs, datapackage.json, README, licence, citation and its own SHA256SUMS', () => {
    const { b } = buildBoth();
    const zip = unzipSync(b.files.get(b.manifest.zip.path)!);
    const names = Object.keys(zip).sort();
    const folder = 'edu-balance-219900-2025.2/';
    for (const p of ['csv/schools.csv', 'excel/2024/admissions.csv', 'xlsx/2025/classes.xlsx', 'datapackage.json', 'README.md', 'LICENSE.txt', 'CITATION.txt', 'SHA256SUMS', 'changes.csv', 'dictionary.csv']) {
      expect(names).toContain(folder + p);
    }
    expect(text(zip[folder + 'csv/schools.csv'])).toBe(text(b.files.get('csv/schools.csv')!));
    const dir = writeOut(new Map(Object.entries(zip)));
    execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, folder) });
    const readme = text(zip[folder + 'README.md']);
    expect(readme).toContain('供 Excel / WPS / LibreOffice 直接打开');
    expect(readme).toContain('For code');
    expect(text(zip[folder + 'LICENSE.txt'])).toContain('https://creativecommons.org/licenses/by/4.0/');
  });

  it('the same data gives byte-identical files, in any time zone', () => {
    const one = buildBoth().b;
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    const two = buildBoth().b;
    process.env.TZ = tz;
    for (const [p, bytes] of one.files) expect(sha(two.files.get(p)!), p).toBe(sha(bytes));
  });
});

describe('citation and releases file', () => {
  it('gives a GB/T 7714 citation and an English one', () => {
    const c = citation({ publisher: '测试市教育局', title: '测试市义务教育均衡发展数据', version: '2025.2', date: '2025-09-10', url: 'https://edu.example.gov.cn/jiaoyu/data/releases/2025.2/', dataset: { zh: '招生计划与结果', en: 'Admission plans and results', year: 2024 } });
    expect(c.zh).toBe('测试市教育局. 测试市义务教育均衡发展数据：招生计划与结果（2024学年）[DS/OL]. 版本 2025.2. 测试市教育局, 2025(2025-09-10)[YYYY-MM-DD]. https://edu.example.gov.cn/jiaoyu/data/releases/2025.2/.');
    expect(c.en).toBe('测试市教育局. (2025). 测试市义务教育均衡发展数据: Admission plans and results, school year 2024 (Version 2025.2) [Data set]. https://edu.example.gov.cn/jiaoyu/data/releases/2025.2/');
  });

  it('parses releases.yml and rejects a current release that is not the last', () => {
    const cfg = parseReleases(
      `releases:\n  - version: "2025.1"\n    date: 2025-03-01\n    snapshot: snapshots/2025.1\n  - version: "2025.2"\n    date: 2025-09-10\n    corrections:\n      - { dataset: admissions, year: 2024, key: "2121000101/1", column: admitted, reason: 录入错误 }\n`,
      '/repo/releases/releases.yml',
    );
    expect(cfg.releases.map((r) => r.source.kind)).toEqual(['snapshot', 'current']);
    expect(cfg.releases[0].source).toEqual({ kind: 'snapshot', dir: '/repo/releases/snapshots/2025.1' });
    expect(correctionFor(cfg.releases[1].corrections, 'admissions', 2024, ['2121000101', '1'], 'admitted')?.reason).toBe('录入错误');
    expect(() => parseReleases(`releases:\n  - version: a\n    date: 2025-03-01\n  - version: b\n    date: 2025-04-01\n    git: v1\n`, 'r.yml')).toThrow(/只有最后一个版本/);
  });
});

export { tableCsv };

describe('discoverability and error reports', () => {
  it('JSON-LD text cannot close its <script> element early', async () => {
    const { jsonLdText, datasetJsonLd } = await import('../src/lib/export');
    const ld = datasetJsonLd({ name: '名录</script><script>alert(1)</script>', description: 'x', url: 'https://e.x/', version: '1', date: '2025-01-01', licence: { name: 'CC BY 4.0', url: null }, publisher: 'p', downloads: [] });
    const t = jsonLdText(ld);
    expect(t).not.toMatch(/<\/script/i);
    expect(JSON.parse(t).name).toBe('名录</script><script>alert(1)</script>');
  });

  it('prefills the report-an-error link with page, file and row', async () => {
    const { reportErrorHref } = await import('../src/lib/export');
    const mail = reportErrorHref('mailto:data@example.gov.cn', { page: 'https://e.x/data/schools/', title: '学校名录', file: 'schools.csv', row: 12 })!;
    expect(mail.startsWith('mailto:data@example.gov.cn?subject=')).toBe(true);
    expect(decodeURIComponent(mail)).toContain('页面：https://e.x/data/schools/\n文件：schools.csv\n行号：12');
    const web = new URL(reportErrorHref('https://e.x/report?src=portal', { page: '/data/schools/', title: '学校名录', dataset: 'schools', row: 3 })!);
    expect(web.searchParams.get('src')).toBe('portal');
    expect(web.searchParams.get('page')).toBe('/data/schools/');
    expect(web.searchParams.get('row')).toBe('3');
    expect(reportErrorHref(null, { page: '/', title: 'x' })).toBeNull();
  });
});

describe('sitemap', () => {
  it('lists every built page with absolute URLs under the base path, 404 left out', async () => {
    const { pagePathsFromFiles, sitemapXml } = await import('../src/lib/export');
    const paths = pagePathsFromFiles(['index.html', 'data/index.html', 'data/schools/index.html', '404.html', 'changelog/index.html'], '/jiaoyu/');
    expect(paths).toEqual(['/jiaoyu/', '/jiaoyu/data/', '/jiaoyu/data/schools/', '/jiaoyu/changelog/']);
    const xml = sitemapXml('https://edu.example.gov.cn/', paths);
    expect(xml).toContain('<loc>https://edu.example.gov.cn/jiaoyu/data/schools/</loc>');
    expect(xml.match(/<url>/g)).toHaveLength(4);
  });
});
