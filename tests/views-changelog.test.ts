/**
 * The changelog's view model (src/lib/views/changelog.ts) on a small hand-made pair of releases:
 * newest first, the first release says so, a later one names the release before it (linked) and
 * each changed file with its counts, the changed cells old → new (（空） for a blank) with the
 * correction's reason, and columns in Chinese from the data contract.
 */
import { describe, expect, it } from 'vitest';
import { changelogView, type ChangelogSource } from '../src/lib/views/changelog';
import { cellText } from '../src/lib/views/types';

const file = { sha256: 'ab'.repeat(32) };
const releases = [
  { version: '2025.1', date: '2025-10-01', notes: '首次发布。', corrections: [], available: true, diff: null, changes: null },
  {
    version: '2025.2',
    date: '2025-12-15',
    notes: '更正一处错误。',
    corrections: [{ dataset: 'admissions', year: 2025, key: ['2199010001', '1'], column: 'admitted', reason: '录入错误' }],
    available: true,
    changes: { csv: file, json: file },
    diff: {
      previous: '2025.1',
      unmatchedCorrections: [],
      tables: [
        {
          dataset: 'admissions',
          year: 2025,
          status: 'changed',
          rowsAdded: 1,
          rowsRemoved: 0,
          rowsChanged: 2,
          cellsChanged: 2,
          columnsAdded: [],
          columnsRemoved: [],
          added: [['2199010009', '1']],
          removed: [],
          changed: [
            { key: ['2199010001', '1'], changes: [{ column: 'admitted', old: '266', new: '256', correction: '录入错误' }] },
            { key: ['2199010002', '1'], changes: [{ column: 'results_published_on', old: '', new: '2025-08-20', correction: null }] },
          ],
        },
      ],
    },
  },
  { version: '2026.1', date: '2026-03-01', notes: '', corrections: [], available: false, reason: '该版本的数据文件不在本次构建中。' },
];
const src = { d: { releases }, href: (p: string) => `/base/${p}`, fileHref: (v: string, p: string) => `/base/data/releases/${v}/${p}` } as unknown as ChangelogSource;
const v = changelogView(src);

describe('/changelog/', () => {
  it('releases newest first, each with an anchor', () => {
    expect(v.releases.map((r) => [r.id, r.heading, r.date])).toEqual([
      ['v2026.1', '版本 2026.1', '2026-03-01'],
      ['v2025.2', '版本 2025.2', '2025-12-15'],
      ['v2025.1', '版本 2025.1', '2025-10-01'],
    ]);
    expect(v.feed).toEqual({ text: 'Atom 源', href: '/base/feed.xml' });
  });

  it('an unavailable release gives its reason; the first says 首个版本', () => {
    expect(v.releases[0]).toMatchObject({ unavailable: '该版本的数据文件不在本次构建中。', comparison: null, tables: [] });
    expect(v.releases[2].comparison).toEqual({ before: '首个版本。', previous: null, after: '', download: null });
  });

  it('a later release: the previous one linked, 1 file changed, changes.csv with its checksum', () => {
    const r = v.releases[1];
    expect(r.comparison).toEqual({
      before: '与版本 ',
      previous: { text: '2025.1', href: '#v2025.1' },
      after: '相比，1 个文件有变化。',
      download: { text: '下载 changes.csv', href: '/base/data/releases/2025.2/changes.csv', sha256: file.sha256 },
    });
    expect(r.corrections).toEqual(['招生计划与结果（2025学年） 主键 2199010001/1 列 录取人数：录入错误']);
  });

  it('per file: counts, then the changed cells old → new, blanks as （空）', () => {
    const t = v.releases[1].tables[0];
    expect(t.heading).toBe('招生计划与结果（2025学年）：有变化');
    expect(t.summary).toBe('新增 1 行，删除 0 行，2 行中 2 个单元格修改。');
    expect(t.cells!.columns.map((c) => c.label)).toEqual(['主键', '列', '旧值', '新值', '更正原因']);
    expect(t.cells!.rows.map((r) => r.map(cellText))).toEqual([
      ['2199010001/1', '录取人数', '266', '256', '更正：录入错误'],
      ['2199010002/1', '结果公布日期', '（空）', '2025-08-20', ''],
    ]);
    expect(t.cells!.searchable).toBe(false);
    expect(t.added).toBe('新增的行（主键）：2199010009/1');
    expect(t.removed).toBeNull();
  });
});
