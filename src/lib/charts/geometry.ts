/**
 * Text geometry for the build-time charts, without a browser: a label's box is estimated from
 * its characters (CJK and full-width ≈ 1 em, everything else ≈ 0.6 em — generous for digits
 * and Latin letters in the usual sans-serif faces) and its font size. The charts use it to place
 * labels where they cross nothing (`Occupied`), and `layoutProblems` reads a finished SVG back
 * and lists every label that overlaps another label, a mark it does not belong to, or the edge.
 * A text and a mark belong together when they share their innermost `<g>` (a limit line and its
 * label, a legend swatch and its words, a bar segment and its number).
 */

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Ascent and descent as a share of the font size (CJK faces: about 0.88 / 0.12; a little extra). */
const ASCENT = 0.9;
const DESCENT = 0.15;

function wide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms （），：
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x2600 && cp <= 0x27bf) || // ✓ ✗ and other symbols drawn about 1 em wide
    cp >= 0x20000
  );
}

/** Estimated advance width of `s` at font size `fs`. */
export function textWidth(s: string, fs: number): number {
  let w = 0;
  for (const ch of s) w += wide(ch.codePointAt(0)!) ? 1 : 0.6;
  return w * fs;
}

/** Box of a horizontal text drawn at (x, y) (y is the baseline). */
export function textBox(x: number, y: number, s: string, fs: number, anchor: 'start' | 'middle' | 'end' = 'start'): Box {
  const w = textWidth(s, fs);
  const x0 = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  return { x0, y0: y - ASCENT * fs, x1: x0 + w, y1: y + DESCENT * fs };
}

export function pad(b: Box, d: number): Box {
  return { x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d };
}

/** Strict overlap (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export function inside(inner: Box, outer: Box): boolean {
  return inner.x0 >= outer.x0 - 0.01 && inner.y0 >= outer.y0 - 0.01 && inner.x1 <= outer.x1 + 0.01 && inner.y1 <= outer.y1 + 0.01;
}

/** Does the segment (x1,y1)–(x2,y2) pass through the open box? (Liang–Barsky clipping.) */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const eps = 1e-9;
  const clip = (p: number, q: number): boolean => {
    if (Math.abs(p) < eps) return q > eps; // parallel: inside the open slab only
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  if (!clip(-dx, x1 - b.x0) || !clip(dx, b.x1 - x1) || !clip(-dy, y1 - b.y0) || !clip(dy, b.y1 - y1)) return false;
  return t1 - t0 > eps;
}

/** What a chart has drawn so far: label boxes and mark outlines, to place the next label. */
export class Occupied {
  readonly boxes: Box[] = [];
  readonly segments: [number, number, number, number][] = [];

  box(b: Box): this {
    this.boxes.push(b);
    return this;
  }

  segment(x1: number, y1: number, x2: number, y2: number): this {
    this.segments.push([x1, y1, x2, y2]);
    return this;
  }

