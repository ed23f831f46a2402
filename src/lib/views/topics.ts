/**
 * /topics/ — the list of topic pages, and the pieces every topic view shares: the page header
 * (title, description, breadcrumbs, lede), a check as one table cell (value, then ✓ / ✗ with the
 * gap, never “未公布 ? 未公布”) and the findings list of a year.
 */
import type { Check, Finding, FindingRule } from '../indicators/types';
import { checkStatus, show } from '../site/format';
import type { Portal } from '../site/portal';
import type { Link, TableCell, Words } from './types';

export interface Crumb {
  readonly label: string;
  readonly href?: string;
}

/** What every topic page puts above its content. */
export interface TopicHeader {
  readonly title: string;
  readonly description: string;
  readonly breadcrumbs: Crumb[];
  readonly lede: string;
}

/** One line of a findings list: the school (linked) or county, and what is wrong. */
export interface FindingItem {
  readonly name: string;
  readonly href: string | null;
  readonly message: string;
  readonly severity: Finding['severity'];
}

export interface TopicsIndexView {
  readonly title: string;
  readonly description: string;
  readonly breadcrumbs: Crumb[];
  readonly topics: readonly (Link & { readonly summary: string })[];
}

/** The words of the topic list, in one place (another language passes its own TopicsWords). */
export const TOPICS_ZH = {
  title: '专题',
  description: (region: string) => `${region}义务教育均衡发展专题：招生、班额、经费、教师与均衡进展`,
  admissions: { title: '招生', text: (days: number) => `每所学校每年的招生计划、招生范围、招生办法和招生结果，以及是否在${days}个工作日内公开。` },
  classSize: { title: '班额', text: (large: number, lastLarge: number, superLarge: number) => `超过标准班额、大班额（${large}–${lastLarge}人）和超大班额（${superLarge}人及以上）的逐年变化，附全国数据作对照。` },
  funding: { title: '经费', text: '生均公用经费是否达到省定标准、教师培训经费占比、特殊教育生均经费和义务教育财政拨款增长。' },
  teachers: { title: '教师', text: '持证上岗、交流轮岗、骨干教师交流和五年360学时培训完成情况。' },
  progress: { title: '均衡进展', text: '对照各县区推进方案，逐校、逐年查看达到优质均衡标准的进度。' },
  met: '达标',
  notPublished: '未公布',
} as const;
export type TopicsWords = Words<typeof TOPICS_ZH>;
const W = TOPICS_ZH;

/** Breadcrumbs of a topic page: 专题 › name. */
export function topicCrumbs(p: Portal, name: string, parent?: Crumb, topics: string = W.title): Crumb[] {
  return [{ label: topics, href: p.href('topics/') }, ...(parent ? [parent] : []), { label: name }];
}

/** 大班额 bounds from the standards table: 56, 65, 66 (65 = the first 超大班额 size minus one). */
export function classBands(p: Portal): { readonly large: number; readonly lastLarge: number; readonly superLarge: number } {
  const large = p.standard('large_class_min').threshold;
  const superLarge = p.standard('super_large_class_min').threshold;
  return { large, lastLarge: superLarge - 1, superLarge };
}

export function topicsIndexView(p: Portal, w: TopicsWords = TOPICS_ZH): TopicsIndexView {
  const b = classBands(p);
  const item = (path: string, title: string, summary: string) => ({ text: title, href: p.href(path), summary });
  return {
    title: w.title,
    description: w.description(p.settings.region_name),
    breadcrumbs: [{ label: w.title }],
    topics: [
      item('topics/admissions/', w.admissions.title, w.admissions.text(p.standard('publication_working_days', 'all').threshold)),
      item('topics/class-size/', w.classSize.title, w.classSize.text(b.large, b.lastLarge, b.superLarge)),
      item('topics/funding/', w.funding.title, w.funding.text),
      item('topics/teachers/', w.teachers.title, w.teachers.text),
      item('topics/progress/', w.progress.title, w.progress.text),
    ],
  };
}

/**
 * A check as one cell: “96.5% ✓ 达标”, “3.2% ✗ 差 1.8%”, or the value alone when it cannot be
 * judged (“未公布”, its reason as the tooltip).
 */
export function checkCell(ch: Check, unit: string, digits = 2, met: string = W.met): TableCell {
  const s = show(ch.value, unit, digits);
  if (ch.met === true) return { text: `${s.text} ✓ ${met}`, verdict: 'met' };
  if (ch.met === false) return { text: `${s.text} ✗ ${checkStatus(ch).text}`, verdict: 'unmet' };
  return { text: s.text, verdict: ch.value.kind === 'not_applicable' ? 'not_applicable' : 'unknown', ...(s.note ? { title: s.note } : {}) };
}

/** The year's findings of the given rules, each with its school link. */
export function findingItems(p: Portal, year: number, rules: readonly FindingRule[]): FindingItem[] {
  return p.results.findings
    .filter((f) => f.year === year && rules.includes(f.rule))
    .map((f) => ({ name: f.subject.name, href: f.subject.school_id ? p.href(`schools/${f.subject.school_id}/`) : null, message: f.message, severity: f.severity }));
}

export const NOT_PUBLISHED = W.notPublished;
