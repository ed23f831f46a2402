/**
 * Every file of one release, as bytes, plus the manifest the pages show (sizes, SHA-256, rows,
 * what changed). Pure: the same inputs give the same bytes, so the checksums the pages print
 * are the files' checksums.
 *
 * Layout of a release folder (/data/releases/<version>/; /data/latest/ holds the csv/ and metadata
 * of the last one, see latest.ts):
 *   csv/<file>.csv        for code: UTF-8, no BOM, LF, keys as headers (described by datapackage.json)
 *   excel/<file>.csv      for people: UTF-8 BOM, CRLF, Chinese headers and labels, formula-safe
 *   xlsx/<file>.xlsx      for people: one sheet, codes kept as text (leading zeros survive)
 *   (<file> = schools, 2024/admissions, …, indicators/schools, indicators/cv, indicators/findings)
 *   No JSON copy of the tables: it repeated every row of csv/ at 3.2× the bytes (a third of the
 *   site at 2,000 schools); csv/ + datapackage.json is the machine-readable form.
 *   datapackage.json  README.md  LICENSE.txt  dictionary.csv
 *   CITATION.txt (GB/T 7714 + English)  CITATION.cff  CITATION.bib  CITATION.ris
 *   changes.csv / changes.json   cell-level diff against the previous release
 *   <package>-<version>.zip      all of the above
 *   SHA256SUMS                   every file of the folder (sha256sum -c SHA256SUMS)
 */
import type { IndicatorResults } from '../indicators/types';
import type { PortalSettings } from '../settings/types';
import { sha256Hex, sha256sums, formatBytes } from './checksums';
import { ACCESS_DATE_NOTE, bibKey, citation, citationBibtex, citationCff, citationRis, type Citation, type CitationInput } from './citation';
import { tableCsv, csvLines } from './csv';
import { dataFiles, fileId, type DataFile } from './data-tables';
import { dataPackage, packageName, type PackageResource } from './datapackage';
import { dictionaryRows, dictionaryTable } from './dictionary';
import { diffTables, type TableDiff } from './diff';
import { indicatorTables } from './indicator-tables';
import { stableJson, tableJson } from './json';
import { correctionFor, type Correction, type ReleaseEntry } from './releases';
import type { ExportTable, TableDef } from './table';
import { ZipStream } from './zip';
import { createHash } from 'node:crypto';
import { tableXlsx } from './xlsx';
import type { PortalData } from '../model/types';

const encoder = new TextEncoder();

export type FileFormat = 'csv' | 'excel' | 'xlsx' | 'json' | 'datapackage' | 'zip' | 'text' | 'checksums';

export interface FileInfo {
  /** Relative to the release folder. */
  readonly path: string;
  readonly format: FileFormat;
  readonly bytes: number;
  readonly size: string;
  readonly sha256: string;
}

export interface TableFiles {
  /** `schools`, `admissions-2024`, `indicators-findings`… (also the datapackage resource name). */
  readonly id: string;
  readonly dataset: string;
  readonly zh: string;
  readonly en: string;
  readonly year: number | null;
  readonly kind: 'data' | 'indicators';
  readonly rows: number;
  readonly csv: FileInfo;
  readonly excel: FileInfo;
  readonly xlsx: FileInfo;
}

export interface TableDiffSummary {
  readonly dataset: string;
  readonly year: number | null;
  readonly status: TableDiff['status'];
  readonly rowsAdded: number;
  readonly rowsRemoved: number;
  readonly rowsChanged: number;
  readonly cellsChanged: number;
  readonly columnsAdded: readonly string[];
  readonly columnsRemoved: readonly string[];
  /** At most SHOWN of each, for the page; changes.csv has them all. */
  readonly added: readonly (readonly string[])[];
  readonly removed: readonly (readonly string[])[];
  readonly changed: readonly { readonly key: readonly string[]; readonly changes: readonly { readonly column: string; readonly old: string; readonly new: string; readonly correction: string | null }[] }[];
}

export interface ReleaseDiff {
  readonly previous: string;
  /** Files that changed, in file order; unchanged files are left out. */
  readonly tables: readonly TableDiffSummary[];
  /** Corrections declared in releases.yml that no change in the data matched. */
  readonly unmatchedCorrections: readonly Correction[];
}

