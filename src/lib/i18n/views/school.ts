/**
 * /en/schools/[id]/ — the school page in English. Same numbers and verdicts as the Chinese page:
 * they come from the same results (SchoolYearResult, its Checks and verdict), the same rows and
 * the same shared helpers (classSizesByGrade, publicationOf, fmt); only the words are English.
 * Names (school, county, communities, plan documents) are data and stay in Chinese, with pinyin.
 */
import type { Finding, PartStage, SchoolYearResult } from '../../indicators/types';
import { INDICATOR_COUNT as N } from '../../views/shared';
import type { AdmissionRow } from '../../schema';
import { fmt, showSensitive } from '../../site/format';
import type { Portal } from '../../site/portal';
import { isSmallCount } from '../../privacy/suppress';
import { classSizesByGrade, publicationOf, schoolSelection } from '../../views/school';
import type { TableCell, Verdict, ViewTable } from '../../views/types';
import { gapText, listEn, pctEn, plural, showEn, statusCellEn, thresholdTextEn, valueCellEn } from '../format';
import { datasetEn, en, gradeEn, PART_EN, PLAN_STATUS_EN, PUBLICATION_EN, SEVERITY_EN } from '../labels';
import { romanise } from '../romanise';
import { findingEn } from './finding';

export interface FactEn {
  readonly label: string;
  readonly text: string;
  readonly href?: string;
  readonly list?: readonly string[];
  readonly missing?: boolean;
  /** The text is Chinese data (a name, an address): rendered with lang="zh-CN". */
  readonly zh?: boolean;
}

export interface VerdictLineEn {
  readonly verdict: Verdict;
  readonly symbol: string;
  readonly headline: string;
  readonly detail: string;
}

export interface SchoolViewEn {
  readonly id: string;
  readonly name: string;
  readonly pinyin: string;
  readonly description: string;
  readonly zhHref: string;
  readonly breadcrumbs: { label: string; href?: string }[];
  readonly tags: readonly string[];
  readonly facts: readonly FactEn[];
  readonly year: number | null;
  readonly verdict: VerdictLineEn;
  readonly admission: {
    readonly heading: string;
    readonly cards: readonly { readonly title: string; readonly items: readonly { readonly label: string; readonly text: string; readonly verdict?: Verdict; readonly missing?: boolean }[] }[];
    readonly note: string | null;
    readonly history: ViewTable | null;
    readonly privacyNote: string;
  };
  readonly indicators: { readonly heading: string; readonly empty: string | null; readonly parts: readonly { readonly id: string; readonly heading: string; readonly headingVisible: boolean; readonly summary: string; readonly table: ViewTable }[] };
  readonly classSize: { readonly heading: string; readonly text: string; readonly table: ViewTable | null };
  readonly funding: { readonly heading: string; readonly table: ViewTable | null; readonly empty: string };
  readonly plan: { readonly empty: string | null; readonly countyLink: { readonly text: string; readonly href: string }; readonly items: readonly { readonly year: string; readonly text: string; readonly status: string; readonly source: string; readonly sourceHref: string | null }[] };
  readonly findings: { readonly heading: string; readonly empty: string | null; readonly items: readonly { readonly severity: string; readonly label: string; readonly text: string }[]; readonly earlier: readonly { readonly severity: string; readonly text: string }[] };
  readonly sources: readonly { readonly text: string; readonly href: string; readonly dataset: string }[];
  readonly chartsNote: string;
}

export function schoolPathsEn(p: Portal): { params: { lang: 'en'; id: string } }[] {
  return p.settings.english ? p.data.schools.map((s) => ({ params: { lang: 'en' as const, id: s.school_id } })) : [];
}

