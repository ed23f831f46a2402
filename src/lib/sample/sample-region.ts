/**
 * The fictional sample region: 示例省 (code 99, not a real province) → 示例市 → three counties,
 * 35 schools. Every name is invented. Each departure from the norm below is deliberate and is
 * listed by plantedFindings(); everything else is generated comfortably inside the rules.
 *
 * 青禾区 mirrors the structure of the 太平区 plan in the seeds (11 schools: 3 reach the standard
 * in 2025, 5 in 2026, 2 in 2027, 1 already there; the county applies in 2027).
 */
import type { PartStage, SchoolStage } from '../schema';
import type { CountySpec, IndicatorKey, PlanSpec, RegionSpec, SchoolPlants, SchoolSpec } from './types';

export const SAMPLE_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export const DEFAULT_SEED = 20250901;

export const PROVINCE = { code: '990000', name: '示例省' };
export const CITY = { code: '990100', name: '示例市' };
export const QINGHE = '990101';
export const YUNXI = '990102';
export const SHIWAN = '990103';

const COUNTY_SUFFIX: Record<string, string> = { [QINGHE]: '01', [YUNXI]: '02', [SHIWAN]: '03' };
const TYPE: Record<string, string> = { primary: '21', junior: '31', nine_year: '31', twelve_year: '34', special: '51' };

type Short = 'q' | 'b' | 'p' | 't' | 's' | 'e' | 'm';
const KEY: Record<Short, IndicatorKey> = {
  q: 'qualified_teachers_per_100',
  b: 'backbone_teachers_per_100',
  p: 'pe_arts_teachers_per_100',
  t: 'teaching_space_per_student',
  s: 'sports_space_per_student',
  e: 'equipment_value_per_student',
  m: 'multimedia_rooms_per_100',
};

interface Recipe {
  seq: number;
  county: string;
  name: string;
  stage: SchoolStage;
  locale: SchoolSpec['locale'];
  ownership?: SchoolSpec['ownership'];
  kind?: SchoolSpec['kind'];
  street: string;
  entry: Partial<Record<PartStage, number>>;
  trend?: number;
  target?: Partial<Record<PartStage, number>>;
  grades?: number[];
  closedYear?: number;
  website?: string;
  /** Ratios to threshold per year; `j.s` = junior part only, `s` = every part. */
  r?: Record<string, number[]>;
  plants?: SchoolPlants;
  /** Zone areas (街道+社区 or 乡镇+村). */
  zones: string[];
  zoneNote?: string;
}

const CENTER: Record<string, [number, number]> = { [QINGHE]: [30.612, 114.283], [YUNXI]: [30.418, 114.052], [SHIWAN]: [30.705, 114.531] };

