/**
 * /en/data/ and /en/data/<dataset>/ — the downloads in English: the same release manifest and
 * files as the Chinese pages (src/lib/export), the schema's English column labels, the English
 * citation the release already carries. The files themselves keep their Chinese headers.
 */
import { citation as citationOf, type Distribution, type FileInfo, type TableFiles } from '../../export';
import { INDICATOR_TABLES } from '../../export/indicator-tables';
import { TYPE_LABELS } from '../../export/dictionary';
import { ALL_DATASETS } from '../../schema';
import type { Column } from '../../schema/types';
import { withBase } from '../../urls/base-path';
import { releaseContext } from '../../export/distribution';
import { formatLinks } from '../../views/data';
import type { TableCell, ViewTable } from '../../views/types';
import { fmt } from '../../site/format';
import { unitEn } from '../labels';
import { pagePipeline } from '../../views/page-context';

/** The build's one distribution (as the Chinese /data/ pages read it, src/pages/data/_shared.ts). */
export async function pageDistribution(): Promise<Distribution> {
  return (await (await pagePipeline()).distribution()).distribution();
}

/** What each table holds, in a sentence (the schema's descriptions are Chinese). */
export const DATASET_ABOUT_EN: Record<string, string> = {
  regions: 'The regions the portal covers (province, cities, counties and districts) with their codes.',
  schools: 'Every compulsory-education school: ID, name, county, stage, public or private, urban or rural, address and coordinates.',
  resources: 'Per school and year: students, classes, teachers, buildings, sports grounds, equipment and multimedia rooms — the inputs of the 7 resource indicators.',
  classes: 'Per school and year: every class with its grade and number of pupils.',
  admissions: 'Per school, grade and year: places planned, applicants, pupils admitted (from the zone, migrant children, children with disabilities), admission method and publication dates.',
  zones: 'Per school and year: the communities and streets of its admission zone.',
  funding: 'Per school and year: public funds spent, training funds and special-education pupils.',
  teachers: 'Per school and year: full-time teachers, certificates, 360-hour training and teachers exchanged.',
  outcomes: 'Per school and year: dropouts, pass rate and the share rated good in the comprehensive quality assessment.',
  counties: 'Per county and year: figures the county reports (spending, revenue, retention, enrolment of children with disabilities, quota places, migrant children).',
  plans: 'Target years of the county and school plans for balanced education, with the plan document.',
  standards: 'Local standards that replace a national threshold for this region.',
  calendar: 'Holidays and working weekends used to count the publication deadline in working days.',
  'indicators-schools': 'Computed by the portal: every school’s 7 resource indicators and verdict per year.',
  'indicators-cv': 'Computed by the portal: every region’s coefficients of variation per stage and year.',
  findings: 'Computed by the portal: every value found below (or above) its standard, with the standard and the gap.',
};

interface CatalogueEntry {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly perYear: boolean;
  readonly computed: boolean;
  readonly columns: readonly Column[] | null;
}

/** The tables with a page, in the order of the Chinese /data/ page: the contract's, then the computed ones. */
export const CATALOGUE_EN: readonly CatalogueEntry[] = [
  ...ALL_DATASETS.map((d) => ({ id: d.id, zh: d.zh, en: d.en, perYear: d.perYear, computed: false, columns: d.columns as readonly Column[] })),
  ...INDICATOR_TABLES.map((d) => ({ id: d.id, zh: d.zh, en: d.en, perYear: false, computed: true, columns: null })),
];

export function datasetPathsEn(d: Pick<Distribution, 'settings'>): { params: { lang: 'en'; dataset: string } }[] {
  return d.settings.english ? CATALOGUE_EN.map((c) => ({ params: { lang: 'en' as const, dataset: c.id } })) : [];
}

