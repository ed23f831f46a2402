import type { Issue } from './issue';
import type { TypedRow } from './table';
import { makeIssue } from './make-issue';
import { DATE_ORDER, PART_OF_TOTAL } from './row-rules';
import { datasetById, REGION_LEVELS, STAGE_GRADES, STAGE_PARTS, STAGES, type SchoolStage } from '../schema';
import { STANDARD_KEYS } from '../standards';

export interface TablesForCheck {
  readonly regions: readonly TypedRow[];
  readonly schools: readonly TypedRow[];
  readonly plans: readonly TypedRow[];
  readonly standards: readonly TypedRow[];
  readonly years: readonly { readonly year: number; readonly folder: string; readonly tables: Readonly<Record<string, readonly TypedRow[]>> }[];
}

const LEVEL_RANK: Record<string, number> = { province: 0, city: 1, county: 2 };
const levelZh = (k: string) => REGION_LEVELS.find((l) => l.key === k)?.zh ?? k;
const stageZh = (k: string) => STAGES.find((s) => s.key === k)?.zh ?? k;
const labelOf = (dataset: string, key: string) => datasetById(dataset)?.columns.find((c) => c.key === key)?.zh ?? key;

/** 学校标识码 type prefixes (2 digits) that fit each stage; nine-year codes are not documented. */
const TYPE_PREFIXES: Partial<Record<SchoolStage | 'special_education', readonly string[]>> = {
  primary: ['21'],
  junior: ['31', '34'],
  complete_secondary: ['34'],
  special_education: ['51'],
};

/**
 * The cross-file rules of the data contract, over tables that have been read and typed.
 * `knownIndicators`: the standard keys standards.csv may override (default: the national table).
 */