export interface ReleaseManifest {
  readonly version: string;
  readonly date: string;
  readonly notes: string;
  readonly corrections: readonly Correction[];
  readonly available: true;
  readonly packageName: string;
  readonly tables: readonly TableFiles[];
  /** Every file in the folder, sorted by path (the zip and SHA256SUMS included). */
  readonly files: readonly FileInfo[];
  readonly zip: FileInfo;
  readonly checksums: FileInfo;
  readonly datapackage: FileInfo;
  readonly changes: { readonly csv: FileInfo; readonly json: FileInfo } | null;
  readonly diff: ReleaseDiff | null;
  readonly citation: Citation;
}

export interface UnavailableRelease {
  readonly version: string;
  readonly date: string;
  readonly notes: string;
  readonly corrections: readonly Correction[];
  readonly available: false;
  /** Plain Chinese: why the files are not in this build. */
  readonly reason: string;
}

export interface BuiltRelease {
  readonly manifest: ReleaseManifest;
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** What the next release diffs against (data tables only; kept small: no bytes). */
  readonly tables: readonly DataFile[];
}

export interface ReleaseContext {
  readonly settings: PortalSettings;
  /** Markers read as missing in the for-code files: "" and the privacy marker such as "<5". */
  readonly missingValues: readonly string[];
  /** Absolute (site_url) or site-relative URL of a path under the site root, e.g. `data/`. */
  readonly url: (path: string) => string;
}

/** Rows shown per list on the changelog page; changes.csv lists everything. */
export const SHOWN = 200;

function info(path: string, format: FileFormat, bytes: Uint8Array): FileInfo {
  return { path, format, bytes: bytes.length, size: formatBytes(bytes.length), sha256: sha256Hex(bytes) };
}

const CHANGE_KINDS = [
  { key: 'file_added', zh: '新增文件', en: 'File added' },
  { key: 'file_removed', zh: '删除文件', en: 'File removed' },
  { key: 'row_added', zh: '新增行', en: 'Row added' },
  { key: 'row_removed', zh: '删除行', en: 'Row removed' },
  { key: 'cell_changed', zh: '修改单元格', en: 'Cell changed' },
  { key: 'column_added', zh: '新增列', en: 'Column added' },
  { key: 'column_removed', zh: '删除列', en: 'Column removed' },
] as const;

export const changesTable: TableDef = {
  id: 'changes',
  zh: '版本变更明细',
  en: 'Changes since the previous release',
  description: '与上一版本相比新增、删除的行和修改的单元格（旧值 → 新值）；更正注明原因。',
  primaryKey: [],
  columns: [
    { key: 'dataset', zh: '数据集', en: 'Dataset', type: 'text', required: true, description: '数据集标识。', example: 'admissions' },
    { key: 'year', zh: '学年', en: 'Year', type: 'year', required: false, description: '学年（按年发布的数据集）。', example: '2024' },
    { key: 'change', zh: '变更类型', en: 'Change', type: 'enum', required: true, values: CHANGE_KINDS, description: '变更类型。', example: '修改单元格' },
    { key: 'key', zh: '主键', en: 'Key', type: 'text', required: false, description: '行的主键值，多个以“/”分隔。', example: '2121000101/1' },
    { key: 'column', zh: '列', en: 'Column', type: 'text', required: false, description: '修改的列键名。', example: 'admitted' },
    { key: 'old', zh: '旧值', en: 'Old value', type: 'text', required: false, description: '上一版本的值。', example: '178' },
    { key: 'new', zh: '新值', en: 'New value', type: 'text', required: false, description: '本版本的值。', example: '187' },
    { key: 'correction', zh: '更正原因', en: 'Correction reason', type: 'text', required: false, description: '若为更正，注明原因。', example: '录入错误' },
  ],
};

