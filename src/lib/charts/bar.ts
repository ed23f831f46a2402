/**
 * Bars against standards: one bar per indicator, each with its own threshold marker. With
 * `scale: 'ratio'` (default) bars show value ÷ threshold, so indicators in different units share
 * one axis (100 % = the standard; an optional second mark such as 85 %); each bar is labelled
 * with the value, the standard and ✓/✗, so colour never carries the meaning alone.
 */
import { scaleLinear } from 'd3-scale';
import type { ChartBase, ChartResult, Mark } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, n, num, stableId, svgClose, svgOpen, text } from './frame';

export interface BarItem {
  readonly label: string;
  readonly value: number | null;
  readonly threshold: number;
  readonly comparison: '<=' | '>=';
  readonly unit?: string;
  /** Why there is no value (“未公布”, “不适用”); default “未公布”. */
  readonly missingText?: string;
}

export interface BarChartInput extends ChartBase {
  readonly items: readonly BarItem[];
  /** Who, for the summary, e.g. “青禾区实验小学（小学部）2025年”. */
  readonly subject: string;
  readonly scale?: 'ratio' | 'absolute';
  /** Extra reference lines in ratio mode, as % of the standard (e.g. 85). */
  readonly ratioMarks?: readonly Mark[];
  readonly digits?: number;
  readonly width?: number;
}

const isNum = (v: number | null): v is number => v !== null && Number.isFinite(v);

function meets(i: BarItem, v: number): boolean {
  return i.comparison === '>=' ? v >= i.threshold - 1e-12 : v <= i.threshold + 1e-12;
}

function withUnit(v: string, unit?: string): string {
  if (!unit) return v;
  return unit === '%' ? `${v}%` : `${v} ${unit}`;
}

export function barChart(input: BarChartInput): ChartResult {
  const digits = input.digits ?? 2;
  const mode = input.scale ?? 'ratio';
  const W = input.width ?? 420;
  const rowH = 42;
  const m = { top: 10, right: 20, bottom: 26, left: 14 };
  const H = m.top + input.items.length * rowH + m.bottom;
  const id = input.id ?? stableId('bar', input.title);
  const pos = (i: BarItem) => (isNum(i.value) ? (mode === 'ratio' ? (i.threshold ? (i.value / i.threshold) * 100 : 0) : i.value) : 0);
  const maxV = Math.max(...input.items.map(pos), ...(mode === 'ratio' ? [100] : input.items.map((i) => i.threshold)), 1);
  const x = scaleLinear().domain([0, maxV * 1.08]).nice(4).range([m.left, W - m.right]);
  const parts: string[] = [];
  for (const t of x.ticks(4)) {
    parts.push(`<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${m.top}" y2="${H - m.bottom}" stroke="${GRID}"/>`);
    parts.push(text(x(t), H - m.bottom + 16, mode === 'ratio' ? `${t}%` : num(t), `text-anchor="middle" fill="${MUTED}" font-size="12"`));
  }
  if (mode === 'ratio') {
    for (const mk of [{ value: 100, label: '标准' }, ...(input.ratioMarks ?? [])]) {
      parts.push(`<line class="limit" x1="${n(x(mk.value))}" x2="${n(x(mk.value))}" y1="${m.top - 4}" y2="${H - m.bottom}" stroke="${LIMIT}" stroke-width="1.5" stroke-dasharray="${mk.value === 100 ? '6 3' : '2 3'}"/>`);
    }
  }
  input.items.forEach((it, k) => {
    const y0 = m.top + k * rowH;
    const v = it.value;
    const ok = isNum(v) ? meets(it, v) : null;
    const status = ok === null ? it.missingText ?? '未公布' : ok ? '✓ 达标' : '✗ 未达标';
    parts.push(text(m.left, y0 + 13, it.label, `fill="${INK}"`));
    const barY = y0 + 19;
    if (isNum(v)) {
      const w = Math.max(0, x(pos(it)) - x(0));
      parts.push(`<rect x="${n(x(0))}" y="${n(barY)}" width="${n(w)}" height="14" fill="${ok ? PALETTE[0] : '#fff'}" stroke="${PALETTE[0]}" stroke-width="1.5"/>`);
      const label = `${withUnit(num(v, digits), it.unit)}（标准${it.comparison === '>=' ? '≥' : '≤'}${withUnit(num(it.threshold, digits), it.unit)}）${status}`;
      const inside = x(0) + w > W * 0.62;
      parts.push(text(inside ? x(0) + w - 4 : x(0) + w + 4, barY + 11.5, label, `font-size="12" fill="${inside && ok ? '#fff' : INK}" text-anchor="${inside ? 'end' : 'start'}"`));
    } else {
      parts.push(text(x(0) + 2, barY + 11.5, status, `font-size="12" fill="${MUTED}"`));
    }
    if (mode === 'absolute') {
      const tx = x(it.threshold);
      parts.push(`<line class="limit" x1="${n(tx)}" x2="${n(tx)}" y1="${n(barY - 4)}" y2="${n(barY + 18)}" stroke="${LIMIT}" stroke-width="2"/>`);
    }
  });

  const known = input.items.filter((i) => isNum(i.value));
  const metItems = known.filter((i) => meets(i, i.value as number));
  const missed = known.filter((i) => !meets(i, i.value as number));
  const unknown = input.items.length - known.length;
  let summary = `${input.subject}，${input.items.length}项指标中${metItems.length}项达到标准`;
  if (missed.length) {
    summary +=
      '；' +
      missed
        .map((i) => {
          const v = i.value as number;
          const gap = Math.abs(i.threshold - v);
          const pct = i.threshold ? Math.round((v / i.threshold) * 100) : null;
          return `${i.label}为${withUnit(num(v, digits), i.unit)}，${i.comparison === '>=' ? '低于' : '高于'}标准${withUnit(num(i.threshold, digits), i.unit)}（差${withUnit(num(gap, digits), i.unit)}${pct !== null && i.comparison === '>=' ? `，为标准的${pct}%` : ''}）`;
        })
        .join('；');
  }
  if (unknown) summary += `；${unknown}项未公布或不适用`;
  summary += '。';
  const desc = input.desc ?? `条形图，每项指标一条，${mode === 'ratio' ? '以达到标准的百分比表示，虚线为标准（100%）' : '竖线为各项标准'}。${summary}`;
  const rows = input.items.map((i) => {
    const v = i.value;
    if (!isNum(v)) return [i.label, i.missingText ?? '未公布', withUnit(num(i.threshold, digits), i.unit), '—'];
    const ok = meets(i, v);
    return [i.label, withUnit(num(v, digits), i.unit), `${i.comparison === '>=' ? '≥' : '≤'} ${withUnit(num(i.threshold, digits), i.unit)}`, ok ? '✓ 达标' : `✗ 差 ${withUnit(num(Math.abs(i.threshold - v), digits), i.unit)}`];
  });
  return {
    svg: svgOpen({ id, title: input.title, desc, width: W, height: H }) + parts.join('') + svgClose,
    title: input.title,
    summary,
    table: { caption: input.title, columns: [{ label: '指标' }, { label: '数值', numeric: true }, { label: '标准', numeric: true }, { label: '对照标准' }], rows },
  };
}
