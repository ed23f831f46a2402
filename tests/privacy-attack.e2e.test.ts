/**
 * The attack: try to recompute every suppressed cell of the sample (both releases) from every
 * published output — the built site's pages, its search index, every download of every release
 * in every format (csv, excel csv, xlsx, changes.csv/json), the changelog page, and
 * `npm run indicators -- --format json`. The test fails if a single hidden count comes back.
 *
 * The ways tried (tests/privacy-attack-lib.ts):
 *   - the cell itself in any file or page, or in a release-to-release diff (old or new value);
 *   - an amount set per pupil ÷ the per-pupil standard the site publishes (特教公用经费 26 100 元 ÷
 *     8 000 元/人 → 3; floor and round, local 8 000 and national 6 000);
 *   - that amount ÷ a published per-pupil value, or threshold − gap of a published verdict;
 *   - a region's per-pupil ratio that differs from the one computed from the published cells
 *     alone (ratio × (shown + n) = funds gives n back).
 * The control case runs the same attack on the files the previous rule produced (counts
 * suppressed, amounts published next to them) and must recover every funding cell: so the
 * attack is not passing because it looks nowhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPortalData } from '../src/lib/model/load';
import type { PortalData } from '../src/lib/model/types';
import { dataFiles } from '../src/lib/export/data-tables';
import { tableCsv } from '../src/lib/export/csv';
import { suppressionMarker } from '../src/lib/privacy/suppress';
import { ALL_DATASETS } from '../src/lib/schema';
import { buildSiteOnce, ROOT, SAMPLE_DATA } from './helpers/site';
import {
  Knowledge,
  attack,
  hiddenCells,
  pagefindTexts,
  pageText,
  readIndicatorsJson,
  readRelease,
  readSchoolPage,
  regionRatioLeaks,
  type AttackContext,
  type HiddenCell,
} from './privacy-attack-lib';

const THRESHOLD = 5;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

let raw: { version: string; data: PortalData }[] = [];
let hidden: HiddenCell[] = [];
let ctx: AttackContext;
let schoolIds: string[] = [];
let years: number[] = [];

beforeAll(async () => {
  // The sample's two releases: 2025.1 (a snapshot) and 2025.2 (data/ itself).
  raw = [
    { version: '2025.1', data: (await loadPortalData(join(ROOT, 'releases', 'snapshots', '2025.1'))).data },
    { version: '2025.2', data: (await loadPortalData(SAMPLE_DATA)).data },
  ];
  hidden = raw.flatMap((r) => hiddenCells(r.version, r.data, THRESHOLD));
  const cur = raw[1].data;
  const parent = new Map(cur.regions.map((r) => [r.region_code, r.parent_code]));
  const county = new Map(cur.schools.map((s) => [s.school_id, s.region_code]));
  ctx = {
    standards: [8000, 6000], // standards.csv of the sample (published on the methodology page) and the national default
    regionsOf: (id) => {
      const out: string[] = [];
      for (let r: string | null | undefined = county.get(id); r; r = parent.get(r)) out.push(r);
      return out;
    },
  };
  schoolIds = cur.schools.map((s) => s.school_id);
  years = cur.years.map((y) => y.year);
}, 120_000);

describe('the sample has something to hide', () => {
  it('both releases have suppressed special-education counts, and 2025.2 has suppressed disabled admissions', () => {
    expect(hidden.filter((c) => c.dataset === 'funding').length).toBeGreaterThanOrEqual(60);
    expect(hidden.filter((c) => c.release === '2025.1').length).toBeGreaterThan(0);
    expect(hidden.some((c) => c.dataset === 'admissions')).toBe(true);
  });
});

describe('control: the attack recovers the counts from the files of the previous rule', () => {
  it('特教公用经费 published next to “<5” gives every hidden count back (floor(funds ÷ 8000))', () => {
    const k = new Knowledge();
    const data = raw[1].data;
    // the previous rule: only the count itself suppressed
    const countsOnly = { ...data, years: data.years.map((y) => ({ ...y, funding: y.funding?.map((r) => (r.special_ed_students! > 0 && r.special_ed_students! < THRESHOLD ? { ...r, special_ed_students: suppressionMarker(THRESHOLD) } : r)) })) } as unknown as PortalData;
    const files = new Map(dataFiles(countsOnly).map((f) => [`csv/${f.stem}.csv`, tableCsv(f.table, 'code')]));
    readRelease(k, 'old-rule', files);
    const cells = hidden.filter((c) => c.release === '2025.2' && c.dataset === 'funding');
    const got = new Set(attack(cells, k, ctx).map((r) => r.cell));
    expect(got.size).toBe(cells.length);
  });
});

describe('no published output gives a hidden count back', () => {
  let out: string;
  const k = new Knowledge();
  /** Knowledge from the latest release and the current pages only (for region ratios). */
  const latest = new Knowledge();
  const read: string[] = [];

  beforeAll(async () => {
    out = await buildSiteOnce();
    // every download of every release, from the built site's bytes
    const relRoot = join(out, 'data', 'releases');
    for (const v of readdirSync(relRoot).filter((n) => statSync(join(relRoot, n)).isDirectory())) {
      const files = new Map(walk(join(relRoot, v)).map((p) => [relative(join(relRoot, v), p), new Uint8Array(readFileSync(p))]));
      read.push(...readRelease(k, v, files).map((p) => `${v}/${p}`));
      if (v === raw[raw.length - 1].version) readRelease(latest, v, files);
    }
    // school pages and the changelog page
    for (const id of schoolIds) {
      const p = join(out, 'schools', id, 'index.html');
      if (!existsSync(p)) continue;
      const text = pageText(readFileSync(p, 'utf8'));
      readSchoolPage(k, id, text, `schools/${id}/`);
      readSchoolPage(latest, id, text, `schools/${id}/`);
    }
    readChangelog(k, readFileSync(join(out, 'changelog', 'index.html'), 'utf8'));
    // search index
    const pf = walk(join(out, 'pagefind')).filter((p) => p.endsWith('.pf_fragment'));
    const texts = pagefindTexts(new Map(pf.map((p) => [p, new Uint8Array(readFileSync(p))])));
    let schoolFragments = 0;
    for (const [url, text] of texts) {
      const id = /schools\/(\d{10})\//.exec(url)?.[1];
      if (!id) continue;
      schoolFragments++;
      // Pagefind separates words with zero-width spaces: join them back before reading numbers.
      readSchoolPage(k, id, text.replace(/\u200b/g, '').replace(/\s+/g, ' '), `pagefind ${url}`);
    }
    read.push(`pagefind school pages: ${schoolFragments}`);
    read.push(`pagefind: ${texts.size} fragments`);
    // npm run indicators -- --format json
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'indicators.ts'), '--format', 'json', '--data', SAMPLE_DATA], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 200 * 1024 * 1024,
    });
    expect(r.status, r.stderr).toBe(0);
    readIndicatorsJson(k, r.stdout, 'npm run indicators');
    readIndicatorsJson(latest, r.stdout, 'npm run indicators');
  }, 900_000);

  it('read every format of every release (csv, excel, xlsx, changes) and the search index', () => {
    for (const v of ['2025.1', '2025.2'])
      for (const f of ['csv/2024/funding.csv', 'excel/2024/funding.csv', 'xlsx/2024/funding.xlsx', 'csv/2024/admissions.csv'])
        expect(read, `${v}/${f}`).toContain(`${v}/${f}`);
    expect(read).toContain('2025.2/changes.json');
    expect(read).toContain('2025.2/changes.csv');
    expect(read.find((r) => r.startsWith('pagefind'))).not.toBe('pagefind: 0 fragments');
    // the attacker did find the published cells: every hidden count is seen as “<5”, not as a number
    expect(k.cells.size).toBeGreaterThan(1000);
    // and the school pages and their search-index entries were read (funding section found)
    expect(k.pagesWithMarker.get('schools') ?? 0).toBeGreaterThan(5);
    // the index holds each school page's summary (its tables are kept out of the index): all read
    expect(read.find((r) => r.startsWith('pagefind school pages:'))).not.toBe('pagefind school pages: 0');
  });

  it('no page or search-index entry shows a special-education count of 1–4 as a number', () => {
    expect(k.smallShown).toEqual([]);
  });

  it('recovers none of the suppressed cells', () => {
    const got = attack(hidden, k, ctx).map((r) => `${r.cell.release} ${r.cell.dataset} ${r.cell.year} ${r.cell.key} ${r.cell.column}=${r.cell.n}: ${r.how}`);
    expect(got).toEqual([]);
  });

  it('every published regional special-education per-pupil ratio is computable from the published cells alone', () => {
    expect(latest.regionRatio.size).toBeGreaterThan(0);
    expect(regionRatioLeaks(latest, hidden, ctx, raw[raw.length - 1].version, schoolIds, years)).toEqual([]);
  });
});

/** The changelog page's tables of changed cells: (dataset, year) from the heading, then key, column label, old, new. */
function readChangelog(k: Knowledge, html: string): void {
  const labels = new Map<string, { dataset: string; column: string }[]>();
  for (const d of ALL_DATASETS)
    for (const c of d.columns) labels.set(c.zh, [...(labels.get(c.zh) ?? []), { dataset: d.id, column: c.key }]);
  for (const sec of html.split(/<section>/).slice(1)) {
    const h = /<h3>([^<：]+?)(?:（(\d{4})学年）)?：/.exec(sec);
    if (!h) continue;
    const ds = ALL_DATASETS.find((d) => d.zh === h[1]);
    if (!ds) continue;
    const year = h[2] ? Number(h[2]) : null;
    for (const tr of sec.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)) {
      const cells = [...tr[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => pageText(m[1]).trim());
      if (cells.length < 4) continue;
      const col = ds.columns.find((c) => c.zh === cells[1] || c.key === cells[1]);
      if (!col) continue;
      k.cell(ds.id, year, cells[0], col.key, cells[2], 'changelog/ (旧值)');
      k.cell(ds.id, year, cells[0], col.key, cells[3], 'changelog/ (新值)');
    }
  }
}