export function checkCrossFile(t: TablesForCheck, knownIndicators: readonly string[] = STANDARD_KEYS): Issue[] {
  const issues: Issue[] = [];
  const regionByCode = new Map<string, TypedRow>();
  for (const r of t.regions) if (typeof r.region_code === 'string') regionByCode.set(r.region_code, r);

  // Region tree: parents exist, levels go down, no cycles.
  for (const r of t.regions) {
    const at = { file: r._source.file, row: r._source.row, column: 'parent_code', label: '上级代码' };
    const parent = typeof r.parent_code === 'string' ? regionByCode.get(r.parent_code) : undefined;
    if (typeof r.parent_code === 'string' && !parent) {
      issues.push(makeIssue('unknown-region', { ...at, value: r.parent_code }));
      continue;
    }
    if (parent && typeof r.level === 'string' && typeof parent.level === 'string' && LEVEL_RANK[parent.level] >= LEVEL_RANK[r.level]) {
      issues.push(
        makeIssue('region-parent-level', { ...at, value: String(r.region_code) }, {
          detail: `${levelZh(r.level)}的上级是${levelZh(parent.level)}`,
        }),
      );
    }
    const seen = new Set<string>();
    let cur: TypedRow | undefined = r;
    while (cur && typeof cur.parent_code === 'string') {
      if (seen.has(cur.parent_code)) {
        issues.push(makeIssue('region-cycle', { ...at, value: String(r.region_code) }));
        break;
      }
      seen.add(cur.parent_code);
      cur = regionByCode.get(cur.parent_code);
    }
  }

  const countyCheck = (row: TypedRow, column: string, label: string) => {
    const code = row[column];
    if (typeof code !== 'string') return;
    const at = { file: row._source.file, row: row._source.row, column, label, value: code };
    const region = regionByCode.get(code);
    if (!region) issues.push(makeIssue('unknown-region', at));
    else if (region.level !== 'county') issues.push(makeIssue('region-not-county', at, { level: levelZh(String(region.level)) }));
  };

  const schoolById = new Map<string, TypedRow>();
  for (const s of t.schools) {
    if (typeof s.school_id === 'string') schoolById.set(s.school_id, s);
    countyCheck(s, 'region_code', '所属县区代码');
    if (s.status === 'closed' && s.closed_year === null) {
      issues.push(makeIssue('closed-year-missing', { file: s._source.file, row: s._source.row, column: 'closed_year', label: '撤并年份' }));
    }
    const id = s.school_id;
    const typeKey = s.kind === 'special_education' ? 'special_education' : (s.stage as SchoolStage);
    const prefixes = TYPE_PREFIXES[typeKey];
    if (typeof id === 'string' && prefixes && !prefixes.includes(id.slice(0, 2))) {
      issues.push(
        makeIssue('school-id-type-mismatch', { file: s._source.file, row: s._source.row, column: 'school_id', label: '学校标识码', value: id }, {
          prefix: id.slice(0, 2),
          stage: s.kind === 'special_education' ? '特殊教育学校' : stageZh(String(s.stage)),
        }),
      );
    }
  }

  for (const p of t.plans) {
    if (p.milestone === 'county_share') {
      // a province's or city's target share of its counties (吉林: 25 % by 2014 …)
      const at = { file: p._source.file, row: p._source.row, column: 'region_code', label: '县区代码', value: String(p.region_code ?? '') };
      const region = typeof p.region_code === 'string' ? regionByCode.get(p.region_code) : undefined;
      if (typeof p.region_code === 'string' && !region) issues.push(makeIssue('unknown-region', at));
      else if (region && region.level === 'county') issues.push(makeIssue('plan-share-region', at, { detail: `“县区达标比例”目标应填省或市的代码，“${p.region_code}”是县区。` }));
      if (typeof p.school_id === 'string') issues.push(makeIssue('plan-share-region', { ...at, column: 'school_id', label: '学校标识码', value: p.school_id }, { detail: '“县区达标比例”目标不填学校标识码。' }));
      if (p.target_share_pct === null || p.target_share_pct === undefined) issues.push(makeIssue('plan-share-region', { ...at, column: 'target_share_pct', label: '目标比例', value: '' }, { detail: '“县区达标比例”目标须填写目标比例（%）。' }));
      continue;
    }
    if (typeof p.target_share_pct === 'number')
      issues.push(makeIssue('plan-share-region', { file: p._source.file, row: p._source.row, column: 'target_share_pct', label: '目标比例', value: String(p.target_share_pct) }, { detail: '只有“县区达标比例”目标填写目标比例；请把里程碑改为“县区达标比例”，或清空目标比例。' }));
    countyCheck(p, 'region_code', '县区代码');
    if (typeof p.school_id === 'string') {
      const s = schoolById.get(p.school_id);
      const at = { file: p._source.file, row: p._source.row, column: 'school_id', label: '学校标识码', value: p.school_id };
      if (!s) issues.push(makeIssue('unknown-school', at));
      else if (typeof p.region_code === 'string' && s.region_code !== p.region_code) {
        issues.push(makeIssue('plan-school-region', at, { schoolRegion: String(s.region_code), region: p.region_code }));
      }
    }
  }

  const knownStandards = new Set<string>(knownIndicators);
  for (const s of t.standards) {
    if (typeof s.indicator === 'string' && !knownStandards.has(s.indicator)) {
      issues.push(
        makeIssue('unknown-standard-indicator', { file: s._source.file, row: s._source.row, column: 'indicator', label: '指标', value: s.indicator }, {
          hint: '请使用数据字典“标准”一节列出的指标键名，例如 special_ed_funds_per_student。',
        }),
      );
    }
  }

  for (const y of t.years) {
    for (const [dataset, rows] of Object.entries(y.tables)) {
      const partRules = PART_OF_TOTAL.filter((r) => r.dataset === dataset);
      const dateRules = DATE_ORDER.filter((r) => r.dataset === dataset);
      const counties = dataset === 'counties';
      const resources = dataset === 'resources';
      for (let n = 0; n < rows.length; n++) {
        const row = rows[n];
        // Built only for an issue: most rows have none (500,000 class rows in a large region).
        const src = row._source;
        if (counties && 'region_code' in row) countyCheck(row, 'region_code', '行政区划代码');
        const id = row.school_id;
        if (typeof id === 'string') {
          const school = schoolById.get(id);
          if (!school) {
            issues.push(makeIssue('unknown-school', { ...src, column: 'school_id', label: '学校标识码', value: id }));
          } else {
            const stage = school.stage as SchoolStage;
            if (typeof row.grade === 'number' && STAGE_GRADES[stage] && !STAGE_GRADES[stage].includes(row.grade)) {
              issues.push(makeIssue('grade-not-taught', { ...src, column: 'grade', label: '年级', value: String(row.grade) }, { stage: stageZh(stage) }));
            }
            if (resources && typeof row.stage === 'string' && STAGE_PARTS[stage] && !STAGE_PARTS[stage].includes(row.stage as never)) {
              issues.push(makeIssue('stage-not-taught', { ...src, column: 'stage', label: '学段', value: stageZh(row.stage) }, { stage: stageZh(stage) }));
            }
            if (school.status === 'closed' && typeof school.closed_year === 'number' && y.year > school.closed_year) {
              issues.push(
                makeIssue('closed-school-data', { ...src, column: 'school_id', label: '学校标识码', value: `${school.name}（${id}）` }, {
                  closedYear: school.closed_year,
                }),
              );
            }
          }
        }
        for (let k = 0; k < partRules.length; k++) {
          const r = partRules[k];
          const part = row[r.part];
          const total = row[r.total];
          if (typeof part === 'number' && typeof total === 'number' && part > total) {
            issues.push(
              makeIssue('exceeds-total', { ...src, column: r.part, label: labelOf(dataset, r.part), value: String(part) }, {
                totalLabel: labelOf(dataset, r.total),
                total,
              }),
            );
          }
        }
        for (let k = 0; k < dateRules.length; k++) {
          const r = dateRules[k];
          const a = row[r.earlier];
          const b = row[r.later];
          if (typeof a === 'string' && typeof b === 'string' && b < a) {
            issues.push(makeIssue('results-before-plan', { ...src, column: r.later, label: labelOf(dataset, r.later), value: b }, { planDate: a }));
          }
        }
      }
    }
  }
  return collapseFollowOn(t, issues);
}

