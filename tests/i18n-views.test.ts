/**
 * The English pages' view models (src/lib/i18n/views) on the sample: the same numbers and
 * verdicts as the Chinese views, in English words, and no Chinese text except data (names of
 * schools, counties, communities, plan documents) and the Chinese titles of official documents.
 * Values checked by hand against data/2025/*.csv (the same cases as tests/views-school.test.ts).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { schoolView } from '../src/lib/views/school';
import { countyView } from '../src/lib/views/county';
import { schoolPathsEn, schoolViewEn } from '../src/lib/i18n/views/school';
import { countyViewEn } from '../src/lib/i18n/views/county';
import { countiesViewEn } from '../src/lib/i18n/views/counties';
import { homeViewEn, schoolsViewEn } from '../src/lib/i18n/views/home';
import { methodologyViewEn } from '../src/lib/i18n/views/methodology';
import { alternatesOf, hasEnglish } from '../src/lib/i18n/routes';
import { cellText, type TableCell } from '../src/lib/views/types';
import { classSizeTopicView } from '../src/lib/views/topics-class-size';
import { fundingTopicView } from '../src/lib/views/topics-funding';
import { teachersTopicView } from '../src/lib/views/topics-teachers';
import { admissionsTopicViewEn, classSizeTopicViewEn, fundingTopicViewEn, teachersTopicViewEn, topicsIndexViewEn } from '../src/lib/i18n/views/topics';
import { admissionsTopicView } from '../src/lib/views/topics-admissions';
import type { Portal } from '../src/lib/site/portal';

const pipeline = await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' });
const portal = pipeline.portal();
const item = (v: ReturnType<typeof schoolViewEn>, card: number, label: string) => v.admission.cards[card].items.find((i) => i.label === label)?.text;
const row = (t: { rows: readonly (readonly unknown[])[] } | null, first: string) => t?.rows.find((r) => cellText(r[0] as string) === first)?.map((c) => cellText(c as string));

/** Every string of a view with the data (names, areas, plan documents) and 《document titles》 taken out. */
function chineseLeft(p: Portal, view: unknown): string[] {
  const data = new Set<string>([p.settings.region_name, p.settings.title, p.settings.publisher, p.settings.contact ?? '']);
  for (const s of p.data.schools) [s.name, s.address ?? ''].forEach((x) => data.add(x));
  for (const r of p.regionsByCode.values()) data.add(r.name);
  for (const y of p.yearData.values()) for (const z of y.zones ?? []) [z.area, z.note ?? ''].forEach((x) => data.add(x));
  for (const pl of p.results.progress) [pl.planSource, pl.description ?? ''].forEach((x) => data.add(x));
  // the standards table's own English names (a few gloss a Chinese term: “Large class (大班额)”)
  for (const s of p.results.standards) [s.en, s.local?.source ?? ''].forEach((x) => data.add(x));
  for (const y of p.yearData.values()) for (const c of y.classes ?? []) data.add(c.class_name);
  const names = [...data].filter(Boolean).sort((a, b) => b.length - a.length);
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'string') {
      let s = x;
      for (const n of names) if (s.includes(n)) s = s.split(n).join('');
      s = s.replace(/《[^》]*》/g, '').replace(/[\p{Script=Han}\d]*〔\d{4}〕\d+号/gu, '');
      // Chinese characters or full-width punctuation (“，” in an English list) left after the data
      if (/\p{Script=Han}|[，。；：、（）]/u.test(s)) out.push(x);
    } else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(view);
  return [...new Set(out)];
}

