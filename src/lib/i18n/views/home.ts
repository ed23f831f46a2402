/**
 * /en/ and /en/schools/ — the English entry pages: what the site is, where to go, and every
 * school with its verdict (the same verdict line as its page, verdictLineEn over the core's results).
 */
import type { Portal } from '../../site/portal';
import { INDICATOR_COUNT as N } from '../../views/shared';
import { DIRECTORY_ROW_LIMIT } from '../../site/directory';
import type { TableCell, ViewTable } from '../../views/types';
import { en } from '../labels';
import { plural } from '../format';
import { romanise } from '../romanise';
import { verdictLineEn } from './school';
import { countiesViewEn } from './counties';

export interface HomeViewEn {
  readonly title: string;
  readonly lede: string;
  readonly facts: readonly { readonly figure: string; readonly text: string }[];
  readonly links: readonly { readonly text: string; readonly href: string; readonly about: string; readonly lang?: string }[];
  readonly counties: readonly { readonly name: string; readonly pinyin: string; readonly href: string; readonly schools: string }[];
  /** Where each county stands (the comparison page's first columns), one table per stage. */
  readonly glance: { readonly heading: string; readonly tables: readonly ViewTable[]; readonly more: { readonly text: string; readonly href: string } };
  readonly note: string;
}

export function homeViewEn(p: Portal): HomeViewEn {
  const region = p.settings.region_name;
  const years = p.years;
  const open = p.data.schools.filter((s) => s.status !== 'closed').length;
  return {
    title: `${region} compulsory education data`,
    lede: `Open data on balanced compulsory education in ${region}${romanise(region) ? ` (${romanise(region)})` : ''}: for each school and county, the resources, class sizes, admissions, funding and teachers, set against the national standards for quality-balanced compulsory education. Figures are published by ${p.settings.publisher}; this English version gives the same numbers and verdicts as the Chinese site. Names of schools, counties and communities are given in Chinese, with pinyin.`,
    facts: [
      { figure: String(p.counties.length), text: 'counties and districts' },
      { figure: String(open), text: 'schools open' },
      { figure: years.length ? `${years[0]}–${years[years.length - 1]}` : '—', text: 'school years' },
    ],
    links: [
      { text: 'Schools', href: p.href('en/schools/'), about: 'every school with its verdict; each has a page with its indicators, class sizes and admissions' },
      { text: 'Counties', href: p.href('en/counties/'), about: 'every county’s coefficients of variation against the limits, schools meeting the standard and target years' },
      { text: 'Map', href: p.href('map/'), about: 'where the schools are (in Chinese)', lang: 'zh-CN' },
      { text: 'Methodology', href: p.href('en/methodology/'), about: 'how each indicator is computed, the standards and the documents they come from' },
      { text: 'Data', href: p.href('en/data/'), about: 'every table as Excel, CSV and JSON, with English column names' },
    ],
    counties: p.counties.map((c) => ({ name: c.name, pinyin: romanise(c.name), href: p.href(`en/counties/${c.region_code}/`), schools: plural((p.schoolsByCounty.get(c.region_code) ?? []).length, 'school') })),
    glance: {
      heading: 'Where each county stands',
      tables: countiesViewEn(p).tables.map(({ table }) => ({ caption: table.caption, columns: table.columns.slice(0, 5), rows: table.rows.map((r) => r.slice(0, 5)) })),
      more: { text: 'Every coefficient of variation by county', href: p.href('en/counties/') },
    },
    note: 'Search works in Chinese (school names, streets, pinyin) on the Chinese site.',
  };
}

export interface SchoolsViewEn {
  readonly lede: string;
  readonly tables: readonly { readonly heading: string; readonly pinyin: string; readonly href: string; readonly table: ViewTable | null }[];
}

export function schoolsViewEn(p: Portal): SchoolsViewEn {
  const all = p.data.schools;
  const listRows = all.length <= DIRECTORY_ROW_LIMIT;
  return {
    lede: `${p.settings.region_name} has ${plural(all.length, 'compulsory-education school')}, listed by county and school ID (not ranked). The verdict is for the newest year with data: whether the school meets the rule of at least ${p.standard('min_indicators_met').threshold} of the ${N} resource indicators, the rest at least ${Math.round(p.standard('min_ratio_missed').threshold * 100)}% of the standard.`,
    tables: p.counties.map((c) => {
      const schools = p.schoolsByCounty.get(c.region_code) ?? [];
      const table: ViewTable | null = listRows && schools.length
        ? {
            caption: `Schools of ${c.name}`,
            columns: [{ label: 'School' }, { label: 'Pinyin' }, { label: 'Stage' }, { label: 'Type' }, { label: 'Verdict' }],
            rows: schools.map((s): TableCell[] => {
              const results = p.resultsBySchool.get(s.school_id) ?? [];
              const year = results.length ? results[results.length - 1].year : p.latestYear;
              const v = verdictLineEn(p, year ? (p.resultsBySchoolYear.get(`${s.school_id}:${year}`) ?? []) : [], year);
              return [
                { text: s.name, href: p.href(`en/schools/${s.school_id}/`) },
                romanise(s.name),
                en.stage(s.stage),
                `${en.ownership(s.ownership)}, ${en.locale(s.locale).toLowerCase()}${s.status === 'closed' ? ', closed' : ''}`,
                { text: `${v.symbol} ${v.headline}`, verdict: v.verdict },
              ];
            }),
          }
        : null;
      return { heading: c.name, pinyin: romanise(c.name), href: p.href(`en/counties/${c.region_code}/`), table };
    }),
  };
}
