/**
 * /changelog/ — every release, newest first: its notes, its corrections, and against the release
 * before it, per file what was added, removed and changed (a table of the changed cells, old →
 * new, with the reason where a change is a correction). Reads the build's one distribution.
 */
import { ALL_DATASETS } from '../schema';
import { INDICATOR_TABLES, SHOWN, type Distribution } from '../export';
import type { Link, TableCell, ViewTable, Words } from './types';

export interface ChangelogTable {
  readonly heading: string;
  readonly summary: string | null;
  readonly cells: ViewTable | null;
  readonly added: string | null;
  readonly removed: string | null;
}

export interface ChangelogRelease {
  readonly id: string;
  readonly heading: string;
  readonly date: string;
  readonly notes: string | null;
  /** Why the files of this release are not in the build. */
  readonly unavailable: string | null;
  readonly corrections: readonly string[];
  /** “首个版本。” or “与版本 <previous> 相比 …” with the changes.csv download. */
  readonly comparison: { readonly before: string; readonly previous: Link | null; readonly after: string; readonly download: (Link & { readonly sha256: string }) | null } | null;
  readonly tables: readonly ChangelogTable[];
}

export interface ChangelogView {
  readonly title: string;
  readonly description: string;
  readonly intro: string;
  readonly feed: Link;
  readonly correctionsHeading: string;
  readonly correctionLabel: string;
  readonly releases: readonly ChangelogRelease[];
}

/** The words of the page, in one place (another language passes its own ChangelogWords). */
export const CHANGELOG_ZH = {
  title: '更新记录',
  description: '每个数据版本与上一版本相比新增、删除的行和修改的单元格（旧值 → 新值），更正注明原因。',
  intro: '每次发布的数据与上一版本逐单元格比较：按主键列出新增和删除的行，以及修改的单元格（旧值 → 新值）。属于更正的修改注明原因。完整明细可下载各版本的 changes.csv。订阅：',
  feed: 'Atom 源',
  version: (v: string) => `版本 ${v}`,
  correctionsHeading: '更正',
  correction: '更正',
  correctionText: (dataset: string, year: number | null, key: string, column: string | null, reason: string) =>
    `${dataset}${year !== null ? `（${year}学年）` : ''} 主键 ${key}${column ? ` 列 ${column}` : ''}：${reason}`,
  first: '首个版本。',
  compared: '与版本 ',
  changedFiles: (n: number) => (n ? `相比，${n} 个文件有变化。` : '相比没有变化。'),
  download: '下载 changes.csv',
  status: { added: '新增文件', removed: '不再发布', changed: '有变化', unchanged: '没有变化' },
  tableHeading: (dataset: string, year: number | null, status: string) => `${dataset}${year !== null ? `（${year}学年）` : ''}：${status}`,
  summary: (added: number, removed: number, rows: number, cells: number, colsAdded: readonly string[], colsRemoved: readonly string[]) =>
    `新增 ${added} 行，删除 ${removed} 行，${rows} 行中 ${cells} 个单元格修改。${colsAdded.length ? `新增列：${colsAdded.join('、')}。` : ''}${colsRemoved.length ? `删除列：${colsRemoved.join('、')}。` : ''}`,
  cellsCaption: (more: boolean) => `修改的单元格${more ? `（仅显示前 ${SHOWN} 行）` : ''}`,
  columns: ['主键', '列', '旧值', '新值', '更正原因'],
  empty: '（空）',
  addedRows: (keys: string, more: number | null) => `新增的行（主键）：${keys}${more !== null ? ` 等 ${more} 行` : ''}`,
  removedRows: (keys: string, more: number | null) => `删除的行（主键）：${keys}${more !== null ? ` 等 ${more} 行` : ''}`,
} as const;
export type ChangelogWords = Words<typeof CHANGELOG_ZH>;

/** Every table with a page: the data contract's datasets, then the computed ones. */
const TABLES = [...ALL_DATASETS, ...INDICATOR_TABLES];
const datasetZh = (id: string) => TABLES.find((c) => c.id === id)?.zh ?? id;
const columnZh = (dataset: string, key: string) => TABLES.find((c) => c.id === dataset)?.columns.find((c) => c.key === key)?.zh ?? key;

export interface ChangelogSource {
  readonly d: Pick<Distribution, 'releases'>;
  readonly href: (path: string) => string;
  readonly fileHref: (version: string, path: string) => string;
}

export function changelogView({ d, href, fileHref }: ChangelogSource, w: ChangelogWords = CHANGELOG_ZH): ChangelogView {
  const releases = [...d.releases].reverse().map((r): ChangelogRelease => {
    const corrections = r.corrections.map((c) => w.correctionText(datasetZh(c.dataset), c.year, c.key.join('/'), c.column ? columnZh(c.dataset, c.column) : null, c.reason));
    const base = { id: `v${r.version}`, heading: w.version(r.version), date: r.date, notes: r.notes || null, corrections };
    if (!r.available) return { ...base, unavailable: r.reason, comparison: null, tables: [] };
    if (!r.diff) return { ...base, unavailable: null, comparison: { before: w.first, previous: null, after: '', download: null }, tables: [] };
    const diff = r.diff;
    return {
      ...base,
      unavailable: null,
      comparison: {
        before: w.compared,
        previous: { text: diff.previous, href: `#v${diff.previous}` },
        after: w.changedFiles(diff.tables.length),
        download: r.changes ? { text: w.download, href: fileHref(r.version, 'changes.csv'), sha256: r.changes.csv.sha256 } : null,
      },
      tables: diff.tables.map((t): ChangelogTable => {
        const rows: TableCell[][] = t.changed.flatMap((row) =>
          row.changes.map((ch): TableCell[] => [row.key.join('/'), columnZh(t.dataset, ch.column), ch.old === '' ? w.empty : ch.old, ch.new === '' ? w.empty : ch.new, ch.correction ? `${w.correction}：${ch.correction}` : '']),
        );
        return {
          heading: w.tableHeading(datasetZh(t.dataset), t.year, w.status[t.status]),
          summary: t.status === 'changed' ? w.summary(t.rowsAdded, t.rowsRemoved, t.rowsChanged, t.cellsChanged, t.columnsAdded, t.columnsRemoved) : null,
          cells: rows.length ? { caption: w.cellsCaption(t.rowsChanged > SHOWN), searchable: false, layout: 'stack', columns: w.columns.map((label) => ({ label })), rows } : null,
          added: t.added.length ? w.addedRows(t.added.map((k) => k.join('/')).join('、'), t.rowsAdded > t.added.length ? t.rowsAdded : null) : null,
          removed: t.removed.length ? w.removedRows(t.removed.map((k) => k.join('/')).join('、'), t.rowsRemoved > t.removed.length ? t.rowsRemoved : null) : null,
        };
      }),
    };
  });
  return { title: w.title, description: w.description, intro: w.intro, feed: { text: w.feed, href: href('feed.xml') }, correctionsHeading: w.correctionsHeading, correctionLabel: w.correction, releases };
}
