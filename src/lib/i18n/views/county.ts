/**
 * /en/counties/[code]/ — a county in English: the same cards, CV table, school matrix, class
 * sizes, admissions, finance and plan as the Chinese page, from the same results and the shared
 * county helpers (cvCounts, countyClassTotals, countyAdmissionTotals); the charts stay on the
 * Chinese page (their labels are Chinese), every table is here.
 */
import type { CvResult, PartStage } from '../../indicators/types';
import { INDICATOR_COUNT as N } from '../../views/shared';
import { num } from '../../indicators/values';
import { QUALITY_INDICATOR_KEYS } from '../../standards';
import { fmt, fmtCv } from '../../site/format';
import { countyYear, digitsFor, stagesOf } from '../../site/region-charts';
import type { Portal } from '../../site/portal';
import { countyAdmissionTotals, countyClassTotals, cvCounts } from '../../views/county';
import type { Card } from '../../views/county';
import { verdictOf } from '../../views/shared';
import type { TableCell, ViewTable } from '../../views/types';
import { fmtUnitEn, gapText, listEn, plural, showEn, statusCellEn, thresholdTextEn, valueCellEn } from '../format';
import { en, INDICATOR_SHORT_EN, PLAN_STATUS_EN, PLAN_STATUS_SHORT_EN, STAGE_EN } from '../labels';
import { romanise } from '../romanise';

export interface CountyViewEn {
  readonly code: string;
  readonly name: string;
  readonly pinyin: string;
  readonly year: number;
  readonly description: string;
  readonly lede: string;
  readonly zhHref: string;
  readonly breadcrumbs: { label: string; href?: string }[];
  readonly cards: readonly Card[];
  readonly cv: { readonly intro: string; readonly stages: readonly { readonly heading: string; readonly table: ViewTable; readonly excluded: string | null }[] };
  readonly matrix: { readonly heading: string; readonly intro: string; readonly stages: readonly { readonly heading: string; readonly table: ViewTable }[] };
  readonly holdingBack: { readonly text: string; readonly schools: readonly { readonly name: string; readonly href: string; readonly gaps: string }[] };
  readonly classSize: ViewTable;
  readonly admissions: ViewTable;
  readonly finance: ViewTable | null;
  readonly plan: { readonly empty: string | null; readonly milestones: readonly { readonly year: string; readonly text: string; readonly description: string | null; readonly status: string }[]; readonly schools: ViewTable | null; readonly source: { readonly text: string; readonly href: string | null } | null };
  readonly schools: readonly { readonly name: string; readonly pinyin: string; readonly href: string; readonly note: string }[];
}

export function countyPathsEn(p: Portal): { params: { lang: 'en'; code: string } }[] {
  return p.settings.english ? p.counties.map((c) => ({ params: { lang: 'en' as const, code: c.region_code } })) : [];
}

/** “0.312 ✓” / “0.612 ✗ over” / “not published” — the verdict is the core's (cv.passes). */
export function cvCellEn(cv: CvResult | undefined): TableCell {
  if (!cv) return 'not published';
  const v = num(cv.value);
  if (v === null) return { text: showEn(cv.value).text, verdict: 'unknown' };
  if (cv.passes === true) return { text: `${fmtCv(v)} ✓`, verdict: 'met' };
  if (cv.passes === false) return { text: `${fmtCv(v)} ✗ over`, verdict: 'unmet' };
  return { text: `${fmtCv(v)} (some schools did not report)`, verdict: 'unknown' };
}