function build(x: Recipe): SchoolSpec {
  const type = x.kind === 'special_education' ? TYPE.special : TYPE[x.stage];
  const id = `${type}99${COUNTY_SUFFIX[x.county]}${String(x.seq).padStart(4, '0')}`;
  const ratios: SchoolSpec['ratios'] = {};
  for (const [k, v] of Object.entries(x.r ?? {})) {
    const [partKey, short] = k.includes('.') ? k.split('.') : ['*', k];
    const parts: PartStage[] = partKey === 'p' ? ['primary'] : partKey === 'j' ? ['junior'] : ['primary', 'junior'];
    for (const p of parts) ratios[p] = { ...(ratios[p] ?? {}), [KEY[short as Short]]: v };
  }
  const [lat, lon] = CENTER[x.county];
  const defaultTarget: Record<PartStage, number> =
    x.locale === 'urban' ? { primary: 43, junior: 48 } : x.locale === 'town' ? { primary: 40, junior: 46 } : { primary: 35, junior: 45 };
  const grades = x.grades ?? (x.stage === 'primary' ? [1, 2, 3, 4, 5, 6] : x.stage === 'junior' ? [7, 8, 9] : [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  return {
    id,
    name: x.name,
    county: x.county,
    stage: x.stage,
    ownership: x.ownership ?? 'public',
    locale: x.locale,
    kind: x.kind ?? 'regular',
    address: x.street,
    latitude: Math.round((lat + ((x.seq * 37) % 23) / 1000 - 0.011) * 10000) / 10000,
    longitude: Math.round((lon + ((x.seq * 53) % 29) / 1000 - 0.014) * 10000) / 10000,
    closedYear: x.closedYear ?? null,
    website: x.website ?? null,
    entry: x.entry,
    trend: x.trend ?? 0,
    classTarget: { ...defaultTarget, ...(x.target ?? {}) },
    grades,
    method: x.ownership === 'private' ? 'lottery' : 'zone',
    ratios,
    plants: x.plants ?? {},
  };
}

const QH_PLAN = '《青禾区义务教育基本均衡向优质均衡发展推进方案》（青禾区教育局，2023年9月，虚构）';
const YX_PLAN = '《云溪县义务教育优质均衡发展实施方案（2022—2028年）》（云溪县人民政府，2022年3月，虚构）';
const SW_PLAN = '《石湾区创建义务教育优质均衡发展区工作方案》（石湾区教育局，2023年4月，虚构）';
const CITY_PLAN = '《示例市推进义务教育优质均衡发展实施意见》（示例市人民政府，2022年5月，虚构）';

const RECIPES: Recipe[] = [
  // ── 青禾区: 11 schools, the 太平区-like plan ──
  {
    seq: 1, county: QINGHE, name: '青禾区实验小学', stage: 'primary', locale: 'urban', street: '青禾区文昌路18号',
    entry: { primary: 320 }, trend: -0.05, website: 'https://qhsyxx.example.edu.cn/',
    r: { s: [0.55, 0.58, 0.62, 0.66, 0.72] },
    plants: {
      overSize: [2021, 2022],
      classes: { 2021: { 3: [46, 47, 45, 44, 44, 43, 43, 41] }, 2022: { 4: [46, 45, 45, 44, 44, 43, 43, 41] } },
    },
    zones: ['文昌街道翠湖社区', '文昌街道书香社区', '文昌街道文华社区'],
  },
  { seq: 2, county: QINGHE, name: '青禾区红杉小学', stage: 'primary', locale: 'urban', street: '青禾区红杉路66号', entry: { primary: 150 },
    r: { t: [0.82, 0.86, 0.9, 0.94, 1.04], e: [0.88, 0.9, 0.93, 0.96, 1.06] },
    zones: ['泉水街道红杉社区', '泉水街道清泉社区', '泉水街道泉水社区'] },
  { seq: 3, county: QINGHE, name: '青禾区城东小学', stage: 'primary', locale: 'urban', street: '青禾区望江大道201号', entry: { primary: 140 },
    r: { s: [0.7, 0.76, 0.83, 0.9, 0.95], b: [0.8, 0.85, 0.9, 0.93, 1.2] },
    zones: ['城东街道东湖社区', '城东街道望江社区', '城东街道城东社区'] },
  { seq: 4, county: QINGHE, name: '青禾区经纬路小学', stage: 'primary', locale: 'urban', street: '青禾区经纬路9号', entry: { primary: 160 },
    r: { e: [0.8, 0.84, 0.88, 0.92, 1.06], m: [0.9, 0.92, 0.93, 0.94, 1.1] },
    zones: ['经纬街道纬一社区', '经纬街道南苑社区', '经纬街道经纬社区'] },
  { seq: 5, county: QINGHE, name: '青禾区高岭小学', stage: 'primary', locale: 'town', street: '青禾区高岭镇岭南街12号', entry: { primary: 70 },
    r: { q: [0.82, 0.84, 0.86, 0.88, 0.9], e: [0.7, 0.75, 0.8, 0.84, 0.9] },
    zones: ['高岭镇镇区社区', '高岭镇高岭村', '高岭镇松园村'] },
  { seq: 6, county: QINGHE, name: '青禾区东岗小学', stage: 'primary', locale: 'urban', street: '青禾区东岗路88号', entry: { primary: 120 },
    r: { m: [0.6, 0.65, 0.7, 0.75, 0.8], e: [0.7, 0.74, 0.78, 0.82, 0.86] },
    zones: ['东岗街道东岗社区', '东岗街道朝阳社区'] },
  { seq: 7, county: QINGHE, name: '青禾区泉水初级中学', stage: 'junior', locale: 'urban', street: '青禾区泉水路3号', entry: { junior: 220 },
    r: { s: [0.8, 0.84, 0.88, 0.93, 1.04], m: [0.88, 0.9, 0.93, 0.96, 1.08] },
    zones: ['泉水街道红杉社区', '泉水街道清泉社区', '泉水街道泉水社区', '东岗街道东岗社区', '东岗街道朝阳社区'] },
  { seq: 8, county: QINGHE, name: '青禾区第三初级中学', stage: 'junior', locale: 'urban', street: '青禾区文昌路120号', entry: { junior: 300 },
    r: { s: [0.62, 0.66, 0.7, 0.75, 0.8] },
    zones: ['文昌街道翠湖社区', '文昌街道书香社区', '文昌街道文华社区', '经纬街道纬一社区', '经纬街道南苑社区', '经纬街道经纬社区'] },
  { seq: 9, county: QINGHE, name: '青禾区第九初级中学', stage: 'junior', locale: 'urban', street: '青禾区东湖路45号', entry: { junior: 180 },
    r: { t: [0.78, 0.8, 0.83, 0.87, 0.9], m: [0.84, 0.87, 0.9, 0.92, 0.94] },
    zones: ['城东街道东湖社区', '城东街道望江社区', '城东街道城东社区'] },
  { seq: 10, county: QINGHE, name: '青禾区第五初级中学', stage: 'junior', locale: 'town', street: '青禾区高岭镇岭北路2号', entry: { junior: 150 },
    r: { s: [0.5, 0.52, 0.55, 0.58, 0.62], t: [0.8, 0.82, 0.86, 0.88, 0.9] },
    zones: ['高岭镇镇区社区', '高岭镇高岭村', '高岭镇松园村'] },
  { seq: 11, county: QINGHE, name: '青禾区育才九年一贯制学校', stage: 'nine_year', locale: 'urban', street: '青禾区锦绣路6号', entry: { primary: 90, junior: 100 },
    zones: ['文昌街道锦绣社区', '东岗街道松风社区'] },

  // ── 云溪县: rural county; its primary backbone-teacher CV misses the limit in 2021–2022 ──
  { seq: 1, county: YUNXI, name: '云溪县实验小学', stage: 'primary', locale: 'urban', street: '云溪县城关镇溪南路1号', entry: { primary: 250 },
    r: { b: [2.5, 2.5, 2.4, 2.3, 2.3] }, zones: ['城关镇溪南社区', '城关镇文峰社区', '城关镇新城社区'] },
  { seq: 2, county: YUNXI, name: '云溪县城关小学', stage: 'primary', locale: 'urban', street: '云溪县城关镇老街32号', entry: { primary: 190 },
    r: { b: [2.3, 2.3, 2.2, 2.2, 2.2] }, zones: ['城关镇溪北社区', '城关镇老街社区', '城关镇河西社区'] },
  { seq: 3, county: YUNXI, name: '云溪县青石镇中心小学', stage: 'primary', locale: 'town', street: '云溪县青石镇青石街5号', entry: { primary: 100 },
    r: { b: [0.6, 0.6, 1.05, 1.1, 1.2], s: [0.8, 0.84, 0.88, 0.92, 1.05] }, zones: ['青石镇青石社区', '青石镇石门村', '青石镇上坪村'] },
  { seq: 4, county: YUNXI, name: '云溪县柳塘镇中心小学', stage: 'primary', locale: 'town', street: '云溪县柳塘镇荷塘路8号', entry: { primary: 85 },
    r: { b: [0.6, 0.55, 1.05, 1.15, 1.2] }, zones: ['柳塘镇柳塘社区', '柳塘镇荷叶村', '柳塘镇新塘村'] },
  { seq: 5, county: YUNXI, name: '云溪县桃源村小学', stage: 'primary', locale: 'rural', street: '云溪县桃源乡桃源村村部旁', entry: { primary: 35 },
    r: { b: [0.4, 0.4, 0.7, 0.7, 0.7], s: [0.75, 0.78, 0.8, 0.82, 0.84] }, zones: ['桃源乡桃源村', '桃源乡李家坪村'] },
  { seq: 6, county: YUNXI, name: '云溪县溪口村小学', stage: 'primary', locale: 'rural', street: '云溪县柳塘镇溪口村', entry: { primary: 15 }, closedYear: 2023,
    r: { b: [0.3, 0.3] }, zones: ['柳塘镇溪口村', '柳塘镇下溪村'] },
  { seq: 7, county: YUNXI, name: '云溪县松岭教学点', stage: 'primary', locale: 'rural', kind: 'teaching_point', street: '云溪县杉木乡松岭村', entry: { primary: 8 },
    grades: [1, 2, 3], target: { primary: 30 }, zones: ['杉木乡松岭村'] },
  { seq: 8, county: YUNXI, name: '云溪县杉木乡九年一贯制学校', stage: 'nine_year', locale: 'rural', street: '云溪县杉木乡杉木街20号', entry: { primary: 50, junior: 60 },
    r: { 'p.b': [0.5, 0.5, 1.1, 1.1, 1.15], 'j.s': [0.8, 0.83, 0.87, 0.9, 0.93], 'j.m': [0.87, 0.88, 0.9, 0.92, 0.95] },
    plants: { passRate: { 2021: 93.8 } },
    zones: ['杉木乡杉木村', '杉木乡竹山村', '杉木乡松岭村'] },
  { seq: 9, county: YUNXI, name: '云溪县明德实验学校', stage: 'nine_year', locale: 'urban', ownership: 'private', street: '云溪县城关镇明德路1号', entry: { primary: 100, junior: 130 },
    zones: ['云溪县全域'], zoneNote: '民办学校，面向全县报名，报名超过计划时电脑随机录取' },
  { seq: 10, county: YUNXI, name: '云溪县第一中学', stage: 'junior', locale: 'urban', street: '云溪县城关镇学府路10号', entry: { junior: 450 },
    plants: { classes: { 2021: { 9: [52, 54, 58, 50, 50, 49, 49, 48, 48] }, 2022: { 9: [51, 53, 50, 49, 49, 48, 48, 47, 47] } } },
    zones: ['城关镇溪南社区', '城关镇文峰社区', '城关镇新城社区', '城关镇溪北社区', '城关镇老街社区', '城关镇河西社区'] },
  { seq: 11, county: YUNXI, name: '云溪县第二中学', stage: 'junior', locale: 'town', street: '云溪县柳塘镇中学路3号', entry: { junior: 300 },
    zones: ['柳塘镇柳塘社区', '柳塘镇荷叶村', '柳塘镇新塘村', '柳塘镇溪口村', '柳塘镇下溪村', '桃源乡桃源村', '桃源乡李家坪村'] },
  { seq: 12, county: YUNXI, name: '云溪县青石镇初级中学', stage: 'junior', locale: 'town', street: '云溪县青石镇石门路16号', entry: { junior: 170 },
    plants: { dropouts: { 2021: 8 } }, zones: ['青石镇青石社区', '青石镇石门村', '青石镇上坪村'] },

  // ── 石湾区: mixed district; the over-plan school, late and missing results, the special school ──
  { seq: 1, county: SHIWAN, name: '石湾区实验小学', stage: 'primary', locale: 'urban', street: '石湾区海韵路1号', entry: { primary: 220 }, trend: -0.01,
    zones: ['滨海街道海韵社区', '滨海街道观澜社区', '滨海街道金沙社区'] },
  {
    seq: 2, county: SHIWAN, name: '石湾区海滨小学', stage: 'primary', locale: 'urban', street: '石湾区海滨大道99号', entry: { primary: 235 }, trend: -0.01,
    r: { s: [0.7, 0.75, 0.8, 0.9, 1.04], t: [0.86, 0.88, 0.92, 0.96, 1.05] },
    plants: {
      classes: {
        2021: { 5: [47, 48, 52, 46, 47], 6: [57, 66, 58, 62] },
        2022: { 6: [56, 49, 48, 47, 46] },
        2023: { 6: [46, 44, 45, 44, 45] },
      },
      musicRoomsShort: [2021, 2022],
    },
    zones: ['滨海街道海滨社区', '港城街道灯塔社区', '港城街道渔人码头社区'],
  },
  { seq: 3, county: SHIWAN, name: '石湾区港城小学', stage: 'primary', locale: 'urban', street: '石湾区港城路27号', entry: { primary: 150 }, trend: -0.01,
    plants: { lateResults: { 2023: '2023-10-16' } }, zones: ['港城街道港城社区', '港城街道新港社区', '港城街道云帆社区'] },
  { seq: 4, county: SHIWAN, name: '石湾区渔港镇中心小学', stage: 'primary', locale: 'town', street: '石湾区渔港镇渔港街3号', entry: { primary: 110 }, trend: -0.01,
    zones: ['渔港镇渔港社区', '渔港镇大埠村', '渔港镇沙头村'] },
  { seq: 5, county: SHIWAN, name: '石湾区石岭村小学', stage: 'primary', locale: 'rural', street: '石湾区石岭乡石岭村', entry: { primary: 30 }, trend: -0.01,
    r: { m: [0.7, 0.75, 0.8, 0.9, 1.1] }, plants: { publicFundsFactor: { 2022: 0.95 } }, zones: ['石岭乡石岭村', '石岭乡后山村'] },
  { seq: 6, county: SHIWAN, name: '石湾区星海小学', stage: 'primary', locale: 'urban', ownership: 'private', street: '石湾区星海路58号', entry: { primary: 90 }, trend: -0.01,
    plants: { uncertified: { 2021: 2 } }, zones: ['石湾区全域'], zoneNote: '民办学校，面向全区报名，报名超过计划时电脑随机录取' },
  { seq: 7, county: SHIWAN, name: '石湾区第一初级中学', stage: 'junior', locale: 'urban', street: '石湾区观澜路100号', entry: { junior: 380 }, trend: -0.01,
    plants: { lateResults: { 2022: '2022-10-21' } },
    zones: ['滨海街道海韵社区', '滨海街道观澜社区', '滨海街道金沙社区', '滨海街道海滨社区', '港城街道灯塔社区', '港城街道渔人码头社区', '港城街道港城社区', '港城街道新港社区', '港城街道云帆社区'] },
  { seq: 8, county: SHIWAN, name: '石湾区渔港镇初级中学', stage: 'junior', locale: 'town', street: '石湾区渔港镇东环路11号', entry: { junior: 190 }, trend: -0.01,
    plants: { trainingPct: { 2022: 3.8 } }, zones: ['渔港镇渔港社区', '渔港镇大埠村', '渔港镇沙头村', '石岭乡石岭村', '石岭乡后山村'] },
  { seq: 9, county: SHIWAN, name: '石湾区新港外国语学校', stage: 'junior', locale: 'urban', ownership: 'private', street: '石湾区新港大道300号', entry: { junior: 220 }, trend: -0.01,
    website: 'https://xgwgy.example.edu.cn/', plants: { unpublished: [2025] }, zones: ['石湾区全域'], zoneNote: '民办学校，面向全区报名，报名超过计划时电脑随机录取' },
  {
    seq: 10, county: SHIWAN, name: '石湾区白鹭湾九年一贯制学校', stage: 'nine_year', locale: 'urban', street: '石湾区白鹭湾路16号', entry: { primary: 170, junior: 200 }, trend: -0.01,
    plants: { plannedSeats: { 2024: { primary: 180 } }, classes: { 2024: { 1: [48, 48, 48, 48] }, 2025: { 2: [39, 39, 38, 38, 38] } } },
    zones: ['白鹭湾街道白鹭社区', '白鹭湾街道鹭岛社区', '白鹭湾街道湾畔社区'],
  },
  { seq: 11, county: SHIWAN, name: '石湾区育英学校', stage: 'twelve_year', locale: 'urban', street: '石湾区育英路2号', entry: { primary: 130, junior: 230 }, trend: -0.01,
    plants: { unpublished: [2025] }, zones: ['滨海街道育英社区', '港城街道望海社区'] },
  { seq: 12, county: SHIWAN, name: '石湾区特殊教育学校', stage: 'nine_year', locale: 'urban', kind: 'special_education', street: '石湾区康宁路7号', entry: { primary: 11, junior: 10 },
    target: { primary: 12, junior: 12 }, plants: { specialEdPerStudent: { 2021: 7200 } }, zones: ['石湾区全域'], zoneNote: '特殊教育学校，面向全区适龄残疾儿童少年招生' },
];

export const SAMPLE_COUNTIES: readonly CountySpec[] = [
  { code: QINGHE, name: '青禾区', city: CITY.code, plants: {} },
  {
    code: YUNXI,
    name: '云溪县',
    city: CITY.code,
    plants: {
      training360: { 2021: 0.95, 2022: 0.95 },
      reported: { 2021: { teacher_pay_yuan: 0.976 } },
      cvOverLimit: [{ stage: 'primary', indicator: 'backbone_teachers_per_100', years: [2021, 2022] }],
    },
  },
  {
    code: SHIWAN,
    name: '石湾区',
    city: CITY.code,
    plants: { exchangeRate: { 2021: 0.07 }, growth: { 2023: [0.054, 0.021] } },
  },
];

export const SAMPLE_SCHOOLS: readonly SchoolSpec[] = RECIPES.map(build);

function idOf(name: string): string {
  const s = SAMPLE_SCHOOLS.find((x) => x.name === name);
  if (!s) throw new Error(`sample: no school ${name}`);
  return s.id;
}

function schoolPlan(county: string, name: string, year: number, description: string, source: string, url: string | null): PlanSpec {
  return { region_code: county, school_id: idOf(name), target_year: year, milestone: 'school_standard', description, source, source_url: url };
}

const QH_URL = 'https://jyj.qinghe.example.gov.cn/plan-2023.html';
const std = '资源配置7项指标中至少6项达标，其余项不低于标准的85%';

export const SAMPLE_PLANS: readonly PlanSpec[] = [
  { region_code: QINGHE, school_id: null, target_year: 2016, milestone: 'other', description: '2016年12月通过国家义务教育发展基本均衡县（区）认定', source: QH_PLAN, source_url: QH_URL },
  schoolPlan(QINGHE, '青禾区育才九年一贯制学校', 2023, `已达到优质均衡标准（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区泉水初级中学', 2025, `2025年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区红杉小学', 2025, `2025年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区城东小学', 2025, `2025年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区第三初级中学', 2026, `2026年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区第九初级中学', 2026, `2026年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区实验小学', 2026, `2026年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区经纬路小学', 2026, `2026年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区高岭小学', 2026, `2026年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区第五初级中学', 2027, `2027年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  schoolPlan(QINGHE, '青禾区东岗小学', 2027, `2027年达到标准要求（${std}）`, QH_PLAN, QH_URL),
  { region_code: QINGHE, school_id: null, target_year: 2027, milestone: 'county_application', description: '2027年底全区11所义务教育学校基本实现校际优质均衡，申请上级部门验收', source: QH_PLAN, source_url: QH_URL },
  { region_code: QINGHE, school_id: null, target_year: 2028, milestone: 'county_recognition', description: '力争2028年通过国家义务教育优质均衡发展县（区）认定', source: QH_PLAN, source_url: QH_URL },

  { region_code: YUNXI, school_id: null, target_year: 2015, milestone: 'other', description: '2015年通过国家义务教育发展基本均衡县认定', source: YX_PLAN, source_url: null },
  schoolPlan(YUNXI, '云溪县桃源村小学', 2024, `2024年达到标准要求（${std}）`, YX_PLAN, null),
  schoolPlan(YUNXI, '云溪县青石镇中心小学', 2025, `2025年达到标准要求（${std}）`, YX_PLAN, null),
  schoolPlan(YUNXI, '云溪县杉木乡九年一贯制学校', 2026, `2026年小学部、初中部均达到标准要求（${std}）`, YX_PLAN, null),
  { region_code: YUNXI, school_id: null, target_year: 2028, milestone: 'county_application', description: '2028年申请省级评估和国家认定', source: YX_PLAN, source_url: null },

  schoolPlan(SHIWAN, '石湾区海滨小学', 2025, `2025年达到标准要求，消除大班额（${std}）`, SW_PLAN, null),
  schoolPlan(SHIWAN, '石湾区石岭村小学', 2025, `2025年达到标准要求（${std}）`, SW_PLAN, null),
  { region_code: SHIWAN, school_id: null, target_year: 2026, milestone: 'school_standard', description: '2026年全区所有义务教育学校达到优质均衡标准', source: SW_PLAN, source_url: null },
  { region_code: SHIWAN, school_id: null, target_year: 2026, milestone: 'county_application', description: '2026年申请市级评估、省级复核', source: SW_PLAN, source_url: null },

  // the city's targets, 吉林 style (share of its counties): one long met, one not yet due
  { region_code: CITY.code, school_id: null, target_year: 2018, milestone: 'county_share', target_share_pct: 100, balance: 'basic', description: '2018年全市所辖县区全部实现义务教育基本均衡', source: CITY_PLAN, source_url: null },
  { region_code: CITY.code, school_id: null, target_year: 2028, milestone: 'county_share', target_share_pct: 65, balance: 'quality', description: '2028年全市65%的县区达到优质均衡资源配置要求', source: CITY_PLAN, source_url: null },
];

export function sampleRegion(seed: number = DEFAULT_SEED): RegionSpec {
  const zones = new Map<string, { area: string; note: string | null }[]>();
  for (const r of RECIPES) {
    const s = SAMPLE_SCHOOLS.find((x) => x.name === r.name)!;
    zones.set(s.id, r.zones.map((area) => ({ area, note: r.zoneNote ?? (s.name.includes('杉木') && area.includes('松岭') ? '四年级及以上（一至三年级在松岭教学点就读）' : null) })));
  }
  return {
    province: PROVINCE,
    cities: [CITY],
    counties: SAMPLE_COUNTIES,
    schools: SAMPLE_SCHOOLS,
    plans: SAMPLE_PLANS,
    zones,
    zoneTransfers: [{ from: idOf('云溪县溪口村小学'), to: idOf('云溪县柳塘镇中心小学'), year: 2023 }],
    zoneAdditions: [{ school: idOf('石湾区白鹭湾九年一贯制学校'), year: 2024, area: '白鹭湾街道新城社区', note: '2024年新建小区，划入本校招生范围' }],
    years: SAMPLE_YEARS,
    seed,
  };
}
