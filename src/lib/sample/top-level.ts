/** The top-level files of a generated region: portal.yml, regions, schools, plans, standards. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plans as plansSchema, regions as regionsSchema, schools as schoolsSchema, standards as standardsSchema, type StandardRow } from '../schema';
import { header, rowLine, zhOf } from './csv';
import type { RegionSpec } from './types';

/** The local override the sample region publishes (a realistic one: several provinces set 8000 元). */
export const LOCAL_STANDARDS: readonly Omit<StandardRow, '_source'>[] = [
  {
    indicator: 'special_ed_funds_per_student',
    stage: 'all',
    threshold: 8000,
    source: '《示例省第三期特殊教育提升计划（2022—2025年）》：特殊教育学校和随班就读学生生均公用经费按每生每年8000元拨付（虚构文件）',
  },
];

export function localStandardRows(): StandardRow[] {
  return LOCAL_STANDARDS.map((r, i) => ({ ...r, _source: { file: 'standards.csv', row: i + 2 } }));
}

export interface PortalFileOptions {
  readonly title: string;
  readonly regionName: string;
  readonly regionLevel: 'province' | 'city' | 'county';
  readonly regionCode: string;
  /** Build the English pages under /en/ (the sample shows them; generated large regions do not, so benches measure the Chinese site). */
  readonly english?: boolean;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export function portalYml(o: PortalFileOptions): string {
  return [
    '# 门户设置。sample: true 时每个页面都显示“示例数据”横幅：这里的学校、数字和文件都是虚构的。',
    `title: ${yamlString(o.title)}`,
    `region_name: ${yamlString(o.regionName)}`,
    `region_level: ${o.regionLevel}`,
    `region_code: ${yamlString(o.regionCode)}`,
    'sample: true',
    `publisher: ${yamlString('示例市教育局（虚构）')}`,
    `contact: ${yamlString('示例市教育局办公室（虚构），data@example.gov.cn')}`,
    `report_error_url: ${yamlString('mailto:data@example.gov.cn')}`,
    'license:',
    `  name: ${yamlString('CC BY 4.0')}`,
    `  url: ${yamlString('https://creativecommons.org/licenses/by/4.0/deed.zh-hans')}`,
    'base_path: "/"',
    'site_url: null',
    `english: ${o.english ? 'true' : 'false'}`,
    'logo: null',
    'suppression_threshold: 5',
    '',
  ].join('\n');
}

export function writeTopLevel(spec: RegionSpec, dir: string, portal: PortalFileOptions): void {
  writeFileSync(join(dir, 'portal.yml'), portalYml(portal));

  const reg = [header(regionsSchema)];
  const level = (l: 'province' | 'city' | 'county') => zhOf(regionsSchema, 'level', l);
  reg.push(rowLine(regionsSchema, { region_code: spec.province.code, name: spec.province.name, parent_code: null, level: level('province') }));
  for (const c of spec.cities) {
    reg.push(rowLine(regionsSchema, { region_code: c.code, name: c.name, parent_code: spec.province.code, level: level('city') }));
    for (const k of spec.counties) {
      if (k.city === c.code) reg.push(rowLine(regionsSchema, { region_code: k.code, name: k.name, parent_code: c.code, level: level('county') }));
    }
  }
  writeFileSync(join(dir, 'regions.csv'), reg.join(''));

  const sch = [header(schoolsSchema)];
  const z = (key: string, v: string) => zhOf(schoolsSchema, key, v);
  for (const s of spec.schools) {
    sch.push(
      rowLine(schoolsSchema, {
        school_id: s.id,
        name: s.name,
        region_code: s.county,
        stage: z('stage', s.stage),
        ownership: z('ownership', s.ownership),
        locale: z('locale', s.locale),
        kind: z('kind', s.kind),
        address: s.address,
        latitude: s.latitude,
        longitude: s.longitude,
        status: z('status', s.closedYear === null ? 'open' : 'closed'),
        closed_year: s.closedYear,
        website: s.website,
      }),
    );
  }
  writeFileSync(join(dir, 'schools.csv'), sch.join(''));

  const pl = [header(plansSchema)];
  for (const p of spec.plans) {
    pl.push(
      rowLine(plansSchema, {
        region_code: p.region_code,
        school_id: p.school_id,
        target_year: p.target_year,
        milestone: zhOf(plansSchema, 'milestone', p.milestone),
        target_share_pct: p.target_share_pct ?? null,
        balance: p.balance ? zhOf(plansSchema, 'balance', p.balance) : null,
        description: p.description,
        source: p.source,
        source_url: p.source_url,
      }),
    );
  }
  writeFileSync(join(dir, 'plans.csv'), pl.join(''));

  const st = [header(standardsSchema)];
  for (const r of LOCAL_STANDARDS) {
    st.push(rowLine(standardsSchema, { indicator: r.indicator, stage: zhOf(standardsSchema, 'stage', r.stage), threshold: r.threshold, source: r.source }));
  }
  writeFileSync(join(dir, 'standards.csv'), st.join(''));
}
