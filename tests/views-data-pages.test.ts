/**
 * Small helpers the download pages use instead of computing in their frontmatter
 * (src/lib/views/data.ts): a dataset's tables, the files of a release that belong to no table, and
 * the earlier releases newest first. Checked on a hand-made release.
 */
import { describe, expect, it } from 'vitest';
import { datasetTables, olderReleases, packageFiles } from '../src/lib/views/data';
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