export function changeRows(diffs: readonly TableDiff[], corrections: readonly Correction[], rowCounts: ReadonlyMap<string, number>): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const d of diffs) {
    const base = { dataset: d.dataset, year: d.year };
    const reason = (key: readonly string[], column: string | null) => correctionFor(corrections, d.dataset, d.year, key, column)?.reason ?? null;
    if (d.status === 'added' || d.status === 'removed') {
      const n = rowCounts.get(`${d.dataset}|${d.year}`) ?? (d.status === 'added' ? d.added.length : d.removed.length);
      rows.push({ ...base, change: d.status === 'added' ? 'file_added' : 'file_removed', key: null, column: null, old: d.status === 'removed' ? `${n}行` : null, new: d.status === 'added' ? `${n}行` : null, correction: null });
      continue;
    }
    for (const c of d.columnsAdded) rows.push({ ...base, change: 'column_added', key: null, column: c, old: null, new: null, correction: null });
    for (const c of d.columnsRemoved) rows.push({ ...base, change: 'column_removed', key: null, column: c, old: null, new: null, correction: null });
    for (const r of d.removed) rows.push({ ...base, change: 'row_removed', key: r.key.join('/'), column: null, old: null, new: null, correction: reason(r.key, null) });
    for (const r of d.added) rows.push({ ...base, change: 'row_added', key: r.key.join('/'), column: null, old: null, new: null, correction: reason(r.key, null) });
    for (const r of d.changed) {
      for (const c of r.changes) {
        rows.push({ ...base, change: 'cell_changed', key: r.key.join('/'), column: c.column, old: c.old, new: c.new, correction: reason(r.key, c.column) });
      }
    }
  }
  return rows;
}

export function summariseDiff(d: TableDiff, corrections: readonly Correction[]): TableDiffSummary {
  const whole = d.status === 'added' || d.status === 'removed';
  return {
    dataset: d.dataset,
    year: d.year,
    status: d.status,
    rowsAdded: d.added.length,
    rowsRemoved: d.removed.length,
    rowsChanged: d.changed.length,
    cellsChanged: d.changed.reduce((n, r) => n + r.changes.length, 0),
    columnsAdded: d.columnsAdded,
    columnsRemoved: d.columnsRemoved,
    added: whole ? [] : d.added.slice(0, SHOWN).map((r) => r.key),
    removed: whole ? [] : d.removed.slice(0, SHOWN).map((r) => r.key),
    changed: d.changed.slice(0, SHOWN).map((r) => ({
      key: r.key,
      changes: r.changes.map((c) => ({ ...c, correction: correctionFor(corrections, d.dataset, d.year, r.key, c.column)?.reason ?? null })),
    })),
  };
}

/**
 * Diff every file of two versions (files matched by dataset and year). A file the later version
 * withholds by an embargo (`embargoed`, PortalData.embargoed) is not “removed”: it stays out of
 * the diff; when the embargo is lifted, the next release lists it as a file published again.
 */
export function diffReleases(before: readonly DataFile[], after: readonly DataFile[], embargoed: PortalData['embargoed'] = []): TableDiff[] {
  const withheld = (f: DataFile) => (embargoed ?? []).some((e) => e.dataset === f.def.id && e.year === f.year);
  before = before.filter((f) => !withheld(f));
  const key = (f: DataFile) => `${f.def.id}|${f.year}`;
  const oldBy = new Map(before.map((f) => [key(f), f]));
  const newBy = new Map(after.map((f) => [key(f), f]));
  const out: TableDiff[] = [];
  for (const f of after) out.push(diffTables(f.def, f.year, oldBy.get(key(f))?.table ?? null, f.table));
  for (const f of before) if (!newBy.has(key(f))) out.push(diffTables(f.def, f.year, f.table, null));
  return out;
}

function licenceText(settings: PortalSettings): string {
  const l = settings.license;
  return [
    `许可协议 / Licence: ${l.name}`,
    l.url ? `全文 / Full text: ${l.url}` : '',
    '',
    `本数据由${settings.publisher}发布，按上述许可协议提供。使用时请注明出处（见 CITATION.txt）。`,
    `Published by ${settings.publisher} under the licence above. Please cite the source (see CITATION.txt).`,
    settings.sample ? '\n注意：本数据为虚构的示例数据，不反映任何真实地区。\nNote: this is fictional sample data about no real region.' : '',
    '',
  ]
    .filter((s, i, a) => s !== '' || a[i - 1] !== '')
    .join('\n');
}

/**
 * How a code user reads codes as text and the privacy marker (README section). `example` is the
 * code columns of schools.csv (the snippet's file); `codeColumns` every code column of the release.
 */
