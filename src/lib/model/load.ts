import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../validate/issue';
import type { PortalData, YearData } from './types';
import { AUXILIARY_DATASETS, TOP_LEVEL_DATASETS, YEAR_DATASETS, type DatasetSchema } from '../schema';
import { readTable, type TypedRow } from '../validate/table';
import { checkCrossFile } from '../validate/cross-file';
import { makeIssue, sortIssues, countBySeverity } from '../validate/make-issue';
import { loadSettings, SETTINGS_FILES } from '../settings/load';
import { checkDataFile, dataRoot } from '../validate/data-file';
import { BOUNDARIES_FILE, checkBoundaries } from '../validate/boundaries';

export interface LoadResult {
  readonly data: PortalData;
  readonly issues: Issue[];
  /** false when the folder could not be read at all (CLIs exit 2). */
  readonly readable: boolean;
}

const YEAR_FOLDER = /^\d{4}$/;
/** Folder names that clearly mean a year but are not written as one: 2025年, 2025学年, 2025-2026. */
const YEARISH_FOLDER = /(19|20)\d{2}/;
/** Files a data folder may hold besides datasets. */
const IGNORED = /^(\.|_)|^readme(\.\w+)?$|^license(\.\w+)?$/i;

function readDataset(dir: string, rel: string, schema: DatasetSchema, root: string = dataRoot(dir)): { rows: TypedRow[]; issues: Issue[] } {
  // A link out of the folder, a folder or a FIFO named like the dataset: one issue, never read.
  const c = checkDataFile(dir, root, rel);
  if (!c.ok) return { rows: [], issues: [c.issue] };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(c.path);
  } catch (e) {
    return { rows: [], issues: [makeIssue('not-a-file', { file: rel }, { kind: `无法读取的文件（${(e as NodeJS.ErrnoException).code ?? '读取失败'}）` })] };
  }
  const r = readTable(schema, rel, bytes);
  return { rows: r.rows, issues: r.issues };
}

/** Whether a name exists in the folder at all (a dangling link counts: it gets its own message). */
function present(p: string): boolean {
  return lstatSync(p, { throwIfNoEntry: false }) !== undefined;
}

function emptyData(dataDir: string, settings: PortalData['settings']): PortalData {
  return { dataDir, settings, regions: [], schools: [], plans: [], standards: [], years: [] };
}

/**
 * Reads a data folder into the typed model and validates it. Never throws for bad data: every
 * problem is an issue with file, row and column. Rows with problems stay in the model (their bad
 * cells are null) so nothing vanishes; callers refuse to publish when there are errors.
 */
export async function loadPortalData(dataDir: string): Promise<LoadResult> {
  return loadPortalDataSync(dataDir);
}

/** The validation report of a data folder, shaped like `npm run validate -- --format json`. */
export interface ValidationReport {
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: Issue[];
  /** false when the folder could not be read at all (CLIs exit 2). */
  readonly readable: boolean;
}

/** Validates a data folder without keeping the model: for CLIs, the build and tests. */
export async function validateDataDir(dataDir: string): Promise<ValidationReport> {
  const { issues, readable } = loadPortalDataSync(dataDir);
  const { errors, warnings } = countBySeverity(issues);
  return { ok: readable && errors === 0, errors, warnings, issues, readable };
}

