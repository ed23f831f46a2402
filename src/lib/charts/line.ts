/**
 * Line chart: a value over the years against a limit line (e.g. a county's CV of one indicator
 * vs 0.50). Missing years break the line (never drawn as 0) and are named in the summary.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { max } from 'd3-array';
import type { ChartBase, ChartResult, Limit } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, fixed, legend, n, num, shape, stableId, svgClose, svgOpen, text, yearSpan, type KeyEntry } from './frame';
import { Occupied, textBox, textWidth } from './geometry';

/** Fixed decimals for ratios (0.41 vs 0.50); whole numbers with thousands separators. */
function fv(v: number, digits: number): string {
  return digits === 0 ? num(v, 0) : fixed(v, digits);
}

export interface LinePoint {
  readonly x: number;
  readonly y: number | null;
}

export interface LineSeries {
  readonly label: string;
  readonly points: readonly LinePoint[];
}

export interface LineChartInput extends ChartBase {
  readonly series: readonly LineSeries[];
  readonly limit?: Limit;
  /** What the numbers are, for the summary and the table, e.g. “生均教学及辅助用房面积差异系数”. */
  readonly valueLabel: string;
  /** Who, e.g. “青禾区小学”. Summary reads “{subject}{valueLabel}由…”. */
  readonly subject: string;
  readonly unit?: string;
  /** Title of the value axis, above it (default “单位：{unit}”; give one for values without a unit). */
  readonly axisTitle?: string;
  /** Decimals shown (default 2). */
  readonly digits?: number;
  readonly width?: number;
  readonly height?: number;
}

const MISSING = '未公布';

function met(v: number, limit: Limit): boolean {
  return limit.comparison === '<=' ? v <= limit.value + 1e-12 : v >= limit.value - 1e-12;
}

/** The sentence for one series. Exported for tests of the wording. */
export function lineSummary(subject: string, valueLabel: string, points: readonly LinePoint[], limit: Limit | undefined, digits: number, unit = '', withSpan = true): string {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const known = sorted.filter((p): p is { x: number; y: number } => p.y !== null && Number.isFinite(p.y));
  const missingYears = sorted.filter((p) => p.y === null || !Number.isFinite(p.y)).map((p) => p.x);
  const f = (v: number) => `${fv(v, digits)}${unit}`;
  const who = `${subject}${valueLabel}`;
  if (known.length === 0) {
    return sorted.length ? `${yearSpan(sorted[0].x, sorted[sorted.length - 1].x)}，${who}均未公布。` : `${who}未公布。`;
  }
  const first = known[0];
  const last = known[known.length - 1];
  let s: string;
  if (known.length === 1) s = `${last.x}年，${who}为${f(last.y)}`;
  else {
    const a = fv(first.y, digits);
    const b = fv(last.y, digits);
    const verb = b === a ? '保持在' : last.y < first.y ? '降至' : '升至';
    const span = withSpan ? `${yearSpan(first.x, last.x)}，` : '';
    s = verb === '保持在' ? `${span}${who}保持在${f(last.y)}` : `${span}${who}由${f(first.y)}${verb}${f(last.y)}`;
  }
  if (limit) {
    const L = `${fv(limit.value, digits)}${unit}`;
    const word = limit.comparison === '<=' ? '低于' : '达到';
    const notWord = limit.comparison === '<=' ? '高于' : '低于';
    if (known.every((p) => met(p.y, limit))) {
      const strictly = limit.comparison === '<=' ? known.every((p) => p.y < limit.value) : true;
      s += known.length === 1 ? `，${strictly ? word : '不高于'}${L}的标准` : `，各年均${strictly ? word : '不高于'}${L}的标准`;
    } else if (met(last.y, limit)) {
      let k = known.length - 1;
      while (k > 0 && met(known[k - 1].y, limit)) k--;
      s += `，${known[k].x}年起${word}${L}的标准`;
    } else {
      s += known.length === 1 ? `，${notWord}${L}的标准` : `，${last.x}年仍${notWord}${L}的标准`;
    }
  }
  if (missingYears.length) s += `（${missingYears.join('、')}年${MISSING}）`;
  return s + '。';
}

