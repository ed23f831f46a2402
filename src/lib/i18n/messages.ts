/**
 * The words of the page shell and shared controls in both languages: one key, two texts.
 * Chinese is the site as it always was; English is checked by tests/i18n.test.ts (every key
 * has both, same {placeholders}, no Chinese characters in the English).
 * Page-specific sentences live with their view (src/lib/views for Chinese, src/lib/i18n/views
 * for English), where the numbers are.
 */
import type { Locale } from './locale';

export const ZH = {
  skip: '跳到主要内容',
  sampleLabel: '示例数据：',
  sampleText: '本网站的学校、数字和文件均为虚构',
  sampleWide: '，仅用于演示',
  sampleEnd: '。',
  search: '搜索',
  searchLabel: '搜索学校、街道或县区',
  searchPlaceholder: '搜索学校、街道、县区',
  mainNav: '主导航',
  topicNav: '专题',
  breadcrumbs: '位置',
  home: '首页',
  navSchools: '学校',
  navCounties: '县区',
  navTopics: '专题',
  navMap: '地图',
  navMethodology: '方法说明',
  navData: '数据下载',
  navGuide: '发布指南',
  topicAdmissions: '招生',
  topicClassSize: '班额',
  topicFunding: '经费',
  topicTeachers: '教师',
  topicProgress: '均衡进展',
  switchTo: 'English',
  switchLabel: 'English version of this page',
  publisher: '发布单位：{x}',
  contact: '联系方式：{x}',
  licence: '数据许可：',
  footerData: '数据',
  years: '覆盖学年：{from}—{to}',
  latestRelease: '最新数据版本：',
  changelog: '更新记录',
  glossary: '术语表',
  footerTopics: '专题',
  reportNote: '发现数据有误？每个学校页面都有“报告数据错误”链接。',
  downloadCsv: '下载CSV',
  chartCsv: '下载本图数据（CSV）',
  chartAnchor: '本图链接',
  dataTable: '数据表：',
  verdictMet: '达标',
  verdictUnmet: '未达标',
  verdictUnknown: '无法判断',
  verdictNotApplicable: '不适用',
  notPublished: '未公布',
  cannotCompute: '无法计算',
  notApplicable: '不适用',
} as const;

export type MessageKey = keyof typeof ZH;

export const EN: Record<MessageKey, string> = {
  skip: 'Skip to main content',
  sampleLabel: 'Sample data: ',
  // one line on a 390 px phone (the header must stay compact); the rest shows on wider screens
  sampleText: 'all schools and figures are fictional',
  sampleWide: ', and so are the files: for demonstration only',
  sampleEnd: '.',
  search: 'Search',
  searchLabel: 'Search schools, streets or counties',
  searchPlaceholder: 'Search (Chinese names)',
  mainNav: 'Main navigation',
  topicNav: 'Topics',
  breadcrumbs: 'You are here',
  home: 'Home',
  navSchools: 'Schools',
  navCounties: 'Counties',
  navTopics: 'Topics',
  navMap: 'Map',
  navMethodology: 'Methodology',
  navData: 'Data',
  navGuide: 'Publisher guide',
  topicAdmissions: 'Admissions',
  topicClassSize: 'Class sizes',
  topicFunding: 'Funding',
  topicTeachers: 'Teachers',
  topicProgress: 'Progress',
  switchTo: '中文',
  switchLabel: 'Chinese version of this page',
  publisher: 'Published by: {x}',
  contact: 'Contact: {x}',
  licence: 'Data licence: ',
  footerData: 'Data',
  years: 'School years covered: {from}–{to}',
  latestRelease: 'Latest data release: ',
  changelog: 'Changelog',
  glossary: 'Glossary',
  footerTopics: 'Topics',
  reportNote: 'Found an error in the data? Every school page has a “report a data error” link.',
  downloadCsv: 'Download CSV',
  chartCsv: 'Download the numbers of this chart (CSV)',
  chartAnchor: 'Link to this chart',
  dataTable: 'Data table: ',
  verdictMet: 'met',
  verdictUnmet: 'not met',
  verdictUnknown: 'cannot be judged',
  verdictNotApplicable: 'not applicable',
  notPublished: 'not published',
  cannotCompute: 'cannot be computed',
  notApplicable: 'not applicable',
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { zh: ZH, en: EN };

/** One UI text in a locale, with {placeholders} filled. */
export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A translator bound to one locale, for a page shell. */
export const messagesOf = (locale: Locale) => (key: MessageKey, vars?: Record<string, string | number>) => t(locale, key, vars);