describe('school page in English', () => {
  it('a school failing on one indicator below 85 %: the same verdict, on what and by how much', () => {
    // 2199010001: 9 439 m² ÷ 1 748 pupils = 5.40 m² against 7.5 → 2.1 m² short, 72 % of the standard.
    const v = schoolViewEn(portal, '2199010001');
    const zh = schoolView(portal, '2199010001');
    expect(v.verdict.verdict).toBe(zh.verdict.verdict);
    expect(v.verdict.headline).toBe('2025: does not meet the quality-balance school standard');
    expect(v.verdict.detail).toBe('6 of 7 indicators met (the rule: at least 6 of 7 met, the rest at least 85% of the standard); not met: Sports grounds and halls per student (2.1 m² short, 72% of the standard, below 85%).');
    expect(v.name).toBe('青禾区实验小学');
    expect(v.pinyin).toBe('Qinghe Qu Shiyan Xiaoxue');
  });

  it('verdicts agree with the Chinese page for every school', () => {
    for (const { params } of schoolPathsEn(portal)) {
      const en = schoolViewEn(portal, params.id);
      const zh = schoolView(portal, params.id);
      expect([params.id, en.verdict.verdict, en.verdict.symbol]).toEqual([params.id, zh.verdict.verdict, zh.verdict.symbol]);
      // the same numbers in the same cells of the indicator tables
      en.indicators.parts.forEach((part, i) => expect(part.table.rows.map((r) => cellText(r[4]))).toEqual(zh.indicators.parts[i].table.rows.map((r) => cellText(r[4]))));
    }
  });

  it('lottery school 3199020009: 129 places (3 classes), 163 applicants, 102 admitted, zone n/a, on time', () => {
    const v = schoolViewEn(portal, '3199020009');
    expect(v.admission.heading).toBe('Admissions 2025');
    expect(v.admission.cards.map((c) => c.title)).toEqual(['Grade 1', 'Grade 7']);
    expect(item(v, 0, 'Places planned')).toBe('129 (3 classes)');
    expect(item(v, 0, 'Applicants')).toBe('163');
    expect(item(v, 0, 'Admitted')).toBe('102');
    expect(item(v, 0, 'Admitted from the zone')).toBe('not applicable (admitted by lottery, not by zone)');
    expect(item(v, 0, 'Results published')).toBe('2025-07-26, published on time');
    // 2024 grade 1: 129 planned, 159 applicants, 99 admitted, lottery, 2 disabled children → “<5”.
    expect(v.admission.history!.rows[0].map(cellText)).toEqual(['2024, Grade 1', '129', '159', '99', 'n/a (lottery)', '10', '<5', 'Lottery', '2024-07-23, published on time']);
  });

  it('small counts stay hidden: 4 special-education pupils read “<5”, per-pupil funds withheld', () => {
    const v = schoolViewEn(portal, '2199010002');
    expect(row(v.funding.table, 'Special-education pupils')?.[1]).toBe('<5');
    expect(row(v.funding.table, 'Public funds per special-education student')?.[1]).toMatch(/^withheld/);
    expect(JSON.stringify(v)).not.toContain('9,000');
    expect(row(schoolViewEn(portal, '2199010001').funding.table, 'Special-education pupils')?.[1]).toBe('0');
  });

  it('links stay in English: county, sources, breadcrumbs', () => {
    const v = schoolViewEn(portal, '2199010001');
    expect(v.facts[0].href).toBe('/en/counties/990101/');
    expect(v.breadcrumbs[0]).toEqual({ label: 'Schools', href: '/en/schools/' });
    expect(v.sources.every((s) => s.href.startsWith('/en/data/'))).toBe(true);
    expect(v.zhHref).toBe('/schools/2199010001/');
  });

  it('no Chinese words except data and document titles', () => {
    for (const { params } of schoolPathsEn(portal)) expect(chineseLeft(portal, schoolViewEn(portal, params.id))).toEqual([]);
  });
});

