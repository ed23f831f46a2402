/**
 * Two releases of a tiny fictional region, written by hand as the typed model (what the loader
 * produces), so export tests do not depend on the CSV reader. Release B corrects one admitted
 * count, drops one admission row, adds another, renames a school and publishes 2025 classes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DistributionEffects } from '../src/lib/export';
import type { PortalData, YearData } from '../src/lib/model/types';
import type { PortalSettings } from '../src/lib/settings/types';

export const settings: PortalSettings = {
  title: '测试市义务教育均衡发展数据',
  region_name: '测试市',
  region_level: 'city',
  region_code: '219900',
  sample: true,
  publisher: '测试市教育局',
  contact: null,
  report_error_url: 'mailto:data@example.gov.cn',
  license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  base_path: '/jiaoyu/',
  site_url: 'https://edu.example.gov.cn',
  english: false,
  logo: null,
  suppression_threshold: 5,
};

const src = (file: string, row: number) => ({ _source: { file, row } });

export const regions = [
  { region_code: '210000', name: '测试省', parent_code: null, level: 'province', ...src('regions.csv', 2) },
  { region_code: '219900', name: '测试市', parent_code: '210000', level: 'city', ...src('regions.csv', 3) },
  { region_code: '219901', name: '青禾区', parent_code: '219900', level: 'county', ...src('regions.csv', 4) },
] as const;

function school(id: string, name: string, stage: string, address: string | null, row: number) {
  return {
    school_id: id,
    name,
    region_code: '219901',
    stage,
    ownership: 'public',
    locale: 'urban',
    kind: 'regular',
    address,
    latitude: 41.12,
    longitude: -121.5,
    status: 'open',
    closed_year: null,
    website: null,
    ...src('schools.csv', row),
  };
}

function admission(id: string, grade: number, planned: number, admitted: number | null, disabled: number | null, row: number) {
  return {
    school_id: id,
    grade,
    planned_classes: 4,
    planned_seats: planned,
    applicants: null,
    admitted,
    admitted_in_zone: null,
    admitted_migrant: null,
    admitted_disabled: disabled,
    method: 'zone',
    plan_published_on: '2024-05-10',
    results_published_on: admitted === null ? null : '2024-07-20',
    ...src('2024/admissions.csv', row),
  };
}

const classes2025 = [
  { school_id: '2121000101', grade: 1, class_name: '1班', students: 45, ...src('2025/classes.csv', 2) },
  { school_id: '2121000101', grade: 1, class_name: '2班', students: 58, ...src('2025/classes.csv', 3) },
];

export function releaseA(): PortalData {
  const y2024: YearData = {
    year: 2024,
    folder: '2024',
    admissions: [
      admission('2121000101', 1, 180, 178, 2, 2),
      admission('2121000102', 1, 90, 85, null, 3),
      admission('2121000103', 7, 200, null, null, 4),
    ] as never,
  };
  return {
    dataDir: '/fixture/a',
    settings,
    regions: regions as never,
    schools: [
      school('2121000101', '青禾区实验小学', 'primary', "=cmd|' /C calc'!A0", 2),
      school('2121000102', '青禾区第二小学', 'primary', '+1', 3),
      school('2121000103', '青禾区第一中学', 'junior', '-1+1', 4),
    ] as never,
    plans: [],
    standards: [],
    years: [y2024],
  };
}

export function releaseB(): PortalData {
  const a = releaseA();
  const y2024: YearData = {
    year: 2024,
    folder: '2024',
    admissions: [
      admission('2121000101', 1, 180, 187, 2, 2),
      admission('2121000103', 7, 200, 196, 7, 3),
      admission('2121000104', 1, 45, 40, null, 4),
    ] as never,
  };
  return {
    ...a,
    dataDir: '/fixture/b',
    schools: [
      ...a.schools.slice(0, 2),
      school('2121000103', '青禾区第一初级中学', 'junior', '-1+1', 4),
      school('2121000104', '青禾区教学点', 'primary', '@SUM(A1:A2)', 5),
      school('2121000105', '青禾区第三小学', 'primary', '\tTab开头', 6),
    ] as never,
    years: [y2024, { year: 2025, folder: '2025', classes: classes2025 as never }],
  };
}

/** Distribution effects for tests where a data folder is one JSON file of the typed model (no CSV reader, no suppression). */
export const modelJsonEffects: DistributionEffects = {
  load: (dir) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as PortalData;
    } catch {
      return '找不到 model.json';
    }
  },
  suppress: (d) => d,
  suppressionMarker: () => '<5',
  indicators: () => null,
};

/** git in a scratch repository, as a fixed test author, with extra environment (commit dates). */
export const git = (cwd: string, env: Record<string, string>, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'pipe', env: { ...process.env, ...env } }).toString();
