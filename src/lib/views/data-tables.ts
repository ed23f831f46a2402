/**
 * The plain tables of the data pages as ViewTables (rendered by Table.astro like every other
 * table): every release (/data/releases/), the templates (/data/templates/) and the data
 * dictionary (per dataset, on /data/dictionary/ and each dataset page). The download tables with
 * their checksum controls stay components of their own (src/pages/data/_FileRows.astro).
 */
import { formatBytes, type Distribution, type DictionaryEntry } from '../export';
import { ALL_DATASETS } from '../schema';
import type { TableCell, ViewTable, Words } from './types';

/** The words of these tables, in one place. */
export const DATA_TABLES_ZH = {
  releasesCaption: '按日期从新到旧',
  releasesColumns: ['版本', '日期', '说明', '更正', '下载'],
  latest: '最新',
  none: '—',
  templatesCaption: '模板下载',
  templatesColumns: ['数据集', '文件位置', '模板', '示例'],
  optional: '（可选）',
  optionalFile: '（可选文件）',
  perYearFile: (id: string) => `data/年份/${id}.csv`,
  file: (id: string) => `data/${id}.csv`,
  dictionaryColumns: ['中文名称', '键名', '英文名称', '类型', '单位', '允许值', '必填', '说明', '示例'],
  primaryKey: '主键',
  yes: '是',
  no: '否',
  blankMeans: (d: string) => `（留空视为 ${d}）`,
  dictionaryCaption: (zh: string) => `${zh}的列`,
  dictionarySummary: (zh: string, n: number) => `${zh}的${n}列`,
} as const;
export type DataTablesWords = Words<typeof DATA_TABLES_ZH>;

/** /data/releases/: every release, newest first, with its bundle (checksum on the link). */
export function releasesTable(d: Pick<Distribution, 'releases' | 'latest'>, href: (path: string) => string, w: DataTablesWords = DATA_TABLES_ZH): ViewTable {
  return {
    caption: w.releasesCaption,
    searchable: false,
    layout: 'stack',
    columns: w.releasesColumns.map((label, i) => ({ label, numeric: i === 3 })),
    rows: [...d.releases].reverse().map((r): TableCell[] => [
      { text: r.version, href: href(`data/releases/${r.version}/`), ...(d.latest?.version === r.version ? { tags: [w.latest] } : {}) },
      r.date,
      r.notes || w.none,
      String(r.corrections.length),
      r.available ? { text: r.zip.path, href: href(`data/releases/${r.version}/${r.zip.path}`), sha256: r.zip.sha256 } : r.reason,
    ]),
  };
}

/** /data/templates/: per dataset where its file goes, the template and the example (with the template's size). */
export function templatesTable(files: ReadonlyMap<string, Uint8Array>, href: (path: string) => string, w: DataTablesWords = DATA_TABLES_ZH): ViewTable {
  return {
    caption: w.templatesCaption,
    layout: 'stack',
    columns: w.templatesColumns.map((label) => ({ label })),
    rows: ALL_DATASETS.map((d): TableCell[] => {
      const size = files.get(`templates/${d.id}.csv`)?.length;
      return [
        `${d.zh}${d.optional ? w.optional : ''}`,
        { text: d.perYear ? w.perYearFile(d.id) : w.file(d.id), code: true },
        { text: `${d.id}.csv`, href: href(`data/templates/${d.id}.csv`), download: true, ...(size !== undefined ? { note: formatBytes(size) } : {}) },
        { text: `${d.id}-example.csv`, href: href(`data/templates/${d.id}-example.csv`), download: true },
      ];
    }),
  };
}

/** The columns of one dataset as the data dictionary shows them (stacks into blocks on a phone). */
export function dictionaryTable(caption: string, entries: readonly DictionaryEntry[], w: DataTablesWords = DATA_TABLES_ZH): ViewTable {
  return {
    caption,
    layout: 'stack',
    columns: w.dictionaryColumns.map((label) => ({ label })),
    rows: entries.map((e): TableCell[] => [
      e.zh,
      { text: e.key, code: true, ...(e.primary_key ? { tags: [w.primaryKey] } : {}) },
      { text: e.en, lang: 'en' },
      e.type_zh,
      e.unit ?? '',
      e.allowed ?? '',
      e.required ? w.yes : w.no,
      `${e.description}${e.default ? w.blankMeans(e.default) : ''}`,
      e.example,
    ]),
  };
}

/** /data/dictionary/: one section per dataset with its file, description and column table. */
export function dictionarySections(entries: readonly DictionaryEntry[], w: DataTablesWords = DATA_TABLES_ZH) {
  return ALL_DATASETS.map((d) => {
    const own = entries.filter((e) => e.dataset === d.id);
    return {
      id: d.id,
      zh: d.zh,
      file: d.perYear ? w.perYearFile(d.id) : w.file(d.id),
      description: d.description,
      optional: d.optional ? w.optionalFile : '',
      summary: w.dictionarySummary(d.zh, own.length),
      table: dictionaryTable(w.dictionaryCaption(d.zh), own, w),
    };
  });
}