/** The one-line verdict over the parts of the school's newest year, in English (same cases as verdictLine). */
export function verdictLineEn(p: Portal, parts: readonly SchoolYearResult[], year: number | null): VerdictLineEn {
  const when = year ? `${year}: ` : '';
  if (parts.length === 0) {
    return { verdict: 'unknown', symbol: '?', headline: `${when}cannot be judged against the quality-balance school standard`, detail: `There is no school-resources data (resources.csv) for this school${year ? ` in ${year}` : ''}, so the seven indicators cannot be computed.` };
  }
  const label = (r: SchoolYearResult) => (parts.length > 1 ? `${PART_EN[r.stage]}: ` : '');
  const name = (r: SchoolYearResult, key: string) => p.standard(key, r.stage).en;
  const rule = (r: SchoolYearResult) => `the rule: at least ${r.verdict.required} of ${N} met, the rest at least ${pctEn(r.verdict.minRatio)} of the standard`;
  const byPart = parts.map((r) => {
    const v = r.verdict;
    if (v.status === 'passes') {
      return v.missed.length === 0 ? `${label(r)}all ${N} indicators met` : `${label(r)}${v.met} of ${N} indicators met; the others are all at least ${pctEn(v.minRatio)} of the standard`;
    }
    if (v.status === 'unknown') {
      return `${label(r)}${v.met} of ${N} indicators met; ${listEn(v.missing.map((k) => name(r, k)))} not published, so it cannot be judged (${rule(r)})`;
    }
    const missed = r.indicators
      .filter((c) => c.met === false)
      .map((c) => {
        const below = r.verdict.belowMinRatio.includes(c.key) && c.ratio !== null ? `, below ${pctEn(r.verdict.minRatio)}` : '';
        const how = [gapText(c), c.ratio !== null ? `${pctEn(c.ratio)} of the standard${below}` : ''].filter(Boolean).join(', ');
        return `${name(r, c.key)}${how ? ` (${how})` : ''}`;
      });
    const short = v.met < v.required ? `, ${v.required - v.met} short of ${v.required}` : '';
    return `${label(r)}${v.met} of ${N} indicators met${short} (${rule(r)}); not met: ${missed.join('; ')}`;
  });
  const tpMin = p.standard('teaching_point_min_students').threshold;
  const excluded = parts.every((r) => r.counted.counted === false && (r.counted.reason === 'special_education' || r.counted.reason === 'small_teaching_point'));
  if (excluded) {
    const c = parts[0].counted;
    const why = c.counted === false && c.reason === 'special_education' ? 'Special-education schools are listed but not assessed' : `Teaching points with fewer than ${tpMin} students are listed but not assessed`;
    return { verdict: 'not_applicable', symbol: '—', headline: `${when}not assessed as a quality-balance school`, detail: `${why}. For reference only: ${byPart.join('; ')}.` };
  }
  const fails = parts.some((r) => r.verdict.status === 'fails');
  const unknown = parts.some((r) => r.verdict.status === 'unknown');
  const verdict: Verdict = fails ? 'unmet' : unknown ? 'unknown' : 'met';
  const headline = fails ? 'does not meet the quality-balance school standard' : unknown ? 'cannot yet be judged against the quality-balance school standard' : 'meets the quality-balance school standard';
  const notCounted = parts.map((r) => r.counted).find((c) => c.counted === false);
  const note = notCounted && notCounted.counted === false ? ' (Listed but not counted in the county’s figures.)' : '';
  return { verdict, symbol: fails ? '✗' : unknown ? '?' : '✓', headline: `${when}${headline}`, detail: `${byPart.join('; ')}.${note}` };
}

function inZoneEn(a: AdmissionRow, short = false): { text: string; missing: boolean } {
  if (a.admitted_in_zone === null) {
    if (a.method === 'lottery') return { text: short ? 'n/a (lottery)' : 'not applicable (admitted by lottery, not by zone)', missing: false };
    if (a.admitted === null && !short) return { text: 'not published (results not yet published)', missing: true };
    return { text: 'not published', missing: true };
  }
  if (short) return { text: fmt(a.admitted_in_zone), missing: false };
  const share = a.admitted ? ` (${pctEn(a.admitted_in_zone / a.admitted)} of those admitted)` : '';
  return { text: `${fmt(a.admitted_in_zone)}${share}`, missing: false };
}

function resultsEn(p: Portal, id: string, year: number, a: AdmissionRow): { text: string; verdict?: Verdict } {
  const status = publicationOf(p, id, year, a.grade);
  const word = status ? PUBLICATION_EN[status] : '';
  const verdict: Verdict | undefined = status === 'on_time' ? 'met' : status === 'late' || status === 'not_published' ? 'unmet' : status === 'not_due' ? 'not_applicable' : status ? 'unknown' : undefined;
  if (a.results_published_on) return { text: `${a.results_published_on}${word ? `, ${word}` : ''}`, verdict };
  return { text: word || 'not published', verdict };
}