export function readingGuide(codeColumns: readonly string[], example: readonly string[], marker: string | null, threshold: number): string[] {
  const codes = codeColumns.length ? codeColumns : ['school_id', 'region_code'];
  const ex = example.length ? example : ['school_id', 'region_code'];
  const dtype = ex.map((c) => `"${c}": str`).join(', ');
  const rTypes = ex.map((c) => `${c} = col_character()`).join(', ');
  const markerText = marker ?? `<${threshold}`;
  return [
    '## 用程序读取 / Reading the files in code',
    '',
    `代码列（${codes.map((c) => `\`${c}\``).join('、')}）是文本，不是数字：学校标识码和行政区划代码可能以 0 开头，按数字读取会丢失前导零。请按文本读取（其他文件写法相同，列出该文件中的代码列即可）：`,
    `Code columns (${codes.join(', ')}) are text, not numbers: read them as strings or leading zeros are lost (the same for every file: list its code columns).`,
    '',
    '```python',
    'import pandas as pd',
    `df = pd.read_csv("csv/schools.csv", dtype={${dtype}}, keep_default_na=False, na_values=[""])`,
    '```',
    '',
    '```r',
    'library(readr)',
    `df <- read_csv("csv/schools.csv", col_types = cols(${rTypes}, .default = col_guess()), na = "")`,
    '```',
    '',
    `数值列中的“${markerText}”表示为保护隐私而不公布的小数值：实际值在 1 到 ${threshold - 1} 之间（0 照常写作 0）；空单元格表示“未报送”。`,
    `读取数值时：pandas 用 \`na_values=["", "${markerText}"]\`，R 用 \`na = c("", "${markerText}")\` 把它读作缺失值——但请在分析中说明这些值被隐去，而不是当作 0 或未报送；需要区分时先按文本读取该列。`,
    `In numeric columns "${markerText}" marks a count withheld for privacy: the true value is between 1 and ${threshold - 1} (0 is written as 0); an empty cell means "not reported". To read such a column as numbers use \`na_values=["", "${markerText}"]\` (pandas) or \`na = c("", "${markerText}")\` (R), and say in your analysis that these values are withheld, not zero.`,
    '',
    '`excel/` 中的代码写成 `="0101"` 的形式：Excel、WPS 和 LibreOffice 打开后显示为文本 0101（保留前导零）。程序请读取 `csv/`。',
    'In `excel/`, codes are written as `="0101"`, which Excel, WPS and LibreOffice show as the text 0101. Programs should read `csv/`.',
    '',
  ];
}

