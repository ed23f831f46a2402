/**
 * /topics/admissions/ and /topics/admissions/<county>/ — admissions in the open: planned seats
 * against admitted (chart), whether results were published on time per county and year (newest
 * first; a school is on time only if every part is), each county's plan and results in the latest
 * year, and per county every school's plan, zone, method and results by year (newest year open).
 */
import type { PartStage } from '../indicators/types';
import { fmt, show, zh, PUBLICATION_ZH } from '../site/format';
import { admissionsOf, GRADE_ZH, type AdmissionGradeRow } from '../site/admissions-view';
import { sourceLink } from '../site/labels';
import { STAGE_ZH, admissionsStack, countyYear, stagesOf } from '../site/region-charts';
import type { Portal } from '../site/portal';
import { topicCrumbs, type TopicHeader } from './topics';
import { withDownload } from './shared';
import type { Link, TableCell, ViewChart, ViewTable, Words } from './types';

export interface AdmissionsTopicView extends TopicHeader {
  readonly chart: ViewChart;
  readonly publication: { readonly heading: string; readonly intro: string; readonly table: ViewTable };
  readonly counties: { readonly heading: string; readonly table: ViewTable };
  readonly detail: { readonly heading: string; readonly links: readonly Link[] };
}

export interface AdmissionsCountyView extends TopicHeader {
  readonly filters: Record<string, string>;
  readonly zonesLabel: string;
  readonly years: readonly {
    readonly heading: string;
    readonly open: boolean;
    readonly schools: readonly { readonly name: Link; readonly tag: string; readonly zones: string; readonly table: ViewTable | null }[];
  }[];
}

/** How the publication states read, in this order (on time first). */
const PUBLICATION_ORDER = ['on_time', 'late', 'not_published', 'date_missing', 'not_due'] as const;

/** The words of the page, in one place (another language passes its own AdmissionsWords). */
export const ADMISSIONS_ZH = {
  title: '招生',
  description: (region: string) => `${region}义务教育学校招生计划、招生范围、招生办法和招生结果公开情况`,
  lede: (days: number) => `按《义务教育领域基层政务公开标准指引》，学校要公开招生计划、招生范围、招生办法和招生结果，并在信息形成或变更之日起${days}个工作日内公开。本页汇总各县区各年的情况，各校明细见县区页面。`,
  pubHeading: '招生结果是否按时公开',
  pubIntro: (days: number) => `以学年开始日（9月1日）为录取结果形成的最晚日期，${days}个工作日内公开为按时（按周一至周五计算，未扣除节假日）。`,
  pubCaption: '各县区招生结果公开情况（学校数；最新年份在前）',
  county: '县区',
  year: (y: number) => `${y}年`,
  notPublished: '未公布',
  pubCount: (status: string, n: number) => `${status} ${n}`,
  countiesHeading: '各县区招生计划与录取',
  countiesCaption: (y: number) => `${y}年各县区招生情况`,
  countiesColumns: ['县区', '学段', '计划招生', '录取', '划片内录取比例（摇号录取不计）', '随迁子女比例', '超计划学校'],
  detailHeading: '各校明细',
  detailLink: (county: string) => `${county}各校招生计划、范围、办法和结果`,
  countyTitle: (county: string) => `${county}招生公开`,
  countyDescription: (county: string, first: number, last: number) => `${county}各义务教育学校${first}–${last}年招生计划、招生范围、招生办法和招生结果`,
  countyLede: '每所学校每年的招生计划、招生范围（学区划片）、招生办法和招生结果，最新年份在前。录取结果未公布的显示“未公布”；摇号录取的学校不按片区录取，划片内显示“不适用”。',
  countyFilter: '县区',
  zonesLabel: '招生范围：',
  schoolTag: (stage: string, ownership: string) => `${stage} · ${ownership}`,
  gradeCaption: (school: string, y: number) => `${school}${y}年各年级招生`,
  gradeColumns: ['年级', '招生计划', '计划公布', '报名', '招生办法', '录取', '划片内', '随迁子女', '残疾儿童', '结果公布', '来源'],
  overPlan: (n: number) => `超计划 ${n}`,
  lotteryInZone: '不适用（摇号）',
  deadline: (d: string) => `（期限 ${d}）`,
} as const;
export type AdmissionsWords = Words<typeof ADMISSIONS_ZH>;