function admissionCard(p: Portal, id: string, year: number, a: AdmissionRow): SchoolViewEn['admission']['cards'][number] {
  const over = a.admitted !== null && a.admitted > a.planned_seats ? `, ${fmt(a.admitted - a.planned_seats)} over the plan` : '';
  const iz = inZoneEn(a);
  const res = resultsEn(p, id, year, a);
  return {
    title: gradeEn(a.grade),
    items: [
      { label: 'Places planned', text: `${fmt(a.planned_seats)}${a.planned_classes !== null ? ` (${plural(a.planned_classes, 'class', 'classes')})` : ''}` },
      { label: 'Applicants', text: a.applicants === null ? 'not published' : fmt(a.applicants), missing: a.applicants === null },
      { label: 'Admitted', text: a.admitted === null ? 'not published (results not yet published)' : `${fmt(a.admitted)}${over}`, missing: a.admitted === null, verdict: over ? 'unmet' : undefined },
      { label: 'Admitted from the zone', text: iz.text, missing: iz.missing },
      { label: 'Admission method', text: a.method ? (a.method === 'lottery' ? 'Lottery (random computer draw)' : en.method(a.method)) : 'not published', missing: a.method === null },
      { label: 'Plan published', text: a.plan_published_on ?? 'not published', missing: a.plan_published_on === null },
      { label: 'Results published', text: res.text, verdict: res.verdict },
    ],
  };
}

function admissionHistory(p: Portal, id: string, years: readonly number[]): ViewTable | null {
  const threshold = p.settings.suppression_threshold;
  const rows: TableCell[][] = [];
  for (const y of years) {
    for (const a of p.rowsBySchoolYear.get(`${id}:${y}`)?.admissions ?? []) {
      const res = resultsEn(p, id, y, a);
      const small = (v: number | null) => (v === null ? 'not published' : fmt(v));
      const sensitive = showSensitive(a.admitted_disabled, threshold);
      rows.push([
        `${y}, ${gradeEn(a.grade)}`,
        fmt(a.planned_seats),
        small(a.applicants),
        a.admitted === null ? 'not published' : a.admitted > a.planned_seats ? { text: `${fmt(a.admitted)} (over plan)`, verdict: 'unmet' } : fmt(a.admitted),
        inZoneEn(a, true).text,
        small(a.admitted_migrant),
        a.admitted_disabled === null ? 'not published' : sensitive,
        en.method(a.method),
        res.verdict ? { text: res.text, verdict: res.verdict } : res.text,
      ]);
    }
  }
  if (!rows.length) return null;
  return {
    caption: 'Admissions in earlier years (newest first)',
    id: 'admissions-history',
    columns: [
      { label: 'Year and grade' },
      { label: 'Planned', numeric: true },
      { label: 'Applicants', numeric: true },
      { label: 'Admitted', numeric: true },
      { label: 'From the zone', numeric: true },
      { label: 'Migrant children', numeric: true },
      { label: 'Children with disabilities', numeric: true },
      { label: 'Method' },
      { label: 'Results published' },
    ],
    rows,
  };
}

function indicatorPart(p: Portal, r: SchoolYearResult, single: boolean) {
  const st = showEn(r.students);
  const cl = showEn(r.classes);
  const v = r.verdict;
  const summary = `Students: ${st.text}; classes: ${cl.text}. ${v.met} of ${v.computed === N ? N : `${v.computed} computable`} indicators met.${r.counted.counted === false ? ' Listed but not counted in the county’s figures.' : ''}`;
  return {
    id: `ind-${r.stage}`,
    heading: PART_EN[r.stage],
    headingVisible: !single,
    summary,
    table: {
      caption: `${single ? '' : `${PART_EN[r.stage]}: `}the ${N} indicators against the standard (${r.year})`,
      columns: [{ label: 'Indicator' }, { label: 'This school', numeric: true }, { label: 'Standard', numeric: true }, { label: 'Check' }, { label: 'Share of the standard', numeric: true }],
      rows: r.indicators.map((c) => [p.standard(c.key, r.stage).en, valueCellEn(c), thresholdTextEn(c), statusCellEn(c), c.ratio !== null ? pctEn(c.ratio) : '—']),
    } satisfies ViewTable,
  };
}