export function countyViewEn(p: Portal, code: string): CountyViewEn {
  const county = p.regionsByCode.get(code);
  if (!county) throw new Error(`没有县区 ${code}`);
  const name = county.name;
  const year = p.latestYear!;
  const newestFirst = [...p.years].reverse();
  const stages = stagesOf(p, code);
  const schools = p.schoolsByCounty.get(code) ?? [];
  const gaps = p.countyGaps.get(code);
  const schoolHref = (id: string) => p.href(`en/schools/${id}/`);
  const cvLimit = (s: PartStage) => p.standard('cv_quality', s).threshold;
  const required = p.standard('min_indicators_met').threshold;
  const minRatio = `${fmt(p.standard('min_ratio_missed').threshold * 100, 1)}%`;
  const rule = `at least ${required} of the ${N} indicators met and the rest at least ${minRatio} of the standard`;

  const cards: Card[] = [];
  for (const stage of stages) {
    const n = cvCounts(countyYear(p, code, year, stage));
    const extra = [n.over ? `${n.over} over it` : '', n.unknown ? `${n.unknown} cannot be judged` : ''].filter(Boolean).join(', ');
    cards.push({
      title: `${STAGE_EN[stage]}: coefficients of variation (${year})`,
      figure: `${n.within} of ${n.total}`,
      text: `within the limit of ${fmtCv(cvLimit(stage))}${extra ? `; ${extra}` : ''}`,
      verdict: n.over ? 'unmet' : n.unknown ? 'unknown' : 'met',
    });
  }
  for (const stage of stages) {
    const c = countyYear(p, code, year, stage);
    if (!c) continue;
    cards.push({
      title: `${STAGE_EN[stage]}: schools meeting the standard (${required}+ of ${N})`,
      figure: `${c.sixOfSeven.passes} of ${c.countedSchools}`,
      text: `${c.sixOfSeven.fails > 0 ? `${plural(c.sixOfSeven.fails, 'school')} not meeting it` : 'every assessed school meets it'}${c.sixOfSeven.unknown > 0 ? `, ${c.sixOfSeven.unknown} without enough data` : ''}`,
      verdict: c.sixOfSeven.fails ? 'unmet' : c.sixOfSeven.unknown ? 'unknown' : 'met',
    });
  }
  const ct = countyClassTotals(p, code, year);
  cards.push({
    title: `Class sizes (${year})`,
    figure: plural(ct.large + ct.superLarge, 'large class', 'large classes'),
    text: `${plural(ct.classes, 'class', 'classes')} in all, ${ct.over} above the standard class size${ct.superLarge > 0 ? `, ${ct.superLarge} of them super-large` : ''}`,
  });

  const cvStages = stages.map((stage) => {
    const rows: TableCell[][] = QUALITY_INDICATOR_KEYS.map((key) => [
      p.standard(key, stage).en,
      ...newestFirst.map((y) => (p.yearData.get(y)?.resources ? cvCellEn(countyYear(p, code, y, stage)?.cv.find((x) => x.indicator === key)) : 'not published')),
    ]);
    rows.push([
      `Composite CV (mean of the ${N}; for reference only)`,
      ...newestFirst.map((y) => {
        const c = countyYear(p, code, y, stage);
        const v = c && p.yearData.get(y)?.resources ? num(c.compositeCv) : null;
        return v === null ? 'not published' : fmtCv(v);
      }),
    ]);
    const cy = countyYear(p, code, year, stage);
    return {
      heading: `${STAGE_EN[stage]}: coefficients of variation`,
      table: {
        caption: `${STAGE_EN[stage]} schools: coefficient of variation between schools (limit ${fmtCv(cvLimit(stage))}, newest year first)`,
        id: `cv-table-${stage}`,
        columns: [{ label: 'Indicator' }, ...newestFirst.map((y) => ({ label: String(y), numeric: true }))],
        rows,
      } satisfies ViewTable,
      excluded: cy && cy.excluded.length ? `Listed but not counted in the coefficients: ${listEn(cy.excluded.map((e) => `${e.name} (${e.reason === 'special_education' ? 'special-education school' : e.reason === 'small_teaching_point' ? 'small teaching point' : e.reason === 'no_students' ? 'no students' : 'no resources data'})`))}.` : null,
    };
  });

  const matrixStages = stages.flatMap((stage) => {
    const rows = schools.flatMap((s) => p.resultsBySchoolYear.get(`${s.school_id}:${year}`) ?? []).filter((r) => r.stage === stage);
    if (!rows.length) return [];
    const table: ViewTable = {
      caption: `${STAGE_EN[stage]} schools against the ${N} indicators, ${year} (standards in the column heads)`,
      id: `schools-${stage}`,
      columns: [
        { label: 'School' },
        ...QUALITY_INDICATOR_KEYS.map((k) => ({ label: `${INDICATOR_SHORT_EN[k]} ${thresholdTextEn(p.standard(k, stage))}`, numeric: true })),
        { label: `${required}+ of ${N} met` },
      ],
      rows: rows.map((r) => [
        { text: r.counted.counted ? r.name : `${r.name} (not counted)`, href: schoolHref(r.school_id) },
        ...r.indicators.map((c): TableCell => {
          const s = showEn(c.value, c.unit);
          const v = s.isNumber ? fmt((c.value as { value: number }).value, digitsFor(c.unit)) : s.text;
          const st = statusCellEn(c);
          const mark = typeof st === 'string' || st.text === '—' ? '' : ` ${st.text}`;
          return { text: `${v}${mark}`, verdict: verdictOf(c) };
        }),
        r.verdict.status === 'passes' ? { text: '✓ met', verdict: 'met' } : r.verdict.status === 'fails' ? { text: '✗ not met', verdict: 'unmet' } : { text: '? not enough data', verdict: 'unknown' },
      ]),
    };
    return [{ heading: STAGE_EN[stage], table }];
  });

  const holding = (gaps?.schoolsHoldingBack ?? []).map((id) => {
    const gs = gaps!.schoolGaps.filter((g) => g.school_id === id);
    return {
      name: p.schoolsById.get(id)?.name ?? id,
      href: schoolHref(id),
      gaps: gs
        .map((g) => `${STAGE_EN[g.stage]}: ${p.standard(g.indicator, g.stage).en} ${valueCellEn({ value: g.value, unit: g.unit })} (standard ${fmtUnitEn(g.threshold, g.unit)}${g.gap !== null ? `; ${gapText(g)}` : ''})`)
        .join('; '),
    };
  });
  const gy = gaps?.year ?? year;
  const holdingText = holding.length
    ? `In ${gy}, ${plural(holding.length, 'school')} did not meet the rule (${rule}). Their gaps:`
    : `In ${gy}, every assessed school met the rule (${rule}).`;

  const classRows: TableCell[][] = newestFirst.map((y) => {
    const t = countyClassTotals(p, code, y);
    if (!t.published) return [String(y), `not published (${y}/classes.csv)`, '—', '—', '—'];
    return [String(y), fmt(t.classes), String(t.over), String(t.large), String(t.superLarge)];
  });

  const admRows: TableCell[][] = newestFirst.map((y) => {
    if (!p.yearData.get(y)?.admissions) return [String(y), `not published (${y}/admissions.csv)`, '—', '—', '—', '—'];
    const { cs, planned, admitted } = countyAdmissionTotals(p, code, y);
    const names = (ids: readonly string[]) => (ids.length ? [...new Set(ids)].map((id) => p.schoolsById.get(id)?.name ?? id).join(', ') : 'none');
    return [
      String(y),
      fmt(planned),
      admitted === null ? 'not published' : fmt(admitted),
      cs.map((c) => `${STAGE_EN[c.stage]} ${showEn(c.admissions.inZoneShare, '%').text}`).join(', '),
      names(cs.flatMap((c) => c.admissions.overPlanSchools)),
      names(cs.flatMap((c) => [...c.admissions.publishedLate, ...c.admissions.resultsNotPublished])),
    ];
  });

  const ry = p.regionYears.get(`${code}:${year}`);
  const row = (label: string, c: Parameters<typeof statusCellEn>[0]): TableCell[] => [label, valueCellEn(c), thresholdTextEn(c), statusCellEn(c)];
  const finance: ViewTable | null = ry
    ? {
        caption: `Government provision, ${year} (reported by the county)`,
        id: 'finance-table',
        columns: [{ label: 'Indicator' }, { label: 'Value', numeric: true }, { label: 'Standard', numeric: true }, { label: 'Check' }],
        rows: [
          row(p.standard('education_spending_growth_margin').en, ry.finance.growthCheck),
          row(p.standard('spending_per_student_growth').en, ry.finance.perStudentCheck),
          ...ry.reported.map((c) => row(p.standard(c.key, c.stage).en, c)),
          row(p.standard('teacher_exchange_rate').en, ry.teachers.exchangeRate),
          row(p.standard('backbone_exchange_share').en, ry.teachers.backboneExchangedShare),
        ],
      }
    : null;

  const progress = p.progressByCounty.get(code) ?? [];
  const regionPlans = p.progressByRegion.get(code) ?? [];
  const schoolPlans = progress.filter((x) => x.school_id).sort((a, b) => a.target_year - b.target_year || a.school_id!.localeCompare(b.school_id!));
  const plan: CountyViewEn['plan'] = progress.length
    ? {
        empty: null,
        milestones: regionPlans.map((r) => ({ year: String(r.target_year), text: en.milestone(r.milestone), description: r.description, status: PLAN_STATUS_EN[r.latest] })),
        schools: schoolPlans.length
          ? {
              caption: 'Schools’ target years (newest year first)',
              id: 'school-plans',
              columns: [{ label: 'School' }, { label: 'Target year', numeric: true }, ...newestFirst.map((y) => ({ label: String(y) }))],
              rows: schoolPlans.map((r) => [
                { text: p.schoolsById.get(r.school_id!)?.name ?? r.school_id!, href: schoolHref(r.school_id!) },
                String(r.target_year),
                ...[...r.years].reverse().map((ys): TableCell => ({ text: PLAN_STATUS_SHORT_EN[ys.status], verdict: ys.status === 'met' || ys.status === 'met_early' ? 'met' : ys.status === 'missed' ? 'unmet' : ys.status === 'not_applicable' ? 'not_applicable' : 'unknown' })),
              ]),
            }
          : null,
        source: { text: progress[0].planSource, href: progress[0].planSourceUrl },
      }
    : { empty: 'No plan published.', milestones: [], schools: null, source: null };

  const pinyin = romanise(name);
  return {
    code,
    name,
    pinyin,
    year,
    description: `${name}${pinyin ? ` (${pinyin})` : ''}: balanced compulsory education — coefficients of variation between schools, schools meeting the standard, class sizes, admissions, funding and plan targets (${p.years[0]}–${year}).`,
    lede: `${name} has ${plural(schools.length, 'compulsory-education school')}. Following the national method for assessing quality-balanced compulsory education, this page sets the ${year} figures against each standard: the coefficients of variation of resources between schools, the schools meeting the standard, class sizes, admissions, funding and the plan.`,
    zhHref: p.href(`counties/${code}/`),
    breadcrumbs: [{ label: 'Counties', href: p.href('en/counties/') }, { label: name }],
    cards,
    cv: {
      intro: `The coefficient of variation (CV) measures how unequal the schools of a county are on one indicator, weighted by their numbers of students. Quality balance requires each of the ${N} CVs to be within the limit: ${fmtCv(cvLimit('primary'))} for primary and ${fmtCv(cvLimit('junior'))} for junior secondary schools. The composite CV is shown for reference only.`,
      stages: cvStages,
    },
    matrix: { heading: `Schools and the ${N} indicators (${year})`, intro: 'Each cell is the school’s value; “✓” meets the standard, “✗ … short” gives the gap. Schools are listed by code, not ranked.', stages: matrixStages },
    holdingBack: { text: holdingText, schools: holding },
    classSize: { caption: 'Class sizes by year (newest first)', id: 'class-size-table', columns: [{ label: 'Year' }, { label: 'Classes', numeric: true }, { label: 'Above the standard', numeric: true }, { label: 'Large', numeric: true }, { label: 'Super-large', numeric: true }], rows: classRows },
    admissions: { caption: 'Admissions by year (newest first)', id: 'admissions-table', columns: [{ label: 'Year' }, { label: 'Places planned', numeric: true }, { label: 'Admitted', numeric: true }, { label: 'Admitted from the zone' }, { label: 'Schools admitting over the plan' }, { label: 'Results not published on time' }], rows: admRows },
    finance,
    plan,
    schools: schools.map((s) => ({ name: s.name, pinyin: romanise(s.name), href: schoolHref(s.school_id), note: `${en.stage(s.stage)} · ${en.ownership(s.ownership)} · ${en.locale(s.locale)}` })),
  };
}