export function admissionsTopicView(p: Portal, w: AdmissionsWords = ADMISSIONS_ZH): AdmissionsTopicView {
  const year = p.latestYear!;
  const region = p.settings.region_name;
  const days = p.standard('publication_working_days', 'all').threshold;
  const newestFirst = [...p.years].reverse();

  // On-time publication per county and year, counted per school (on time only if every part is).
  const pubCell = (code: string, y: number): string => {
    if (!p.yearData.get(y)?.admissions) return w.notPublished;
    const bySchool = new Map<string, string>();
    for (const s of p.schoolsByCounty.get(code) ?? []) {
      for (const r of p.resultsBySchoolYear.get(`${s.school_id}:${y}`) ?? []) {
        const st = r.admissions.publication.status;
        const prev = bySchool.get(r.school_id);
        if (!prev || (prev === 'on_time' && st !== 'on_time')) bySchool.set(r.school_id, st);
      }
    }
    if (bySchool.size === 0) return w.notPublished;
    const counts = new Map<string, number>();
    for (const st of bySchool.values()) counts.set(st, (counts.get(st) ?? 0) + 1);
    const known: readonly string[] = PUBLICATION_ORDER;
    const order = [...PUBLICATION_ORDER, ...[...counts.keys()].filter((k) => !known.includes(k)).sort()];
    return order.filter((k) => counts.has(k)).map((k) => w.pubCount(PUBLICATION_ZH[k] ?? k, counts.get(k)!)).join('，');
  };

  const countyRows = p.counties.flatMap((c) =>
    stagesOf(p, c.region_code).flatMap((s: PartStage): TableCell[][] => {
      const cy = p.yearData.get(year)?.admissions ? countyYear(p, c.region_code, year, s) : undefined;
      if (!cy) return [];
      const a = cy.admissions;
      return [[{ text: c.name, href: p.href(`topics/admissions/${c.region_code}/`) }, STAGE_ZH[s], fmt(a.plannedSeats), show(a.admitted).text, show(a.inZoneShare, '%').text, show(a.migrantShare, '%').text, fmt(a.overPlanSchools.length)]];
    }),
  );

  return {
    title: w.title,
    description: w.description(region),
    breadcrumbs: topicCrumbs(p, w.title),
    lede: w.lede(days),
    chart: withDownload(p, admissionsStack(p, p.root?.region_code ?? 'region', region, p.data.schools.map((s) => s.school_id)), 'admissions', 'topics/admissions/'),
    publication: {
      heading: w.pubHeading,
      intro: w.pubIntro(days),
      table: {
        caption: w.pubCaption,
        searchable: false,
        columns: [{ label: w.county }, ...newestFirst.map((y) => ({ label: w.year(y) }))],
        rows: p.counties.map((c) => [{ text: c.name, href: p.href(`topics/admissions/${c.region_code}/`) }, ...newestFirst.map((y) => pubCell(c.region_code, y))]),
      },
    },
    counties: {
      heading: w.countiesHeading,
      table: { caption: w.countiesCaption(year), searchable: false, columns: w.countiesColumns.map((label, i) => ({ label, numeric: i > 1 })), rows: countyRows },
    },
    detail: { heading: w.detailHeading, links: p.counties.map((c) => ({ text: w.detailLink(c.name), href: p.href(`topics/admissions/${c.region_code}/`) })) },
  };
}

export function admissionsCountyPaths(p: Portal): { params: { code: string } }[] {
  return p.counties.map((c) => ({ params: { code: c.region_code } }));
}

function gradeRow(p: Portal, g: AdmissionGradeRow, w: AdmissionsWords): TableCell[] {
  const count = (v: number | null) => (v === null ? w.notPublished : fmt(v));
  const src = sourceLink(g.source);
  const over = g.admitted !== null && g.admitted > g.planned ? g.admitted - g.planned : 0;
  return [
    GRADE_ZH(g.grade),
    fmt(g.planned),
    g.planDate ?? w.notPublished,
    count(g.applicants),
    g.method,
    over ? { text: count(g.admitted), note: w.overPlan(over), verdict: 'unmet' } : count(g.admitted),
    g.inZone === null && g.lottery ? w.lotteryInZone : count(g.inZone),
    count(g.migrant),
    g.disabled,
    g.publication ? { text: g.resultsDate ?? w.notPublished, note: `${PUBLICATION_ZH[g.publication]}${g.deadline && g.publication !== 'on_time' ? w.deadline(g.deadline) : ''}` } : (g.resultsDate ?? w.notPublished),
    { text: src.text, href: p.href(src.path) },
  ];
}

export function admissionsCountyView(p: Portal, code: string, w: AdmissionsWords = ADMISSIONS_ZH): AdmissionsCountyView {
  const county = p.regionsByCode.get(code)!;
  const schools = p.schoolsByCounty.get(code) ?? [];
  return {
    title: w.countyTitle(county.name),
    description: w.countyDescription(county.name, p.years[0], p.latestYear!),
    breadcrumbs: topicCrumbs(p, county.name, { label: w.title, href: p.href('topics/admissions/') }),
    lede: w.countyLede,
    filters: { [w.countyFilter]: county.name },
    zonesLabel: w.zonesLabel,
    years: [...p.years].reverse().map((y, i) => ({
      heading: w.year(y),
      open: i === 0,
      schools: schools.flatMap((s) => {
        const a = admissionsOf(p, s, y);
        if (!a.grades.length && !a.zones.length) return [];
        return [
          {
            name: { text: s.name, href: p.href(`schools/${s.school_id}/`) },
            tag: w.schoolTag(zh.stage(s.stage), zh.ownership(s.ownership)),
            zones: a.zones.length ? a.zones.join('、') : w.notPublished,
            table: a.grades.length
              ? { caption: w.gradeCaption(s.name, y), searchable: false, layout: 'stack' as const, columns: w.gradeColumns.map((label, k) => ({ label, numeric: [1, 3, 5, 6, 7, 8].includes(k) })), rows: a.grades.map((g) => gradeRow(p, g, w)) }
              : null,
          },
        ];
      }),
    })),
  };
}
