/**
 * A build-time SVG map of points (schools) on a Mercator projection fitted to them (d3-geo), with
 * optional outlines (county boundaries the bureau supplies). No tiles, no request to any host.
 * Each point has a shape as well as a colour per category (explained in the legend drawn under
 * the map), so colour never carries the meaning alone, and is a link to its page named with the
 * school and its verdict (the svg is a labelled group, not one image, so the links are reachable
 * by keyboard and screen readers; the same links are in the table that goes with it).
 * Pure string building, deterministic.
 */
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { escapeXml } from './escape';
import { GRID, INK, MUTED, n } from './frame';
import { Occupied, textBox } from './geometry';

export type MapShape = 'circle' | 'triangle' | 'square' | 'diamond';

export interface MapCategory {
  readonly key: string;
  readonly label: string;
  readonly shape: MapShape;
  readonly fill: string;
  /** Hollow shapes (stroke only) read as “no verdict”. */
  readonly hollow?: boolean;
}

export interface MapPoint {
  readonly lat: number;
  readonly lon: number;
  readonly category: string;
  readonly href: string;
  /** Accessible name of the link and its tooltip. */
  readonly label: string;
  /** Key of its MapGroup, if any. */
  readonly group?: string;
}

export interface MapOutline {
  readonly name: string;
  readonly geometry: Geometry;
  /** Drawn stronger (the county of a county page). */
  readonly focus?: boolean;
}

export interface MapInput {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly points: readonly MapPoint[];
  readonly categories: readonly MapCategory[];
  readonly outlines?: readonly MapOutline[];
  /** Fit the view to the outlines too (default: to the points, outlines clipped to the frame). */
  readonly fitOutlines?: boolean;
  readonly width?: number;
  /**
   * Named clusters (a county's schools on the region map): each gets a label by its markers,
   * linking to `href` (its own, larger map). Points name their group by `group`.
   */
  readonly groups?: readonly MapGroup[];
}

export interface MapGroup {
  readonly key: string;
  readonly label: string;
  readonly href: string;
}

/** One marker's SVG at (x, y), radius-like size r. */
export function marker(shape: MapShape, x: number, y: number, r: number, fill: string, hollow = false): string {
  const paint = hollow ? `fill="#fff" stroke="${fill}" stroke-width="2"` : `fill="${fill}" stroke="#fff" stroke-width="1.2"`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" ${paint}/>`;
    case 'square':
      return `<rect x="${n(x - r * 0.9)}" y="${n(y - r * 0.9)}" width="${n(r * 1.8)}" height="${n(r * 1.8)}" ${paint}/>`;
    case 'triangle':
      return `<path d="M${n(x)},${n(y - r * 1.15)}L${n(x + r * 1.1)},${n(y + r * 0.85)}L${n(x - r * 1.1)},${n(y + r * 0.85)}Z" ${paint}/>`;
    case 'diamond':
      return `<path d="M${n(x)},${n(y - r * 1.2)}L${n(x + r * 1.2)},${n(y)}L${n(x)},${n(y + r * 1.2)}L${n(x - r * 1.2)},${n(y)}Z" ${paint}/>`;
  }
}

/** A small standalone SVG of a legend symbol (for the HTML legend next to the map). */
export function legendSymbol(c: MapCategory): string {
  return `<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${marker(c.shape, 8, 8.5, 5.5, c.fill, c.hollow)}</svg>`;
}

/**
 * GeoJSON polygons in the RFC 7946 order (exterior ring counter-clockwise) cover, for d3-geo's
 * spherical rule, the whole globe minus the county. A polygon whose area exceeds a hemisphere
 * is turned round so it means the county.
 */
export function rewound(g: Geometry): Geometry {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return g;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const fixed = polys.map((rings) => {
    const area = geoArea({ type: 'Polygon', coordinates: rings });
    return area > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  });
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: fixed[0] } : { type: 'MultiPolygon', coordinates: fixed };
}

/** Units of a map drawing: a phone's (about 1:1 at 390 px) and a desktop card's. */
export const MAP_WIDTH = 360;
export const MAP_WIDTH_WIDE = 880;