export interface DownloadLinkEn {
  readonly label: string;
  readonly href: string;
  readonly size: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface FileRowEn {
  readonly year: string;
  readonly rows: string;
  readonly changed: string;
  readonly links: readonly DownloadLinkEn[];
}

const FORMAT_EN = ['Excel (XLSX)', 'CSV (Excel/WPS)', 'CSV (for code)', 'JSON'];

function linksOf(t: TableFiles, href: (f: FileInfo) => string): DownloadLinkEn[] {
  return formatLinks(t).map((f, i) => ({ label: FORMAT_EN[i] ?? f.label, href: href(f.file), size: f.file.size, sha256: f.file.sha256, bytes: f.file.bytes }));
}

export interface DatasetViewEn {
  readonly id: string;
  readonly title: string;
  readonly zh: string;
  readonly about: string;
  readonly computed: boolean;
  readonly version: string | null;
  readonly files: readonly FileRowEn[];
  readonly dictionary: ViewTable | null;
  readonly templates: { readonly csv: string; readonly example: string } | null;
  readonly citation: string | null;
  readonly licence: { readonly name: string; readonly url: string | null };
  readonly zhHref: string;
  readonly breadcrumbs: { label: string; href?: string }[];
}

function allowedEn(c: Column): string {
  if (c.values) return c.values.map((v) => `${v.key} (${v.en})`).join('; ');
  if (c.digits) return `${c.digits} digits`;
  if (c.min !== undefined && c.max !== undefined) return `${c.min}–${c.max}`;
  if (c.min !== undefined) return `≥ ${c.min}`;
  if (c.max !== undefined) return `≤ ${c.max}`;
  return '';
}

export function datasetViewEn(d: Distribution, id: string): DatasetViewEn {
  const c = CATALOGUE_EN.find((x) => x.id === id);
  if (!c) throw new Error(`没有数据集 ${id}`);
  const s = d.settings;
  const href = (path: string) => withBase(s.base_path, path);
  const latest = d.latest;
  const tables = latest ? [...latest.tables.filter((t) => t.dataset === id)].sort((a, b) => (b.year ?? 0) - (a.year ?? 0)) : [];
  const files: FileRowEn[] = latest
    ? tables.map((t) => {
        const lc = d.lastChanged.get(t.id);
        return { year: t.year === null ? 'all' : String(t.year), rows: fmt(t.rows), changed: lc ? `${lc.date} (${lc.version})` : '—', links: linksOf(t, (f) => href(`data/releases/${latest.version}/${f.path}`)) };
      })
    : [];
  const ctx = releaseContext(s, null);
  // the same citation the Chinese page builds; its English half
  const citation = latest ? citationOf({ publisher: s.publisher, title: s.title, version: latest.version, date: latest.date, url: ctx.url(`data/${id}/`), dataset: { zh: c.zh, en: c.en, year: null } }).en : null;
  const dictionary: ViewTable | null = c.columns
    ? {
        caption: `Columns of ${c.en} (${c.perYear ? `data/YEAR/${id}.csv` : `data/${id}.csv`})`,
        columns: [{ label: 'Column' }, { label: 'Key' }, { label: 'Header in the file' }, { label: 'Type' }, { label: 'Unit' }, { label: 'Allowed values' }, { label: 'Required' }],
        rows: c.columns.map((col): TableCell[] => [col.en, col.key, col.zh, TYPE_LABELS[col.type].en, col.unit ? unitEn(col.unit) || col.unit : '', allowedEn(col), col.required ? 'yes' : 'no']),
      }
    : null;
  return {
    id,
    title: c.en,
    zh: c.zh,
    about: DATASET_ABOUT_EN[id] ?? '',
    computed: c.computed,
    version: latest?.version ?? null,
    files,
    dictionary,
    templates: c.computed ? null : { csv: href(`data/templates/${id}.csv`), example: href(`data/templates/${id}-example.csv`) },
    citation,
    licence: s.license,
    zhHref: href(`data/${id}/`),
    breadcrumbs: [{ label: 'Data', href: href('en/data/') }, { label: c.en }],
  };
}

export interface DataIndexViewEn {
  readonly lede: string;
  readonly version: string | null;
  readonly date: string | null;
  readonly zip: DownloadLinkEn | null;
  readonly datasets: readonly { readonly id: string; readonly title: string; readonly zh: string; readonly about: string; readonly href: string; readonly newest: string }[];
  readonly citation: string | null;
  readonly licence: { readonly name: string; readonly url: string | null };
  readonly zhHref: string;
}

export function dataIndexViewEn(d: Distribution): DataIndexViewEn {
  const s = d.settings;
  const href = (path: string) => withBase(s.base_path, path);
  const latest = d.latest;
  return {
    lede: `Every table behind this site, free to download under ${s.license.name}: as Excel workbooks, as CSV for Excel and WPS (with a byte-order mark), as plain UTF-8 CSV for code, and as JSON. Column headers in the files are Chinese; each table’s page lists them with their English names.`,
    version: latest?.version ?? null,
    date: latest?.date ?? null,
    zip: latest ? { label: `All tables (ZIP, version ${latest.version})`, href: href(`data/releases/${latest.version}/${latest.zip.path}`), size: latest.zip.size, sha256: latest.zip.sha256, bytes: latest.zip.bytes } : null,
    datasets: CATALOGUE_EN.map((c) => {
      const years = latest ? latest.tables.filter((t) => t.dataset === c.id).map((t) => t.year) : [];
      const newest = years.length ? (years.some((y) => y === null) ? 'one table' : `${Math.min(...(years as number[]))}–${Math.max(...(years as number[]))}`) : 'not published';
      return { id: c.id, title: c.en, zh: c.zh, about: DATASET_ABOUT_EN[c.id] ?? '', href: href(`en/data/${c.id}/`), newest };
    }),
    citation: latest?.citation.en ?? null,
    licence: s.license,
    zhHref: href('data/'),
  };
}
