/**
 * Histogram of class sizes in bins of `binWidth` pupils (1–5, 6–10, … 41–45, 46–50 …), with
 * the class-size marks from the standards table drawn between bins: a limit (45, 50) after its
 * value, a band start (大班额 56, 超大班额 66) before it. Bars above a mark are hatched.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { ChartBase, ChartResult } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, hatchDefs, n, num, stableId, svgClose, svgOpen, text } from './frame';

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
  const H = (input.height ?? 240) + 18;
  const m = { top: 62, right: 14, bottom: 30, left: 36 };
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
  const x = scaleLinear().domain([lo - 0.5, hi + 0.5]).range([m.left, W - m.right]);
  const maxC = Math.max(1, ...bins.map((b) => b.count));
  const y = scaleLinear().domain([0, maxC]).nice(4).range([H - m.bottom, m.top]);
  const firstLimit = Math.min(...input.marks.filter((k) => k.kind === 'max').map((k) => k.value), Infinity);
  const parts: string[] = [];
  for (const t of y.ticks(4).filter((t) => Number.isInteger(t))) {
    parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}"/>`);
    parts.push(text(m.left - 5, y(t) + 4, String(t), `text-anchor="end" fill="${MUTED}" font-size="12"`));
  }
  for (const b of bins) {
    const x0 = x(b.from - 0.5) + 1;
    const w = x(b.to + 0.5) - x(b.from - 0.5) - 2;
    const over = b.from > firstLimit;
    if (b.count > 0) {
      parts.push(`<rect x="${n(x0)}" y="${n(y(b.count))}" width="${n(w)}" height="${n(y(0) - y(b.count))}" fill="${over ? `url(#${id}-p1)` : PALETTE[0]}" stroke="${PALETTE[0]}"/>`);
      parts.push(text(x0 + w / 2, y(b.count) - 4, String(b.count), `text-anchor="middle" fill="${INK}" font-size="12"`));
    }
  }
  parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${n(y(0))}" y2="${n(y(0))}" stroke="${MUTED}"/>`);
  for (let a = lo - 1; a <= hi; a += bw * 2) parts.push(text(x(a + 0.5), H - m.bottom + 15, String(a), `text-anchor="middle" fill="${MUTED}" font-size="12"`));
  parts.push(text(W - m.right, H - 4, '每班人数', `text-anchor="end" fill="${MUTED}" font-size="12"`));
  // Each line is labelled with its number only (labels would collide: 45 and 50 are close);
  // the key above the plot says what the dashed and dotted lines are.
  input.marks.forEach((k, i) => {
    const mx = x(k.kind === 'max' ? k.value + 0.5 : k.value - 0.5);
    parts.push(`<g class="mark"><line x1="${n(mx)}" x2="${n(mx)}" y1="${m.top - 4}" y2="${n(y(0))}" stroke="${LIMIT}" stroke-width="1.5" stroke-dasharray="${k.kind === 'max' ? '6 3' : '2 2'}"/>`);
    parts.push(text(mx, m.top - 8, String(k.value), `text-anchor="middle" fill="${LIMIT}" font-size="12" font-weight="600"`) + '</g>');
  });
  const maxMarks = input.marks.filter((k) => k.kind === 'max');
  const minMarks = input.marks.filter((k) => k.kind === 'min');
  parts.push(`<line x1="${m.left}" x2="${m.left + 18}" y1="10" y2="10" stroke="${LIMIT}" stroke-width="1.5" stroke-dasharray="6 3"/>`);
  parts.push(text(m.left + 22, 14, maxMarks.map((k) => k.label).join('、'), `fill="${INK}" font-size="12"`));
  const kx = m.left + 32 + maxMarks.map((k) => k.label).join('、').length * 12;
  parts.push(`<line x1="${n(kx)}" x2="${n(kx + 18)}" y1="10" y2="10" stroke="${LIMIT}" stroke-width="1.5" stroke-dasharray="2 2"/>`);
  parts.push(text(kx + 22, 14, minMarks.map((k) => k.label).join('、'), `fill="${INK}" font-size="12"`));
  // Every mark explained: the hatched bars, and the axis of counts.
  if (Number.isFinite(firstLimit)) {
    parts.push(`<rect x="${m.left}" y="22" width="18" height="11" fill="url(#${id}-p1)" stroke="${PALETTE[0]}"/>`);
    parts.push(text(m.left + 22, 32, `斜线：超过标准班额（${firstLimit}人以上）的班级`, `fill="${INK}" font-size="12"`));
  }
  parts.push(text(9, (m.top + H - m.bottom) / 2, '班级数（个）', `text-anchor="middle" fill="${MUTED}" font-size="12" transform="rotate(-90 9 ${n((m.top + H - m.bottom) / 2)})"`));
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
  };
}