/** “2、3、5、8、13行等” — the first few rows of a collapsed list (the template adds “第”). */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 5).join('、');
  return rows.length > 5 ? `${shown}行等` : `${shown}行`;
}

/**
 * When schools.csv (or regions.csv) could not be read, or some of its codes could not be (a
 * column Excel turned into 2.1E+09), every reference to a school elsewhere is “unknown”: a NUL
 * byte in schools.csv gave about 5,000 such errors burying the one that matters. The root cause
 * is reported on its own file (and sorted first, see sortIssues); here its follow-on errors
 * become one issue per file.
 */
function collapseFollowOn(t: TablesForCheck, issues: Issue[]): Issue[] {
  const broken = (rows: readonly TypedRow[], key: string, file: string): string | null => {
    if (rows.length === 0) return `${file} 无法读取或没有数据行`;
    const bad = rows.filter((r) => r[key] === null).length;
    return bad ? `${file} 中有 ${bad} 行的代码无法读取` : null;
  };
  const rules = [
    { code: 'unknown-school', into: 'unknown-school-follow-on', cause: broken(t.schools, 'school_id', 'schools.csv') },
    { code: 'unknown-region', into: 'unknown-region-follow-on', cause: broken(t.regions, 'region_code', 'regions.csv') },
  ] as const;
  let out = issues;
  for (const r of rules) {
    if (!r.cause) continue;
    const byFile = new Map<string, number[]>();
    const kept: Issue[] = [];
    for (const i of out) {
      if (i.code === r.code && !(r.code === 'unknown-region' && i.file === 'regions.csv')) {
        const rows = byFile.get(i.file) ?? [];
        rows.push(i.row ?? 0);
        byFile.set(i.file, rows);
      } else kept.push(i);
    }
    for (const [file, rows] of byFile) {
      const sorted = [...rows].sort((a, b) => a - b);
      kept.push(makeIssue(r.into, { file, row: sorted[0] || null, column: r.code === 'unknown-school' ? 'school_id' : 'region_code' }, { count: rows.length, rows: rowList(sorted), cause: r.cause }));
    }
    out = kept;
  }
  return out;
}