describe('county and comparison pages in English', () => {
  const v = countyViewEn(portal, '990101');
  const zh = countyView(portal, '990101');

  it('青禾区 cards: 7 of 7 CVs within 0.500 / 0.450; 4 of 7 primary and 2 of 5 junior schools meet the rule', () => {
    expect(v.cards.map((c) => [c.title, c.figure, c.text])).toEqual([
      ['Primary: coefficients of variation (2025)', '7 of 7', 'within the limit of 0.500'],
      ['Junior secondary: coefficients of variation (2025)', '7 of 7', 'within the limit of 0.450'],
      ['Primary: schools meeting the standard (6+ of 7)', '4 of 7', '3 schools not meeting it'],
      ['Junior secondary: schools meeting the standard (6+ of 7)', '2 of 5', '3 schools not meeting it'],
      ['Class sizes (2025)', '0 large classes', '232 classes in all, 0 above the standard class size'],
    ]);
    expect(v.cards.map((c) => c.verdict)).toEqual(zh.cards.map((c) => c.verdict));
  });

  it('tables newest year first with the Chinese page’s numbers', () => {
    expect(v.cv.stages[0].table.columns.map((c) => c.label)).toEqual(['Indicator', '2025', '2024', '2023', '2022', '2021']);
    expect(v.admissions.rows[0].map(cellText).slice(0, 3)).toEqual(['2025', '2,251', '1,951']);
    // 高岭小学: qualified teachers 3.61 per 100 pupils against 4.2 → 0.59 short.
    const gaoling = v.matrix.stages[0].table.rows.find((r) => cellText(r[0]) === '青禾区高岭小学')!;
    expect(cellText(gaoling[1])).toBe('3.61 ✗ 0.59 short');
    expect(cellText(gaoling[8])).toBe('✗ not met');
    expect(v.matrix.stages[0].table.columns[1].label).toBe('Qualified teachers ≥ 4.2');
    expect(v.holdingBack.text).toBe('In 2025, 6 schools did not meet the rule (at least 6 of the 7 indicators met and the rest at least 85% of the standard). Their gaps:');
    // same CV cells and verdicts as the Chinese table, words aside
    expect(v.cv.stages[0].table.rows.map((r) => r.slice(1).map((c) => (typeof c === 'string' ? c : c.verdict)))).toEqual(
      zh.cv.stages[0].table.rows.map((r) => r.slice(1).map((c) => (typeof c === 'string' ? (c === '未公布' ? 'not published' : c) : c.verdict))),
    );
  });

  it('the comparison page: 青禾区 primary 7 of 7 CVs, 4 of 7 schools, targets 2027 and 2028', () => {
    const c = countiesViewEn(portal);
    const t = c.tables[0].table;
    const qinghe = t.rows.find((r) => cellText(r[0]) === '青禾区')!.map(cellText);
    expect(qinghe.slice(1, 4)).toEqual(['7 of 7', '4 of 7', '2027: County applies for assessment; 2028: County recognised']);
    expect(t.rows.map((r) => cellText(r[r.length - 1]))).toEqual([...t.rows.map((r) => cellText(r[r.length - 1]))].sort());
  });

  it('the English home shows where each county stands: the comparison’s first columns', () => {
    const h = homeViewEn(portal);
    expect(h.glance.tables.map((t) => t.columns.map((c) => c.label)[0])).toEqual(['County', 'County']);
    expect(h.glance.tables[0].rows.find((r) => cellText(r[0]) === '青禾区')!.slice(1, 3).map(cellText)).toEqual(['7 of 7', '4 of 7']);
  });

  it('no Chinese words except data', () => {
    for (const c of portal.counties) expect(chineseLeft(portal, countyViewEn(portal, c.region_code))).toEqual([]);
    expect(chineseLeft(portal, countiesViewEn(portal))).toEqual([]);
    expect(chineseLeft(portal, homeViewEn(portal))).toEqual([]);
    expect(chineseLeft(portal, schoolsViewEn(portal))).toEqual([]);
  });
});

describe('methodology in English', () => {
  const m = methodologyViewEn(portal);
  it('the worked example is the Chinese page’s: weighted CV 0.1951 (unweighted would be 0.2041)', () => {
    // X̄ = (1000×5 + 500×4 + 500×3) ÷ 2000 = 4.25; S² = (1000×0.5625 + 500×0.0625 + 500×1.5625) ÷ 2000 = 0.6875
    const ex = m.props.ex as Record<string, string>;
    // S = 0.8292, CV = 0.8292 ÷ 4.25 = 0.1951; unweighted: mean 4, S = √(2/3) = 0.8165, CV 0.2041.
    expect([ex.mean, ex.variance, ex.cv, ex.unweighted]).toEqual(['4.25', '0.6875', '0.1951', '0.2041']);
  });
  it('every part the data cannot show has an English line; standards cite documents in English with Chinese titles', () => {
    expect(m.coverage.length).toBeGreaterThan(10);
    expect(m.coverage.every((c) => c.why !== '')).toBe(true);
    expect(chineseLeft(portal, m.coverage)).toEqual([]);
    expect(chineseLeft(portal, m.indicators)).toEqual([]);
    expect(chineseLeft(portal, m.groups)).toEqual([]);
    expect(m.indicators.rows[3].slice(2)).toEqual(['≥ 4.5 m²', '≥ 5.8 m²']);
  });
});

