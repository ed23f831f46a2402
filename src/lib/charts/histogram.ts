/**
 * Histogram of class sizes in bins of `binWidth` pupils (1–5, 6–10, … 41–45, 46–50 …), with
 * the class-size marks from the standards table drawn between bins: a limit (45, 50) after its
 * value, a band start (大班额 56, 超大班额 66) before it. Bars above a mark are hatched.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { ChartBase, ChartResult } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, hatchDefs, legend, n, num, stableId, svgClose, svgOpen, text, type KeyEntry } from './frame';
import { Occupied, textBox, textWidth } from './geometry';

export interface HistogramMark {
  readonly value: number;
  readonly label: string;
  /** 'max': the value is still within (line after it, e.g. 45); 'min': the band starts at it (line before it, e.g. 56). */
  readonly kind: 'max' | 'min';
}

/** A band counted in the summary, e.g. { label: '大班额（56–65人）', min: 56, max: 65 }. */
export interface HistogramBand {
  readonly label: string;
  readonly min: number;
  readonly max?: number;
}

export interface HistogramInput extends ChartBase {
  readonly values: readonly number[];
  readonly marks: readonly HistogramMark[];
  readonly bands: readonly HistogramBand[];
  /** e.g. “青禾区2025年”. */
  readonly subject: string;
  readonly binWidth?: number;
  readonly width?: number;
  readonly height?: number;
}

