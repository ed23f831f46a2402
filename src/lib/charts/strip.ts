/**
 * Dot plot: every school of a county on one indicator, one row each (in the order given — by
 * school code, not by value: this is not a league table), with the threshold as a dashed line.
 * Schools below the standard are drawn hollow and labelled, so colour is not the only cue.
 */
import { scaleLinear } from 'd3-scale';
import type { ChartBase, ChartResult, Limit } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, legend, n, num, stableId, svgClose, svgOpen, text, type KeyEntry } from './frame';
import { Occupied, textBox, textWidth } from './geometry';

export interface StripPoint {
  readonly label: string;
  readonly value: number | null;
  /** Shown in the table (e.g. “不计入：教学点”). */
  readonly note?: string;
}

export interface StripChartInput extends ChartBase {
  readonly points: readonly StripPoint[];
  readonly limit: Limit;
  /** e.g. “生均教学及辅助用房面积”. */
  readonly valueLabel: string;
  /** e.g. “青禾区2025年小学”. */
  readonly subject: string;
  readonly unit?: string;
  readonly digits?: number;
  readonly width?: number;
}

const isNum = (v: number | null): v is number => v !== null && Number.isFinite(v);
const withUnit = (v: string, u?: string) => (!u ? v : u === '%' ? `${v}%` : `${v} ${u}`);

