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
    expect(c.svg).toContain('viewBox="0 0 360 230"');
    expect(c.svg).toContain('width="100%"');
  });

  it('draws the line through the years, broken where a year is missing (never drawn as 0)', () => {
    // x: scalePoint over 5 years, range [44, 344], padding 0.4 → step 300/4.8 = 62.5, first at 69.
    // y: domain [0, 0.8] (0.56 × 1.15 rounded up by nice), range [202, 18] → y(v) = 202 − 230·v.
    const d = attr(c.svg, 'path', null, 'd')[0];
    expect(d).toBe('M69,73.2L131.5,80.1L194,91.6M319,107.7Z');
  });

  it('puts the limit line at 0.50 (y = 87) and labels it', () => {
    const limit = c.svg.slice(c.svg.indexOf('<g class="limit">'));
    expect(limit).toMatch(/<line x1="44" x2="344" y1="87" y2="87"/);
    expect(limit).toContain('标准 0.50');
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
    // domain [0, 120·1.08 = 129.6 → nice 150], range [12, 344]: x(100) = 12 + 332·100/150 = 233.33, x(85) = 200.13
    const xs = [...new Set(attr(c.svg, 'line', 'limit', 'x1'))];
    expect(xs).toEqual(['233.33', '200.13']);
  });
  it('bar length is value ÷ threshold (5.4 / 4.5 = 120 %)', () => {
    const widths = attr(c.svg, 'rect', null, 'width');
    expect(widths[0]).toBe('265.6'); // 332·120/150
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
    // range [12, 344]: x(0.5) = 12 + 332·0.5/0.6 = 288.67
    expect(attr(c.svg, 'line', 'limit', 'x1')).toEqual(['288.67']);
  });
  it('the value line names value, standard and status', () => {
    expect(c.svg).toContain('>0.1 · 标准≤0.5 · ✓ 达标<');
  });
});

describe('dot/strip chart of the schools of a county', () => {
  const c = stripChart({
    id: 's1',
    title: '生均体育运动场馆面积',
    subject: '青禾区2025年小学',
    valueLabel: '生均体育运动场馆面积',
    unit: 'm²',
    limit: { value: 7.5, comparison: '>=' },
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
    const fills = attr(c.svg, 'circle', null, 'fill');
    expect(fills).toEqual(['#0072B2', '#fff']);
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
    // bins of 5 from 36 to 70; x domain [35.5, 70.5] → range [36, 346]: x(45.5) = 36 + 310·10/35
    const lines = [...c.svg.matchAll(/<g class="mark"><line x1="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(lines).toEqual([124.57, 168.86, 213.14, 301.71]); // 45.5, 50.5, 55.5, 65.5
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
