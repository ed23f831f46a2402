/**
 * /en/topics/… — the topic pages in English. They map the Chinese topic views' own tables to
 * English (src/lib/views/topics-*.ts), so numbers and verdicts have one source: every cell keeps
 * its number, its verdict and its link (moved to the English page); only the few words a cell
 * carries are translated (cellEn). Captions, headings and ledes are written here, thresholds
 * from the standards table. tests/i18n-views.test.ts checks no Chinese is left but data names.
 */
import type { Finding, FindingRule } from '../../indicators/types';
import type { Portal } from '../../site/portal';
import { classSizeTopicView } from '../../views/topics-class-size';
import { fundingTopicView } from '../../views/topics-funding';
import { teachersTopicView } from '../../views/topics-teachers';
import { classBands } from '../../views/topics';
import { admissionsTopicView, type AdmissionsWords, ADMISSIONS_ZH } from '../../views/topics-admissions';
import { PUBLICATION_ZH } from '../../site/format';
import { PUBLICATION_EN } from '../labels';
import type { TableCell, ViewTable } from '../../views/types';
import { fmtUnitEn } from '../format';
import { findingEn } from './finding';
import { STAGE_EN } from '../labels';

export interface TopicLinkEn {
  readonly text: string;
  readonly href: string;
  readonly summary: string;
  /** The page is only in Chinese (hreflang on the link). */
  readonly lang?: string;
}

export { EN_TOPICS } from '../locale';

/**
 * The words a topic table's cell carries, in English: years, “未公布”, the check marks and gaps,
 * units; names (data) are left as they are.
 */
export function textEn(s: string): string {
  return s
    .replace(/^(\d{4})年$/, '$1')
    .replace(/^未公布（(.+)）$/, 'not published ($1)')
    .replace(/未公布/g, 'not published')
    .replace(/无法计算/g, 'cannot be computed')
    .replace(/不适用/g, 'not applicable')
    .replace(/ ✓ 达标$/, ' ✓ met')
    .replace(/ ✗ 差 (.+)$/, ' ✗ $1 short')
    .replace(/ ✗ 未达标$/, ' ✗ not met')
    .replace(/（共([\d,]+)班）$/, ' (of $1 classes)')
    .replace(/(\d) 个百分点/g, '$1 pp')
    .replace(/(\d) 元/g, '$1 yuan')
    .replace(/(\d) 人/g, '$1')
    .replace(/、/g, ', ')
    .replace(/，/g, ', ')
    .replace(/^无$/, 'none')
    .replace(/^小学$/, STAGE_EN.primary)
    .replace(/^初中$/, STAGE_EN.junior);
}

/** A link of a Chinese page to a school or county page → the English page of the same. */
function hrefEn(p: Portal, href: string | undefined): string | undefined {
  if (!href) return href;
  const base = p.settings.base_path;
  const rel = href.startsWith(base) ? href.slice(base.length) : href;
  // a county's admissions detail page is Chinese only: the English county page has its admissions
  const adm = /^topics\/admissions\/([^/]+)\/$/.exec(rel);
  if (adm) return p.href(`en/counties/${adm[1]}/#admissions`);
  return /^(schools|counties)\/[^/]+\//.test(rel) ? p.href(`en/${rel}`) : href;
}

export function cellEn(p: Portal, c: TableCell): TableCell {
  if (typeof c === 'string') return textEn(c);
  // the note and tooltip are Chinese reasons and standards; the English table says it in its columns
  return { text: textEn(c.text), ...(c.href ? { href: hrefEn(p, c.href) } : {}), ...(c.verdict ? { verdict: c.verdict } : {}) };
}

/** A Chinese view's table with English caption and column labels, every cell mapped by cellEn. */
export function tableEn(p: Portal, t: ViewTable, caption: string, columns: readonly string[]): ViewTable {
  if (columns.length !== t.columns.length) throw new Error(`英文表头数与中文表不符：${caption}`);
  return { caption, columns: t.columns.map((c, i) => ({ label: columns[i], ...(c.numeric ? { numeric: true } : {}) })), rows: t.rows.map((r) => r.map((c) => cellEn(p, c))) };
}

export interface FindingItemEn {
  readonly name: string;
  readonly href: string | null;
  readonly text: string;
  readonly severity: Finding['severity'];
}