export function stripChart(input: StripChartInput): ChartResult {
  const digits = input.digits ?? 2;
  const W = input.width ?? 360;
  // A row: the name, then its dot close under it; a wider gap before the next name.
  const rowH = 34;
  const meets = (v: number) => (input.limit.comparison === '>=' ? v >= input.limit.value - 1e-12 : v <= input.limit.value + 1e-12);
  const vals = input.points.map((p) => p.value).filter(isNum);
  const anyMissed = vals.some((v) => !meets(v));
  const keys: KeyEntry[] = [
    ...(vals.some(meets) ? [{ swatch: { kind: 'shape' as const, shape: 0, fill: PALETTE[0], stroke: PALETTE[0] }, label: '达到标准' }] : []),
    ...(anyMissed ? [{ swatch: { kind: 'shape' as const, shape: 0, fill: '#fff', stroke: PALETTE[5] }, label: '✗ 未达到标准' }] : []),
    { swatch: { kind: 'line' as const, stroke: LIMIT, dash: '6 4' }, label: `标准 ${withUnit(num(input.limit.value, digits), input.unit)}` },
  ];
  const key = legend(keys, W, 8, 4);
  // The standard's own label sits at the top end of its line, above the first row.
  const m = { top: key.bottom + 22, right: 14, bottom: 42, left: 10 };
  const H = m.top + input.points.length * rowH + m.bottom;
  const id = input.id ?? stableId('strip', input.title);
  const x = scaleLinear()
    .domain([0, Math.max(input.limit.value, ...vals, 0) * 1.1 || 1])
    .nice(4)
    .range([m.left + 6, W - m.right - 44]);
  const parts: string[] = [key.svg];
  const ticks = x.ticks(4);
  for (const t of ticks) {
    parts.push(`<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${m.top}" y2="${H - m.bottom}" stroke="${GRID}"/>`);
    parts.push(text(x(t), H - m.bottom + 16, num(t), `text-anchor="middle" fill="${MUTED}" font-size="12"`));
  }
  // The axis says what it measures and in which unit.
  parts.push(text(W - 2, H - 4, `${input.valueLabel}${input.unit ? `（${input.unit}）` : ''}`, `text-anchor="end" fill="${MUTED}" font-size="12"`));
  const lx = x(input.limit.value);
  const occ = new Occupied();
  const names: string[] = [];
  const values: string[] = [];
  input.points.forEach((p, k) => {
    const y0 = m.top + k * rowH;
    // Names read across the full width above their row; the standard's line breaks around them.
    names.push(text(m.left, y0 + 12, p.label, `fill="${INK}" font-size="12"`));
    occ.box(textBox(m.left, y0 + 12, p.label, 12));
  });
  const lineTop = m.top - 6;
  const lineBottom = H - m.bottom;
  // The standard's line, in pieces between the names it would cross.
  const gaps = occ.boxes.filter((b) => b.x0 - 2 < lx && lx < b.x1 + 2).map((b) => [b.y0 - 2, b.y1 + 2] as const).sort((a, b) => a[0] - b[0]);
  const pieces: [number, number][] = [];
  let from = lineTop;
  for (const [g0, g1] of gaps) {
    if (g0 > from) pieces.push([from, g0]);
    from = Math.max(from, g1);
  }
  if (from < lineBottom) pieces.push([from, lineBottom]);
  for (const [a, b] of pieces) occ.segment(lx, a, lx, b);
  const limitLabel = `标准 ${withUnit(num(input.limit.value, digits), input.unit)}`;
  const limitW = textWidth(limitLabel, 12);
  const la = lx - limitW / 2 < 2 ? 'start' : lx + limitW / 2 > W - 2 ? 'end' : 'middle';
  input.points.forEach((p, k) => {
    const y0 = m.top + k * rowH;
    const cy = y0 + 23;
    values.push(`<line x1="${n(x(0))}" x2="${n(W - m.right - 44)}" y1="${n(cy)}" y2="${n(cy)}" stroke="${GRID}" stroke-dasharray="1 3"/>`);
    if (isNum(p.value)) {
      const ok = meets(p.value);
      const cx = x(p.value);
      values.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="5" fill="${ok ? PALETTE[0] : '#fff'}" stroke="${ok ? PALETTE[0] : PALETTE[5]}" stroke-width="2"/>`);
      occ.box({ x0: cx - 6, y0: cy - 6, x1: cx + 6, y1: cy + 6 });
      const s = `${num(p.value, digits)}${ok ? '' : ' ✗'}`;
      // The value beside its dot, on the side away from the standard's line when it would cross it.
      const c = occ.first(
        [
          { x: cx + 9, a: 'start' as const },
          { x: cx - 9, a: 'end' as const },
          { x: Math.max(cx + 9, lx + 4), a: 'start' as const },
          { x: Math.min(cx - 9, lx - 4), a: 'end' as const },
        ].map((q) => ({ ...q, box: textBox(q.x, cy + 4, s, 12, q.a) })),
        { x0: 0, y0: 0, x1: W, y1: H },
        0.5,
      );
      if (c) {
        occ.box(c.box);
        values.push(text(c.x, cy + 4, s, `text-anchor="${c.a}" fill="${INK}" font-size="12"`));
      }
    } else {
      values.push(text(x(0), cy + 4, '未公布', `fill="${MUTED}" font-size="12"`));
    }
  });
  parts.push(`<g class="limit">${pieces.map(([a, b]) => `<line x1="${n(lx)}" x2="${n(lx)}" y1="${n(a)}" y2="${n(b)}" stroke="${LIMIT}" stroke-width="1.5" stroke-dasharray="6 4"/>`).join('')}`);
  parts.push(text(la === 'start' ? lx - 4 : la === 'end' ? lx + 4 : lx, m.top - 9, limitLabel, `text-anchor="${la}" fill="${LIMIT}" font-weight="600" font-size="12"`) + '</g>');
  parts.push(...names, ...values);
  const known = input.points.filter((p) => isNum(p.value));
  const below = known.filter((p) => !meets(p.value as number));
  const missing = input.points.length - known.length;
  let summary = `${input.subject}${input.points.length}所学校的${input.valueLabel}`;
  if (known.length) {
    const lo = Math.min(...known.map((p) => p.value as number));
    const hi = Math.max(...known.map((p) => p.value as number));
    summary += `在${num(lo, digits)}至${withUnit(num(hi, digits), input.unit)}之间`;
    summary += below.length ? `，${below.length}所${input.limit.comparison === '>=' ? '低于' : '高于'}${withUnit(num(input.limit.value, digits), input.unit)}的标准` : `，均达到${withUnit(num(input.limit.value, digits), input.unit)}的标准`;
  }
  if (missing) summary += `，${missing}所未公布`;
  summary += '。';
  const desc = input.desc ?? `点图，每所学校一行（按学校代码排列），横轴为${input.valueLabel}，虚线为标准；空心点表示未达标准。${summary}`;
  const rows = input.points.map((p) => {
    if (!isNum(p.value)) return [p.label, '未公布', p.note ?? ''];
    const gap = Math.abs(input.limit.value - p.value);
    return [p.label, withUnit(num(p.value, digits), input.unit), (meets(p.value) ? '✓ 达标' : `✗ 差 ${withUnit(num(gap, digits), input.unit)}`) + (p.note ? `；${p.note}` : '')];
  });
  return {
    svg: svgOpen({ id, title: input.title, desc, width: W, height: H }) + parts.join('') + svgClose,
    title: input.title,
    summary,
    table: { caption: input.title, columns: [{ label: '学校' }, { label: input.valueLabel, numeric: true }, { label: `对照标准（${input.limit.comparison === '>=' ? '≥' : '≤'} ${withUnit(num(input.limit.value, digits), input.unit)}）` }], rows },
    resize: (w) => stripChart({ ...input, width: w, id: `${id}-w` }),
  };
}