function readme(entry: ReleaseEntry, ctx: ReleaseContext, tables: readonly TableFiles[], diff: ReleaseDiff | null, cite: Citation, codeColumns: readonly string[], exampleCodes: readonly string[]): string {
  const s = ctx.settings;
  const lines = [
    `# ${s.title} — 版本 ${entry.version}`,
    '',
    `发布者 / Publisher: ${s.publisher}`,
    `发布日期 / Release date: ${entry.date}`,
    `许可协议 / Licence: ${s.license.name}${s.license.url ? ` (${s.license.url})` : ''}`,
    `网址 / Web: ${ctx.url(`data/releases/${entry.version}/`)}`,
    s.sample ? '\n**示例数据**：本数据为虚构地区的示例数据。 / **Sample data**: a fictional region.' : '',
    entry.notes ? `\n${entry.notes}` : '',
    '',
    '## 文件说明 / Files',
    '',
    '- `csv/` — 供程序使用：UTF-8（无 BOM）、LF 换行、英文键名表头，由 `datapackage.json` 描述（Frictionless Data Package）。',
    '  For code: UTF-8 without BOM, LF, key headers; described by `datapackage.json` (Frictionless Data Package).',
    '- `excel/` — 供 Excel / WPS / LibreOffice 直接打开：UTF-8 带 BOM、CRLF、中文表头和中文取值；代码写成 `="0101"`，打开后是文本（保留前导零）；以 = + - @ 开头的文本前加了单引号，防止被当作公式执行。',
    '  For people: opens in Excel / WPS / LibreOffice with Chinese intact (UTF-8 BOM, CRLF, Chinese headers); codes written as `="0101"` open as text; text starting with = + - @ is prefixed with an apostrophe so no formula runs.',
    '- `xlsx/` — Excel 工作簿：代码列为文本（保留前导零），数值为数字，日期为日期。 / Excel workbooks: codes as text, numbers as numbers, dates as dates.',
    '- 表格不另附 JSON：程序请读 `csv/`，列的类型和含义见 `datapackage.json`（Frictionless 工具可直接读取，Python、R、JavaScript 均有）。 / No JSON copy of the tables: read `csv/`; `datapackage.json` gives each column\'s type and meaning (Frictionless libraries exist for Python, R and JavaScript).',
    '- `csv/indicators/` 等 — 门户计算的指标、差异系数和发现。 / Indicators, coefficients of variation and findings computed by the portal.',
    '- `dictionary.csv` — 数据字典（每列的含义、类型、单位、允许值）。 / Data dictionary.',
    '- `changes.csv` — 与上一版本相比的逐单元格变更。 / Cell-level changes since the previous release.',
    '- `SHA256SUMS` — 校验：`sha256sum -c SHA256SUMS`。 / Checksums.',
    '- `CITATION.txt`、`CITATION.cff`、`CITATION.bib`、`CITATION.ris` — 引用方式（GB/T 7714、英文、Citation File Format、BibTeX、RIS）。 / How to cite.',
    '',
    `空单元格表示“未报送”，不是 0。${ctx.missingValues.filter((m) => m).length ? `“${ctx.missingValues.filter((m) => m).join('、')}”表示为保护隐私而不公布的小数值；能据以推算出该人数的数值（如特教学生数为“${ctx.missingValues.filter((m) => m).join('、')}”时的特教公用经费）也不公布，留空。` : ''}`,
    `An empty cell means "not reported", not 0.${ctx.missingValues.filter((m) => m).length ? ` "${ctx.missingValues.filter((m) => m).join('", "')}" marks a small count withheld for privacy; a value that would give it back (special-education funds next to a withheld pupil count) is withheld too and left empty.` : ''}`,
    '',
    ...readingGuide(codeColumns, exampleCodes, ctx.missingValues.find((m) => m) ?? null, s.suppression_threshold),
    '## 数据集 / Datasets',
    '',
    '| 文件 / File | 名称 / Name | 行数 / Rows |',
    '|---|---|---|',
    ...tables.map((t) => `| ${t.csv.path} | ${t.zh} / ${t.en}${t.year !== null ? ` (${t.year})` : ''} | ${t.rows} |`),
    '',
    '## 变更 / Changes',
    '',
    diff
      ? diff.tables.length
        ? diff.tables.map((t) => `- ${t.dataset}${t.year !== null ? ` ${t.year}` : ''}: ${t.status === 'added' ? '新增 / new' : t.status === 'removed' ? '删除 / removed' : `+${t.rowsAdded} −${t.rowsRemoved} 行, ${t.cellsChanged} 个单元格修改 / cells changed`}`).join('\n')
        : `与版本 ${diff.previous} 相同。 / Same as ${diff.previous}.`
      : '首个版本。 / First release.',
    '',
    '## 引用 / Citation',
    '',
    ACCESS_DATE_NOTE,
    '',
    cite.zh,
    '',
    cite.en,
    '',
  ];
  return lines.filter((l, i, a) => l !== '' || a[i - 1] !== '').join('\n');
}

export interface ReleaseBuildInput {
  readonly entry: ReleaseEntry;
  /** The release's data, privacy suppression already applied (as the pages show it). */
  readonly data: PortalData;
  readonly indicators: IndicatorResults | null;
  readonly previous: { readonly version: string; readonly tables: readonly DataFile[] } | null;
  readonly ctx: ReleaseContext;
  /**
   * Where the files go as they are made (the build writes them to disk). With a sink the bytes
   * are not kept (`BuiltRelease.files` is empty) and the ZIP is streamed to it too; without one,
   * every file is returned in memory (tests, small tools). Same bytes either way.
   */
  readonly sink?: ReleaseSink;
}

export interface ReleaseSink {
  /** A whole file of the release folder (path relative to it). */
  file(path: string, bytes: Uint8Array): void;
  /** The next chunk of a file written as a stream (the ZIP bundle); chunks come in order. */
  append(path: string, chunk: Uint8Array): void;
}