/** The year's findings of the given rules (as the Chinese topic pages list them), in English. */
export function findingItemsEn(p: Portal, year: number, rules: readonly FindingRule[]): FindingItemEn[] {
  return p.results.findings
    .filter((f) => f.year === year && rules.includes(f.rule))
    .map((f) => ({ name: f.subject.name, href: f.subject.school_id ? p.href(`en/schools/${f.subject.school_id}/`) : null, text: findingEn(p, f), severity: f.severity }));
}

export interface TopicHeaderEn {
  readonly title: string;
  readonly description: string;
  readonly breadcrumbs: { label: string; href?: string }[];
  readonly lede: string;
  readonly zhHref: string;
}

const crumbs = (p: Portal, title: string) => [{ label: 'Topics', href: p.href('en/topics/') }, { label: title }];
const years = (p: Portal) => [...p.years].reverse().map(String);

export function topicsIndexViewEn(p: Portal): { readonly lede: string; readonly topics: readonly TopicLinkEn[] } {
  const b = classBands(p);
  const days = p.standard('publication_working_days').threshold;
  return {
    lede: `Each topic follows one part of the standards across the whole of ${p.settings.region_name}, year by year, newest first.`,
    topics: [
      { text: 'Class sizes', href: p.href('en/topics/class-size/'), summary: `Classes above the standard size, large classes (${b.large}–${b.lastLarge} pupils) and super-large classes (${b.superLarge} or more), year by year.` },
      { text: 'Funding', href: p.href('en/topics/funding/'), summary: 'Public funds per student against the provincial standard, teacher-training funds, special-education funds and the growth of compulsory-education appropriations.' },
      { text: 'Teachers', href: p.href('en/topics/teachers/'), summary: 'Teaching certificates, teacher exchange, backbone teachers exchanged and the 360 training hours in five years.' },
      { text: 'Admissions', href: p.href('en/topics/admissions/'), summary: `Places planned and pupils admitted by county, and whether the results were published within ${days} working days.` },
      { text: 'Progress', href: p.href('topics/progress/'), summary: 'Every target of the counties’ plans checked year by year (in Chinese).', lang: 'zh-CN' },
    ],
  };
}

export interface ClassSizeTopicViewEn extends TopicHeaderEn {
  readonly regionTable: ViewTable;
  readonly national: string;
  readonly counties: ViewTable;
  readonly overLimit: { readonly heading: string; readonly empty: string | null; readonly table: ViewTable | null };
}

export function classSizeTopicViewEn(p: Portal): ClassSizeTopicViewEn {
  const zh = classSizeTopicView(p);
  const b = classBands(p);
  const region = p.settings.region_name;
  const y = zh.year;
  return {
    title: 'Class sizes',
    description: `Class sizes in compulsory education in ${region}: classes above the standard size, large and super-large classes, year by year.`,
    breadcrumbs: crumbs(p, 'Class sizes'),
    lede: `Standard class size: at most ${p.standard('class_size', 'primary').threshold} pupils a class in primary and ${p.standard('class_size', 'junior').threshold} in junior secondary schools. ${b.large}–${b.lastLarge} pupils is a “large class”, ${b.superLarge} or more a “super-large class”. The national policy was to end super-large classes by 2018 and large classes by 2020.`,
    zhHref: p.href('topics/class-size/'),
    regionTable: tableEn(p, zh.regionTable, `${region}: class sizes by year (primary and junior secondary together; newest first)`, ['Year', 'Classes', 'Above the standard', 'Large', 'Super-large', `Share with ${b.large} or more`]),
    national: 'National figures for comparison are on the Chinese page.',
    counties: tableEn(p, zh.counties.table, 'Large and super-large classes by county and year (newest first)', ['County', 'Stage', ...years(p)]),
    overLimit: {
      heading: `Classes above the standard size in ${y}`,
      empty: zh.overLimit.table ? null : `No class was above the standard size in ${y}.`,
      table: zh.overLimit.table
        ? {
            caption: `Classes above the standard size in ${y}, by school`,
            columns: [{ label: 'School' }, { label: 'Classes (pupils)' }],
            // the class list is rebuilt from the same findings, in English
            rows: zh.overLimit.table.rows.map((r) => {
              const first = r[0];
              const href = typeof first === 'string' ? undefined : first.href;
              const id = href ? /schools\/([^/]+)\//.exec(href)?.[1] : undefined;
              const classes = p.results.findings
                .filter((f) => f.year === y && f.subject.school_id === id && (f.rule === 'class_over_limit' || f.rule === 'large_class' || f.rule === 'super_large_class'))
                .map((f) => `Grade ${f.subject.class?.grade}, ${f.subject.class?.class_name} (${f.value} pupils, ${f.rule === 'class_over_limit' ? 'above the standard' : f.rule === 'large_class' ? 'large' : 'super-large'})`);
              return [cellEn(p, first), classes.join('; ')];
            }),
          }
        : null,
    },
  };
}