export function lineChart(input: LineChartInput): ChartResult {
  const digits = input.digits ?? 2;
  const unit = input.unit ?? '';
  const W = input.width ?? 360;
  const plotH = (input.height ?? 230) - 46;
  const multi = input.series.length > 1;
  const id = input.id ?? stableId('line', input.title);
  const years = [...new Set(input.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const values = input.series.flatMap((s) => s.points.map((p) => p.y)).filter((v): v is number => v !== null && Number.isFinite(v));
  const top = Math.max(max(values) ?? 0, input.limit?.value ?? 0) * 1.15 || 1;
  const anyMissed = !!input.limit && values.some((v) => !met(v, input.limit!));

  // Legend in its own row(s) at the top: every series (shape + colour + dash), hollow points
  // when some year misses the standard, and the dashed standard line.
  const keys: KeyEntry[] = [];
  input.series.forEach((s, i) => {
    if (multi) keys.push({ swatch: { kind: 'series', shape: i, colour: PALETTE[i % PALETTE.length], dash: i % 2 ? '2 3' : undefined }, label: s.label });
  });
  if (input.limit && !multi && values.some((v) => met(v, input.limit!))) keys.push({ swatch: { kind: 'shape', shape: 0, fill: PALETTE[0], stroke: PALETTE[0] }, label: input.limit.comparison === '<=' ? '不高于标准' : '达到标准' });
  if (anyMissed) keys.push({ swatch: { kind: 'shape', shape: 0, fill: '#fff', stroke: multi ? MUTED : PALETTE[0] }, label: input.limit!.comparison === '<=' ? '空心：高于标准' : '空心：未达到标准' });
  const limitLabel = input.limit ? input.limit.label ?? `标准 ${fixed(input.limit.value, digits)}${unit}` : '';
  if (input.limit) keys.push({ swatch: { kind: 'line', stroke: LIMIT, dash: '6 4' }, label: limitLabel });
  const key = legend(keys, W, 8, 4);
  // The unit on its own line above the value axis, under the legend.
  // Every value axis says what it measures: its unit, or what the numbers are.
  const axisTitle = input.axisTitle ?? (unit ? `单位：${unit.trim()}` : input.valueLabel);
  const unitY = key.bottom + 14;
  const m = { top: (axisTitle ? unitY : key.bottom) + 14, right: 16, bottom: 28, left: 44 };
  const H = m.top + plotH + m.bottom;
  const y = scaleLinear().domain([0, top]).nice(4).range([H - m.bottom, m.top]);
  const tickText = (t: number) => (digits === 0 ? num(t, 0) : fixed(t, t % 1 === 0 && digits > 2 ? 1 : Math.min(digits, 2))) + (unit === '%' ? '%' : '');
  // The value axis is as wide as its longest tick label.
  m.left = Math.ceil(8 + Math.max(...y.ticks(4).map((t) => textWidth(tickText(t), 13))) + 6);
  const x = scalePoint<number>().domain(years).range([m.left, W - m.right]).padding(0.4);
  const parts: string[] = [key.svg];
  const occ = new Occupied();
  const frame = { x0: 0, y0: 0, x1: W, y1: H };

  for (const t of y.ticks(4)) {
    parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}"/>`);
    // A share axis reads in % on every tick (0.80% is not 0.80).
    parts.push(text(m.left - 6, y(t) + 4, tickText(t), `text-anchor="end" fill="${MUTED}"`));
  }
  if (axisTitle) parts.push(text(4, unitY, axisTitle, `fill="${MUTED}" font-size="12"`));
  parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${n(H - m.bottom)}" y2="${n(H - m.bottom)}" stroke="${MUTED}"/>`);
  occ.segment(m.left, H - m.bottom, W - m.right, H - m.bottom);
  for (const yr of years) parts.push(text(x(yr) ?? 0, H - m.bottom + 17, String(yr), `text-anchor="middle" fill="${INK}"`));

  if (input.limit) {
    const ly = y(input.limit.value);
    parts.push(`<g class="limit"><line x1="${m.left}" x2="${W - m.right}" y1="${n(ly)}" y2="${n(ly)}" stroke="${LIMIT}" stroke-width="1.5" stroke-dasharray="6 4"/></g>`);
    occ.segment(m.left, ly, W - m.right, ly);
  }

  const drawn = input.series.map((s, i) => {
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    const path = line<LinePoint>()
      .defined((p) => p.y !== null && Number.isFinite(p.y))
      .x((p) => x(p.x) ?? 0)
      .y((p) => y(p.y ?? 0))
      .digits(2)(pts);
    // Each unbroken run of the line is an obstacle for the value labels.
    let run: [number, number][] = [];
    for (const p of pts) {
      if (p.y === null || !Number.isFinite(p.y)) {
        occ.polyline(run);
        run = [];
        continue;
      }
      const cx = x(p.x) ?? 0;
      const cy = y(p.y);
      run.push([cx, cy]);
      occ.box({ x0: cx - 5.5, y0: cy - 5.5, x1: cx + 5.5, y1: cy + 5.5 });
    }
    occ.polyline(run);
    return { s, i, pts, path };
  });
  for (const { i, pts, path } of drawn) {
    const colour = PALETTE[i % PALETTE.length];
    parts.push(`<g class="series"><path d="${path ?? ''}" fill="none" stroke="${colour}" stroke-width="2.5"${i % 2 ? ' stroke-dasharray="2 3"' : ''}/>`);
    for (const p of pts) {
      if (p.y === null || !Number.isFinite(p.y)) continue;
      parts.push(shape(i, x(p.x) ?? 0, y(p.y), 4, input.limit && !met(p.y, input.limit) ? '#fff' : colour, colour));
    }
    parts.push('</g>');
  }
  // One series: each point carries its value, above it if that crosses nothing, else below,
  // right or left; a value that fits nowhere stays in the table only.
  if (!multi) {
    for (const p of drawn[0]?.pts ?? []) {
      if (p.y === null || !Number.isFinite(p.y)) continue;
      const cx = x(p.x) ?? 0;
      const cy = y(p.y);
      const s = fv(p.y, digits);
      const c = occ.first(
        [
          { x: cx, y: cy - 9, a: 'middle' as const },
          { x: cx, y: cy + 18, a: 'middle' as const },
          { x: cx + 8, y: cy - 7, a: 'start' as const },
          { x: cx - 8, y: cy - 7, a: 'end' as const },
          { x: cx + 8, y: cy + 14, a: 'start' as const },
          { x: cx - 8, y: cy + 14, a: 'end' as const },
        ].map((k) => ({ ...k, box: textBox(k.x, k.y, s, 12, k.a) })),
        { ...frame, x0: m.left, y1: H - m.bottom },
      );
      if (!c) continue;
      occ.box(c.box);
      parts.push(text(c.x, c.y, s, `text-anchor="${c.a}" fill="${INK}" font-size="12"`));
    }
  }

  let summary: string;
  if (!multi) summary = lineSummary(input.subject, input.valueLabel, input.series[0]?.points ?? [], input.limit, digits, unit);
  else {
    // One sentence: the years once, then each series, separated by “；”.
    const ys = input.series.flatMap((s) => s.points.filter((p) => p.y !== null).map((p) => p.x));
    const span = ys.length ? `${yearSpan(Math.min(...ys), Math.max(...ys))}，` : '';
    summary = span + input.series.map((s) => lineSummary(s.label, input.valueLabel, s.points, input.limit, digits, unit, false).replace(/。$/, '')).join('；') + '。';
  }
  const desc =
    input.desc ??
    `折线图，横轴为年份（${years.length ? yearSpan(years[0], years[years.length - 1]) : '无数据'}），纵轴为${input.valueLabel}${input.limit ? `；虚线为标准 ${fixed(input.limit.value, digits)}${unit}` : ''}。${summary}`;

  const single = !multi && input.limit;
  const columns = [
    { label: '年份' },
    ...input.series.map((s) => ({ label: multi ? s.label : input.valueLabel, numeric: true })),
    ...(input.limit ? [{ label: '标准', numeric: true }] : []),
    ...(single ? [{ label: '对照标准' }] : []),
  ];
  const rows = years.map((yr) => {
    const cells = input.series.map((s) => {
      const p = s.points.find((q) => q.x === yr);
      return p && p.y !== null && Number.isFinite(p.y) ? `${fv(p.y, digits)}${unit}` : MISSING;
    });
    const row = [String(yr), ...cells];
    if (input.limit) row.push(`${input.limit.comparison === '<=' ? '≤' : '≥'} ${fixed(input.limit.value, digits)}${unit}`);
    if (single) {
      const p = input.series[0].points.find((q) => q.x === yr);
      if (!p || p.y === null || !Number.isFinite(p.y)) row.push(MISSING);
      else if (met(p.y, input.limit!)) row.push('✓ 达标');
      else row.push(`✗ 差 ${fixed(Math.abs(p.y - input.limit!.value), digits)}${unit}`);
    }
    return row;
  });
  const svg = svgOpen({ id, title: input.title, desc, width: W, height: H }) + parts.join('') + svgClose;
  return {
    svg,
    title: input.title,
    summary,
    table: { caption: input.title, columns, rows },
    resize: (w) => lineChart({ ...input, width: w, height: Math.round((input.height ?? 230) * 1.2), id: `${id}-w` }),
  };
}