export function buildRelease(input: ReleaseBuildInput): BuiltRelease {
  const { entry, data, ctx } = input;
  const s = ctx.settings;
  const files = new Map<string, Uint8Array>();
  const infos = new Map<string, FileInfo>();
  const name = packageName(`edu-balance-${s.region_code ?? 'data'}`);
  // The ZIP bundle (everything in the folder plus its own SHA256SUMS, under one folder) is
  // compressed file by file as the files are made, so no release is ever whole in memory.
  const folder = `${name}-${entry.version}`;
  const zipPath = `${folder}.zip`;
  const zipHash = createHash('sha256');
  let zipBytes = 0;
  const zipChunks: Uint8Array[] = [];
  const zip = new ZipStream(entry.date, (chunk) => {
    zipHash.update(chunk);
    zipBytes += chunk.length;
    if (input.sink) input.sink.append(zipPath, chunk);
    else zipChunks.push(chunk);
  });
  const put = (path: string, format: FileFormat, bytes: Uint8Array, inZip = true) => {
    if (input.sink) input.sink.file(path, bytes);
    else files.set(path, bytes);
    if (inZip) zip.add(`${folder}/${path}`, bytes);
    const i = info(path, format, bytes);
    infos.set(path, i);
    return i;
  };
  const releaseUrl = ctx.url(`data/releases/${entry.version}/`);

  const data_ = dataFiles(data);
  const tablesOut: TableFiles[] = [];
  const resources: PackageResource[] = [];
  const emit = (id: string, stem: string, table: ExportTable, year: number | null, kind: TableFiles['kind'], dataset: string) => {
    const csv = put(`csv/${stem}.csv`, 'csv', tableCsv(table, 'code'));
    const excel = put(`excel/${stem}.csv`, 'excel', tableCsv(table, 'people'));
    const xlsx = put(`xlsx/${stem}.xlsx`, 'xlsx', tableXlsx(table, entry.date));
    const t: TableFiles = { id, dataset, zh: table.def.zh, en: table.def.en, year, kind, rows: table.rows.length, csv, excel, xlsx };
    tablesOut.push(t);
    resources.push({ name: id, path: csv.path, def: table.def, title: `${table.def.zh}${year !== null ? `（${year}学年）` : ''}`, bytes: csv.bytes, sha256: csv.sha256, rows: t.rows });
  };
  for (const f of data_) emit(fileId(f), f.stem, f.table, f.year, 'data', f.def.id);
  if (input.indicators) {
    const stems: Record<string, string> = { 'indicators-schools': 'indicators/schools', 'indicators-cv': 'indicators/cv', findings: 'indicators/findings' };
    for (const t of indicatorTables(input.indicators)) emit(t.def.id, stems[t.def.id], t, null, 'indicators', t.def.id);
  }

  put('dictionary.csv', 'excel', tableCsv({ def: dictionaryTable, rows: dictionaryRows() }, 'people'));

  let diff: ReleaseDiff | null = null;
  if (input.previous) {
    const diffs = diffReleases(input.previous.tables, data_, data.embargoed).filter((d) => d.status !== 'unchanged');
    const counts = new Map<string, number>();
    for (const f of [...input.previous.tables, ...data_]) counts.set(`${f.def.id}|${f.year}`, f.table.rows.length);
    const rows = changeRows(diffs, entry.corrections, counts);
    put('changes.csv', 'excel', tableCsv({ def: changesTable, rows }, 'people'));
    put('changes.json', 'json', tableJson({ def: changesTable, rows }));


    const unmatched = entry.corrections.filter(
      (c) => !rows.some((r) => r.correction === c.reason && r.dataset === c.dataset),
    );
    diff = { previous: input.previous.version, tables: diffs.map((d) => summariseDiff(d, entry.corrections)), unmatchedCorrections: unmatched };

  }

  const citeInput: CitationInput = { publisher: s.publisher, title: s.title, version: entry.version, date: entry.date, url: releaseUrl, place: s.region_name };
  const cite = citation(citeInput);
  const pkg = dataPackage({
    name,
    title: `${s.title}（版本 ${entry.version}）`,
    description: `${s.region_name}义务教育均衡发展开放数据：学校名录、招生计划与结果、班额、办学条件、经费、教师、质量与招生范围，以及门户计算的指标。${s.sample ? '示例数据（虚构地区）。' : ''}`,
    version: entry.version,
    date: entry.date,
    licence: s.license,
    publisher: s.publisher,
    // Only an absolute URL (site_url set): a site path is not a homepage for a reader of the package.
    homepage: s.site_url ? ctx.url('data/') : null,
    sources: [{ title: s.publisher, ...(s.site_url ? { path: releaseUrl } : {}) }],
    missingValues: ctx.missingValues,
    resources,
  });
  const datapackage = put('datapackage.json', 'datapackage', encoder.encode(stableJson(pkg)));

  const perTable = tablesOut.map((t) => ({
    t,
    input: { ...citeInput, url: ctx.url(`data/releases/${entry.version}/${t.csv.path}`), dataset: { zh: t.zh, en: t.en, year: t.year } } as CitationInput,
  }));
  const citationLines = [
    `# 引用本版本 / Cite this release`,
    ACCESS_DATE_NOTE,
    '',
    cite.zh,
    cite.en,
    '',
    '# 引用单个数据集 / Cite one dataset',
    ...perTable.flatMap(({ input }) => {
      const c = citation(input);
      return [c.zh, c.en, ''];
    }),
    '# 文献管理软件 / Reference managers',
    'CITATION.bib (BibTeX)、CITATION.ris (EndNote / NoteExpress / Zotero)、CITATION.cff (Citation File Format)。',
    '',
  ];
  put('CITATION.txt', 'text', encoder.encode(citationLines.join('\n')));
  put(
    'CITATION.cff',
    'text',
    encoder.encode(
      citationCff({
        ...citeInput,
        abstract: `${s.region_name}义务教育均衡发展开放数据（版本 ${entry.version}）。${s.sample ? '示例数据（虚构地区）。' : ''}`,
        licence: s.license,
        keywords: ['义务教育', '均衡发展', 'compulsory education', 'open data'],
      }),
    ),
  );
  const releaseKey = bibKey([name, entry.version]);
  put('CITATION.bib', 'text', encoder.encode([citationBibtex(citeInput, releaseKey), ...perTable.map(({ t, input }) => citationBibtex(input, bibKey([name, entry.version, t.id])))].join('\n')));
  put('CITATION.ris', 'text', encoder.encode([citationRis(citeInput), ...perTable.map(({ input }) => citationRis(input))].join('\r\n')));
  put('LICENSE.txt', 'text', encoder.encode(licenceText(s)));
  const codeColumns = [...new Set(resources.flatMap((r) => r.def.columns.filter((c) => c.type === 'code').map((c) => c.key)))];
  const exampleCodes = resources.find((r) => r.def.id === 'schools')?.def.columns.filter((c) => c.type === 'code').map((c) => c.key) ?? [];
  put('README.md', 'text', encoder.encode(readme(entry, ctx, tablesOut, diff, cite, codeColumns, exampleCodes)));

  // Inside the zip: everything so far plus its own SHA256SUMS.
  zip.add(`${folder}/SHA256SUMS`, encoder.encode(sha256sums([...infos.values()])));
  zip.end();
  if (!input.sink) {
    const all = new Uint8Array(zipBytes);
    let at = 0;
    for (const c of zipChunks) {
      all.set(c, at);
      at += c.length;
    }
    files.set(zipPath, all);
  }
  const zipInfo: FileInfo = { path: zipPath, format: 'zip', bytes: zipBytes, size: formatBytes(zipBytes), sha256: zipHash.digest('hex') };
  infos.set(zipPath, zipInfo);
  const checksums = put('SHA256SUMS', 'checksums', encoder.encode(sha256sums([...infos.values()])), false);

  const changes = infos.has('changes.csv') ? { csv: infos.get('changes.csv')!, json: infos.get('changes.json')! } : null;
  const manifest: ReleaseManifest = {
    version: entry.version,
    date: entry.date,
    notes: entry.notes,
    corrections: entry.corrections,
    available: true,
    packageName: name,
    tables: tablesOut,
    files: [...infos.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    zip: zipInfo,
    checksums,
    datapackage,
    changes,
    diff,
    citation: cite,
  };
  return { manifest, files, tables: data_ };
}

export { csvLines };
