/**
 * Benchmark regions of any size: N schools spread over counties of about 25 schools, counties
 * grouped ten to a city, cities under one fictional province (code 99). Everything is derived
 * from the seed and the school's index, so the same N and seed always give the same bytes.
 */
import type { PartStage, SchoolStage } from '../schema';
import { between, intBetween, u } from './prng';
import { PROVINCE } from './sample-region';
import type { CountySpec, IndicatorKey, PlanSpec, RegionSpec, SchoolSpec } from './types';

const A = '青云石松柳桃杉枫梅兰竹荷桂榆槐杏栗桐楠柏';
const B = '禾溪湾岭川原泉林塘坪峰湖港洲岗滩山谷岩源';
const ROADS = ['文昌', '人民', '建设', '解放', '中山', '和平', '幸福', '光明', '青年', '学府', '滨河', '朝阳', '新华', '振兴', '育才', '春晖'];
const COMMUNITIES = ['东风', '向阳', '红旗', '翠苑', '花园', '新村', '桥头', '河畔', '南湖', '北岭', '金桂', '银杏', '丰收', '团结', '晨光', '明珠'];
const KEYS: IndicatorKey[] = [
  'qualified_teachers_per_100',
  'backbone_teachers_per_100',
  'pe_arts_teachers_per_100',
  'teaching_space_per_student',
  'sports_space_per_student',
  'equipment_value_per_student',
  'multimedia_rooms_per_100',
];
const YEARS = [2021, 2022, 2023, 2024, 2025] as const;

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