export interface TeachersTopicViewEn extends TopicHeaderEn {
  readonly region: ViewTable;
  readonly counties: ViewTable;
  readonly findings: { readonly heading: string; readonly empty: string | null; readonly items: readonly FindingItemEn[] };
}

const TEACHER_KEYS = ['certified_teachers_share', 'teacher_exchange_rate', 'backbone_exchange_share', 'training_360h_share'] as const;

export function teachersTopicViewEn(p: Portal): TeachersTopicViewEn {
  const zh = teachersTopicView(p);
  const region = p.settings.region_name;
  const y = zh.year;
  const pct = (key: string) => fmtUnitEn(p.standard(key).threshold, '%');
  const labels = TEACHER_KEYS.map((k) => p.standard(k).en);
  const items = findingItemsEn(p, y, ['certificates_incomplete', 'training_360h_incomplete', 'exchange_low', 'backbone_exchange_low']);
  const region_ = tableEn(p, zh.region.table, `${region}: teacher indicators (all schools; newest year first)`, ['Indicator', ...years(p)]);
  return {
    title: 'Teachers',
    description: `Teachers in compulsory education in ${region}: certificates, exchange between schools, backbone teachers and training.`,
    breadcrumbs: crumbs(p, 'Teachers'),
    lede: `Quality balance requires ${pct('certified_teachers_share')} of full-time teachers to hold a teaching certificate; at least ${pct('teacher_exchange_rate')} of eligible teachers exchanged between schools each year, of them at least ${pct('backbone_exchange_share')} backbone teachers; and every teacher to complete 360 training hours in five years. Qualified, backbone and PE and arts teachers per 100 students are on the county pages.`,
    zhHref: p.href('topics/teachers/'),
    // the first column names the check (the Chinese label) → the standards table's English name
    region: { ...region_, rows: region_.rows.map((r, i) => [labels[i] ?? r[0], ...r.slice(1)]) },
    counties: tableEn(p, zh.counties.table, `Teacher indicators by county, ${y}`, ['County', ...labels]),
    findings: {
      heading: `Not meeting the standard in ${y}`,
      empty: items.length ? null : p.yearData.get(y)?.teachers ? `Every indicator met the standard in ${y}.` : `Teacher data for ${y} is not published.`,
      items,
    },
  };
}

export interface FundingTopicViewEn extends TopicHeaderEn {
  readonly growth: ViewTable;
  readonly schools: ViewTable;
  readonly below: { readonly heading: string; readonly empty: string | null; readonly items: readonly FindingItemEn[] };
}

export function fundingTopicViewEn(p: Portal): FundingTopicViewEn {
  const zh = fundingTopicView(p);
  const region = p.settings.region_name;
  const y = zh.year;
  const training = p.standard('training_funds_share');
  const special = p.standard('special_ed_funds_per_student');
  const items = findingItemsEn(p, y, ['public_funds_below_standard', 'training_funds_low', 'special_ed_funds_low']);
  const floor = p.standard('public_funds_small_school_floor').threshold;
  return {
    title: 'Funding',
    description: `Funding of compulsory education in ${region}: public funds per student, teacher-training funds, special-education funds and the growth of appropriations.`,
    breadcrumbs: crumbs(p, 'Funding'),
    lede: `Quality balance requires public funds per student of at least the provincial standard (village primary schools and teaching points with fewer than ${floor} students funded as if they had ${floor}); teacher-training funds of at least ${fmtUnitEn(training.threshold, training.unit)} of public funds; public funds per special-education student of at least ${fmtUnitEn(special.threshold, special.unit)}${special.origin === 'local' ? ` (local standard; national ${fmtUnitEn(special.nationalThreshold, special.unit)})` : ''}; and appropriations for compulsory education growing faster than recurrent revenue.`,
    zhHref: p.href('topics/funding/'),
    growth: tableEn(p, zh.growth.table, 'Growth of compulsory-education appropriations minus growth of recurrent revenue (percentage points; newest year first)', ['County', ...years(p)]),
    schools: tableEn(p, zh.schools.table, `School funding by county, ${y} (all schools of the county)`, ['County', 'Public funds per student', `Training funds share (≥ ${fmtUnitEn(training.threshold, training.unit)})`, `Special-education funds per student (≥ ${fmtUnitEn(special.threshold, special.unit)})`, 'Schools below the provincial standard']),
    below: {
      heading: `Schools below a funding standard in ${y}`,
      empty: items.length ? null : p.yearData.get(y)?.funding ? `No school was below a funding standard in ${y}.` : `School funding data for ${y} is not published.`,
      items,
    },
  };
}