/** How far a marker reaches from its centre, as a share of r (the diamond's tips are the furthest). */
export const MARKER_REACH = 1.25;

/**
 * Schools of one town sit a few metres apart: at region scale their markers would pile up. Each
 * marker is pushed just far enough from the others that none overlaps (deterministic: fixed
 * order, fixed number of rounds, coincident points fanned out on the golden angle), then kept
 * inside the frame; a marker moved off its place gets a thin line back to a dot at its place.
 */
export function declutter(anchors: readonly (readonly [number, number])[], r: number, frame: { x0: number; y0: number; x1: number; y1: number }): [number, number][] {
  const pos = anchors.map(([x, y]) => [x, y] as [number, number]);
  const min = 2 * r * MARKER_REACH + 1.5;
  const clamp = (p: [number, number]) => {
    p[0] = Math.min(frame.x1 - r * MARKER_REACH, Math.max(frame.x0 + r * MARKER_REACH, p[0]));
    p[1] = Math.min(frame.y1 - r * MARKER_REACH, Math.max(frame.y0 + r * MARKER_REACH, p[1]));
  };
  for (let round = 0; round < 400; round++) {
    let overlaps = 0;
    const grid = new Map<string, number[]>();
    const cell = (x: number, y: number) => `${Math.floor(x / min)},${Math.floor(y / min)}`;
    pos.forEach(([x, y], i) => {
      const k = cell(x, y);
      const list = grid.get(k);
      if (list) list.push(i);
      else grid.set(k, [i]);
    });
    for (let i = 0; i < pos.length; i++) {
      const cx = Math.floor(pos[i][0] / min);
      const cy = Math.floor(pos[i][1] / min);
      for (let gx = cx - 1; gx <= cx + 1; gx++)
        for (let gy = cy - 1; gy <= cy + 1; gy++)
          for (const j of grid.get(`${gx},${gy}`) ?? []) {
            if (j <= i) continue;
            let dx = pos[j][0] - pos[i][0];
            let dy = pos[j][1] - pos[i][1];
            let d = Math.hypot(dx, dy);
            if (d >= min - 1e-6) continue;
            overlaps++;
            if (d < 1e-6) {
              const a = j * 2.399963; // golden angle: coincident schools fan out evenly
              dx = Math.cos(a);
              dy = Math.sin(a);
              d = 1;
            }
            const push = (min - d) / 2 + 0.01;
            pos[i][0] -= (dx / d) * push;
            pos[i][1] -= (dy / d) * push;
            pos[j][0] += (dx / d) * push;
            pos[j][1] += (dy / d) * push;
          }
    }
    // A gentle pull back to the true place keeps each cluster round and close to it.
    if (round < 300) pos.forEach((p, i) => {
      p[0] += (anchors[i][0] - p[0]) * 0.02;
      p[1] += (anchors[i][1] - p[1]) * 0.02;
    });
    pos.forEach(clamp);
    if (!overlaps && round >= 300) break;
  }
  return pos.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
}

