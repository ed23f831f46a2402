/** The published data files of one version, as tables: top-level datasets, then each year's. */
import { TOP_LEVEL_DATASETS, YEAR_DATASETS } from '../schema';
import type { DatasetSchema } from '../schema/types';
import type { PortalData, YearData } from '../model/types';
import type { ExportTable } from './table';

export interface DataFile {
  readonly def: DatasetSchema;
  readonly year: number | null;
  /** Path without extension, as in data/: `schools`, `2024/admissions`. */
  readonly stem: string;
  readonly table: ExportTable;
}

export function dataFiles(data: PortalData): DataFile[] {
  const out: DataFile[] = [];
  for (const def of TOP_LEVEL_DATASETS) {
    const rows = (data as unknown as Record<string, readonly Record<string, unknown>[] | undefined>)[def.id];
    // An optional dataset (standards) that is absent or empty is not published.
    if (!rows || (def.optional && rows.length === 0)) continue;
    // An embargoed file is not published (its rows are emptied): no empty file in its place.
    if (isEmbargoed(data, def.id, null)) continue;
    out.push({ def, year: null, stem: def.id, table: { def, rows } });
  }
  for (const y of data.years) {
    for (const def of YEAR_DATASETS) {
      const rows = (y as unknown as Record<string, readonly Record<string, unknown>[] | undefined>)[def.id as keyof YearData];
      if (!rows) continue;
      out.push({ def, year: y.year, stem: `${y.year}/${def.id}`, table: { def, rows } });
    }
  }
  return out;
}

/** true when the file was withheld by an embargo (privacy/embargo.ts applyEmbargo). */
export function isEmbargoed(data: PortalData, dataset: string, year: number | null): boolean {
  return (data.embargoed ?? []).some((e) => e.dataset === dataset && e.year === year);
}

export function fileId(f: { def: { id: string }; year: number | null }): string {
  return f.year === null ? f.def.id : `${f.def.id}-${f.year}`;
}
