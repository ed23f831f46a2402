/**
 * English names of what the pages show: the schema's own `en` labels for datasets, columns and
 * enumerations, the standards table's `en` for every rule, and the few words the Chinese pages
 * take from src/lib/site (verdicts, plan and publication status, severities, units).
 */
import type { Verdict } from '../views/types';
import type { PartStage, QualityIndicatorKey } from '../indicators/types';
import { ADMISSION_METHODS, ALL_DATASETS, LOCALES, MILESTONES, OWNERSHIPS, PART_STAGES, SCHOOL_KINDS, STAGES } from '../schema';
import { INDICATOR_TABLES } from '../export/indicator-tables';
import type { Portal } from '../site/portal';

const enumEn = (list: readonly { key: string; en: string }[]) => new Map(list.map((v) => [v.key, v.en] as const));
const STAGE = enumEn(STAGES);
const PART = enumEn(PART_STAGES);
const OWN = enumEn(OWNERSHIPS);
const LOC = enumEn(LOCALES);
const KIND = enumEn(SCHOOL_KINDS);
const MILESTONE = enumEn(MILESTONES);
const METHOD = enumEn(ADMISSION_METHODS);

export const en = {
  stage: (k: string) => STAGE.get(k) ?? k,
  part: (k: string) => PART.get(k) ?? k,
  ownership: (k: string) => OWN.get(k) ?? k,
  locale: (k: string) => LOC.get(k) ?? k,
  kind: (k: string) => KIND.get(k) ?? k,
  milestone: (k: string) => MILESTONE.get(k) ?? k,
  method: (k: string | null) => (k ? (METHOD.get(k) ?? k) : 'not published'),
};

/** “Primary” / “Junior secondary” as a stage of a county's schools. */
export const STAGE_EN: Record<PartStage, string> = { primary: 'Primary', junior: 'Junior secondary' };
/** The part of a nine-year school. */
export const PART_EN: Record<PartStage, string> = { primary: 'Primary part', junior: 'Junior part' };

export const VERDICT_EN: Record<Verdict, string> = {
  met: 'met',
  unmet: 'not met',
  unknown: 'cannot be judged',
  not_applicable: 'not applicable',
};

/** Short column heads of the seven indicators (the Chinese INDICATOR_SHORT). */
export const INDICATOR_SHORT_EN: Record<QualityIndicatorKey, string> = {
  qualified_teachers_per_100: 'Qualified teachers',
  backbone_teachers_per_100: 'Backbone teachers',
  pe_arts_teachers_per_100: 'PE & arts teachers',
  teaching_space_per_student: 'Teaching space',
  sports_space_per_student: 'Sports space',
  equipment_value_per_student: 'Equipment',
  multimedia_rooms_per_100: 'Multimedia rooms',
};

export const PLAN_STATUS_EN: Record<string, string> = {
  met: 'met',
  met_early: 'met early',
  on_track: 'target year not reached yet',
  missed: 'missed at the target year',
  unknown: 'not enough data to judge',
  not_applicable: 'cannot be checked with the data',
};

export const PLAN_STATUS_SHORT_EN: Record<string, string> = {
  met: '✓ met',
  met_early: '✓ met early',
  on_track: '· not due',
  missed: '✗ missed',
  unknown: '? no data',
  not_applicable: '—',
};

export const PUBLICATION_EN: Record<string, string> = {
  on_time: 'published on time',
  late: 'published late',
  not_published: 'not published',
  date_missing: 'publication date not given',
  not_due: 'not due yet',
};

export const SEVERITY_EN: Record<string, string> = { notice: 'Note', concern: 'Not met', serious: 'Serious' };

/** Units of the standards table in English (“人” is implied by the indicator's name). */
const UNIT_EN: Record<string, string> = {
  '人': '',
  '元': 'yuan',
  'm²': 'm²',
  '间': 'rooms',
  '%': '%',
  '个百分点': 'pp',
  '项': '',
  '个': '',
  '所': '',
  '年': 'years',
  '天': 'days',
  '个工作日': 'working days',
  '工作日': 'working days',
};
export const unitEn = (unit: string): string => UNIT_EN[unit] ?? unit;

/** English name of a standard (indicator or rule) as the standards table gives it. */
export const standardEn = (p: Portal, key: string, stage?: PartStage | 'all'): string => p.standard(key, stage).en;

const DATASET_EN = new Map<string, string>([...ALL_DATASETS.map((d) => [d.id, d.en] as const), ...INDICATOR_TABLES.map((d) => [d.id, d.en] as const)]);
const COLUMN_EN = new Map<string, string>();
for (const d of ALL_DATASETS) for (const c of d.columns) COLUMN_EN.set(`${d.id}.${c.key}`, c.en);

/** “resources” → “School resources” (the schema's own English label). */
export const datasetEn = (id: string): string => DATASET_EN.get(id) ?? id;
/** “resources.equipment_value_yuan” → its English column label. */
export const columnEn = (dataset: string, key: string): string => COLUMN_EN.get(`${dataset}.${key}`) ?? key;

/** What is missing, in English: “2024/resources.equipment_value_yuan” → “School resources · Equipment value (2024)”. */
export function describeMissingEn(entry: string): string {
  let year = '';
  let rest = entry;
  const y = /^(\d{4})\/(.*)$/.exec(entry);
  if (y) {
    year = ` (${y[1]})`;
    rest = y[2];
  }
  const [ds, sid] = rest.split(':');
  const [id, col] = ds.split('.');
  const name = col ? `${datasetEn(id)} · ${columnEn(id, col)}` : datasetEn(id);
  return `${name}${year}${sid ? ', no row for the school' : ''}`;
}

const GRADE_EN = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const gradeEn = (g: number): string => `Grade ${GRADE_EN[g] ?? g}`;