export function histogram(input: HistogramInput): ChartResult {
  const bw = input.binWidth ?? 5;
  const W = input.width ?? 360;
  const id = input.id ?? stableId('hist', input.title);
  const vals = input.values.filter((v) => Number.isFinite(v));
  const markVals = input.marks.map((k) => k.value);
  const lo = Math.floor((Math.min(min(vals) ?? Infinity, ...markVals) - 1) / bw) * bw + 1;
  const hi = Math.ceil(Math.max(max(vals) ?? -Infinity, ...markVals) / bw) * bw;
  const bins: { from: number; to: number; count: number }[] = [];
  for (let a = lo; a <= hi; a += bw) bins.push({ from: a, to: a + bw - 1, count: 0 });
  for (const v of vals) {
    const b = bins[Math.min(bins.length - 1, Math.max(0, Math.floor((v - lo) / bw)))];
    b.count++;
  }
  const firstLimit = Math.min(...input.marks.filter((k) => k.kind === 'max').map((k) => k.value), Infinity);
  const maxMarks = input.marks.filter((k) => k.kind === 'max');
  const minMarks = input.marks.filter((k) => k.kind === 'min');
  // The key in its own rows: what the dashed and dotted lines are, and the hatched bars.
  const keys: KeyEntry[] = [
    ...(maxMarks.length ? [{ swatch: { kind: 'line' as const, stroke: LIMIT, dash: '6 3' }, label: `标准班额 ${maxMarks.map((k) => k.label).join('、')}` }] : []),
    ...(minMarks.length ? [{ swatch: { kind: 'line' as const, stroke: LIMIT, dash: '2 2' }, label: minMarks.map((k) => k.label).join('、') }] : []),
    ...(Number.isFinite(firstLimit) && bins.some((b) => b.count > 0 && b.from > firstLimit) ? [{ swatch: { kind: 'rect' as const, fill: `url(#${id}-p1)`, stroke: PALETTE[0] }, label: `斜线：超过标准班额（${firstLimit}人以上）的班级` }] : []),
  ];
  const key = legend(keys, W, 8, 4);
  const maxC = Math.max(1, ...bins.map((b) => b.count));
  const markLabelY = key.bottom + 14;
  const H = key.bottom + (input.height ?? 240);
  const yTicksOf = (top: number) => scaleLinear().domain([0, maxC]).nice(4).range([H - 36, top]).ticks(4).filter((t) => Number.isInteger(t));
  // Left: the rotated axis title, then the count labels as wide as the widest.
  const titleX = 4 + 0.9 * 12;
  const m = { top: markLabelY + 6, right: 14, bottom: 36, left: Math.ceil(titleX + 1.8 + 3 + Math.max(...yTicksOf(0).map((t) => textWidth(String(t), 12))) + 5) };
  const x = scaleLinear().domain([lo - 0.5, hi + 0.5]).range([m.left, W - m.right]);
  // Headroom above the tallest bar for its count, below the marks' numbers.
  const y = scaleLinear().domain([0, maxC]).nice(4).range([H - m.bottom, m.top + 16]);
  const parts: string[] = [key.svg];
  const occ = new Occupied();
  for (const t of y.ticks(4).filter((t) => Number.isInteger(t))) {
    parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}"/>`);
    parts.push(text(m.left - 5, y(t) + 4, String(t), `text-anchor="end" fill="${MUTED}" font-size="12"`));
  }
  const markX = (k: HistogramMark) => x(k.kind === 'max' ? k.value + 0.5 : k.value - 0.5);
  for (const k of input.marks) occ.segment(markX(k), m.top - 4, markX(k), y(0));
  const countLabels: string[] = [];
  for (const b of bins) {
    const x0 = x(b.from - 0.5) + 1;
    const w = x(b.to + 0.5) - x(b.from - 0.5) - 2;
    const over = b.from > firstLimit;
    if (b.count > 0) {
      parts.push(`<rect x="${n(x0)}" y="${n(y(b.count))}" width="${n(w)}" height="${n(y(0) - y(b.count))}" fill="${over ? `url(#${id}-p1)` : PALETTE[0]}" stroke="${PALETTE[0]}"/>`);
      occ.box({ x0, y0: y(b.count), x1: x0 + w, y1: y(0) });
    }
  }
  // Each count above its bar (a count that would cross a mark's line stays in the table).
  for (const b of bins) {
    if (!b.count) continue;
    const cx = (x(b.from - 0.5) + x(b.to + 0.5)) / 2;
    const box = textBox(cx, y(b.count) - 4, String(b.count), 12, 'middle');
    if (occ.hits(box, 0.5)) continue;
    occ.box(box);
    countLabels.push(text(cx, y(b.count) - 4, String(b.count), `text-anchor="middle" fill="${INK}" font-size="12"`));
  }
  parts.push(...countLabels);
  parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${n(y(0))}" y2="${n(y(0))}" stroke="${MUTED}"/>`);
  for (let a = lo - 1; a <= hi; a += bw * 2) parts.push(text(x(a + 0.5), y(0) + 17, String(a), `text-anchor="middle" fill="${MUTED}" font-size="12"`));
  parts.push(text(W - 2, H - 3, '每班人数（人）', `text-anchor="end" fill="${MUTED}" font-size="12"`));
  // Each line is labelled with its number only (45 and 50 are close); the key says what they are.
  input.marks.forEach((k) => {
    const mx = markX(k);
    parts.push(`<g class="mark"><line x1="${n(mx)}" x2="${n(mx)}" y1="${m.top - 4}" y2="${n(y(0))}" stroke="${LIMIT}" stroke-width="1.5" stroke-dasharray="${k.kind === 'max' ? '6 3' : '2 2'}"/>`);
    parts.push(text(mx, markLabelY, String(k.value), `text-anchor="middle" fill="${LIMIT}" font-size="12" font-weight="600"`) + '</g>');
  });
  const cy = (m.top + H - m.bottom) / 2;
  parts.push(text(titleX, cy, '班级数（个）', `text-anchor="middle" fill="${MUTED}" font-size="12" transform="rotate(-90 ${n(titleX)} ${n(cy)})"`));
  const total = vals.length;
  const counts = input.bands.map((b) => ({ b, c: vals.filter((v) => v >= b.min && (b.max === undefined || v <= b.max)).length }));
  let summary: string;
  if (!total) summary = `${input.subject}班额数据未公布。`;
  else {
    const mean = vals.reduce((a, b) => a + b, 0) / total;
    summary = `${input.subject}共${num(total, 0)}个班，平均每班${num(mean, 1)}人，最大${max(vals)}人；` + counts.map(({ b, c }) => `${b.label}${c}个`).join('，') + '。';
  }
  const desc = input.desc ?? `直方图，横轴为每班人数（每${bw}人一组），纵轴为班级数；竖线为班额标准。${summary}`;
  const rows = bins.filter((b) => b.count > 0 || (b.from <= (max(vals) ?? -Infinity) && b.to >= (min(vals) ?? Infinity))).map((b) => [`${b.from}–${b.to}人`, String(b.count)]);
  return {
    svg: svgOpen({ id, title: input.title, desc, width: W, height: H, extraDefs: hatchDefs(id, [PALETTE[0], PALETTE[0]]) }) + parts.join('') + svgClose,
    title: input.title,
    summary,
    table: { caption: input.title, columns: [{ label: '每班人数' }, { label: '班级数', numeric: true }], rows },
    resize: (w) => histogram({ ...input, width: w, id: `${id}-w` }),
  };
}
