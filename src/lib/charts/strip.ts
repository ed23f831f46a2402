/**
 * Dot plot: every school of a county on one indicator, one row each (in the order given — by
 * school code, not by value: this is not a league table), with the threshold as a dashed line.
 * Schools below the standard are drawn hollow and labelled, so colour is not the only cue.
 */
import { scaleLinear } from 'd3-scale';
import type { ChartBase, ChartResult, Limit } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, n, num, stableId, svgClose, svgOpen, text } from './frame';

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
  const rowH = 30;
  const m = { top: 22, right: 14, bottom: 26, left: 10 };
  const H = m.top + input.points.length * rowH + m.bottom;
  const id = input.id ?? stableId('strip', input.title);
  const meets = (v: number) => (input.limit.comparison === '>=' ? v >= input.limit.value - 1e-12 : v <= input.limit.value + 1e-12);
  const vals = input.points.map((p) => p.value).filter(isNum);
  const x = scaleLinear()
    .domain([0, Math.max(input.limit.value, ...vals, 0) * 1.1 || 1])
    .nice(4)
    .range([m.left + 6, W - m.right - 70]);
  const parts: string[] = [];
  for (const t of x.ticks(4)) {
    parts.push(`<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${m.top}" y2="${H - m.bottom}" stroke="${GRID}"/>`);
    parts.push(text(x(t), H - m.bottom + 16, num(t), `text-anchor="middle" fill="${MUTED}" font-size="12"`));
  }
  const lx = x(input.limit.value);
  parts.push(`<g class="limit"><line x1="${n(lx)}" x2="${n(lx)}" y1="${m.top - 6}" y2="${H - m.bottom}" stroke="${LIMIT}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  parts.push(text(lx, m.top - 9, `标准 ${withUnit(num(input.limit.value, digits), input.unit)}`, `text-anchor="middle" fill="${LIMIT}" font-weight="600" font-size="12"`) + '</g>');
  input.points.forEach((p, k) => {
    const y0 = m.top + k * rowH;
    parts.push(text(m.left, y0 + 11, p.label, `fill="${INK}" font-size="12"`));
    const cy = y0 + 21;
    parts.push(`<line x1="${n(x(0))}" x2="${n(W - m.right - 70)}" y1="${n(cy)}" y2="${n(cy)}" stroke="${GRID}" stroke-dasharray="1 3"/>`);
    if (isNum(p.value)) {
      const ok = meets(p.value);
      const cx = x(p.value);
      parts.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="5" fill="${ok ? PALETTE[0] : '#fff'}" stroke="${ok ? PALETTE[0] : PALETTE[5]}" stroke-width="2"/>`);
      parts.push(text(cx + 9, cy + 4, `${num(p.value, digits)}${ok ? '' : ' ✗'}`, `fill="${INK}" font-size="12"`));
    } else {
      parts.push(text(x(0), cy + 4, '未公布', `fill="${MUTED}" font-size="12"`));
    }
  });
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
  };
}