export function mapSvg(input: MapInput): { svg: string; height: number } {
  const W = input.width ?? MAP_WIDTH;
  // Room at the edges for a cluster that spreads out (declutter) and for its name.
  const pad = 30;
  const pts = input.points;
  const outlines = (input.outlines ?? []).map((o) => ({ ...o, geometry: rewound(o.geometry) }));
  const fitFeatures: Feature[] = pts.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } }));
  if (input.fitOutlines || !pts.length) for (const o of outlines) fitFeatures.push({ type: 'Feature', properties: {}, geometry: o.geometry });
  const fc: FeatureCollection = { type: 'FeatureCollection', features: fitFeatures };

  // Height from the extent's shape (Mercator-ish: longitude shrinks with cos(latitude)), 220–440.
  let H = 300;
  const lats = pts.map((p) => p.lat);
  const lons = pts.map((p) => p.lon);
  if (pts.length > 1) {
    const midLat = ((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180);
    const w = (Math.max(...lons) - Math.min(...lons)) * Math.cos(midLat);
    const h = Math.max(...lats) - Math.min(...lats);
    if (w > 0) H = Math.round(Math.min(440, Math.max(220, ((W - 2 * pad) * h) / w + 2 * pad)));
  }

  // Legend under the map: two entries a row when every label fits half the width (12-unit
  // Chinese characters are about 12 units wide), else one a row — never clipped.
  const used = input.categories.filter((c) => pts.some((p) => p.category === c.key));
  const perRow = used.every((c) => [...c.label].length * 12 + 24 <= W / 2) ? 2 : 1;
  const legendRows = Math.ceil(used.length / perRow);
  const mapH = H;
  H = mapH + (legendRows ? legendRows * 20 + 8 : 0);

  const projection = geoMercator();
  const single = fitFeatures.length === 0 || (pts.length > 0 && !input.fitOutlines && lats.every((v) => v === lats[0]) && lons.every((v) => v === lons[0]));
  if (single) {
    const c = pts[0] ? ([pts[0].lon, pts[0].lat] as [number, number]) : ([0, 0] as [number, number]);
    projection.center(c).scale(200000).translate([W / 2, mapH / 2]);
  } else {
    projection.fitExtent(
      [
        [pad, pad],
        [W - pad, mapH - pad],
      ],
      fc,
    );
  }
  const path = geoPath(projection).digits(1);
  const t = `${input.id}-t`;
  const d = `${input.id}-d`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" style="max-width:${Math.round(W * 1.8)}px" role="group" aria-labelledby="${t} ${d}" class="map-svg" font-family="inherit" font-size="12">`,
    `<title id="${t}">${escapeXml(input.title)}</title><desc id="${d}">${escapeXml(input.desc)}</desc>`,
    `<defs><clipPath id="${input.id}-clip"><rect x="0" y="0" width="${W}" height="${mapH}"/></clipPath></defs>`,
    `<rect x="0.5" y="0.5" width="${W - 1}" height="${mapH - 1}" fill="#f7f9fb" stroke="${GRID}"/>`,
  );
  if (outlines.length) {
    parts.push(`<g clip-path="url(#${input.id}-clip)" aria-hidden="true">`);
    for (const o of outlines) {
      const dpath = path(o.geometry);
      if (dpath) parts.push(`<path d="${dpath}" fill="${o.focus ? '#eef3f8' : 'none'}" stroke="${o.focus ? INK : MUTED}" stroke-width="${o.focus ? 1.4 : 0.8}" stroke-linejoin="round"><title>${escapeXml(o.name)}</title></path>`);
    }
    parts.push('</g>');
  }
  const byKey = new Map(input.categories.map((c) => [c.key, c] as const));
  // Marker size from the room each school has: 6 for a county's few dozen, down to 2.5 for thousands.
  const r = Math.round(2 * Math.max(2.5, Math.min(6, Math.sqrt((W * mapH) / Math.max(1, pts.length)) / 3.5))) / 2;
  const drawable = [...pts.keys()].filter((i) => byKey.has(pts[i].category) && projection([pts[i].lon, pts[i].lat]));
  const anchors = drawable.map((i) => projection([pts[i].lon, pts[i].lat])!);
  const placed = declutter(anchors, r, { x0: 1, y0: 1, x1: W - 1, y1: mapH - 1 });
  const at = new Map(drawable.map((i, k) => [i, { a: anchors[k], p: placed[k] }] as const));
  // Leader lines first: a moved marker points back to a dot on its true place.
  const leaders: string[] = [];
  for (const i of drawable) {
    const { a, p } = at.get(i)!;
    if (Math.hypot(p[0] - a[0], p[1] - a[1]) > r * 0.8) leaders.push(`<line x1="${n(a[0])}" y1="${n(a[1])}" x2="${n(p[0])}" y2="${n(p[1])}" stroke="${MUTED}" stroke-width="0.8"/><circle cx="${n(a[0])}" cy="${n(a[1])}" r="1.4" fill="${MUTED}"/>`);
  }
  if (leaders.length) parts.push(`<g class="map-leaders" aria-hidden="true">${leaders.join('')}</g>`);
  // Hollow (no verdict) first, so filled markers are not hidden under them.
  const order = [...drawable].sort((a, b) => Number(!!byKey.get(pts[b].category)?.hollow) - Number(!!byKey.get(pts[a].category)?.hollow) || a - b);
  for (const i of order) {
    const p = pts[i];
    const c = byKey.get(p.category)!;
    const xy = at.get(i)!.p;
    parts.push(`<a href="${escapeXml(p.href)}" aria-label="${escapeXml(p.label)}" class="map-point"><title>${escapeXml(p.label)}</title>${marker(c.shape, xy[0], xy[1], r, c.fill, c.hollow)}</a>`);
  }
  // Each named cluster: its name and count beside its markers, linking to its own map.
  const occ = new Occupied();
  for (const i of drawable) {
    const [x, y] = at.get(i)!.p;
    occ.box({ x0: x - r * MARKER_REACH, y0: y - r * MARKER_REACH, x1: x + r * MARKER_REACH, y1: y + r * MARKER_REACH });
  }
  for (const g of input.groups ?? []) {
    const mine = drawable.filter((i) => pts[i].group === g.key).map((i) => at.get(i)!.p);
    if (!mine.length) continue;
    const box = { x0: Math.min(...mine.map((q) => q[0])) - r * MARKER_REACH, y0: Math.min(...mine.map((q) => q[1])) - r * MARKER_REACH, x1: Math.max(...mine.map((q) => q[0])) + r * MARKER_REACH, y1: Math.max(...mine.map((q) => q[1])) + r * MARKER_REACH };
    const label = `${g.label}（${mine.length}所）›`;
    const cx = (box.x0 + box.x1) / 2;
    const c = occ.first(
      [
        { x: cx, y: box.y0 - 5, a: 'middle' as const },
        { x: cx, y: box.y1 + 15, a: 'middle' as const },
        { x: box.x1 + 5, y: (box.y0 + box.y1) / 2 + 4, a: 'start' as const },
        { x: box.x0 - 5, y: (box.y0 + box.y1) / 2 + 4, a: 'end' as const },
        { x: box.x0, y: box.y0 - 5, a: 'start' as const },
        { x: box.x1, y: box.y0 - 5, a: 'end' as const },
        { x: box.x0, y: box.y1 + 15, a: 'start' as const },
        { x: box.x1, y: box.y1 + 15, a: 'end' as const },
      ].map((k) => ({ ...k, box: textBox(k.x, k.y, label, 12, k.a) })),
      { x0: 2, y0: 2, x1: W - 2, y1: mapH - 2 },
      1,
    );
    if (!c) continue;
    occ.box(c.box);
    parts.push(`<a href="${escapeXml(g.href)}" class="map-group"><text x="${n(c.x)}" y="${n(c.y)}" text-anchor="${c.a}" fill="${INK}" font-weight="600" stroke="#f7f9fb" stroke-width="3" paint-order="stroke">${escapeXml(label)}</text></a>`);
  }
  used.forEach((c, i) => {
    const x = 10 + (i % perRow) * (W / 2);
    const y = mapH + 18 + Math.floor(i / perRow) * 20;
    parts.push(`<g aria-hidden="true">${marker(c.shape, x + 6, y - 4, 5.5, c.fill, c.hollow)}</g>`);
    parts.push(`<text x="${n(x + 16)}" y="${n(y)}" fill="${INK}">${escapeXml(c.label)}</text>`);
  });
  // The thin lines explained too, on a row of their own, when some marker was moved.
  if (leaders.length) {
    const y = mapH + 18 + legendRows * 20;
    parts.push(`<g aria-hidden="true"><line x1="10" y1="${n(y - 4)}" x2="22" y2="${n(y - 4)}" stroke="${MUTED}" stroke-width="0.8"/><circle cx="10" cy="${n(y - 4)}" r="1.4" fill="${MUTED}"/></g>`);
    parts.push(`<text x="26" y="${n(y)}" fill="${INK}">细线和小点：挪开以免重叠的标记的实际位置</text>`);
    H += 20;
    parts[0] = parts[0].replace(/viewBox="0 0 [\d.]+ [\d.]+"/, `viewBox="0 0 ${W} ${H}"`);
  }
  parts.push('</svg>');
  return { svg: parts.join(''), height: H };
}