export function loadPortalDataSync(dataDir: string): LoadResult {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    const { settings } = loadSettings('/nonexistent');
    return {
      data: emptyData(dataDir, settings),
      issues: [makeIssue('data-folder-missing', { file: '.', value: dataDir })],
      readable: false,
    };
  }
  const issues: Issue[] = [];
  const { settings, issues: settingsIssues } = loadSettings(dataDir);
  issues.push(...settingsIssues);

  const root = dataRoot(dataDir);
  const top: Record<string, TypedRow[]> = {};
  for (const schema of [...TOP_LEVEL_DATASETS, ...AUXILIARY_DATASETS] as readonly DatasetSchema[]) {
    const rel = `${schema.id}.csv`;
    if (!present(join(dataDir, rel))) {
      top[schema.id] = [];
      if (!schema.optional) issues.push(makeIssue('required-file-missing', { file: rel }, { label: schema.zh }));
      else if (schema.missingWarning) issues.push(makeIssue('optional-file-missing', { file: rel }, { label: schema.zh, consequence: schema.missingWarning }));
      continue;
    }
    const r = readDataset(dataDir, rel, schema, root);
    top[schema.id] = r.rows;
    issues.push(...r.issues);
  }

  // Optional county outlines for the maps: their problems are issues too (warnings: the map is
  // drawn without the outline concerned), checked against the codes of regions.csv.
  if (present(join(dataDir, BOUNDARIES_FILE))) issues.push(...readBoundaries(dataDir, root, top.regions));

  const knownTop = new Set<string>([...[...TOP_LEVEL_DATASETS, ...AUXILIARY_DATASETS].map((d) => `${d.id}.csv`), ...SETTINGS_FILES, BOUNDARIES_FILE]);
  const years: { year: number; folder: string; tables: Record<string, TypedRow[]> }[] = [];
  for (const entry of readdirSync(dataDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (IGNORED.test(entry.name)) continue;
    // A year folder may be a link inside the data folder; one leading out of it is refused.
    const linkedDir = entry.isSymbolicLink() && statSync(join(dataDir, entry.name), { throwIfNoEntry: false })?.isDirectory() === true;
    if (linkedDir && YEAR_FOLDER.test(entry.name)) {
      const c = checkDataFile(dataDir, root, entry.name);
      if (!c.ok && c.issue.code === 'link-outside-data') {
        issues.push(c.issue);
        continue;
      }
    }
    if (entry.isDirectory() || linkedDir) {
      if (YEAR_FOLDER.test(entry.name)) {
        years.push(readYear(dataDir, entry.name, issues, root));
      } else if (YEARISH_FOLDER.test(entry.name)) {
        const y = YEARISH_FOLDER.exec(entry.name)![0];
        issues.push(makeIssue('bad-year-folder', { file: entry.name, value: entry.name }, { hint: `请把文件夹改名为“${y}”。该文件夹中的数据暂未读取。` }));
      } else {
        issues.push(makeIssue('unknown-file', { file: entry.name }, { hint: '数据文件夹中只应有数据文件和以四位年份命名的文件夹。' }));
      }
    } else if (!knownTop.has(entry.name)) {
      issues.push(makeIssue('unknown-file', { file: entry.name }, { hint: unknownFileHint(entry.name, false) }));
    }
  }

  issues.push(
    ...checkCrossFile({
      regions: top.regions,
      schools: top.schools,
      plans: top.plans,
      standards: top.standards,
      years,
    }),
  );

  const yearData: YearData[] = years
    .sort((a, b) => a.year - b.year)
    .map((y) => ({ year: y.year, folder: y.folder, ...y.tables }) as unknown as YearData);
  const data: PortalData = {
    dataDir,
    settings,
    regions: top.regions as unknown as PortalData['regions'],
    schools: top.schools as unknown as PortalData['schools'],
    plans: top.plans as unknown as PortalData['plans'],
    standards: top.standards as unknown as PortalData['standards'],
    years: yearData,
    ...(top.calendar.length ? { calendar: top.calendar as unknown as NonNullable<PortalData['calendar']> } : {}),
  };
  return { data, issues: sortIssues(issues), readable: true };
}

function readBoundaries(dataDir: string, root: string, regions: readonly TypedRow[]): Issue[] {
  const c = checkDataFile(dataDir, root, BOUNDARIES_FILE);
  if (!c.ok) return [c.issue];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(c.path);
  } catch (e) {
    return [makeIssue('not-a-file', { file: BOUNDARIES_FILE }, { kind: `无法读取的文件（${(e as NodeJS.ErrnoException).code ?? '读取失败'}）` })];
  }
  const codes = new Set<string>();
  for (const r of regions) if (typeof r.region_code === 'string') codes.add(r.region_code);
  return checkBoundaries(bytes, codes);
}

function unknownFileHint(name: string, inYear: boolean): string {
  if (/\.(xlsx?|et|ods)$/i.test(name)) return '这是表格文件而不是CSV：请在 Excel/WPS 中“另存为 → CSV”。';
  const stem = name.replace(/\.[^.]*$/, '');
  const all = inYear ? YEAR_DATASETS : TOP_LEVEL_DATASETS;
  const match = all.find((d) => d.zh === stem || d.id === stem.toLowerCase());
  if (match) return `是否应命名为“${match.id}.csv”？`;
  const names = all.map((d) => `${d.id}.csv（${d.zh}）`).join('、');
  return `${inYear ? '年份文件夹' : '数据文件夹'}中可用的文件名：${names}。`;
}

function readYear(dataDir: string, folder: string, issues: Issue[], root: string) {
  const tables: Record<string, TypedRow[]> = {};
  const known = new Set<string>(YEAR_DATASETS.map((d) => `${d.id}.csv`));
  const entries = readdirSync(join(dataDir, folder)).sort();
  for (const schema of YEAR_DATASETS) {
    const rel = `${folder}/${schema.id}.csv`;
    if (!present(join(dataDir, rel))) continue; // not yet published: shown as such, never zero
    const r = readDataset(dataDir, rel, schema, root);
    tables[schema.id] = r.rows;
    issues.push(...r.issues);
  }
  let any = false;
  for (const name of entries) {
    if (IGNORED.test(name)) continue;
    if (known.has(name)) {
      any = true;
      continue;
    }
    issues.push(makeIssue('unknown-file', { file: `${folder}/${name}` }, { hint: unknownFileHint(name, true) }));
  }
  if (!any) issues.push(makeIssue('year-folder-empty', { file: folder, value: folder }));
  return { year: Number(folder), folder, tables };
}

export { countBySeverity };
