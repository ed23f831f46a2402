/**
 * The attacker of tests/privacy-attack.e2e.test.ts: what a reader can read from the published outputs
 * (parsed from the bytes, as a journalist's tools would), and every way we know to get a hidden
 * count back from it. Kept apart from the test so the control case (the old rule) uses the same
 * attack.
 */
import { unzipSync, gunzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { ALL_DATASETS } from '../src/lib/schema';
import type { DatasetSchema } from '../src/lib/schema/types';
import type { PortalData } from '../src/lib/model/types';
import { sensitiveColumns } from '../src/lib/privacy/suppress';

/** One suppressed cell as the raw data holds it. */
export interface HiddenCell {
  readonly release: string;
  readonly dataset: string;
  readonly year: number | null;
  /** Primary key joined with “/”, as changes.csv writes it. */
  readonly key: string;
  readonly schoolId: string;
  readonly column: string;
  readonly n: number;
}

/** Everything the attacker collected: numbers per published cell, per-pupil values, region ratios. */
export class Knowledge {
  /** `dataset|year|key|column` → every number published for it (any release, any format). */
  readonly cells = new Map<string, Set<number>>();
  /** `year|school_id` → per-pupil special-education values published (indicators, findings, pages). */
  readonly perPupil = new Map<string, Set<number>>();
  /** `year|region_code` → published region special-education per-pupil ratio. */
  readonly regionRatio = new Map<string, Set<number>>();
  /** Where each number came from, for the failure message. */
  readonly where = new Map<string, string>();
  /** “特教学生数 3” anywhere on a page or index entry, whatever its year: a small count shown as a number. */
  readonly smallShown: string[] = [];
  /** Pages (or index entries) whose funding section was read and showed a withheld “<N”, by source kind. */
  readonly pagesWithMarker = new Map<string, number>();

  add(map: Map<string, Set<number>>, id: string, v: number, from: string): void {
    if (!Number.isFinite(v)) return;
    let s = map.get(id);
    if (!s) map.set(id, (s = new Set()));
    if (!s.has(v)) this.where.set(`${id}|${v}`, from);
    s.add(v);
  }
  cell(dataset: string, year: number | null, key: string, column: string, raw: unknown, from: string): void {
    const v = num(raw);
    if (v !== null) this.add(this.cells, `${dataset}|${year ?? ''}|${key}|${column}`, v, from);
  }
}

export function num(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return null;
  const t = raw.replace(/^'/, '').replace(/,/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

const byId = new Map<string, DatasetSchema>(ALL_DATASETS.map((d) => [d.id, d]));

/** Every suppressed cell of a raw model. */
export function hiddenCells(release: string, data: PortalData, threshold: number): HiddenCell[] {
  const out: HiddenCell[] = [];
  const scan = (def: DatasetSchema, year: number | null, rows: readonly Record<string, unknown>[] | undefined) => {
    const cols = sensitiveColumns(def);
    if (!rows || !cols.length) return;
    for (const r of rows)
      for (const c of cols) {
        const n = r[c];
        if (typeof n === 'number' && n > 0 && n < threshold)
          out.push({ release, dataset: def.id, year, key: def.primaryKey.map((k) => String(r[k])).join('/'), schoolId: String(r.school_id), column: c, n });
      }
  };
  const rec = data as unknown as Record<string, readonly Record<string, unknown>[] | undefined>;
  for (const d of ALL_DATASETS.filter((d) => !d.perYear)) scan(d, null, rec[d.id]);
  for (const y of data.years) for (const d of ALL_DATASETS.filter((d) => d.perYear)) scan(d, y.year, (y as unknown as typeof rec)[d.id]);
  return out;
}

/** `2024/funding` → dataset and year. */
function stemOf(stem: string): { def: DatasetSchema; year: number | null } | null {
  const m = /^(?:(\d{4})\/)?([a-z_]+)$/.exec(stem);
  const def = m ? byId.get(m[2]) : undefined;
  return def ? { def, year: m![1] ? Number(m![1]) : null } : null;
}

/** Rows of a table whose header is keys or Chinese labels, into the knowledge base. */
function addRows(k: Knowledge, def: DatasetSchema, year: number | null, header: readonly string[], rows: readonly (readonly unknown[])[], from: string): void {
  const keys = header.map((h) => def.columns.find((c) => c.key === h || c.zh === h)?.key ?? h);
  for (const r of rows) {
    const rec: Record<string, unknown> = {};
    keys.forEach((key, i) => (rec[key] = r[i]));
    const id = def.primaryKey.map((p) => String(rec[p] ?? '').replace(/^'/, '')).join('/');
    for (const key of keys) k.cell(def.id, year, id, key, rec[key], from);
  }
}

function csvRows(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

/** The cells of the first sheet of an XLSX, as text, row by row. */
export function xlsxRows(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  const shared = files['xl/sharedStrings.xml'] ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>.*?<t[^>]*>([^<]*)<\/t>.*?<\/si>/g)].map((m) => m[1]) : [];
  const rows: string[][] = [];
  for (const row of sheet.matchAll(/<row [^>]*>(.*?)<\/row>/g)) {
    const cells: string[] = [];
    for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)) {
      let col = 0;
      for (const ch of c[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      const v = c[4] ?? (/t="s"/.test(c[2]) ? shared[Number(c[3])] : c[3]);
      cells[col - 1] = v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    }
    rows.push(Array.from(cells, (x) => x ?? ''));
  }
  return rows;
}

/** Every file of one release folder, read as its users would read it. */
export function readRelease(k: Knowledge, version: string, files: ReadonlyMap<string, Uint8Array>): string[] {
  const read: string[] = [];
  for (const [path, bytes] of files) {
    const from = `${version}/${path}`;
    let m: RegExpExecArray | null;
    if ((m = /^(csv|excel)\/(.+)\.csv$/.exec(path)) && stemOf(m[2])) {
      const { def, year } = stemOf(m[2])!;
      const [header, ...rows] = csvRows(strFromU8(bytes));
      addRows(k, def, year, header, rows, from);
    } else if ((m = /^xlsx\/(.+)\.xlsx$/.exec(path)) && stemOf(m[1])) {
      const { def, year } = stemOf(m[1])!;
      const [header, ...rows] = xlsxRows(bytes);
      addRows(k, def, year, header, rows, from);
    } else if ((m = /^json\/(.+)\.json$/.exec(path)) && stemOf(m[1])) {
      const { def, year } = stemOf(m[1])!;
      const rows = JSON.parse(strFromU8(bytes)) as Record<string, unknown>[];
      const header = def.columns.map((c) => c.key);
      addRows(k, def, year, header, rows.map((r) => header.map((h) => r[h])), from);
    } else if (path === 'changes.json') {
      for (const r of JSON.parse(strFromU8(bytes)) as Record<string, unknown>[]) {
        if (r.change !== 'cell_changed') continue;
        const year = typeof r.year === 'number' ? r.year : null;
        k.cell(String(r.dataset), year, String(r.key), String(r.column), r.old, `${from} (old)`);
        k.cell(String(r.dataset), year, String(r.key), String(r.column), r.new, `${from} (new)`);
      }
    } else if (path === 'changes.csv') {
      const [header, ...rows] = csvRows(strFromU8(bytes));
      const col = (zh: string, key: string) => header.findIndex((h) => h === zh || h === key);
      const [ds, yr, ch, key, column, oldV, newV] = [col('数据集', 'dataset'), col('学年', 'year'), col('变更类型', 'change'), col('主键', 'key'), col('列', 'column'), col('旧值', 'old'), col('新值', 'new')];
      for (const r of rows) {
        if (!/修改单元格|cell_changed/.test(r[ch])) continue;
        const year = num(r[yr]);
        k.cell(r[ds], year, r[key], r[column], r[oldV], `${from} (旧值)`);
        k.cell(r[ds], year, r[key], r[column], r[newV], `${from} (新值)`);
      }
    } else if (/^(csv|excel)\/indicators\/findings\.csv$/.test(path)) {
      const [header, ...rows] = csvRows(strFromU8(bytes));
      const at = (zh: string, key: string) => header.findIndex((h) => h === zh || h === key);
      const [rule, year, school, value] = [at('规则', 'rule'), at('学年', 'year'), at('学校标识码', 'school_id'), at('数值', 'value')];
      for (const r of rows) if (r[rule] === 'special_ed_funds_low' && r[school]) k.add(k.perPupil, `${r[year]}|${r[school].replace(/^'/, '')}`, num(r[value]) ?? NaN, from);
    } else continue;
    read.push(path);
  }
  return read;
}

/** `npm run indicators -- --format json` output. */
export function readIndicatorsJson(k: Knowledge, json: string, from: string): void {
  const r = JSON.parse(json) as {
    schools: { year: number; school_id: string; funding: { specialEdPerStudent: Check } }[];
    regionYears: { year: number; region_code: string; funding: { specialEdPerStudent: Check } }[];
    findings: { rule: string; year: number; subject: { school_id: string | null }; value: number }[];
  };
  for (const s of r.schools) addCheck(k, k.perPupil, `${s.year}|${s.school_id}`, s.funding.specialEdPerStudent, from);
  for (const ry of r.regionYears) addCheck(k, k.regionRatio, `${ry.year}|${ry.region_code}`, ry.funding.specialEdPerStudent, from);
  for (const f of r.findings) if (f.rule === 'special_ed_funds_low' && f.subject.school_id) k.add(k.perPupil, `${f.year}|${f.subject.school_id}`, f.value, from);
}

interface Check {
  value: { kind: string; value?: number };
  threshold: number | null;
  gap: number | null;
  comparison: string;
}

function addCheck(k: Knowledge, map: Map<string, Set<number>>, id: string, c: Check, from: string): void {
  if (c.value.kind === 'value' && typeof c.value.value === 'number') k.add(map, id, c.value.value, from);
  // A verdict with its gap gives the value back: threshold − gap (below) or threshold + gap.
  if (c.value.kind !== 'value' && typeof c.gap === 'number' && typeof c.threshold === 'number' && c.gap > 0)
    k.add(map, id, c.comparison === '>=' ? c.threshold - c.gap : c.threshold + c.gap, `${from} (gap)`);
}

/** Plain text of an HTML page (tags dropped, entities of interest decoded, spaces collapsed). */
export function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/**
 * A school page (or its search-index text): the funding section's year, the special-education
 * pupils and the per-pupil figure, and every “N 元” amount on it (a page that printed the
 * special-education funds would hand them over).
 */
export function readSchoolPage(k: Knowledge, schoolId: string, text: string, from: string): void {
  for (const m of text.matchAll(/特教学生数\s*(\d+)(?![\d,])/g)) if (Number(m[1]) > 0 && Number(m[1]) < 5) k.smallShown.push(`${from}: ${m[0]}`);
  const year = /经费与教师（(\d{4})年）/.exec(text)?.[1];
  if (!year) return;
  if (/特教学生数\s*<\d+/.test(text)) {
    const kind = from.split(/[ /]/)[0];
    k.pagesWithMarker.set(kind, (k.pagesWithMarker.get(kind) ?? 0) + 1);
  }
  const pupils = /特教学生数\s*([\d,]+)(?!\d)/.exec(text);
  if (pupils) k.cell('funding', Number(year), schoolId, 'special_ed_students', pupils[1], from);
  const per = /特教学生生均公用经费\s*([\d,]+(?:\.\d+)?)\s*元/.exec(text);
  if (per) k.add(k.perPupil, `${year}|${schoolId}`, num(per[1]) ?? NaN, from);
  for (const m of text.matchAll(/特教公用经费\s*([\d,]+(?:\.\d+)?)\s*元/g)) k.cell('funding', Number(year), schoolId, 'special_ed_funds_yuan', m[1], from);
}

/** Text of every Pagefind fragment: url → content. */
export function pagefindTexts(files: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, bytes] of files) {
    if (!path.endsWith('.pf_fragment')) continue;
    let text = strFromU8(gunzipSync(bytes));
    text = text.replace(/^pagefind_dcd/, '');
    try {
      const f = JSON.parse(text) as { url: string; content: string };
      out.set(f.url, f.content);
    } catch {
      /* not a fragment we can read */
    }
  }
  return out;
}

export interface Recovery {
  readonly cell: HiddenCell;
  readonly how: string;
}

export interface AttackContext {
  /** Per-pupil standards a reader finds on the site (special_ed_funds_per_student: local and national). */
  readonly standards: readonly number[];
  /** `year` → school_id → region codes it counts in (county, city, province). */
  readonly regionsOf: (schoolId: string) => readonly string[];
}

/**
 * Every attack on every hidden cell: the cell itself, an amount set per pupil ÷ the standard,
 * an amount ÷ a published per-pupil value (or threshold ∓ gap of a verdict).
 */
export function attack(cells: readonly HiddenCell[], k: Knowledge, ctx: AttackContext): Recovery[] {
  const out: Recovery[] = [];
  for (const c of cells) {
    const id = `${c.dataset}|${c.year ?? ''}|${c.key}`;
    const direct = k.cells.get(`${id}|${c.column}`);
    if (direct?.has(c.n)) out.push({ cell: c, how: `直接公布：${k.where.get(`${id}|${c.column}|${c.n}`)}` });
    const def = byId.get(c.dataset)!;
    for (const dep of def.columns.filter((x) => x.suppressWith === c.column)) {
      for (const F of k.cells.get(`${id}|${dep.key}`) ?? []) {
        const from = k.where.get(`${id}|${dep.key}|${F}`);
        for (const s of ctx.standards)
          if (F > 0 && (Math.floor(F / s) === c.n || Math.round(F / s) === c.n)) out.push({ cell: c, how: `${dep.key} ${F} ÷ 标准 ${s}（${from}）` });
        for (const R of k.perPupil.get(`${c.year}|${c.schoolId}`) ?? [])
          if (R > 0 && Math.abs(F / R - c.n) < 0.01) out.push({ cell: c, how: `${dep.key} ${F} ÷ 生均 ${R}（${from}；${k.where.get(`${c.year}|${c.schoolId}|${R}`)}）` });
      }
    }
  }
  // one line per cell and way
  return out.filter((r, i) => out.findIndex((x) => x.cell === r.cell && x.how === r.how) === i);
}

/**
 * Region ratios that a reader cannot compute from the published cells alone: each published
 * special-education per-pupil ratio of a region must equal Σ funds ÷ Σ pupils over the schools
 * whose pupils and funds are both published as numbers (> 0 pupils). A ratio that differs was
 * computed with hidden cells, and “ratio × (shown + n) = funds” gives them back.
 */
export function regionRatioLeaks(k: Knowledge, cells: readonly HiddenCell[], ctx: AttackContext, release: string, schools: readonly string[], years: readonly number[]): string[] {
  const leaks: string[] = [];
  const hidden = new Set(cells.filter((c) => c.release === release && c.dataset === 'funding').map((c) => `${c.year}|${c.schoolId}`));
  for (const year of years) {
    const sums = new Map<string, { f: number; n: number; hidden: number }>();
    for (const s of schools) {
      const pupils = [...(k.cells.get(`funding|${year}|${s}|special_ed_students`) ?? [])];
      const funds = [...(k.cells.get(`funding|${year}|${s}|special_ed_funds_yuan`) ?? [])];
      for (const r of ctx.regionsOf(s)) {
        const t = sums.get(r) ?? { f: 0, n: 0, hidden: 0 };
        if (hidden.has(`${year}|${s}`)) t.hidden++;
        else if (pupils.length === 1 && pupils[0] > 0 && funds.length === 1) {
          t.f += funds[0];
          t.n += pupils[0];
        }
        sums.set(r, t);
      }
    }
    for (const [r, t] of sums) {
      if (!t.hidden) continue;
      for (const R of k.regionRatio.get(`${year}|${r}`) ?? []) {
        const fromPublished = t.n ? t.f / t.n : NaN;
        if (!(Math.abs(R - fromPublished) < 0.01)) leaks.push(`${year} ${r}: 公布的特教生均 ${R} ≠ 由公开单元格算出的 ${fromPublished}（${k.where.get(`${year}|${r}|${R}`)}）`);
      }
    }
  }
  return leaks;
}
