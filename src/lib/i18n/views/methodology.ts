/**
 * /en/methodology/ — the methodology in English. Every number comes from the applied standards
 * table or is computed with the portal's own functions (weightedCv, addWorkingDays), as on the
 * Chinese page (the prose numbers are methodologyView's); official documents keep their Chinese
 * titles with an English gloss.
 */
import type { AppliedStandard, SourceDocument, StandardGroup } from '../../indicators/types';
import { comparisonSymbol } from '../../indicators/format';
import { addWorkingDays } from '../../indicators/working-days';
import { METHOD_COVERAGE, QUALITY_INDICATOR_KEYS } from '../../standards';
import { HOLIDAY_NOTICES } from '../../standards/holidays';
import { BASIC_2012_INDICATORS, QUALITY_INDICATORS } from '../../standards/quality-indicators';
import type { Portal } from '../../site/portal';
import type { TableCell, ViewTable } from '../../views/types';
import { methodologyView } from '../../views/methodology';
import { fmtUnitEn } from '../format';

const ISSUER_EN: Record<string, string> = {
  '教育部': 'Ministry of Education',
  '教育部办公厅': 'General Office of the Ministry of Education',
  '国务院': 'State Council',
  '国务院办公厅': 'General Office of the State Council',
  '全国人民代表大会常务委员会': 'Standing Committee of the National People’s Congress',
  '锦州市太平区教育局': 'Education Bureau of Taiping District, Jinzhou',
  '锦州市智慧教育云平台（文：记者王超）': 'Jinzhou smart-education cloud platform (article by a reporter)',
};

const TITLE_EN: Record<string, string> = {
  '县域义务教育均衡发展督导评估暂行办法': 'Interim Measures for the Supervision and Assessment of Balanced Development of Compulsory Education in Counties',
  '县域义务教育优质均衡发展督导评估办法': 'Measures for the Supervision and Assessment of Quality-Balanced Development of Compulsory Education in Counties',
  '中华人民共和国义务教育法': 'Compulsory Education Law of the People’s Republic of China',
  '国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见': 'Opinions of the State Council on Integrated Urban–Rural Reform and Development of Compulsory Education within Counties',
  '义务教育领域基层政务公开标准指引': 'Guidelines on Standards for Grassroots Government Disclosure in Compulsory Education',
  '太平区义务教育发展基本均衡方案': 'Taiping District plan for basic balance in compulsory education',
  '锦州义务教育未来十年迈向优质均衡！优在哪些方面？如何推进？一起看看~': 'news article on Jinzhou’s compulsory education moving towards quality balance in the next ten years',
};

const EDITION_EN: Record<string, string> = {
  '2006年6月29日修订，2018年12月29日第二次修正': 'revised 29 June 2006, second amendment 29 December 2018',
};

