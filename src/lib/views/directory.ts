/**
 * /schools/ and its pre-rendered filter pages (/schools/county/990101/, /schools/stage/primary/ …):
 * the lede with the counts, the filter links (they work without JavaScript), the in-page form
 * (progressive enhancement, see directory-client.ts) and the directory table, in county and
 * school-code order (not a ranking). Every school row carries data-* for the in-page filter.
 */
import { fmt, zh } from '../site/format';
import { DIMENSIONS, DIRECTORY_ROW_LIMIT, directoryRows, filterOptions, filterPages, schoolsMatching, type Dimension, type DirectoryRow } from '../site/directory';
import type { SchoolRow } from '../schema';
import type { Portal } from '../site/portal';
import type { Segment } from './glossary';
import { schoolRule } from './shared';
import type { Crumb } from './topics';
import type { Link, TableCell, Verdict, ViewTable, Words } from './types';

export interface FilterLink extends Link {
  readonly count: string;
  readonly current: boolean;
}

export interface DirectoryFiltersView {
  readonly label: string;
  readonly groups: readonly { readonly label: string; readonly links: readonly FilterLink[] }[];
  /** The in-page form (only where every row is on the page). */
  readonly form: {
    readonly query: { readonly label: string; readonly placeholder: string };
    readonly selects: readonly { readonly name: string; readonly label: string; readonly options: readonly { readonly value: string; readonly label: string }[] }[];
  } | null;
}

export interface DirectoryView {
  readonly title: string;
  readonly description: string;
  readonly breadcrumbs: Crumb[];
  readonly lede: string | null;
  /** A county's filter page links to the county page. */
  readonly countyLink: Link | null;
  readonly filters: DirectoryFiltersView;
  readonly table: ViewTable | null;
  /** A region too large to list on one page: what to do instead. */
  readonly tooMany: readonly Segment[] | null;
  readonly note: readonly Segment[] | null;
}

/** The words of the page, in one place (another language passes its own DirectoryWords). */
export const DIRECTORY_ZH = {
  title: '学校名录',
  schools: '学校',
  description: (region: string, n: number) => `${region}${n}所义务教育学校的名录：按县区、学段、办学性质和城乡筛选，每所学校有单独的页面。`,
  lede: (region: string, n: number, closed: number) =>
    `${region}共${n}所义务教育学校${closed ? `（其中${closed}所已撤并）` : ''}。点击校名查看该校的办学条件、班额、招生、经费和招生范围。名录按县区和学校标识码排列，不是排名。`,
  allCaption: '全部学校',
  caption: (what: string, n: number) => `${what}（${n}所）`,
  tooMany: '学校较多，请先选择县区：上面的每个县区链接列出该县区的全部学校。也可以',
  search: '按校名或街道搜索',
  end: '。',
  note: (total: number, rule: string) => `“${total}项指标”指${rule}的要求（`,
  methodology: '方法说明',
  noteEnd: '）。',
  filterTitle: (dim: Dimension, dimZh: string, label: string) => (dim === 'county' ? `${label}的学校` : `${dimZh}：${label}的学校`),
  filterDescription: (region: string, title: string, n: number) => `${region}${title}名录（${n}所）。`,
  countyLink: (county: string) => `${county}的优质均衡进展`,
  filtersLabel: '筛选学校',
  all: '全部',
  count: (n: number) => `（${n}）`,
  query: { label: '学校名称', placeholder: '输入校名中的字' },
  sort: { name: 'sort', label: '排序', options: [['', '按县区和学校代码'], ['name', '按校名'], ['students-desc', '按在校生（多到少）'], ['students-asc', '按在校生（少到多）']] },
  columns: (year: number | null, total: number) => ['学校', '县区', '学段', '办学性质', '城乡', `在校生${year ? `（${year}）` : ''}`, `${total}项指标${year ? `（${year}）` : ''}`],
  closed: '已撤并',
  notPublished: '未公布',
  verdict: { passes: '✓ 达标', fails: '✗ 未达标', unknown: '? 未公布' },
} as const;
export type DirectoryWords = Words<typeof DIRECTORY_ZH>;

const VERDICT: Record<DirectoryRow['verdicts'][number]['status'], Verdict> = { passes: 'met', fails: 'unmet', unknown: 'unknown' };