export function largeRegion(n: number, seed: number): RegionSpec {
  if (!Number.isInteger(n) || n < 1) throw new Error('学校数必须是正整数');
  let perCounty = 25;
  let nCounties = Math.max(1, Math.round(n / perCounty));
  let perCity = 10;
  if (Math.ceil(nCounties / perCity) > 99) perCity = Math.ceil(nCounties / 99);
  if (perCity > 99) {
    nCounties = 99 * 99;
    perCity = 99;
  }
  perCounty = Math.ceil(n / nCounties);
  const nCities = Math.ceil(nCounties / perCity);

  const cities = Array.from({ length: nCities }, (_, i) => ({
    code: `99${pad(i + 1, 2)}00`,
    // “示例第N市”: clearly not a real city, however many there are
    name: `示例第${i + 1}市`,
  }));
  const counties: CountySpec[] = Array.from({ length: nCounties }, (_, i) => {
    const city = Math.floor(i / perCity);
    const k = i % perCity;
    const name = `示例${A[i % A.length]}${B[Math.floor(i / A.length) % B.length]}${i >= A.length * B.length ? Math.floor(i / (A.length * B.length)) + 1 : ''}${u(seed, 'cty', i) < 0.5 ? '县' : '区'}`;
    return { code: `99${pad(city + 1, 2)}${pad(k + 1, 2)}`, name, city: cities[city].code, plants: {} };
  });

  const schools: SchoolSpec[] = [];
  const zones = new Map<string, { area: string; note: string | null }[]>();
  const plans: PlanSpec[] = [];
  const seqByType = new Map<string, number>();
  const nextId = (type: string) => {
    const q = (seqByType.get(type) ?? 0) + 1;
    seqByType.set(type, q);
    return `${type}99${pad(q, 6)}`;
  };
  const base = Math.floor(n / nCounties);
  const extra = n - base * nCounties;
  for (let ci = 0; ci < nCounties; ci++) {
    const county = counties[ci];
    const count = base + (ci < extra ? 1 : 0);
    const numbers: Record<string, number> = {};
    for (let j = 0; j < count; j++) {
      const key = `${ci}:${j}`;
      let stage: SchoolStage;
      let kind: SchoolSpec['kind'] = 'regular';
      const r = u(seed, key, 'stage');
      if (j === 0 && count >= 12) {
        stage = 'nine_year';
        kind = 'special_education';
      } else if (j === 1 && count >= 10) {
        stage = 'primary';
        kind = 'teaching_point';
      } else stage = r < 0.55 ? 'primary' : r < 0.8 ? 'junior' : r < 0.95 ? 'nine_year' : 'twelve_year';
      const locR = u(seed, key, 'loc');
      const locale: SchoolSpec['locale'] = kind === 'teaching_point' ? 'rural' : locR < 0.45 ? 'urban' : locR < 0.75 ? 'town' : 'rural';
      const ownership: SchoolSpec['ownership'] = kind === 'regular' && u(seed, key, 'own') < 0.08 ? 'private' : 'public';
      const type = kind === 'special_education' ? '51' : stage === 'primary' ? '21' : stage === 'twelve_year' ? '34' : '31';
      const id = nextId(type);
      const label =
        kind === 'special_education' ? '特殊教育学校' : kind === 'teaching_point' ? '教学点' : stage === 'primary' ? '小学' : stage === 'junior' ? '初级中学' : stage === 'nine_year' ? '九年一贯制学校' : '十二年一贯制学校';
      numbers[label] = (numbers[label] ?? 0) + 1;
      const num = numbers[label];
      const name = kind === 'special_education' ? `${county.name}特殊教育学校` : `${county.name}第${num}${label}`;
      const entry: Partial<Record<PartStage, number>> = {};
      const scale = locale === 'urban' ? 1 : locale === 'town' ? 0.6 : 0.3;
      if (kind === 'special_education') {
        entry.primary = intBetween(6, 11, seed, key, 'ep');
        entry.junior = intBetween(5, 10, seed, key, 'ej');
      } else if (kind === 'teaching_point') entry.primary = intBetween(4, 12, seed, key, 'ep');
      else {
        if (stage !== 'junior') entry.primary = Math.round(between(60, 200, seed, key, 'ep') * scale) + 10;
        if (stage !== 'primary') entry.junior = Math.round(between(90, 250, seed, key, 'ej') * scale) + 20;
      }
      const target: Record<PartStage, number> =
        kind === 'special_education' ? { primary: 12, junior: 12 } : kind === 'teaching_point' ? { primary: 30, junior: 30 } : locale === 'rural' ? { primary: 35, junior: 45 } : { primary: 42, junior: 48 };
      const ratios: SchoolSpec['ratios'] = {};
      if (kind === 'regular' && u(seed, key, 'weak') < 0.15) {
        const k = KEYS[intBetween(0, 6, seed, key, 'weakKey')];
        const arr = [0.8, 0.86, 0.91, 0.96, 1.05];
        ratios.primary = { [k]: arr };
        ratios.junior = { [k]: arr };
      }
      const road = ROADS[intBetween(0, ROADS.length - 1, seed, key, 'road')];
      schools.push({
        id,
        name,
        county: county.code,
        stage,
        ownership,
        locale,
        kind,
        address: `${county.name}${road}路${intBetween(1, 300, seed, key, 'no')}号`,
        latitude: Math.round(between(28, 34, seed, key, 'lat') * 10000) / 10000,
        longitude: Math.round(between(110, 118, seed, key, 'lon') * 10000) / 10000,
        closedYear: null,
        website: null,
        entry,
        trend: between(-0.03, 0.01, seed, key, 'trend'),
        classTarget: target,
        grades: kind === 'teaching_point' ? [1, 2, 3] : stage === 'primary' ? [1, 2, 3, 4, 5, 6] : stage === 'junior' ? [7, 8, 9] : [1, 2, 3, 4, 5, 6, 7, 8, 9],
        method: ownership === 'private' ? 'lottery' : 'zone',
        ratios,
        plants: {},
      });
      if (ownership === 'private' || kind === 'special_education') zones.set(id, [{ area: `${county.name}全域`, note: '面向全县（区）招生' }]);
      else {
        const street = ROADS[j % ROADS.length];
        const k = intBetween(2, 3, seed, key, 'zones');
        zones.set(
          id,
          Array.from({ length: k }, (_, z) => ({ area: `${street}街道${COMMUNITIES[(j * 3 + z) % COMMUNITIES.length]}社区${Math.floor(j / ROADS.length) || ''}`, note: null })),
        );
      }
      if (kind === 'regular' && ownership === 'public' && u(seed, key, 'plan') < 0.2) {
        plans.push({
          region_code: county.code,
          school_id: id,
          target_year: intBetween(2026, 2027, seed, key, 'target'),
          milestone: 'school_standard',
          description: '达到优质均衡标准要求',
          source: `《${county.name}义务教育优质均衡发展实施方案》（虚构）`,
          source_url: null,
        });
      }
    }
    plans.push({
      region_code: county.code,
      school_id: null,
      target_year: 2028,
      milestone: 'county_application',
      description: '申请国家义务教育优质均衡发展县（区）认定',
      source: `《${county.name}义务教育优质均衡发展实施方案》（虚构）`,
      source_url: null,
    });
  }
  return { province: PROVINCE, cities, counties, schools, plans, zones, zoneTransfers: [], zoneAdditions: [], years: YEARS, seed };
}
