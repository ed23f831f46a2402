/**
 * Shared pieces of the SVG charts: the accessible frame, the palette, point shapes and number
 * formatting. Pure string building — no DOM — so charts render at build time and in tests.
 */
import { format } from 'd3-format';
import { escapeXml } from './escape';
import { textWidth } from './geometry';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'] as const;
export const INK = '#1d2733';
export const MUTED = '#5b6470';
export const GRID = '#e3e7ec';
export const LIMIT = '#3d4650';

/** Coordinates with at most two decimals: deterministic output, small files. */
export function n(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Numbers for readers: up to `digits` decimals, trailing zeros dropped, thousands separated. */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 1000) return format(`,.${Number.isInteger(x) ? 0 : Math.min(digits, 1)}~f`)(x);
  return format(`.${digits}~f`)(x);
}

/** Fixed decimals (CVs read as 0.41, 0.50 against limits). */
export function fixed(x: number, digits: number): string {
  return format(`.${digits}f`)(x);
}

/** A short, stable id from text (FNV-1a), for aria-labelledby when the caller gives none. */
export function stableId(prefix: string, text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${prefix}-${h.toString(36)}`;
}

/** Drawn at most 1.4× its viewBox, so chart text never grows past about 18 px on wide screens. */
/**
 * `fluid`: no viewBox — the drawing is as wide as its card and `height` px tall; text placed in
 * px keeps its size, marks placed in % of the width stretch (see bar.ts).
 */
export function svgOpen(o: { id: string; title: string; desc: string; width: number; height: number; extraDefs?: string; fluid?: boolean }): string {
  const t = `${o.id}-t`;
  const d = `${o.id}-d`;
  const size = o.fluid ? `width="100%" height="${o.height}" style="height:${o.height}px;max-width:none"` : `viewBox="0 0 ${o.width} ${o.height}" width="100%" style="max-width:${Math.round(o.width * 1.4)}px"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} role="img" aria-labelledby="${t} ${d}" ` +
    `font-family="inherit" font-size="13" class="chart-svg" preserveAspectRatio="xMidYMid meet">` +
    `<title id="${t}">${escapeXml(o.title)}</title><desc id="${d}">${escapeXml(o.desc)}</desc>` +
    (o.extraDefs ? `<defs>${o.extraDefs}</defs>` : '')
  );
}

export const svgClose = '</svg>';

/** A text at an x given as it should be written (e.g. a percentage of a fluid chart's width). */
export function textAt(x: string, y: number, s: string, attrs = ''): string {
  return `<text x="${x}" y="${n(y)}"${attrs ? ' ' + attrs : ''}>${escapeXml(s)}</text>`;
}

export function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ' ' + attrs : ''}>${escapeXml(s)}</text>`;
}

/** Point shapes so series differ by more than colour. */
export function shape(kind: number, x: number, y: number, r: number, fill: string, stroke: string): string {
  switch (kind % 4) {
    case 0:
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`;
    case 1:
      return `<rect x="${n(x - r)}" y="${n(y - r)}" width="${n(2 * r)}" height="${n(2 * r)}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`;
    case 2:
      return `<path d="M${n(x)},${n(y - r * 1.2)}L${n(x + r * 1.1)},${n(y + r * 0.8)}L${n(x - r * 1.1)},${n(y + r * 0.8)}Z" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`;
    default:
      return `<path d="M${n(x)},${n(y - r * 1.25)}L${n(x + r * 1.25)},${n(y)}L${n(x)},${n(y + r * 1.25)}L${n(x - r * 1.25)},${n(y)}Z" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`;
  }
}

/** Hatch patterns: stacked segments differ by texture as well as colour. */
export function hatchDefs(id: string, colours: readonly string[]): string {
  return colours
    .map((c, i) => {
      const pid = `${id}-p${i}`;
      if (i % 3 === 0) return `<pattern id="${pid}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${c}"/></pattern>`;
      if (i % 3 === 1)
        return `<pattern id="${pid}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${c}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>`;
      return `<pattern id="${pid}" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="${c}"/><circle cx="2.5" cy="2.5" r="1" fill="#fff"/></pattern>`;
    })
    .join('');
}

/** Years as a sentence fragment: “2021–2025年”. */
export function yearSpan(a: number, b: number): string {
  return a === b ? `${a}年` : `${a}–${b}年`;
}

/** A legend entry: the mark as drawn in the chart, and what it means. */
export type KeySwatch =
  | { readonly kind: 'line'; readonly stroke: string; readonly dash?: string; readonly width?: number }
  | { readonly kind: 'tick'; readonly stroke: string; readonly dash?: string }
  | { readonly kind: 'shape'; readonly shape: number; readonly fill: string; readonly stroke: string }
  /** A series of a line chart: a piece of its line (dashed or not) through its point shape. */
  | { readonly kind: 'series'; readonly shape: number; readonly colour: string; readonly dash?: string }
  | { readonly kind: 'rect'; readonly fill: string; readonly stroke: string };

export interface KeyEntry {
  readonly swatch: KeySwatch;
  readonly label: string;
}

function swatchSvg(s: KeySwatch, x: number, cy: number): string {
  switch (s.kind) {
    case 'line':
      return `<line x1="${n(x)}" x2="${n(x + 18)}" y1="${n(cy)}" y2="${n(cy)}" stroke="${s.stroke}" stroke-width="${s.width ?? 1.5}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    case 'tick':
      return `<line x1="${n(x + 9)}" x2="${n(x + 9)}" y1="${n(cy - 7)}" y2="${n(cy + 7)}" stroke="${s.stroke}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    case 'shape':
      return shape(s.shape, x + 9, cy, 4, s.fill, s.stroke);
    case 'series':
      return `<line x1="${n(x)}" x2="${n(x + 18)}" y1="${n(cy)}" y2="${n(cy)}" stroke="${s.colour}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>` + shape(s.shape, x + 9, cy, 4, s.colour, s.colour);
    case 'rect':
      return `<rect x="${n(x + 1)}" y="${n(cy - 6)}" width="16" height="12" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"/>`;
  }
}

/**
 * The legend in its own rows at the top of a chart: entries flow left to right and wrap before
 * they would pass the right edge, so no entry is ever clipped or drawn over the plot or the
 * unit label (which goes on the line below). Each entry is one group: swatch + words.
 */
export function legend(entries: readonly KeyEntry[], width: number, left = 8, top = 4, fs = 12): { svg: string; bottom: number } {
  if (!entries.length) return { svg: '', bottom: top };
  const rowH = 20;
  const parts: string[] = [];
  let x = left;
  let row = 0;
  for (const e of entries) {
    const w = 22 + textWidth(e.label, fs);
    if (x > left && x + w > width - 4) {
      row++;
      x = left;
    }
    const cy = top + row * rowH + 9;
    parts.push(`<g class="key">${swatchSvg(e.swatch, x, cy)}${text(x + 22, cy + fs * 0.38, e.label, `fill="${INK}" font-size="${fs}"`)}</g>`);
    x += w + 14;
  }
  return { svg: parts.join(''), bottom: top + (row + 1) * rowH };
}
