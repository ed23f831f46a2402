/**
 * Build-time charts: structure and numbers of the SVG (paths, positions of the limit line),
 * the generated Chinese summaries, the tables, and escaping of data strings.
 */
import { describe, expect, it } from 'vitest';
import { barChart, classSizeMarks, escapeXml, histogram, lineChart, stackedBar, stripChart } from '../src/lib/charts';
import { NATIONAL_STANDARDS } from '../src/lib/standards';

const cvSeries = [
  { x: 2021, y: 0.56 },
  { x: 2022, y: 0.53 },
  { x: 2023, y: 0.48 },
  { x: 2024, y: null },
  { x: 2025, y: 0.41 },
];

function attr(svg: string, el: string, cls: string | null, name: string): string[] {
  const re = new RegExp(`<${el}\\b[^>]*>`, 'g');
  return [...svg.matchAll(re)].map((m) => m[0]).filter((t) => cls === null || t.includes(`class="${cls}"`)).map((t) => new RegExp(`${name}="([^"]*)"`).exec(t)?.[1] ?? '');
}

const standard = (key: string, stage: 'primary' | 'junior' | 'all' = 'all') => {
  const s = NATIONAL_STANDARDS.find((d) => d.key === key && d.stage === stage) ?? NATIONAL_STANDARDS.find((d) => d.key === key && d.stage === 'all');
  if (!s) throw new Error(key);
  return s;
};