function filtersView(p: Portal, current: { dim: Dimension; value: string } | null, form: boolean, w: DirectoryWords): DirectoryFiltersView {
  const options = filterOptions(p);
  const exists = new Set(filterPages(p).map((o) => `${o.dim}:${o.value}`));
  const groups = DIMENSIONS.flatMap((d) => {
    const opts = options.filter((o) => o.dim === d.key && exists.has(`${o.dim}:${o.value}`));
    if (!opts.length) return [];
    return [
      {
        label: d.zh,
        links: [
          { text: w.all, href: p.href('schools/'), count: '', current: !current },
          ...opts.map((o) => ({ text: o.label, href: p.href(`schools/${o.dim}/${o.value}/`), count: w.count(o.count), current: !!current && current.dim === o.dim && current.value === o.value })),
        ],
      },
    ];
  });
  return {
    label: w.filtersLabel,
    groups,
    form: form
      ? {
          query: w.query,
          selects: [
            ...DIMENSIONS.map((d) => ({ name: d.key, label: d.zh, options: [{ value: '', label: w.all }, ...options.filter((o) => o.dim === d.key).map((o) => ({ value: o.value, label: o.label }))] })),
            { name: w.sort.name, label: w.sort.label, options: w.sort.options.map(([value, label]) => ({ value, label })) },
          ],
        }
      : null,
  };
}

/** The directory table: one row per school, data-* for the in-page filter and sort. */
export function directoryTable(p: Portal, schools: readonly SchoolRow[], caption: string, w: DirectoryWords = DIRECTORY_ZH): ViewTable {
  const rows = directoryRows(p, schools);
  const total = schoolRule(p).total;
  return {
    caption: w.caption(caption, rows.length),
    id: 'directory',
    layout: 'stack',
    searchable: false,
    columns: w.columns(p.latestYear, total).map((label, i) => ({ label, numeric: i === 5 })),
    rows: rows.map((r): TableCell[] => {
      const s = r.school;
      const tags = [...(s.status === 'closed' ? [w.closed] : []), ...(s.kind !== 'regular' ? [zh.kind(s.kind)] : [])];
      const verdicts = r.verdicts.map((v) => `${zh.part(v.stage)} ${w.verdict[v.status]}`).join('\n');
      const worst: Verdict = r.verdicts.some((v) => v.status === 'fails') ? 'unmet' : r.verdicts.some((v) => v.status === 'unknown') ? 'unknown' : 'met';
      return [
        { text: s.name, href: p.href(`schools/${s.school_id}/`), ...(tags.length ? { tags } : {}) },
        r.county,
        zh.stage(s.stage),
        zh.ownership(s.ownership),
        zh.locale(s.locale),
        r.students === null ? { text: w.notPublished, verdict: 'unknown' } : fmt(r.students),
        r.verdicts.length ? { text: verdicts, verdict: r.verdicts.length === 1 ? VERDICT[r.verdicts[0].status] : worst } : { text: w.notPublished, verdict: 'unknown' },
      ];
    }),
    rowData: rows.map((r) => ({ county: r.school.region_code, stage: r.school.stage, ownership: r.school.ownership, locale: r.school.locale, name: r.school.name, students: r.students === null ? '' : String(r.students) })),
  };
}

export function directoryView(p: Portal, w: DirectoryWords = DIRECTORY_ZH): DirectoryView {
  const all = p.data.schools;
  const small = all.length <= DIRECTORY_ROW_LIMIT;
  const closed = all.filter((s) => s.status === 'closed').length;
  const region = p.settings.region_name;
  const rule = schoolRule(p);
  return {
    title: w.title,
    description: w.description(region, all.length),
    breadcrumbs: [{ label: w.schools }],
    lede: w.lede(region, all.length, closed),
    countyLink: null,
    filters: filtersView(p, null, small, w),
    table: small ? directoryTable(p, all, w.allCaption, w) : null,
    tooMany: small ? null : [{ text: w.tooMany }, { text: w.search, href: p.href('search/') }, { text: w.end }],
    note: [{ text: w.note(rule.total, rule.text) }, { text: w.methodology, href: p.href('methodology/') }, { text: w.noteEnd }],
  };
}

export function directoryFilterPaths(p: Portal): { params: { dim: Dimension; value: string } }[] {
  return filterPages(p).map((o) => ({ params: { dim: o.dim, value: o.value } }));
}

export function directoryFilterView(p: Portal, dim: Dimension, value: string, w: DirectoryWords = DIRECTORY_ZH): DirectoryView {
  const opt = filterOptions(p).find((o) => o.dim === dim && o.value === value)!;
  const dimZh = DIMENSIONS.find((d) => d.key === dim)!.zh;
  const title = w.filterTitle(dim, dimZh, opt.label);
  const table = directoryTable(p, schoolsMatching(p, dim, value), title, w);
  return {
    title,
    description: w.filterDescription(p.settings.region_name, title, table.rows.length),
    breadcrumbs: [{ label: w.schools, href: p.href('schools/') }, { label: opt.label }],
    lede: null,
    countyLink: dim === 'county' ? { text: w.countyLink(opt.label), href: p.href(`counties/${value}/`) } : null,
    filters: filtersView(p, { dim, value }, false, w),
    table,
    tooMany: null,
    note: null,
  };
}
