/**
 * Small helpers the download pages use instead of computing in their frontmatter
 * (src/lib/views/data.ts): a dataset's tables, the files of a release that belong to no table, and
 * the earlier releases newest first. Checked on a hand-made release.
 */
import { describe, expect, it } from 'vitest';
import { datasetTables, indicatorTables, newestYearFirst, olderReleases, packageFiles, publishedDatasets, unavailableReasons } from '../src/lib/views/data';
import type { ReleaseManifest } from '../src/lib/export';

const file = (path: string) => ({ path, bytes: 1, sha256: 'x' });
const table = (dataset: string, year: number | null) => ({ dataset, year, csv: file(`csv/${dataset}-${year}.csv`), excel: file(`excel/${dataset}-${year}.csv`), xlsx: file(`xlsx/${dataset}-${year}.xlsx`) });
const release = (version: string, available = true) =>
  ({
    version,
    available,
    tables: [table('schools', null), table('classes', 2024), table('classes', 2025)],
    files: [file('csv/schools-null.csv'), file('csv/classes-2024.csv'), file('excel/classes-2025.csv'), file('xlsx/classes-2025.xlsx'), file('bundle.zip'), file('SHA256SUMS'), file('datapackage.json')],
  }) as unknown as ReleaseManifest;

describe('download page helpers', () => {
  it("a dataset's tables: every school year; none without a release", () => {
    expect(datasetTables(release('1'), 'classes').map((t) => t.year)).toEqual([2024, 2025]);
    expect(datasetTables(null, 'classes')).toEqual([]);
  });
  it('package files: what no table owns', () => {
    expect(packageFiles(release('1')).map((f) => f.path)).toEqual(['bundle.zip', 'SHA256SUMS', 'datapackage.json']);
  });
  it('older releases: available ones other than the latest, newest first', () => {
    const list = [release('2024.1'), release('2024.2', false), release('2025.1'), release('2025.2')];
    expect(olderReleases(list, '2025.2').map((r) => r.version)).toEqual(['2025.1', '2024.1']);
  });
});

describe('more download page helpers', () => {
  it('newest school year first; computed tables; published datasets; reasons of unavailable releases', () => {
    expect(newestYearFirst(release('1').tables).map((t) => t.year)).toEqual([2025, 2024, null]);
    const r = { tables: [{ ...table('schools', null), kind: 'data' }, { ...table('indicators-cv', null), kind: 'indicators' }] } as never;
    expect(indicatorTables(r).map((t) => t.dataset)).toEqual(['indicators-cv']);
    expect(publishedDatasets([{ id: 'a', computed: false }, { id: 'b', computed: true }]).map((c) => c.id)).toEqual(['a']);
    const gone = { version: '1', available: false, reason: '文件缺失。' };
    expect(unavailableReasons([release('2'), gone as never, { ...gone, reason: '未授权。' } as never])).toBe('文件缺失。 未授权。');
  });
});

describe('data page tables through Table.astro', async () => {
  const { releasesTable, templatesTable, dictionarySections } = await import('../src/lib/views/data-tables');
  const { dataDictionary } = await import('../src/lib/export');
  const href = (p: string) => `/b/${p}`;

  it('releases newest first, the latest tagged, the bundle linked with its checksum; an unavailable one gives its reason', () => {
    const r1 = { ...release('2025.1'), date: '2025-10-01', notes: '', corrections: [], zip: file('bundle.zip') };
    const r2 = { ...release('2025.2'), date: '2025-12-15', notes: '更正', corrections: [{}, {}], zip: file('bundle.zip') };
    const r3 = { version: '2026.1', date: '2026-03-01', notes: '', corrections: [], available: false, reason: '不在本次构建中' };
    const t = releasesTable({ releases: [r1, r2, r3], latest: r2 } as never, href);
    expect(t.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text)))).toEqual([
      ['2026.1', '2026-03-01', '—', '0', '不在本次构建中'],
      ['2025.2', '2025-12-15', '更正', '2', 'bundle.zip'],
      ['2025.1', '2025-10-01', '—', '0', 'bundle.zip'],
    ]);
    expect(t.rows[1][0]).toMatchObject({ href: '/b/data/releases/2025.2/', tags: ['最新'] });
    expect(t.rows[1][4]).toMatchObject({ href: '/b/data/releases/2025.2/bundle.zip', sha256: 'x' });
  });

  it('templates: file place in code, template and example as downloads with the size', () => {
    const t = templatesTable(new Map([['templates/schools.csv', new Uint8Array(1536)]]), href);
    expect(t.rows.find((r) => r[0] === '学校名录')).toEqual([
      '学校名录',
      { text: 'data/schools.csv', code: true },
      { text: 'schools.csv', href: '/b/data/templates/schools.csv', download: true, note: '1.5 KB' },
      { text: 'schools-example.csv', href: '/b/data/templates/schools-example.csv', download: true },
    ]);
  });

  it('dictionary: one section per dataset, its columns counted, the key column tagged 主键, English names marked lang=en', () => {
    const sections = dictionarySections(dataDictionary());
    const schools = sections.find((s) => s.id === 'schools')!;
    expect(schools.summary).toBe(`学校名录的${schools.table.rows.length}列`);
    expect(schools.table.layout).toBe('stack');
    expect(schools.table.rows[0].slice(0, 3)).toEqual(['学校标识码', { text: 'school_id', code: true, tags: ['主键'] }, { text: 'School ID', lang: 'en' }]);
  });
});