describe('line chart (CV trend vs limit)', () => {
  const c = lineChart({
    id: 'cv1',
    title: '青禾区小学生均教学及辅助用房面积差异系数',
    subject: '青禾区小学',
    valueLabel: '生均教学及辅助用房面积差异系数',
    limit: { value: 0.5, comparison: '<=' },
    series: [{ label: '差异系数', points: cvSeries }],
  });

  it('is an accessible SVG: role img, title and desc referenced by aria-labelledby', () => {
    expect(c.svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="cv1-t cv1-d"/);
    expect(c.svg).toContain('<title id="cv1-t">青禾区小学生均教学及辅助用房面积差异系数</title>');
    expect(c.svg).toMatch(/<desc id="cv1-d">折线图/);
    // 230 asked for: legend row (20) + 4 above it, the axis title's line (14), 14 to the plot,
    // 184 of plot, 28 of year axis.
    expect(c.svg).toContain('viewBox="0 0 360 264"');
    // the value axis says what it measures (no unit: the quantity)
    expect(c.svg).toContain('>生均教学及辅助用房面积差异系数</text>');
    expect(c.svg).toContain('width="100%"');
  });

  it('draws the line through the years, broken where a year is missing (never drawn as 0)', () => {
    // y: domain [0, 0.8] (0.56 × 1.15 rounded up by nice), range [236, 52] → y(v) = 236 − 230·v.
    // left axis: 8 + “0.00” (4 × 0.6 × 13 = 31.2) + 6 → 46; x: scalePoint over 5 years, range
    // [46, 344], padding 0.4 → step 298/4.8 = 62.08, first at 70.83.
    const d = [...c.svg.matchAll(/<path d="(M[^"]*)" fill="none"/g)][0][1];
    expect(d).toBe('M70.83,107.2L132.92,114.1L195,125.6M319.17,141.7Z');
  });

  it('puts the limit line at 0.50 (y = 121) and explains it, the hollow points and the filled ones in the legend', () => {
    const limit = c.svg.slice(c.svg.indexOf('<g class="limit">'));
    expect(limit).toMatch(/^<g class="limit"><line x1="46" x2="344" y1="121" y2="121"[^>]*stroke-dasharray="6 4"/);
    const keys = [...c.svg.matchAll(/<g class="key">(.*?)<\/g>/g)].map((m) => m[1]);
    expect(keys.map((k) => />([^<]+)<\/text>/.exec(k)![1])).toEqual(['不高于标准', '空心：高于标准', '标准 0.50']);
    expect(keys[1]).toContain('fill="#fff"');
    expect(keys[2]).toContain('stroke-dasharray="6 4"');
  });

  it('the unit goes on its own line, under the legend and above the axis', () => {
    const r = lineChart({ title: 't', subject: '', valueLabel: 'v', unit: '元', digits: 0, series: ['青禾区', '云溪县', '石湾区'].map((label, i) => ({ label, points: [{ x: 2021, y: 18000 + i * 900 }, { x: 2025, y: 26000 - i * 900 }] })) });
    const unit = /<text x="4" y="([\d.]+)"[^>]*>单位：元<\/text>/.exec(r.svg);
    expect(unit).not.toBeNull();
    const keyYs = [...r.svg.matchAll(/<g class="key">.*?<text x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(keyYs).toHaveLength(3);
    // the unit's text box (baseline − 0.9 em) starts below every legend text's box (baseline + 0.15 em)
    for (const ky of keyYs) expect(Number(unit![1]) - 0.9 * 12).toBeGreaterThan(ky + 0.15 * 12);
  });

  it('summarises the trend and the year from which the limit is met, and the missing year', () => {
    expect(c.summary).toBe('2021–2025年，青禾区小学生均教学及辅助用房面积差异系数由0.56降至0.41，2023年起低于0.50的标准（2024年未公布）。');
  });

  it('has a table with every year, “未公布” for the gap, and the comparison as text', () => {
    expect(c.table.columns.map((x) => x.label)).toEqual(['年份', '生均教学及辅助用房面积差异系数', '标准', '对照标准']);
    expect(c.table.rows).toEqual([
      ['2021', '0.56', '≤ 0.50', '✗ 差 0.06'],
      ['2022', '0.53', '≤ 0.50', '✗ 差 0.03'],
      ['2023', '0.48', '≤ 0.50', '✓ 达标'],
      ['2024', '未公布', '≤ 0.50', '未公布'],
      ['2025', '0.41', '≤ 0.50', '✓ 达标'],
    ]);
  });

  it('says when the latest year still misses the limit', () => {
    const r = lineChart({ title: 't', subject: '云溪县初中', valueLabel: '差异系数', limit: { value: 0.45, comparison: '<=' }, series: [{ label: 'a', points: [{ x: 2021, y: 0.6 }, { x: 2025, y: 0.52 }] }] });
    expect(r.summary).toBe('2021–2025年，云溪县初中差异系数由0.60降至0.52，2025年仍高于0.45的标准。');
  });

  it('several series read as one sentence, money with thousands separators', () => {
    const r = lineChart({
      title: '生均财政教育支出',
      subject: '',
      valueLabel: '生均财政教育支出',
      unit: '元',
      digits: 0,
      series: [
        { label: '青禾区', points: [{ x: 2021, y: 18302 }, { x: 2025, y: 26020 }] },
        { label: '云溪县', points: [{ x: 2021, y: 16851 }, { x: 2025, y: null }] },
      ],
    });
    expect(r.summary).toBe('2021–2025年，青禾区生均财政教育支出由18,302元升至26,020元；2021年，云溪县生均财政教育支出为16,851元（2025年未公布）。');
    expect(r.svg).toContain('>30,000<');
  });

  it('is deterministic', () => {
    const again = lineChart({ id: 'cv1', title: '青禾区小学生均教学及辅助用房面积差异系数', subject: '青禾区小学', valueLabel: '生均教学及辅助用房面积差异系数', limit: { value: 0.5, comparison: '<=' }, series: [{ label: '差异系数', points: cvSeries }] });
    expect(again.svg).toBe(c.svg);
  });
});

describe('bar chart with threshold markers', () => {
  const c = barChart({
    id: 'b1',
    title: '七项指标',
    subject: '青禾区实验小学2025年',
    items: [
      { label: '生均教学及辅助用房面积', value: 5.4, threshold: 4.5, comparison: '>=', unit: 'm²' },
      { label: '每百名学生拥有网络多媒体教室数', value: 2.0, threshold: 2.3, comparison: '>=', unit: '间' },
      { label: '生均教学仪器设备值', value: null, threshold: 2000, comparison: '>=', unit: '元' },
    ],
    ratioMarks: [{ value: 85, label: '85%' }],
  });
  it('draws the 100 % standard and the 85 % mark at the right x', () => {
    // The bars are placed in % of the card's width (margins 12 and 16 of the 320 px design width:
    // 3.75 % and 5 %). domain [0, 120·1.08 = 129.6 → nice 150], range [3.75, 95]:
    // x(100) = 3.75 + 91.25·100/150 = 64.58 %, x(85) = 55.46 %.
    const xs = [...new Set(attr(c.svg, 'line', 'limit', 'x1'))];
    expect(xs).toEqual(['64.58%', '55.46%']);
  });
  it('bar length is value ÷ threshold (5.4 / 4.5 = 120 %)', () => {
    const widths = [...c.svg.matchAll(/<rect [^>]*width="([\d.]+%)" height="14"/g)].map((m) => m[1]);
    expect(widths[0]).toBe('73%'); // 91.25·120/150
  });
  it('the legend explains the standard’s tick, the dashed 85 % tick, and filled and hollow bars', () => {
    const keys = [...c.svg.matchAll(/<g class="key">.*?>([^<]+)<\/text><\/g>/g)].map((m) => m[1]);
    expect(keys).toEqual(['标准（100%）', '85%线', '达标', '未达标']);
  });
  it('summary names the missed indicator with value, standard, gap and share, and the unknown one', () => {
    expect(c.summary).toBe('青禾区实验小学2025年，3项指标中1项达到标准；每百名学生拥有网络多媒体教室数为2 间，低于标准2.3 间（差0.3 间，为标准的87%）；1项未公布或不适用。');
    expect(c.table.rows[2]).toEqual(['生均教学仪器设备值', '未公布', '2,000 元', '—']);
    expect(c.table.rows[1][3]).toBe('✗ 差 0.3 间');
  });
});

describe('bar chart, absolute scale (CVs against their limit)', () => {
  const c = barChart({
    title: 'CV',
    subject: '青禾区小学',
    scale: 'absolute',
    items: [{ label: '生均教学及辅助用房面积', value: 0.104, threshold: 0.5, comparison: '<=' }],
  });
  it('the axis fits the numbers (0–0.6 for values up to 0.5), the limit is a tick across the bar', () => {
    const ticks = [...c.svg.matchAll(/>([\d.]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks[ticks.length - 1]).toBe('0.6');
    // range [3.75 %, 95 %]: x(0.5) = 3.75 + 91.25·0.5/0.6 = 79.79 %
    expect(attr(c.svg, 'line', 'limit', 'x1')).toEqual(['79.79%']);
  });
  it('fills its card at any width with type at 13 px: no viewBox, text in px, bars in %', () => {
    expect(c.svg).toMatch(/^<svg [^>]*width="100%" height="\d+" style="height:\d+px;max-width:none"/);
    expect(c.svg).not.toMatch(/^<svg[^>]*viewBox/);
    expect(c.svg).toContain('<text x="12" y=');
  });
  it('the value line names value, standard and status', () => {
    expect(c.svg).toContain('>0.1 · 标准≤0.5 · ✓ 达标<');
  });
});

describe('dot/strip chart of the schools of a county', () => {
  const base = {
    id: 's1',
    title: '生均体育运动场馆面积',
    subject: '青禾区2025年小学',
    valueLabel: '生均体育运动场馆面积',
    unit: 'm²',
    limit: { value: 7.5, comparison: '>=' as const },
  };
  const c = stripChart({
    ...base,
    points: [
      { label: '<script>alert(1)</script>小学', value: 8 },
      { label: '城东小学', value: 6.2 },
      { label: '教学点', value: null },
    ],
  });
  it('escapes a school name containing <script>', () => {
    expect(c.svg).not.toContain('<script');
    expect(c.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;小学');
  });
  it('draws one dot per school with a value; below-standard dots are hollow', () => {
    const fills = [...c.svg.matchAll(/<circle [^>]*r="5" fill="([^"]+)"/g)].map((m) => m[1]);
    expect(fills).toEqual(['#0072B2', '#fff']);
  });
  it('the axis names the quantity and its unit; the standard’s line never crosses a school name', () => {
    expect(c.svg).toContain('>生均体育运动场馆面积（m²）</text>');
    // 19 CJK characters at 12 units from x = 10 run to 238, past the standard’s line at 230.5:
    // the line stops 2 units above that name (baseline 58, box 47.2–59.8) and starts again 2 below
    // it, down to the foot of the two 34-unit rows (46 + 68).
    const long = stripChart({ ...base, points: [{ label: '青禾区第一实验学校（九年一贯制）小学部', value: 8 }, { label: '城东小学', value: 6.2 }] });
    const pieces = [...long.svg.matchAll(/<line x1="230.5" x2="230.5" y1="([\d.]+)" y2="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(pieces).toEqual([[40, 45.2], [61.8, 114]]);
  });
  it('summary counts schools below the standard and unpublished ones', () => {
    expect(c.summary).toBe('青禾区2025年小学3所学校的生均体育运动场馆面积在6.2至8 m²之间，1所低于7.5 m²的标准，1所未公布。');
    expect(c.table.rows[1]).toEqual(['城东小学', '6.2 m²', '✗ 差 1.3 m²']);
  });
});

describe('class-size histogram', () => {
  const { marks, bands } = classSizeMarks(standard);
  it('takes its marks from the standards table', () => {
    expect(marks.map((m) => m.value)).toEqual([standard('class_size', 'primary').threshold, standard('class_size', 'junior').threshold, standard('large_class_min').threshold, standard('super_large_class_min').threshold]);
    expect(marks.map((m) => m.value)).toEqual([45, 50, 56, 66]);
  });
  const c = histogram({ id: 'h1', title: '班额分布', subject: '青禾区2025年', values: [38, 42, 44, 46, 47, 52, 57, 58, 66, 40, 41], marks, bands });
  it('puts the limit after 45 and the 大班额 line before 56', () => {
    // bins of 5 from 36 to 70; x domain [35.5, 70.5] → range [32, 346] (left: rotated title to
    // 16.6, 3 gap, “3” 7.2, 5 gap → 31.8 → 32): x(45.5) = 32 + 314·10/35
    const lines = [...c.svg.matchAll(/<g class="mark"><line x1="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(lines).toEqual([121.71, 166.57, 211.43, 301.14]); // 45.5, 50.5, 55.5, 65.5
  });
  it('the legend explains the dashed limit lines, the dotted band lines and the hatched bars', () => {
    const keys = [...c.svg.matchAll(/<g class="key">(.*?)<\/g>/g)].map((m) => m[1]);
    expect(keys.map((k) => />([^<]+)<\/text>/.exec(k)![1])).toEqual(['标准班额 小学45、初中50', '大班额56、超大班额66', '斜线：超过标准班额（45人以上）的班级']);
    expect(keys[0]).toContain('stroke-dasharray="6 3"');
    expect(keys[1]).toContain('stroke-dasharray="2 2"');
    expect(keys[2]).toContain('fill="url(#h1-p1)"');
    expect(c.svg).toContain('>每班人数（人）</text>');
    expect(c.svg).toMatch(/rotate\(-90[^"]*"\s*>班级数（个）<\/text>|>班级数（个）<\/text>/);
  });
  it('summarises counts per band', () => {
    expect(c.summary).toBe('青禾区2025年共11个班，平均每班48.3人，最大66人；大班额（56–65人）2个，超大班额（66人及以上）1个。');
    expect(c.table.rows).toContainEqual(['56–60人', '2']);
  });
});

describe('stacked bar of admissions', () => {
  const c = stackedBar({
    id: 'a1',
    title: '一年级录取',
    subject: '录取人数',
    categories: ['划片内', '划片外'],
    markerLabel: '招生计划',
    rows: [
      { label: '2021年', values: [200, 20], marker: 240 },
      { label: '2022年', values: [null, null], marker: 240 },
      { label: '2025年', values: [250, 16], marker: 301 },
    ],
  });
  it('segments use patterns defined in the SVG (texture, not only colour)', () => {
    expect(c.svg).toContain('<pattern id="a1-p0"');
    expect(c.svg).toContain('fill="url(#a1-p1)"');
  });
  it('the legend shows each texture and the plan’s tick; the axis says 人', () => {
    const keys = [...c.svg.matchAll(/<g class="key">.*?>([^<]+)<\/text><\/g>/g)].map((m) => m[1]);
    expect(keys).toEqual(['划片内', '划片外', '招生计划']);
    expect(c.svg).toContain('>人数（人）</text>');
  });
  it('a wide drawing for desktop cards: same numbers, own ids', () => {
    const w = c.resize!(880);
    expect(w.svg).toContain('viewBox="0 0 880 ');
    expect(w.svg).toContain('id="a1-w-t"');
    expect(w.table).toEqual(c.table);
  });
  it('summary and table carry totals and the plan; the missing year says 未公布', () => {
    expect(c.summary).toBe('2021年至2025年，录取人数由220人变为266人；2025年划片内250人、划片外16人，招生计划301人。');
    expect(c.table.rows[1]).toEqual(['2022年', '未公布', '未公布', '未公布', '240']);
    expect(c.svg).toContain('>未公布<');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

/**
 * Geometry: every label of every chart the sample site draws is read back from the SVG, its box
 * estimated from its characters (CJK ≈ 1 em, others ≈ 0.6 em) and font size, and checked against
 * every other label, every mark it does not belong to (bars, points, the series’ lines, limit
 * and plan lines; grid lines excepted) and the chart’s edge.
 */
describe('no label overlaps another label, a mark or a line, on any chart of the sample', async () => {
  const { resolve } = await import('node:path');
  const { runPipeline } = await import('../src/lib/pipeline');
  const { countyView, countyCharts } = await import('../src/lib/views/county');
  const { schoolView } = await import('../src/lib/views/school');
  const { classSizeHistogram, spendingChart } = await import('../src/lib/site/region-charts');
  const { isFluid, layoutProblems, readSvg, textWidth } = await import('../src/lib/charts/geometry');
  const { num } = await import('../src/lib/indicators/values');
  const p = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
  const charts: { where: string; svg: string }[] = [];
  // Each chart as drawn for a phone, and its wide drawing (full-width cards on a desktop screen).
  const add = (where: string, c: { svg: string; resize?: (w: number) => { svg: string } }) => {
    charts.push({ where, svg: c.svg });
    if (c.resize) for (const w of [480, 880]) charts.push({ where: `${where} (${w} wide)`, svg: c.resize(w).svg });
  };
  for (const c of p.counties) for (const ch of countyCharts(countyView(p, c.region_code))) if (!ch.svg.includes('class="map-svg"')) add(`/counties/${c.region_code}/ ${ch.title}`, ch);
  for (const s of p.data.schools) for (const part of schoolView(p, s.school_id).indicators.parts) add(`/schools/${s.school_id}/ ${part.chart.title}`, part.chart);
  const root = p.root?.region_code ?? '';
  add('/topics/class-size/', classSizeHistogram(p, root, p.settings.region_name, p.latestYear!, p.data.schools.map((s) => s.school_id)));
  add('/topics/funding/ (region)', spendingChart(p, root, p.settings.region_name));
  // The charts the home and topic pages build themselves, with the same inputs.
  add(
    '/topics/funding/',
    lineChart({ title: '各县区生均义务教育财政拨款', subject: '', valueLabel: '生均义务教育财政拨款', unit: '元', digits: 0, series: p.counties.map((c) => ({ label: c.name, points: p.years.map((y) => ({ x: y, y: num(p.regionYears.get(`${c.region_code}:${y}`)?.finance.spendingPerStudent ?? { kind: 'missing', missing: [] }) })) })) }),
  );
  add('/topics/class-size/ share', lineChart({ title: '大班额占比', subject: '', valueLabel: '56人及以上班级占比', unit: '%', digits: 2, series: [{ label: '占比', points: [{ x: 2021, y: 3.1 }, { x: 2022, y: 2.52 }, { x: 2023, y: 1.7 }, { x: 2024, y: 0.9 }, { x: 2025, y: 0.45 }] }] }));
  for (const st of ['primary', 'junior'] as const) {
    const rows = p.counties.map((c) => p.countyResults.get(`${c.region_code}:${p.latestYear}:${st}`)).filter((c) => c && c.schoolIds.length > 0);
    add(
      `/ home CV ${st}`,
      barChart({ title: 'CV', subject: 'x', scale: 'absolute', axisTitle: '差异系数（无单位）', digits: 3, items: rows[0]!.cv.map((cv, i) => ({ label: `${cv.indicator}（${rows[i % rows.length]!.name}）`, value: 0.05 + i * 0.06, threshold: p.standard('cv_quality', st).threshold, comparison: '<=' as const })) }),
    );
  }
  // Hard cases: a point just under the limit, a steep fall, long names, a value on the limit.
  add('line: points hugging the limit', lineChart({ title: 't', subject: 's', valueLabel: '差异系数', limit: { value: 0.5, comparison: '<=' }, series: [{ label: 'a', points: [{ x: 2021, y: 0.62 }, { x: 2022, y: 0.51 }, { x: 2023, y: 0.49 }, { x: 2024, y: 0.2 }, { x: 2025, y: 0.5 }] }] }));
  add('strip: dots near the limit, long names', stripChart({ title: 't', subject: 's', valueLabel: '生均体育运动场馆面积', unit: 'm²', limit: { value: 7.5, comparison: '>=' }, points: [{ label: '青禾区第一实验学校（九年一贯制）小学部', value: 7.2 }, { label: '城东小学', value: 7.6 }, { label: '城西小学', value: 7.5 }, { label: '红杉小学', value: 15 }, { label: '教学点', value: null }] }));
  add('stacked: small segments', stackedBar({ title: 't', subject: 's', categories: ['划片内录取', '划片外录取'], markerLabel: '招生计划', rows: [{ label: '2021年', values: [1200, 35], marker: 1240 }, { label: '2022年', values: [30, 1170], marker: 1190 }] }));

  it('the sample gives every kind of chart', () => {
    expect(charts.length).toBeGreaterThan(60);
    expect(textWidth('标准 0.50', 12)).toBeCloseTo(12 * 2 + 12 * 0.6 * 5);
  });

  it('every kind of mark is explained in the legend: each dash pattern, each texture, hollow marks', () => {
    const unexplained: string[] = [];
    for (const { where, svg } of charts) {
      const key = [...svg.matchAll(/<g class="key">.*?<\/g>/g)].map((m) => m[0]).join('');
      const marks = svg.replace(/<g class="key">.*?<\/g>/g, '').replace(/<defs>.*?<\/defs>/g, '');
      const tags = [...marks.matchAll(/<(line|path|rect|circle)\b[^>]*>/g)].map((m) => m[0]).filter((t) => !t.includes('stroke="#e3e7ec"'));
      const dashes = new Set(tags.map((t) => /stroke-dasharray="([^"]+)"/.exec(t)?.[1]).filter(Boolean));
      const textures = new Set(tags.map((t) => /fill="(url\(#[^)]+\))"/.exec(t)?.[1]).filter(Boolean));
      for (const d of dashes) if (!key.includes(`stroke-dasharray="${d}"`)) unexplained.push(`${where}: dash ${d}`);
      for (const f of textures) if (!key.includes(`fill="${f}"`)) unexplained.push(`${where}: texture ${f}`);
      if (tags.some((t) => /^<(path|rect|circle)\b/.test(t) && t.includes('fill="#fff"')) && !key.includes('fill="#fff"')) unexplained.push(`${where}: hollow marks`);
    }
    expect(unexplained).toEqual([]);
  });

  it.each(charts.map((c) => [c.where, c.svg] as const))('%s', (_where, svg) => {
    expect(readSvg(svg).shapes.filter((s) => s.kind === 'text').length).toBeGreaterThan(0);
    // A fluid chart (bars in % of the card) is checked on the narrowest phone and a wide card.
    for (const width of isFluid(svg) ? [320, 390, 1100] : [360]) expect(layoutProblems(svg, width).map((x) => `${width}: ${x.text} × ${x.with}`)).toEqual([]);
  });
});