const KIND_NOTE_EN: Record<NonNullable<SourceDocument['kind']>, string> = {
  national: '',
  law: '',
  local_plan: ' (a target in a local plan, not a national standard)',
  news: ' (a local target reported in a news article; not a government document and not a national standard)',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** “2017-04-19” → “19 April 2017”. */
export function dateEn(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 四十二 → 42 (the article numbers of the documents cited, 1–99). */
export function chineseNumber(s: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes('十')) return s.length === 1 ? CN_DIGITS[s] : null;
  const [tens, ones] = s.split('十');
  return (tens ? CN_DIGITS[tens] : 1) * 10 + (ones ? CN_DIGITS[ones] : 0);
}

/** Places in documents that are not numbered articles (sections of a plan, an article, a guide). */
const PLACE_EN: Record<string, string> = {
  '“四、工作任务”（一）第4点': 'section 4 “Tasks”, (1), point 4',
  '“招生管理”事项（公开时限）': 'item “Admission management” (time limit for publication)',
  '“教育投入更多了”一节': 'section “More investment in education”',
  '“素质教育让学生更快乐”一节': 'section “Quality education makes pupils happier”',
  '评估认定标准（小学、初中综合差异系数分别小于或等于0.65、0.55）': 'assessment criteria (composite CVs of primary and junior secondary schools)',
};

/**
 * “第五条第（一）项” → “Article 5, item (1)”; “第六条第（二）、（六）项” → “Article 6, items (2) and (6)”;
 * “第四十二条第三款” → “Article 42, paragraph 3”. Anything else (a section name) stays as written.
 */
export function articleEn(article: string | null | undefined): string {
  if (!article) return '';
  const m = /^第([一二三四五六七八九十]+)条(?:第([一二三四五六七八九十]+)款)?(?:第((?:（[一二三四五六七八九十]+）、?)+)项)?$/.exec(article);
  if (!m) return PLACE_EN[article] ?? article;
  const parts = [`Article ${chineseNumber(m[1])}`];
  if (m[2]) parts.push(`paragraph ${chineseNumber(m[2])}`);
  if (m[3]) {
    const items = [...m[3].matchAll(/（([一二三四五六七八九十]+)）/g)].map((x) => `(${chineseNumber(x[1])})`);
    parts.push(`${items.length > 1 ? 'items' : 'item'} ${items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0]}`);
  }
  return parts.join(', ');
}

/** A document in English: issuer, Chinese title with its English gloss, number and date. */
export function citeSourceEn(doc: SourceDocument, article?: string | null): string {
  const holiday = /^国务院办公厅关于(\d{4})年部分节假日安排的通知$/.exec(doc.title);
  const gloss = holiday ? `Notice of the General Office of the State Council on the public holidays of ${holiday[1]}` : TITLE_EN[doc.title];
  const meta = [gloss, doc.number, doc.edition ? (EDITION_EN[doc.edition] ?? doc.edition) : doc.date ? dateEn(doc.date) : doc.year ? String(doc.year) : null].filter((x): x is string => !!x);
  const issuer = doc.issuer && !doc.title.startsWith(doc.issuer) ? `${ISSUER_EN[doc.issuer] ?? doc.issuer}, ` : '';
  const art = articleEn(article);
  return `${issuer}《${doc.title}》 (${meta.join('; ')})${art ? `, ${art}` : ''}${doc.kind ? KIND_NOTE_EN[doc.kind] : ''}`;
}

/** The citation of an applied standard in English (a local override cites what standards.csv gives). */
export function citeStandardEn(s: AppliedStandard): string {
  if (s.origin === 'local' && s.local) return `local standard: ${s.local.source}`;
  return citeSourceEn(s.source, s.article);
}

const FORMULA_EN: Record<string, string> = {
  qualified_teachers_per_100: 'teachers with qualifications above the required level ÷ students × 100',
  backbone_teachers_per_100: 'county-level or higher backbone teachers ÷ students × 100',
  pe_arts_teachers_per_100: 'full-time PE and arts (music, fine art) teachers ÷ students × 100',
  teaching_space_per_student: 'area of teaching and auxiliary rooms (m²) ÷ students',
  sports_space_per_student: 'area of sports grounds and halls (m²) ÷ students',
  equipment_value_per_student: 'value of teaching equipment (yuan) ÷ students',
  multimedia_rooms_per_100: 'networked multimedia classrooms ÷ students × 100',
};

export const GROUP_EN: Record<StandardGroup, string> = {
  basic_balance: 'Basic balance (2012 measures)',
  resources: 'Resource allocation',
  government: 'Government provision',
  quality: 'Quality of education',
  social: 'Public approval',
  class_size: 'Class-size bands',
  admissions: 'Publication of admissions',
  procedure: 'Assessment procedure',
};

/** The parts of the 2017 method the public school data cannot show, or only partly (same list as the Chinese page). */
const COVERAGE_EN: Record<string, { readonly what: string; readonly why: string }> = {
  '县域学校规划布局合理': { what: 'A sound layout of schools in the county', why: 'A review of plans; the data has no figure to compute.' },
  '城乡统一的学校建设、编制、公用经费和装备配置标准': { what: 'The same building, staffing, funding and equipment standards in town and country', why: 'Whether they are “the same” needs a review of documents.' },
  '每12个班级配备音乐、美术专用教室各1间以上，面积分别不小于96、90平方米': { what: 'Music and art rooms for every 12 classes, and the area of each room', why: 'The number of rooms is checked against the school’s classes; the area of each room is not in the data.' },
  '县级统筹分配教职工编制和岗位': { what: 'Staff posts allocated by the county', why: 'The data has no staffing quotas.' },
  '城区、镇区公办学校就近划片入学比例分别达到100%、95%': { what: 'Share of pupils of urban and town public schools enrolled by zone', why: 'Computed from pupils admitted from the zone; boarding schools are not marked in the data, so they cannot be left out as the method says.' },
  '优质高中招生名额分配比例不低于50%，并向农村初中倾斜': { what: 'Quota places of quality high schools allocated to junior secondary schools, favouring rural ones', why: 'The share is reported by the county; whether it favours rural schools cannot be shown.' },
  '留守儿童关爱体系健全': { what: 'Care for children left behind by migrant parents', why: 'Not a numeric indicator.' },
  '学校制定章程，实现管理与教学信息化': { what: 'School charters; digital management and teaching', why: 'Not in the data.' },
  '教师培训经费不低于学校年度公用经费预算的5%；教师熟练运用信息化手段教学': { what: 'Teacher training funds as a share of public funds; teachers’ use of digital teaching', why: 'The share of training funds is computed (from spending); digital teaching cannot be shown.' },
  '德育工作、校园文化建设水平良好以上': { what: 'Moral education and school culture', why: 'Needs an on-site assessment.' },
  '课程开齐开足，教学秩序规范，综合实践活动有效开展': { what: 'A full curriculum, orderly teaching and practical activities', why: 'Needs an on-site assessment.' },
  '无过重课业负担': { what: 'No excessive homework burden', why: 'Needs a survey.' },
  '国家义务教育质量监测相关科目达到Ⅲ级以上，校际差异率低于0.15': { what: 'Results of the national compulsory-education quality monitoring and their differences between schools', why: 'Monitoring results are not in the public school data.' },
  '一票否决：考试招生、违规择校、重点校重点班、有编不补或长期借用教师、重大安全事故、弄虚作假': { what: 'Veto conditions: admission by examination, irregular school choice, key schools or key classes, unfilled posts or long-term borrowed teachers, a major safety accident, falsification', why: 'Listed on this page only.' },
  '申请条件：通过基本均衡认定三年以上': { what: 'Condition for applying: recognised for basic balance some years before', why: 'The data has no date of basic-balance recognition.' },
  '基本均衡（2012）综合差异系数：小学≤0.65、初中≤0.55': { what: 'Basic balance (2012): composite coefficient of variation', why: 'The mean of the CVs of 8 indicators is tested, not each one; the data has 4 of the 8, so the composite is computed from those 4 and says so.' },
  '辍学率（小学0，初中≤1%）': { what: 'Dropout rate', why: 'The thresholds come from a local plan, not from the 2017 method; for a nine-year school reporting one dropout figure, the primary part cannot be checked on its own.' },
};

export function coverageEn(zh: string): { what: string; why: string } | null {
  return COVERAGE_EN[zh] ?? null;
}

export interface MethodologyViewEn {
  readonly props: Record<string, unknown>;
  readonly indicators: ViewTable;
  /** What the data cannot show, or only in part: a list (a three-column table is 6,000 px tall on a phone). */
  readonly coverage: readonly { readonly what: string; readonly level: string; readonly why: string }[];
  readonly groups: readonly { readonly heading: string; readonly table: ViewTable }[];
  readonly zhHref: string;
}

const cmp = (s: AppliedStandard) => comparisonSymbol(s.comparison, s.strict);
const stageEn = (s: string) => (s === 'primary' ? 'primary' : s === 'junior' ? 'junior secondary' : '');

export function methodologyViewEn(p: Portal): MethodologyViewEn {
  const std = p.results.standards;
  // The numbers of the Chinese page's prose (worked example, thresholds): one source for both.
  const zh = methodologyView(p).prose;
  const rules: Record<string, { value: string; citation: string }> = {};
  for (const s of std) {
    const fact = { value: fmtUnitEn(s.threshold, s.unit, s.digits ?? 2), citation: citeStandardEn(s) };
    rules[`${s.key}:${s.stage}`] = fact;
    if (!rules[s.key]) rules[s.key] = fact;
  }
  const days = p.standard('publication_working_days').threshold;
  const q = p.standard('cv_quality', 'primary');
  const props = {
    q: { number: q.source.number, citation: citeSourceEn(q.source) },
    ex: zh.ex,
    minMet: zh.minMet,
    minRatioPct: zh.minRatioPct,
    cvP: zh.cvP,
    cvJ: zh.cvJ,
    tpMin: zh.tpMin,
    appYears: zh.appYears,
    pubDays: zh.pubDays,
    suppress: zh.suppress,
    musicClasses: p.standard('music_art_room_classes').threshold,
    m: {
      rules,
      basicIndicators: QUALITY_INDICATORS.filter((x) => x.basic).length,
      basicOf: BASIC_2012_INDICATORS,
      holidayNotices: HOLIDAY_NOTICES.map((n) => `${n.year}: ${citeSourceEn(n.source)}`),
      holidayYears: `${HOLIDAY_NOTICES[0].year}–${HOLIDAY_NOTICES[HOLIDAY_NOTICES.length - 1].year}`,
      deadlines: ['2023-09-01', '2022-09-01'].map((start) => ({ start: dateEn(start), deadline: dateEn(addWorkingDays(start, days)) })),
    },
  };

  const indicators: ViewTable = {
    caption: `The 7 resource indicators (${citeStandardEn(q)})`,
    columns: [{ label: 'Indicator' }, { label: 'How it is computed' }, { label: 'Primary standard', numeric: true }, { label: 'Junior standard', numeric: true }],
    rows: QUALITY_INDICATOR_KEYS.map((k): TableCell[] => {
      const sp = p.standard(k, 'primary');
      const sj = p.standard(k, 'junior');
      const th = (s: AppliedStandard) => `${cmp(s)} ${fmtUnitEn(s.threshold, s.unit)}${s.origin === 'local' ? ' (local)' : ''}`;
      return [sp.en, FORMULA_EN[k] ?? '', th(sp), th(sj)];
    }),
  };

  const coverage = METHOD_COVERAGE.filter((c) => c.level !== 'shown').map((c) => {
    const e = coverageEn(c.zh);
    return { what: e?.what ?? c.zh, level: c.level === 'partly' ? 'shown in part' : 'not shown', why: e?.why ?? '' };
  });

  const byGroup = new Map<StandardGroup, AppliedStandard[]>();
  for (const s of std) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s]);
  const groups = [...byGroup.entries()].map(([g, list]) => ({
    heading: `${GROUP_EN[g]} (${list.length})`,
    table: {
      caption: GROUP_EN[g],
      columns: [{ label: 'Rule' }, { label: 'Standard', numeric: true }, { label: 'Source' }],
      rows: list.map((s): TableCell[] => [
        `${s.en}${stageEn(s.stage) && !/\((primary|junior)\)/.test(s.en) ? ` (${stageEn(s.stage)})` : ''}${s.computable ? '' : ' — cannot be checked with the data'}`,
        `${cmp(s)} ${fmtUnitEn(s.threshold, s.unit, s.digits ?? 2)}${s.origin === 'local' ? ` (local; national ${fmtUnitEn(s.nationalThreshold, s.unit, s.digits ?? 2)})` : ''}`,
        citeStandardEn(s),
      ]),
    } satisfies ViewTable,
  }));

  return { props, indicators, coverage, groups, zhHref: p.href('methodology/') };
}