const PUBLICATION_BY_ZH = new Map(Object.entries(PUBLICATION_ZH).map(([k, v]) => [v, k] as const));
const same = <T,>(x: T) => x;

/** The Chinese admissions view's words in English: the view computes, these only say it. */
export const ADMISSIONS_EN: AdmissionsWords = {
  // the per-county detail words (countyTitle, gradeColumns …) stay empty: the English site has
  // no per-county admissions page, the English county and school pages carry the admissions
  ...(Object.fromEntries(Object.entries(ADMISSIONS_ZH).map(([k, v]) => [k, typeof v === 'function' ? () => '' : Array.isArray(v) ? v.map(() => '') : ''])) as unknown as AdmissionsWords),
  title: 'Admissions',
  description: (region: string) => `Admission plans, zones, rules and results of the compulsory-education schools of ${region}, and whether they were published on time.`,
  lede: (days: number) => `Under the Guidelines on Standards for Grassroots Government Disclosure in Compulsory Education, schools publish their admission plan, zone, rules and results within ${days} working days of their being decided or changed. This page sums up each county and year; each school’s admissions are on its page.`,
  pubHeading: 'Were the results published on time?',
  pubIntro: (days: number) => `The results are taken as decided on the first day of the school year (1 September); published within ${days} working days is on time.`,
  pubCaption: 'Publication of admission results by county (schools; newest year first)',
  county: 'County',
  year: (y: number) => String(y),
  notPublished: 'not published',
  pubCount: (status: string, n: number) => `${PUBLICATION_EN[PUBLICATION_BY_ZH.get(status) ?? ''] ?? status}: ${n}`,
  countiesHeading: 'Places and admissions by county',
  countiesCaption: (y: number) => `Admissions by county, ${y}`,
  countiesColumns: ['County', 'Stage', 'Places planned', 'Admitted', 'Admitted from the zone (lottery not counted)', 'Migrant children', 'Schools over the plan'],
  detailHeading: 'Each school',
  detailLink: same,
};

export interface AdmissionsTopicViewEn extends TopicHeaderEn {
  readonly publication: { readonly heading: string; readonly intro: string; readonly table: ViewTable };
  readonly counties: { readonly heading: string; readonly table: ViewTable };
  readonly detail: { readonly heading: string; readonly text: string; readonly links: readonly { readonly text: string; readonly href: string }[] };
}

export function admissionsTopicViewEn(p: Portal): AdmissionsTopicViewEn {
  const v = admissionsTopicView(p, ADMISSIONS_EN);
  const mapTable = (t: ViewTable): ViewTable => ({ ...t, rows: t.rows.map((r) => r.map((c) => cellEn(p, c))) });
  return {
    title: v.title,
    description: v.description,
    breadcrumbs: crumbs(p, v.title),
    lede: v.lede,
    zhHref: p.href('topics/admissions/'),
    publication: { heading: v.publication.heading, intro: v.publication.intro, table: mapTable(v.publication.table) },
    counties: { heading: v.counties.heading, table: mapTable(v.counties.table) },
    detail: {
      heading: v.detail.heading,
      text: 'Each school’s plan, applicants, admissions and publication dates are on its page; the county pages list its schools.',
      links: p.counties.map((c) => ({ text: c.name, href: p.href(`en/counties/${c.region_code}/#admissions`) })),
    },
  };
}
