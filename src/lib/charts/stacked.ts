/**
 * Stacked bars: one bar per row (usually a year), split into categories (e.g. admitted in the
 * zone / outside it), with an optional marker per row (the admission plan). Segments differ by
 * texture and carry their numbers; the legend repeats the textures.
 */
import { scaleLinear } from 'd3-scale';
import type { ChartBase, ChartResult } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, hatchDefs, n, num, stableId, svgClose, svgOpen, text } from './frame';

export interface StackedRow {
  readonly label: string;
  /** One value per category, in category order; null = not published. */
  readonly values: readonly (number | null)[];
  /** e.g. the planned seats. */
  readonly marker?: number | null;
}

export interface StackedInput extends ChartBase {
  readonly categories: readonly string[];
  readonly rows: readonly StackedRow[];
  /** Label of the marker, e.g. “招生计划”. */
  readonly markerLabel?: string;
  /** e.g. “青禾区实验小学一年级录取人数”. */
  readonly subject: string;
  readonly unit?: string;
  readonly width?: number;
}

const COLOURS = [PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3]];

export function stackedBar(input: StackedInput): ChartResult {
  const unit = input.unit ?? '人';
  const W = input.width ?? 360;
  const rowH = 40;
  const m = { top: 34, right: 16, bottom: 24, left: 10 };
  const H = m.top + input.rows.length * rowH + m.bottom;
  const id = input.id ?? stableId('stack', input.title);
  const totals = input.rows.map((r) => (r.values.every((v) => v === null) ? null : r.values.reduce<number>((a, v) => a + (v ?? 0), 0)));
  const maxV = Math.max(1, ...totals.map((t) => t ?? 0), ...input.rows.map((r) => r.marker ?? 0));
  const x = scaleLinear().domain([0, maxV * 1.05]).nice(4).range([m.left, W - m.right]);
  const parts: string[] = [];
  for (const t of x.ticks(4)) {
    parts.push(`<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${m.top}" y2="${H - m.bottom}" stroke="${GRID}"/>`);
    parts.push(text(x(t), H - m.bottom + 15, num(t, 0), `text-anchor="middle" fill="${MUTED}" font-size="12"`));
  }
  let lx = m.left;
  input.categories.forEach((c, i) => {
    parts.push(`<rect x="${n(lx)}" y="8" width="14" height="14" fill="url(#${id}-p${i})" stroke="${COLOURS[i % COLOURS.length]}"/>`);
    parts.push(text(lx + 18, 19.5, c, `fill="${INK}" font-size="12"`));
    lx += 30 + c.length * 11;
  });
  if (input.markerLabel) {
    parts.push(`<line x1="${n(lx + 7)}" x2="${n(lx + 7)}" y1="6" y2="24" stroke="${LIMIT}" stroke-width="2.5"/>`);
    parts.push(text(lx + 14, 19.5, input.markerLabel, `fill="${INK}" font-size="12"`));
  }
  input.rows.forEach((r, k) => {
    const y0 = m.top + k * rowH;
    parts.push(text(m.left, y0 + 11, r.label, `fill="${INK}" font-size="12"`));
    const by = y0 + 16;
    if (totals[k] === null) {
      parts.push(text(x(0), by + 12, '未公布', `fill="${MUTED}" font-size="12"`));
      return;
    }
    let acc = 0;
    r.values.forEach((v, i) => {
      if (!v) return;
      const x0 = x(acc);
      const w = x(acc + v) - x0;
      parts.push(`<rect x="${n(x0)}" y="${n(by)}" width="${n(w)}" height="16" fill="url(#${id}-p${i})" stroke="#fff" stroke-width="0.5"/>`);
      if (w > 28) parts.push(`<text x="${n(x0 + w / 2)}" y="${n(by + 12)}" text-anchor="middle" font-size="11.5" fill="#fff" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2.5" paint-order="stroke">${num(v, 0)}</text>`);
      acc += v;
    });
    if (r.marker !== undefined && r.marker !== null) {
      const mx = x(r.marker);
      parts.push(`<line class="marker" x1="${n(mx)}" x2="${n(mx)}" y1="${n(by - 4)}" y2="${n(by + 20)}" stroke="${LIMIT}" stroke-width="2.5"/>`);
    }
  });
  const idx = totals.map((t, i) => (t === null ? -1 : i)).filter((i) => i >= 0);
  let summary: string;
  if (!idx.length) summary = `${input.subject}未公布。`;
  else {
    const a = idx[0];
    const b = idx[idx.length - 1];
    const last = input.rows[b];
    const parts2 = input.categories.map((c, i) => `${c}${last.values[i] === null ? '未公布' : num(last.values[i] as number, 0) + unit}`).join('、');
    summary =
      (a !== b ? `${input.rows[a].label}至${input.rows[b].label}，${input.subject}由${num(totals[a]!, 0)}${unit}变为${num(totals[b]!, 0)}${unit}；` : '') +
      `${last.label}${a === b ? input.subject : ''}${parts2}${last.marker != null && input.markerLabel ? `，${input.markerLabel}${num(last.marker, 0)}${unit}` : ''}。`;
  }
  const desc = input.desc ?? `堆积条形图，每行一条，按${input.categories.join('、')}分段${input.markerLabel ? `，竖线为${input.markerLabel}` : ''}。${summary}`;
  const rows = input.rows.map((r, k) => [
    r.label,
    ...r.values.map((v) => (v === null ? '未公布' : num(v, 0))),
    totals[k] === null ? '未公布' : num(totals[k]!, 0),
    ...(input.markerLabel ? [r.marker == null ? '未公布' : num(r.marker, 0)] : []),
  ]);
  return {
    svg: svgOpen({ id, title: input.title, desc, width: W, height: H, extraDefs: hatchDefs(id, COLOURS.slice(0, Math.max(1, input.categories.length))) }) + parts.join('') + svgClose,
    title: input.title,
    summary,
    table: {
      caption: input.title,
      columns: [{ label: '' }, ...input.categories.map((c) => ({ label: c, numeric: true })), { label: '合计', numeric: true }, ...(input.markerLabel ? [{ label: input.markerLabel, numeric: true }] : [])],
      rows,
    },
  };
}