describe('hreflang counterparts', () => {
  it('pages with an English version, and the way back', () => {
    expect(hasEnglish(portal, 'schools/2199010001/')).toBe(true);
    expect(hasEnglish(portal, 'schools/9999/')).toBe(false);
    expect(hasEnglish(portal, 'counties/990101/')).toBe(true);
    expect(hasEnglish(portal, 'data/admissions/')).toBe(true);
    expect(hasEnglish(portal, 'data/latest/')).toBe(false);
    expect(hasEnglish(portal, 'guide/')).toBe(false);
    expect(alternatesOf(portal, '/counties/')).toMatchObject({ locale: 'zh', zh: '/counties/', en: '/en/counties/' });
    expect(alternatesOf(portal, '/en/counties/990101/')).toMatchObject({ locale: 'en', zh: '/counties/990101/', en: '/en/counties/990101/', other: { href: '/counties/990101/' } });
    expect(alternatesOf(portal, '/guide/')).toMatchObject({ locale: 'zh', en: null, other: null });
  });
  it('with english: false nothing has an English counterpart', () => {
    const off = { ...portal, settings: { ...portal.settings, english: false } } as Portal;
    expect(hasEnglish(off, 'schools/2199010001/')).toBe(false);
    expect(alternatesOf(off, '/schools/2199010001/')).toMatchObject({ locale: 'zh', en: null, other: null });
    expect(schoolPathsEn(off)).toEqual([]);
  });
});

describe('topic pages in English: the Chinese views’ cells in English words', () => {
  it('class sizes: the same numbers per year as the Chinese table, newest first', () => {
    const en = classSizeTopicViewEn(portal);
    const zh = classSizeTopicView(portal);
    expect(en.regionTable.columns.map((c) => c.label).slice(0, 2)).toEqual(['Year', 'Classes']);
    expect(en.regionTable.rows.map((r) => cellText(r[0]))).toEqual(['2025', '2024', '2023', '2022', '2021']);
    expect(en.regionTable.rows.map((r) => r.slice(1).map(cellText))).toEqual(zh.regionTable.rows.map((r) => r.slice(1).map(cellText)));
    // links go to the English county pages
    const first = en.counties.rows[0][0];
    expect(typeof first === 'string' ? '' : first.href).toMatch(/^\/en\/counties\/\d+\/#class-size$/);
  });

  it('teachers and funding: checks keep their verdicts; ✓ met / ✗ … short', () => {
    const t = teachersTopicViewEn(portal);
    const tz = teachersTopicView(portal);
    const verdicts = (rows: readonly (readonly TableCell[])[]) => rows.map((r) => r.map((c) => (typeof c === 'string' ? null : (c.verdict ?? null))));
    expect(verdicts(t.region.rows)).toEqual(verdicts(tz.region.table.rows));
    expect(cellText(t.region.rows[0][0])).toBe('Teachers holding a certificate');
    for (const c of t.region.rows.flat().map(cellText)) expect(c).not.toMatch(/达标|差/);
    const f = fundingTopicViewEn(portal);
    expect(verdicts(f.growth.rows)).toEqual(verdicts(fundingTopicView(portal).growth.table.rows));
    expect(f.growth.rows.flat().map(cellText).filter((c) => / ✗ /.test(c)).every((c) => / pp short$/.test(c))).toBe(true);
  });

  it('no Chinese words except data', () => {
    for (const v of [topicsIndexViewEn(portal), classSizeTopicViewEn(portal), teachersTopicViewEn(portal), fundingTopicViewEn(portal), admissionsTopicViewEn(portal)]) expect(chineseLeft(portal, v)).toEqual([]);
  });

  it('admissions: the Chinese view computes with English words; the same numbers per county', () => {
    const en = admissionsTopicViewEn(portal);
    const zh = admissionsTopicView(portal);
    expect(en.counties.table.rows.map((r) => r.slice(2).map(cellText))).toEqual(zh.counties.table.rows.map((r) => r.slice(2).map((c) => cellText(c).replace('未公布', 'not published'))));
    expect(en.counties.table.rows.map((r) => cellText(r[1]))).toEqual(zh.counties.table.rows.map((r) => (cellText(r[1]) === '小学' ? 'Primary' : 'Junior secondary')));
    // “按时公开 3，逾期公开 1” → “published on time: 3, published late: 1”
    const cells = en.publication.table.rows.flatMap((r) => r.slice(1).map(cellText));
    expect(cells.some((c) => /^published on time: \d+/.test(c))).toBe(true);
    const first = en.publication.table.rows[0][0];
    expect(typeof first === 'string' ? '' : first.href).toBe('/en/counties/990101/#admissions');
  });
});
