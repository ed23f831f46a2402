/**
 * The download pages (/data/, /data/<dataset>/, /data/latest/, /data/releases/<v>/): which files a
 * reader sees first. One row per dataset with its newest school year first and the older years
 * folded under it; the three formats of a file side by side with their checksums behind one
 * control. Pure: (release tables) → rows.
 */
import type { FileInfo, ReleaseManifest, TableFiles, UnavailableRelease } from '../export';

export interface FormatLink {
  readonly label: string;
  readonly file: FileInfo;
}

/** The three download flavours of one table, in the same order everywhere (no JSON copy: csv/ + datapackage.json is the form for code). */
export function formatLinks(t: TableFiles): FormatLink[] {
  return [
    { label: 'Excel（XLSX）', file: t.xlsx },
    { label: 'CSV（Excel/WPS）', file: t.excel },
    { label: 'CSV（程序用）', file: t.csv },
  ];
}

export interface DatasetFiles {
  readonly dataset: string;
  readonly zh: string;
  /** The newest school year's table (or the only table of a dataset without years). */
  readonly newest: TableFiles;
  /** Earlier school years, newest first. */
  readonly older: readonly TableFiles[];
}

/** Tables of a release grouped by dataset (first-seen order), each with its newest year first. */
export function datasetFiles(tables: readonly TableFiles[]): DatasetFiles[] {
  const groups = new Map<string, TableFiles[]>();
  for (const t of tables) {
    const g = groups.get(t.dataset) ?? [];
    g.push(t);
    groups.set(t.dataset, g);
  }
  return [...groups.values()].map((g) => {
    const sorted = [...g].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
    return { dataset: sorted[0]!.dataset, zh: sorted[0]!.zh, newest: sorted[0]!, older: sorted.slice(1) };
  });
}

/** “2025学年” / “全部学年” for a table's year cell. */
export const yearLabel = (t: Pick<TableFiles, 'year'>): string => (t.year === null ? '全部学年' : `${t.year}学年`);

/** Every table of one dataset in a release (all its school years); none without a release. */
export function datasetTables(r: Pick<ReleaseManifest, 'tables'> | null, dataset: string): TableFiles[] {
  return r ? r.tables.filter((t) => t.dataset === dataset) : [];
}

/** The files of a release that are not a table's (the bundle, checksums, metadata, changes). */
export function packageFiles(r: Pick<ReleaseManifest, 'files' | 'tables'>): FileInfo[] {
  const ofTables = new Set(r.tables.flatMap((t) => [t.csv.path, t.excel.path, t.xlsx.path]));
  return r.files.filter((f) => !ofTables.has(f.path));
}

/** Available releases other than the latest, newest first. */
export function olderReleases(releases: readonly (ReleaseManifest | UnavailableRelease)[], latest: string | null): ReleaseManifest[] {
  return releases.filter((r): r is ReleaseManifest => r.available && r.version !== latest).reverse();
}

/** A dataset's tables, newest school year first (a dataset has either years or one table without). */
export function newestYearFirst(tables: readonly TableFiles[]): TableFiles[] {
  return [...tables].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
}

/** The computed tables of a release (indicators and findings). */
export function indicatorTables(r: Pick<ReleaseManifest, 'tables'>): TableFiles[] {
  return r.tables.filter((t) => t.kind === 'indicators');
}

/** The datasets a bureau publishes (not the computed ones), in catalogue order. */
export function publishedDatasets<T extends { readonly computed: boolean }>(catalogue: readonly T[]): T[] {
  return catalogue.filter((c) => !c.computed);
}

/** Why no release can be downloaded: the reasons of the unavailable ones, in one line. */
export function unavailableReasons(releases: readonly (ReleaseManifest | UnavailableRelease)[]): string {
  return releases.flatMap((r) => (r.available ? [] : [r.reason])).join(' ');
}
