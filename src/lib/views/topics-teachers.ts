/**
 * /topics/teachers/ — the four teacher checks of the region per year (newest first), each county in
 * the latest year, and the year's findings. Thresholds and their direction come from the standards table.
 */
import { cmpZh, fmtUnit } from '../site/format';
import type { Portal } from '../site/portal';
import type { Check, RegionYearResult } from '../indicators/types';
import { checkCell, findingItems, topicCrumbs, type FindingItem, type TopicHeader } from './topics';
import type { TableCell, ViewTable, Words } from './types';

export interface TeachersTopicView extends TopicHeader {
  /** The lede's link to the county pages sits after `lede`: `ledeLink` then `ledeAfter`. */
  readonly ledeLink: { readonly text: string; readonly href: string };
  readonly ledeAfter: string;
  readonly year: number;
  readonly region: { readonly heading: string; readonly table: ViewTable };
  readonly counties: { readonly heading: string; readonly table: ViewTable };
  readonly findings: { readonly heading: string; readonly empty: string | null; readonly items: readonly FindingItem[] };
}

type Teachers = RegionYearResult['teachers'];
const CHECKS: readonly { key: 'certified_teachers_share' | 'teacher_exchange_rate' | 'backbone_exchange_share' | 'training_360h_share'; pick: (t: Teachers) => Check }[] = [
  { key: 'certified_teachers_share', pick: (t) => t.certifiedShare },
  { key: 'teacher_exchange_rate', pick: (t) => t.exchangeRate },
  { key: 'backbone_exchange_share', pick: (t) => t.backboneExchangedShare },
  { key: 'training_360h_share', pick: (t) => t.training360Share },
];

/** The words of the page, in one place (another language passes its own TeachersWords). */
export const TEACHERS_ZH = {
  title: '教师',
  checks: { certified_teachers_share: '专任教师持证上岗率', teacher_exchange_rate: '教师交流轮岗比例', backbone_exchange_share: '交流教师中骨干教师比例', training_360h_share: '五年360学时培训完成率' },
  description: (region: string) => `${region}义务教育教师：持证上岗、交流轮岗、骨干教师交流和培训完成情况`,
  lede: (certified: string, exchange: string, backbone: string) =>
    `优质均衡要求：专任教师持证上岗率${certified}；每年交流轮岗教师不低于符合条件教师的${exchange}，其中骨干教师不低于${backbone}；每位教师5年完成360学时培训。每百名学生拥有的高学历教师、骨干教师和体育艺术教师数见`,
  ledeLink: '县区页面',
  ledeAfter: '的差异系数和学校指标。',
  regionHeading: (region: string) => `${region}逐年情况`,
  regionCaption: (region: string) => `${region}教师队伍指标（合计；最新年份在前）`,
  indicator: '指标',
  standard: (cmp: string, value: string) => `标准 ${cmp} ${value}`,
  year: (y: number) => `${y}年`,
  notPublished: '未公布',
  countiesHeading: (y: number) => `各县区（${y}年）`,
  countiesCaption: (y: number) => `${y}年各县区教师队伍指标`,
  county: '县区',
  findingsHeading: (y: number) => `${y}年未达到要求的情况`,
  findingsMissing: (y: number) => `${y}年教师数据未公布。`,
  findingsNone: (y: number) => `${y}年各项均达到要求。`,
} as const;
export type TeachersWords = Words<typeof TEACHERS_ZH>;

export function teachersTopicView(p: Portal, w: TeachersWords = TEACHERS_ZH): TeachersTopicView {
  const year = p.latestYear!;
  const region = p.settings.region_name;
  const rootCode = p.root?.region_code ?? '';
  const newestFirst = [...p.years].reverse();
  const pct = (key: string) => fmtUnit(p.standard(key).threshold, '%');
  const teachersOf = (code: string, y: number) => (p.yearData.get(y)?.teachers ? p.regionYears.get(`${code}:${y}`)?.teachers : undefined);

  const regionRows = CHECKS.map((c): TableCell[] => [
    { text: w.checks[c.key], note: w.standard(cmpZh(p.standard(c.key).comparison), pct(c.key)) },
    ...newestFirst.map((y) => {
      const t = teachersOf(rootCode, y);
      return t ? checkCell(c.pick(t), '%') : w.notPublished;
    }),
  ]);
  const countyRows = p.counties.map((co): TableCell[] => {
    const t = teachersOf(co.region_code, year);
    return [{ text: co.name, href: p.href(`counties/${co.region_code}/#finance`) }, ...CHECKS.map((c) => (t ? checkCell(c.pick(t), '%') : w.notPublished))];
  });
  const published = !!p.yearData.get(year)?.teachers;
  const items = findingItems(p, year, ['certificates_incomplete', 'training_360h_incomplete', 'exchange_low', 'backbone_exchange_low']);
  return {
    title: w.title,
    description: w.description(region),
    breadcrumbs: topicCrumbs(p, w.title),
    lede: w.lede(pct('certified_teachers_share'), pct('teacher_exchange_rate'), pct('backbone_exchange_share')),
    ledeLink: { text: w.ledeLink, href: p.href('counties/') },
    ledeAfter: w.ledeAfter,
    year,
    region: {
      heading: w.regionHeading(region),
      table: { caption: w.regionCaption(region), searchable: false, columns: [{ label: w.indicator }, ...newestFirst.map((y) => ({ label: w.year(y), numeric: true }))], rows: regionRows },
    },
    counties: {
      heading: w.countiesHeading(year),
      table: { caption: w.countiesCaption(year), searchable: false, columns: [{ label: w.county }, ...CHECKS.map((c) => ({ label: w.checks[c.key], numeric: true }))], rows: countyRows },
    },
    findings: { heading: w.findingsHeading(year), empty: !published ? w.findingsMissing(year) : items.length === 0 ? w.findingsNone(year) : null, items },
  };
}