function classSize(p: Portal, id: string, year: number | null): SchoolViewEn['classSize'] {
  const heading = `Class sizes${year ? ` (${year})` : ''}`;
  const grades = classSizesByGrade(p, id, year);
  if (!grades.length) return { heading, text: `Not published: classes.csv${year ? ` for ${year}` : ''} has no classes of this school.`, table: null };
  const total = grades.reduce((a, g) => a + g.classes, 0);
  const over = grades.reduce((a, g) => a + g.over, 0);
  const lim = (s: PartStage) => p.standard('class_size', s).threshold;
  const largeMin = p.standard('large_class_min').threshold;
  const superMin = p.standard('super_large_class_min').threshold;
  return {
    heading,
    text:
      `${plural(total, 'class', 'classes')}. Standard class size: at most ${lim('primary')} pupils in primary and ${lim('junior')} in junior secondary; ${largeMin}–${superMin - 1} is a large class, ${superMin} or more a super-large class. ` +
      (over > 0 ? `${plural(over, 'class', 'classes')} above the standard.` : 'No class is above the standard.'),
    table: {
      caption: `Class sizes by grade (${year})`,
      columns: [{ label: 'Grade' }, { label: 'Classes', numeric: true }, { label: 'Mean size', numeric: true }, { label: 'Largest', numeric: true }, { label: 'Above the standard', numeric: true }, { label: 'Large', numeric: true }, { label: 'Super-large', numeric: true }],
      rows: grades.map((g) => [
        gradeEn(g.grade),
        String(g.classes),
        fmt(g.mean, 1),
        String(g.max),
        g.over > 0 ? { text: `${g.over} (over ${g.limit})`, verdict: 'unmet' } : '0',
        g.large > 0 ? { text: String(g.large), verdict: 'unmet' } : '0',
        g.superLarge > 0 ? { text: String(g.superLarge), verdict: 'unmet' } : '0',
      ]),
    },
  };
}

function checkRow(label: string, c: Parameters<typeof statusCellEn>[0]): TableCell[] {
  return [label, valueCellEn(c), thresholdTextEn(c), statusCellEn(c)];
}

function funding(p: Portal, id: string, first: SchoolYearResult | undefined, year: number | null): SchoolViewEn['funding'] {
  const heading = `Funding and teachers${year ? ` (${year})` : ''}`;
  if (!first || !year) return { heading, table: null, empty: 'Not published.' };
  const threshold = p.settings.suppression_threshold;
  const row = p.rowsBySchoolYear.get(`${id}:${year}`)?.funding ?? null;
  const n = row?.special_ed_students;
  const f = first.funding;
  const t = first.teachers;
  const specialLabel = p.standard('special_ed_funds_per_student').en;
  let special: TableCell[];
  if (row && isSmallCount(n, threshold)) {
    special = [specialLabel, `withheld (fewer than ${threshold} special-education pupils; withheld to protect privacy)`, thresholdTextEn(f.specialEdPerStudent), { text: '—', verdict: 'unknown' }];
  } else if (row && n === 0 && first.kind !== 'special_education') {
    special = [specialLabel, 'no special-education pupils, so no such funds', thresholdTextEn(f.specialEdPerStudent), { text: '—', verdict: 'not_applicable' }];
  } else {
    special = checkRow(specialLabel, f.specialEdPerStudent);
  }
  const sensitive = row ? showSensitive(n, threshold) : null;
  return {
    heading,
    empty: '',
    table: {
      caption: `Funding, teachers and quality (${year})`,
      columns: [{ label: 'Item' }, { label: 'This school', numeric: true }, { label: 'Standard', numeric: true }, { label: 'Check' }],
      rows: [
        ['Public funds spent', valueCellEn({ value: f.publicFunds, unit: '元' }), '', ''],
        ['Public funds per student', valueCellEn({ value: f.publicFundsPerStudent, unit: '元' }), '', ''],
        checkRow(p.standard('public_funds_vs_standard').en, f.publicFundsVsStandard),
        checkRow(p.standard('training_funds_share').en, f.trainingShare),
        ['Special-education pupils', sensitive === null || sensitive === '未公布' ? 'not published' : sensitive, '', ''],
        special,
        ['Full-time teachers', valueCellEn({ value: t.teachers, unit: '人' }), '', ''],
        checkRow(p.standard('certified_teachers_share').en, t.certifiedShare),
        checkRow(p.standard('training_360h_share').en, t.training360Share),
        checkRow(`${p.standard('teacher_exchange_rate').en} (judged county-wide; for reference)`, t.exchangeRate),
        checkRow('Dropout rate', first.outcomes.dropoutRate),
        checkRow('Pass rate', first.outcomes.passRate),
      ],
    },
  };
}