  /** A polyline (a series' line) as segments. */
  polyline(pts: readonly (readonly [number, number])[]): this {
    for (let i = 1; i < pts.length; i++) this.segment(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]);
    return this;
  }

  hits(b: Box, gap = 1): boolean {
    const g = pad(b, gap);
    return this.boxes.some((o) => boxesOverlap(g, o)) || this.segments.some(([a, c, d, e]) => segmentHitsBox(a, c, d, e, g));
  }

  /** The first candidate that is inside `frame` and crosses nothing, or null. */
  first<T extends { box: Box }>(candidates: readonly T[], frame: Box, gap = 1): T | null {
    return candidates.find((c) => inside(c.box, frame) && !this.hits(c.box, gap)) ?? null;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a finished chart back (for tests and checks): the small SVG subset the charts write.

interface Shape {
  readonly kind: 'text' | 'line' | 'rect' | 'circle' | 'path';
  /** Innermost enclosing <g>/<a> (0 = none). */
  readonly group: number;
  readonly label?: string;
  readonly box: Box;
  /** Segments for lines and paths (a path's polyline; closed shapes as their outline). */
  readonly segments: readonly [number, number, number, number][];
}

/** The map's background panel (grid-coloured outline, pale fill): a ground, not a mark. */
const BACKGROUND = '#f7f9fb';

export interface LayoutProblem {
  readonly text: string;
  readonly with: string;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function pathSegments(d: string): [number, number, number, number][] {
  const segs: [number, number, number, number][] = [];
  let cur: [number, number] | null = null;
  let start: [number, number] | null = null;
  for (const m of d.matchAll(/([MLZ])\s*([-\d.]+)?[ ,]?([-\d.]+)?/gi)) {
    const cmd = m[1].toUpperCase();
    if (cmd === 'Z') {
      if (cur && start) segs.push([cur[0], cur[1], start[0], start[1]]);
      cur = start;
      continue;
    }
    const p: [number, number] = [Number(m[2]), Number(m[3])];
    if (cmd === 'M') start = p;
    else if (cur) segs.push([cur[0], cur[1], p[0], p[1]]);
    cur = p;
  }
  return segs;
}

function bboxOf(segs: readonly [number, number, number, number][]): Box {
  const xs = segs.flatMap((s) => [s[0], s[2]]);
  const ys = segs.flatMap((s) => [s[1], s[3]]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** True for a chart without a viewBox (drawn as wide as its card; x in % of the width). */
export function isFluid(svg: string): boolean {
  return !/^<svg[^>]*viewBox=/.test(svg);
}

/**
 * The shapes of a chart SVG with their boxes; grid lines (`ignoreStroke`) and <defs> left out.
 * A fluid chart is read as drawn `width` px wide (its x values in % resolved against it).
 */
export function readSvg(svg: string, ignoreStroke: readonly string[] = ['#e3e7ec'], width = 360): { frame: Box; shapes: Shape[] } {
  const vb = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg);
  const fluidH = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const frame: Box = vb ? { x0: Number(vb[1]), y0: Number(vb[2]), x1: Number(vb[1]) + Number(vb[3]), y1: Number(vb[2]) + Number(vb[4]) } : { x0: 0, y0: 0, x1: width, y1: fluidH };
  const X = (v: string | undefined) => (v === undefined ? NaN : v.endsWith('%') ? (Number(v.slice(0, -1)) * width) / 100 : Number(v));
  const rootFs = Number(/^<svg[^>]*font-size="([\d.]+)"/.exec(svg)?.[1] ?? 13);
  const shapes: Shape[] = [];
  const stack: number[] = [0];
  let nextGroup = 1;
  let inDefs = 0;
  const re = /<(\/?)(\w+)([^>]*?)(\/?)>|([^<]+)/g;
  let openText: Record<string, string> | null = null;
  let textContent = '';
  for (const m of svg.matchAll(re)) {
    if (m[5] !== undefined) {
      if (openText) textContent += m[5];
      continue;
    }
    const [, close, name, rest, selfClose] = m;
    if (name === 'defs' || name === 'clipPath' || name === 'pattern') {
      if (close) inDefs--;
      else if (!selfClose) inDefs++;
      continue;
    }
    if (inDefs > 0) continue;
    if (name === 'g' || name === 'a') {
      if (close) stack.pop();
      else if (!selfClose) stack.push(nextGroup++);
      continue;
    }
    if (name === 'title' || name === 'desc') {
      // skip the contents: handled by the text branch only when a <text> is open
      continue;
    }
    const group = stack[stack.length - 1];
    const a = attrs(rest);
    if (name === 'text') {
      if (close) {
        if (openText) {
          const t = openText;
          const s = unescape(textContent);
          const fs = Number(t['font-size'] ?? rootFs);
          const anchor = (t['text-anchor'] ?? 'start') as 'start' | 'middle' | 'end';
          let box = textBox(X(t.x), Number(t.y), s, fs, anchor);
          const rot = /rotate\((-?[\d.]+)[ ,]+([-\d.]+)[ ,]+([-\d.]+)\)/.exec(t.transform ?? '');
          if (rot && Math.abs(Math.abs(Number(rot[1])) - 90) < 1e-6) {
            // ±90° about (cx, cy): the box turns on its side around that point.
            const cx = Number(rot[2]);
            const cy = Number(rot[3]);
            const sgn = Number(rot[1]) > 0 ? 1 : -1;
            const pts = [
              [box.x0, box.y0],
              [box.x1, box.y1],
            ].map(([x, y]) => [cx - sgn * (y - cy), cy + sgn * (x - cx)]);
            box = { x0: Math.min(pts[0][0], pts[1][0]), y0: Math.min(pts[0][1], pts[1][1]), x1: Math.max(pts[0][0], pts[1][0]), y1: Math.max(pts[0][1], pts[1][1]) };
          }
          shapes.push({ kind: 'text', group: t.__group ? Number(t.__group) : group, label: s, box, segments: [] });
        }
        openText = null;
        textContent = '';
      } else {
        openText = { ...a, __group: String(group) };
        textContent = '';
        if (selfClose) openText = null;
      }
      continue;
    }
    if (close || openText) continue;
    if (a.stroke && ignoreStroke.includes(a.stroke) && (a.fill === undefined || a.fill === 'none' || a.fill === BACKGROUND)) continue;
    if (name === 'line') {
      const s: [number, number, number, number] = [X(a.x1), Number(a.y1), X(a.x2), Number(a.y2)];
      shapes.push({ kind: 'line', group, segments: [s], box: bboxOf([s]) });
    } else if (name === 'rect') {
      const x = X(a.x ?? '0');
      const y = Number(a.y ?? 0);
      const w = X(a.width);
      const h = Number(a.height);
      shapes.push({ kind: 'rect', group, segments: [], box: { x0: x, y0: y, x1: x + w, y1: y + h } });
    } else if (name === 'circle') {
      const cx = X(a.cx);
      const cy = Number(a.cy);
      const r = Number(a.r);
      shapes.push({ kind: 'circle', group, segments: [], box: { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r } });
    } else if (name === 'path') {
      const segs = pathSegments(a.d ?? '');
      if (!segs.length) continue;
      const closed = /z\s*$/i.test(a.d ?? '');
      // A closed marker (triangle, diamond) is solid: its box counts; an open path is its line.
      shapes.push({ kind: 'path', group, segments: closed ? [] : segs, box: bboxOf(segs) });
    }
  }
  return { frame, shapes };
}

const what = (s: Shape) => (s.kind === 'text' ? `“${s.label}”` : s.kind === 'path' && s.segments.length ? 'a line of the chart' : `a ${s.kind} at ${Math.round(s.box.x0)},${Math.round(s.box.y0)}`);

/**
 * Every text of the chart that overlaps another text, crosses a mark it does not share a group
 * with, or runs past the edge of the viewBox. Empty for a chart a reader can read.
 */
export function layoutProblems(svg: string, width = 360): LayoutProblem[] {
  const { frame, shapes } = readSvg(svg, undefined, width);
  const texts = shapes.filter((s) => s.kind === 'text');
  const marks = shapes.filter((s) => s.kind !== 'text');
  const out: LayoutProblem[] = [];
  texts.forEach((t, i) => {
    if (!inside(t.box, frame)) out.push({ text: t.label!, with: 'the edge of the chart' });
    for (const u of texts.slice(i + 1)) if (boxesOverlap(t.box, u.box)) out.push({ text: t.label!, with: what(u) });
    for (const mk of marks) {
      if (mk.group !== 0 && mk.group === t.group) continue;
      const hit = mk.segments.length ? mk.segments.some(([a, b, c, d]) => segmentHitsBox(a, b, c, d, t.box)) : boxesOverlap(t.box, mk.box);
      if (hit) out.push({ text: t.label!, with: what(mk) });
    }
  });
  return out;
}
