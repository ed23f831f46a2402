/**
 * Stacked bars: one bar per row (usually a year), split into categories (e.g. admitted in the
 * zone / outside it), with an optional marker per row (the admission plan). Segments differ by
 * texture and carry their numbers; the legend repeats the textures.
 */
import { scaleLinear } from 'd3-scale';
import type { ChartBase, ChartResult } from './types';
import { GRID, INK, LIMIT, MUTED, PALETTE, hatchDefs, legend, n, num, stableId, svgClose, svgOpen, text, type KeyEntry } from './frame';
import { textWidth } from './geometry';

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
  const id = input.id ?? stableId('stack', input.title);
  // The key in its own rows: each texture, and the plan's tick.
  const keys: KeyEntry[] = [
    ...input.categories.map((c, i) => ({ swatch: { kind: 'rect' as const, fill: `url(#${id}-p${i})`, stroke: COLOURS[i % COLOURS.length] }, label: c })),
    ...(input.markerLabel ? [{ swatch: { kind: 'tick' as const, stroke: LIMIT }, label: input.markerLabel }] : []),
  ];
  const key = legend(keys, W, 8, 4);
  const m = { top: key.bottom + 8, right: 16, bottom: 40, left: 10 };
  const H = m.top + input.rows.length * rowH + m.bottom;
  const totals = input.rows.map((r) => (r.values.every((v) => v === null) ? null : r.values.reduce<number>((a, v) => a + (v ?? 0), 0)));
  const maxV = Math.max(1, ...totals.map((t) => t ?? 0), ...input.rows.map((r) => r.marker ?? 0));
  const x = scaleLinear().domain([0, maxV * 1.05]).nice(4).range([m.left, W - m.right]);
  const parts: string[] = [key.svg];
  const ticks = x.ticks(4);
  for (const t of ticks) {
    parts.push(`<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${m.top}" y2="${H - m.bottom}" stroke="${GRID}"/>`);
    const s = num(t, 0);
    const half = textWidth(s, 12) / 2;
    // the first and last labels end at the chart's edges rather than running past them
    const anchor = x(t) - half < 2 ? 'start' : x(t) + half > W - 2 ? 'end' : 'middle';
    parts.push(text(anchor === 'start' ? Math.max(2, x(t) - 4) : anchor === 'end' ? W - 2 : x(t), H - m.bottom + 15, s, `text-anchor="${anchor}" fill="${MUTED}" font-size="12"`));
  }
  parts.push(text(W - 2, H - 4, `人数（${unit}）`, `text-anchor="end" fill="${MUTED}" font-size="12"`));
  input.rows.forEach((r, k) => {
    const y0 = m.top + k * rowH;
    parts.push(text(m.left, y0 + 11, r.label, `fill="${INK}" font-size="12"`));
    const by = y0 + 17;
    if (totals[k] === null) {
      parts.push(text(x(0), by + 12, '未公布', `fill="${MUTED}" font-size="12"`));
      return;
    }
    let acc = 0;
    r.values.forEach((v, i) => {
      if (!v) return;
      const x0 = x(acc);
      const w = x(acc + v) - x0;
      const rect = `<rect x="${n(x0)}" y="${n(by)}" width="${n(w)}" height="16" fill="url(#${id}-p${i})" stroke="#fff" stroke-width="0.5"/>`;
      // The number inside its segment when it fits there with room to spare; else only in the table.
      const s = num(v, 0);
      const fits = textWidth(s, 11.5) + 6 < w;
      const mk = r.marker ?? null;
      const clear = mk === null || Math.abs(x(mk) - (x0 + w / 2)) > textWidth(s, 11.5) / 2 + 3;
      parts.push(
        fits && clear
          ? `<g class="segment">${rect}<text x="${n(x0 + w / 2)}" y="${n(by + 12)}" text-anchor="middle" font-size="11.5" fill="#fff" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2.5" paint-order="stroke">${s}</text></g>`
          : rect,
      );
      acc += v;
    });
    if (r.marker !== undefined && r.marker !== null) {
      const mx = x(r.marker);
      parts.push(`<line class="marker" x1="${n(mx)}" x2="${n(mx)}" y1="${n(by - 3)}" y2="${n(by + 19)}" stroke="${LIMIT}" stroke-width="2.5"/>`);
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
    resize: (w) => stackedBar({ ...input, width: w, id: `${id}-w` }),
  };
}