function findings(p: Portal, all: readonly Finding[], year: number | null): SchoolViewEn['findings'] {
  const now = all.filter((f) => f.year === year);
  const earlier = all.filter((f) => f.year !== year).sort((a, b) => b.year - a.year);
  return {
    heading: `Findings${year ? ` (${year})` : ''}`,
    empty: now.length ? null : `The ${year ? `${year} ` : ''}data show nothing at this school below a standard.`,
    items: now.map((f) => ({ severity: f.severity, label: SEVERITY_EN[f.severity], text: findingEn(p, f) })),
    earlier: earlier.map((f) => ({ severity: f.severity, text: `${f.year}: ${findingEn(p, f)}` })),
  };
}

export function schoolViewEn(p: Portal, id: string): SchoolViewEn {
  const { school, countyName, year, parts, zones, newestFirst, admYear, admissionRows, latest, plans, sources } = schoolSelection(p, id);
  const countyHref = p.href(`en/counties/${school.region_code}/`);
  const verdict = verdictLineEn(p, parts, year);
  const cards = admYear ? admissionRows.map((a) => admissionCard(p, id, admYear, a)) : [];
  let admNote: string | null = null;
  if (!admYear) admNote = 'Not published: there are no admission plans or results for this school.';
  else if (latest && admYear < latest) admNote = `No admission record for this school in ${latest}; below are the figures for ${admYear}.`;
  const threshold = p.settings.suppression_threshold;

  const zonesLabel = `Admission zone${year ? ` (${year})` : ''}`;
  const facts: FactEn[] = [
    { label: 'County', text: countyName, href: countyHref, zh: true },
    { label: 'Address', text: school.address ?? 'not published', missing: !school.address, zh: !!school.address },
    { label: 'School ID', text: school.school_id },
    ...(school.website ? [{ label: 'Website', text: school.website, href: school.website }] : []),
    zones.length ? { label: zonesLabel, text: '', list: zones.map((z) => (z.note ? `${z.area} (${z.note})` : z.area)), zh: true } : { label: zonesLabel, text: 'not published', missing: true },
  ];
  const tags = [
    en.stage(school.stage),
    en.ownership(school.ownership),
    en.locale(school.locale),
    ...(school.kind !== 'regular' ? [en.kind(school.kind)] : []),
    ...(school.status === 'closed' ? [`Closed or merged${school.closed_year ? ` (${school.closed_year})` : ''}`] : []),
  ];
  const pinyin = romanise(school.name);
  const countyLinkText = `Plan progress of ${countyName}`;

  return {
    id,
    name: school.name,
    pinyin,
    description: `${school.name}${pinyin ? ` (${pinyin})` : ''}, ${en.stage(school.stage).toLowerCase()} school in ${countyName}: ${verdict.headline}. Admission zone, class sizes, admissions, funding and teachers.`,
    zhHref: p.href(`schools/${id}/`),
    breadcrumbs: [{ label: 'Schools', href: p.href('en/schools/') }, { label: countyName, href: countyHref }, { label: school.name }],
    tags,
    facts,
    year,
    verdict,
    admission: {
      heading: admYear ? `Admissions ${admYear}` : 'Admissions',
      cards,
      note: admNote,
      history: admissionHistory(p, id, newestFirst.filter((y) => admYear !== null && y < admYear)),
      privacyNote: `Fewer than ${threshold} children with disabilities admitted is shown as “<${threshold}” to protect privacy. Admission results must be published within ${p.standard('publication_working_days').threshold} working days after 1 September.`,
    },
    indicators: {
      heading: `The ${N} resource indicators${year ? ` (${year})` : ''}`,
      empty: parts.length ? null : `There is no school-resources data (resources.csv) for this school${year ? ` in ${year}` : ''}: the seven indicators cannot be computed.`,
      parts: parts.map((r) => indicatorPart(p, r, parts.length === 1)),
    },
    classSize: classSize(p, id, year),
    funding: funding(p, id, parts[0], year),
    plan: {
      empty: plans.length ? null : 'The plan (plans.csv) gives no separate target year for this school; see the',
      countyLink: { text: countyLinkText, href: `${countyHref}#plan` },
      items: plans.map((pl) => ({ year: String(pl.target_year), text: en.milestone(pl.milestone), status: PLAN_STATUS_EN[pl.latest], source: pl.planSource, sourceHref: pl.planSourceUrl })),
    },
    findings: findings(p, p.findingsBySchool.get(id) ?? [], year),
    sources: sources.map((s) => ({ text: `${s.file}, row ${s.row}`, href: p.href(`en/data/${s.dataset}/`), dataset: datasetEn(s.dataset) })),
    chartsNote: 'Charts of these numbers are on the',
  };
}

