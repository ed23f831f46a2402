/**
 * Bars against standards: one bar per indicator, each with its own threshold marker. With
 * `scale: 'ratio'` (default) bars show value ÷ threshold, so indicators in different units share
 * one axis (100 % = the standard; an optional second mark such as 85 %); each bar is labelled
 * with the value, the standard and ✓/✗, so colour never carries the meaning alone.
 */
import { scaleLinear } from 'd3-scale';
import type { ChartBase, ChartResult, Mark } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, legend, n, num, stableId, svgClose, svgOpen, text, textAt, type KeyEntry } from './frame';

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
  /** Title of the value axis (default: 达到标准的百分比 in ratio mode; none otherwise). */
  readonly axisTitle?: string;
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
  // Fluid: no viewBox. Text is placed in px (13 px labels at any width) on rows of their own; the
  // bars, ticks and grid are placed in % of the width, so the chart fills its card on a desktop
  // screen with type at its usual size, and reads at 1:1 on a 320–390 px phone. W is the width
  // the legend is laid out for (the narrowest phone) and the unit of the margins.
  const W = input.width ?? 320;
  // A row: name, bar, then its numbers; a wider gap before the next name, so rows read apart.
  const rowH = 62;
  const refs = mode === 'ratio' ? [{ value: 100, label: '标准' }, ...(input.ratioMarks ?? [])] : [];
  const dashOf = (v: number) => (mode === 'ratio' && v !== 100 ? '2 2' : '');
  // The legend explains every mark: the standard's tick (and the 85 % one), filled and hollow bars.
  const anyMissed = input.items.some((i) => isNum(i.value) && !meets(i, i.value));
  const anyMet = input.items.some((i) => isNum(i.value) && meets(i, i.value));
  const keys: KeyEntry[] = [
    ...(mode === 'ratio'
      ? refs.map((r) => ({ swatch: { kind: 'tick' as const, stroke: LIMIT, dash: dashOf(r.value) }, label: r.value === 100 ? '标准（100%）' : `${r.label}线` }))
      : [{ swatch: { kind: 'tick' as const, stroke: LIMIT }, label: '标准' }]),
    ...(anyMet ? [{ swatch: { kind: 'rect' as const, fill: PALETTE[0], stroke: PALETTE[0] }, label: '达标' }] : []),
    ...(anyMissed ? [{ swatch: { kind: 'rect' as const, fill: '#fff', stroke: PALETTE[0] }, label: '未达标' }] : []),
  ];
  const key = legend(keys, W, 8, 4);
  const m = { top: key.bottom + 8, right: 16, bottom: 40, left: 12 };
  const pct = (px: number) => (px / W) * 100;
  const H = m.top + input.items.length * rowH + m.bottom;
  const id = input.id ?? stableId('bar', input.title);
  const pos = (i: BarItem) => (isNum(i.value) ? (mode === 'ratio' ? (i.threshold ? (i.value / i.threshold) * 100 : 0) : i.value) : 0);
  const maxV = Math.max(...input.items.map(pos), ...(mode === 'ratio' ? [100] : input.items.map((i) => i.threshold))) || 1;
  const x = scaleLinear().domain([0, maxV * 1.08]).nice(4).range([pct(m.left), 100 - pct(m.right)]);
  const X = (v: number) => `${n(x(v))}%`;
  const edge = `${n(100 - pct(2))}%`;
  const parts: string[] = [key.svg];
  const ticks = x.ticks(4);
  for (const t of ticks) {
    parts.push(`<line x1="${X(t)}" x2="${X(t)}" y1="${m.top}" y2="${H - m.bottom}" stroke="${GRID}"/>`);
    // the last tick label ends at the edge rather than running past it
    const last = t === ticks[ticks.length - 1];
    parts.push(textAt(last ? edge : X(t), H - m.bottom + 16, mode === 'ratio' ? `${t}%` : num(t), `text-anchor="${last ? 'end' : 'middle'}" fill="${MUTED}" font-size="12"`));
  }
  const units = [...new Set(input.items.map((i) => i.unit ?? ''))];
  const axisTitle = input.axisTitle ?? (mode === 'ratio' ? '达到标准的百分比（%）' : units.length === 1 && units[0] ? `单位：${units[0]}` : '');
  if (axisTitle) parts.push(textAt(edge, H - 4, axisTitle, `text-anchor="end" fill="${MUTED}" font-size="12"`));
  // Each row: the indicator name, the bar (the standard as a short tick across the bar only),
  // then the value, the standard and ✓/✗ on their own line — no text is crossed.
  input.items.forEach((it, k) => {
    const y0 = m.top + k * rowH;
    const v = it.value;
    // Money reads in whole 元.
    const d = it.unit === '元' ? 0 : digits;
    const ok = isNum(v) ? meets(it, v) : null;
    const status = ok === null ? it.missingText ?? '未公布' : ok ? '✓ 达标' : '✗ 未达标';
    parts.push(text(m.left, y0 + 13, it.label, `fill="${INK}"`));
    const barY = y0 + 19;
    if (isNum(v)) {
      const w = Math.max(0, x(pos(it)) - x(0));
      parts.push(`<rect x="${X(0)}" y="${n(barY)}" width="${n(w)}%" height="14" fill="${ok ? PALETTE[0] : '#fff'}" stroke="${PALETTE[0]}" stroke-width="1.5"/>`);
      const label = `${withUnit(num(v, d), it.unit)} · 标准${it.comparison === '>=' ? '≥' : '≤'}${withUnit(num(it.threshold, d), it.unit)} · ${status}`;
      parts.push(text(m.left, y0 + 49, label, `font-size="12" fill="${INK}"`));
    } else {
      parts.push(text(m.left, y0 + 49, `${status} · 标准${it.comparison === '>=' ? '≥' : '≤'}${withUnit(num(it.threshold, digits), it.unit)}`, `font-size="12" fill="${MUTED}"`));
    }
    const marks = mode === 'ratio' ? refs.map((r) => ({ v: r.value, dash: dashOf(r.value) })) : [{ v: it.threshold, dash: '' }];
    for (const t of marks) parts.push(`<line class="limit" x1="${X(t.v)}" x2="${X(t.v)}" y1="${n(barY - 3)}" y2="${n(barY + 17)}" stroke="${LIMIT}" stroke-width="2"${t.dash ? ` stroke-dasharray="${t.dash}"` : ''}/>`);
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
  const desc = input.desc ?? `条形图，每项指标一条，${mode === 'ratio' ? '以达到标准的百分比表示，竖线为标准（100%）' : '竖线为各项标准'}；空心条表示未达标准。${summary}`;
  const rows = input.items.map((i) => {
    const v = i.value;
    if (!isNum(v)) return [i.label, i.missingText ?? '未公布', withUnit(num(i.threshold, digits), i.unit), '—'];
    const ok = meets(i, v);
    return [i.label, withUnit(num(v, digits), i.unit), `${i.comparison === '>=' ? '≥' : '≤'} ${withUnit(num(i.threshold, digits), i.unit)}`, ok ? '✓ 达标' : `✗ 差 ${withUnit(num(Math.abs(i.threshold - v), digits), i.unit)}`];
  });
  return {
    svg: svgOpen({ id, title: input.title, desc, width: W, height: H, fluid: true }) + parts.join('') + svgClose,
    title: input.title,
    summary,
    table: { caption: input.title, columns: [{ label: '指标' }, { label: '数值', numeric: true }, { label: '标准', numeric: true }, { label: '对照标准' }], rows },
  };
}
