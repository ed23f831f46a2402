/**
 * The dry run a bureau reads before pushing: what the site will show differently from the last
 * published version. Reuses the distribution's cell-level diff (export/diff) on the data as it
 * is published (embargo applied, small counts suppressed), so the preview never shows a value
 * the site would hide and agrees with the changelog the build will write.
 */
import type { Finding } from '../indicators/types';
import type { PortalData } from '../model/types';
import { dataFiles, diffReleases, summariseDiff, type TableDiffSummary } from '../export';
import { suppressPortalData } from '../privacy/suppress';
import { publishableIndicators } from '../privacy/indicators';
import type { WithheldFile } from '../privacy/embargo';
import type { Issue } from '../validate/issue';
import { countBySeverity } from '../validate/make-issue';
import { formatText } from '../validate/report';
import { datasetById } from '../schema';

export interface PageChange {
  readonly kind: 'school' | 'region' | 'year' | 'download';
  readonly id: string;
  readonly label: string;
}

export interface PreviewReport {
  /** What the current data is compared with, e.g. “origin/main” or “版本 2025.2”. */
  readonly against: string;
  readonly today: string;
  readonly errors: number;
  readonly warnings: number;
  /** Files that changed (unchanged ones left out), as the release changelog summarises them. */
  readonly datasets: readonly TableDiffSummary[];
  /** Every file an embargo holds back today (publish_after in the future). */
  readonly withheld: readonly WithheldFile[];
  /**
   * Of those, the files the site publishes now: pushing takes them off the site until their date
   * (they come back on it without a push). Not “removed”: they are not listed in `datasets`.
   */
  readonly withdrawn: readonly (WithheldFile & { readonly rowsOnline: number })[];
  /** Pages that go with a withdrawn file (its download page, a year whose files are all withheld): back on the date. */
  readonly pagesWithheld: readonly (PageChange & { readonly publishAfter: string })[];
  /** Findings that disappear only because the files they are computed from are withheld. */
  readonly findingsWithheld: readonly Pick<Finding, 'id' | 'year' | 'message'>[];
  readonly findingsAdded: readonly Pick<Finding, 'id' | 'year' | 'message'>[];
  readonly findingsResolved: readonly Pick<Finding, 'id' | 'year' | 'message'>[];
  readonly pagesAdded: readonly PageChange[];
  readonly pagesRemoved: readonly PageChange[];
}

/** The pages the site has for a model: one per school, region and year, one download page per file. */
export function pageInventory(data: PortalData): Map<string, PageChange> {
  const out = new Map<string, PageChange>();
  const add = (p: PageChange) => out.set(`${p.kind}:${p.id}`, p);
  for (const s of data.schools) add({ kind: 'school', id: s.school_id, label: `学校页面：${s.name}（${s.school_id}）` });
  for (const r of data.regions) add({ kind: 'region', id: r.region_code, label: `地区页面：${r.name}（${r.region_code}）` });
  for (const y of data.years) add({ kind: 'year', id: String(y.year), label: `${y.year}学年` });
  for (const f of dataFiles(data)) add({ kind: 'download', id: f.stem, label: `数据下载：${f.stem}.csv（${f.def.zh}）` });
  return out;
}

/** Findings as the site publishes them: none may give a hidden small count back (the preview lands in CI logs). */
function findingsOf(data: PortalData): Map<string, Finding> {
  try {
    return new Map(publishableIndicators(data).findings.map((f) => [f.id, f]));
  } catch {
    // Indicators on invalid data may not compute; the preview still shows the data changes.
    return new Map();
  }
}

const brief = (f: Finding) => ({ id: f.id, year: f.year, message: f.message });

/**
 * Compares two published states. `before`/`after` are the models with embargo applied but NOT
 * yet suppressed (suppression happens here, as on the site).
 */
export function buildPreview(input: {
  before: PortalData;
  after: PortalData;
  against: string;
  today: string;
  issues: readonly Issue[];
  withheld: readonly WithheldFile[];
}): PreviewReport {
  const { errors, warnings } = countBySeverity(input.issues);
  const beforeFiles = dataFiles(suppressPortalData(input.before));
  // A file held back by an embargo is not “removed”: it is left out of the diff (as in the
  // changelog) and reported as withheld until its date.
  const withheldStems = new Map(input.withheld.map((w) => [w.year === null ? w.dataset : `${w.year}/${w.dataset}`, w] as const));
  const diffs = diffReleases(beforeFiles, dataFiles(suppressPortalData(input.after)), input.withheld.map((w) => ({ dataset: w.dataset, year: w.year })));
  const datasets = diffs.filter((d) => d.status !== 'unchanged').map((d) => summariseDiff(d, []));
  const withdrawn = beforeFiles.flatMap((f) => {
    const w = withheldStems.get(f.stem);
    return w ? [{ ...w, rowsOnline: f.table.rows.length }] : [];
  });
  const fb = findingsOf(input.before);
  const fa = findingsOf(input.after);
  const pb = pageInventory(input.before);
  const pa = pageInventory(input.after);
  // A page that goes only because its file (or every file of its year) is withheld comes back.
  const withheldYears = new Map<string, string>();
  for (const y of input.before.years) {
    const ws = input.withheld.filter((w) => w.year === y.year);
    if (ws.length && !input.after.years.some((a) => a.year === y.year)) withheldYears.set(String(y.year), ws.map((w) => w.publishAfter).sort()[0]);
  }
  const withheldPage = (p: PageChange): string | null =>
    p.kind === 'download' ? (withheldStems.get(p.id)?.publishAfter ?? null) : p.kind === 'year' ? (withheldYears.get(p.id) ?? null) : null;
  const gone = [...pb].filter(([k]) => !pa.has(k)).map(([, p]) => p);
  // A finding computed only from withheld files is held back with them, not resolved.
  const withheldFiles = new Set(input.withheld.map((w) => w.file));
  const fromWithheld = (f: Finding) => f.sources.length > 0 && f.sources.every((s) => withheldFiles.has(s.file));
  const vanished = [...fb.values()].filter((f) => !fa.has(f.id));
  return {
    against: input.against,
    today: input.today,
    errors,
    warnings,
    datasets,
    withheld: input.withheld,
    withdrawn,
    pagesWithheld: gone.flatMap((p) => {
      const on = withheldPage(p);
      return on ? [{ ...p, publishAfter: on }] : [];
    }),
    findingsWithheld: vanished.filter(fromWithheld).map(brief),
    findingsAdded: [...fa.values()].filter((f) => !fb.has(f.id)).map(brief),
    findingsResolved: vanished.filter((f) => !fromWithheld(f)).map(brief),
    pagesAdded: [...pa].filter(([k]) => !pb.has(k)).map(([, p]) => p),
    pagesRemoved: gone.filter((p) => withheldPage(p) === null),
  };
}

const SHOWN_LINES = 20;

function fileName(d: { dataset: string; year: number | null }): string {
  return d.year === null ? `${d.dataset}.csv` : `${d.year}/${d.dataset}.csv`;
}

function columnLabel(dataset: string, key: string): string {
  return datasetById(dataset)?.columns.find((c) => c.key === key)?.zh ?? key;
}

function list<T>(items: readonly T[], line: (t: T) => string, indent = '    '): string[] {
  const out = items.slice(0, SHOWN_LINES).map((t) => indent + line(t));
  if (items.length > SHOWN_LINES) out.push(`${indent}……另有 ${items.length - SHOWN_LINES} 项`);
  return out;
}

/** The report in plain Chinese, as `npm run preview` prints it. */
export function formatPreview(r: PreviewReport, issues: readonly Issue[] = [], dataDir = 'data'): string {
  const L: string[] = [];
  L.push(`发布预览：与${r.against}相比，推送后网站将发生的变化`);
  L.push(`（按 ${r.today} 北京时间判断是否到了发布日期）`, '');
  if (r.errors > 0) {
    L.push(`✗ 数据有 ${r.errors} 个错误：推送后网站不会更新，下面的变化都不会发布。请先改正：`, '');
    L.push(formatText(issues.filter((i) => i.severity === 'error'), dataDir).trimEnd(), '');
  } else L.push(`✓ 数据检查通过${r.warnings ? `（${r.warnings} 个提醒，不影响发布）` : ''}。`, '');

  L.push('一、数据');
  if (r.datasets.length === 0 && r.withdrawn.length === 0) L.push('    数据没有变化。');
  for (const d of r.datasets) {
    const zh = datasetById(d.dataset)?.zh ?? d.dataset;
    const name = `${fileName(d)}（${zh}${d.year !== null ? `，${d.year}学年` : ''}）`;
    if (d.status === 'added') L.push(`  + 新发布 ${name}，${d.rowsAdded} 行`);
    else if (d.status === 'removed') L.push(`  − 不再发布 ${name}，原有 ${d.rowsRemoved} 行`);
    else {
      const parts = [d.rowsAdded && `新增 ${d.rowsAdded} 行`, d.rowsRemoved && `删除 ${d.rowsRemoved} 行`, d.rowsChanged && `修改 ${d.rowsChanged} 行（${d.cellsChanged} 个单元格）`].filter(Boolean);
      L.push(`  ~ ${name}：${parts.join('，') || '列有变化'}`);
      L.push(...list(d.added, (k) => `+ ${k.join(' / ')}`));
      L.push(...list(d.removed, (k) => `− ${k.join(' / ')}`));
      L.push(
        ...list(d.changed, (c) => `~ ${c.key.join(' / ')}：${c.changes.map((x) => `${columnLabel(d.dataset, x.column)} ${x.old || '（空）'} → ${x.new || '（空）'}`).join('；')}`),
      );
      if (d.columnsAdded.length) L.push(`    新增列：${d.columnsAdded.map((k) => columnLabel(d.dataset, k)).join('、')}`);
      if (d.columnsRemoved.length) L.push(`    删除列：${d.columnsRemoved.map((k) => columnLabel(d.dataset, k)).join('、')}`);
    }
  }
  if (r.withdrawn.length) {
    L.push('  暂停发布（网站上现有，推送后暂时撤下，不是删除；到发布日期自动重新发布，无需再推送）：');
    L.push(...list(r.withdrawn, (w) => `${w.file}（${datasetById(w.dataset)?.zh ?? w.dataset}${w.year !== null ? `，${w.year}学年` : ''}，网站上现有 ${w.rowsOnline} 行）：设置了 publish_after，${w.publishAfter} 起重新发布`));
  }
  const waiting = r.withheld.filter((w) => !r.withdrawn.some((x) => x.file === w.file));
  if (waiting.length) {
    L.push('  暂不发布（已通过检查，等待 publish_after 日期）：');
    L.push(...list(waiting, (w) => `${w.file}：${w.publishAfter} 起发布`));
  }
  L.push('', '二、发现（政策对照结果）');
  if (!r.findingsAdded.length && !r.findingsResolved.length && !r.findingsWithheld.length) L.push('    没有变化。');
  if (r.findingsAdded.length) {
    L.push(`  新出现 ${r.findingsAdded.length} 条：`);
    L.push(...list(r.findingsAdded, (f) => `· ${f.year}学年 ${f.message}`));
  }
  if (r.findingsResolved.length) {
    L.push(`  不再出现 ${r.findingsResolved.length} 条：`);
    L.push(...list(r.findingsResolved, (f) => `· ${f.year}学年 ${f.message}`));
  }
  if (r.findingsWithheld.length) {
    L.push(`  随暂不发布的文件暂时不显示 ${r.findingsWithheld.length} 条（到发布日期后恢复）：`);
    L.push(...list(r.findingsWithheld, (f) => `· ${f.year}学年 ${f.message}`));
  }
  L.push('', '三、页面');
  if (!r.pagesAdded.length && !r.pagesRemoved.length && !r.pagesWithheld.length) L.push('    没有新增或删除的页面。');
  if (r.pagesAdded.length) {
    L.push(`  新增 ${r.pagesAdded.length} 个：`);
    L.push(...list(r.pagesAdded, (p) => `+ ${p.label}`));
  }
  if (r.pagesRemoved.length) {
    L.push(`  删除 ${r.pagesRemoved.length} 个：`);
    L.push(...list(r.pagesRemoved, (p) => `− ${p.label}`));
  }
  if (r.pagesWithheld.length) {
    L.push(`  暂时撤下 ${r.pagesWithheld.length} 个（暂不发布的文件，到发布日期自动恢复）：`);
    L.push(...list(r.pagesWithheld, (p) => `· ${p.label}：${p.publishAfter} 起恢复`));
  }
  L.push('');
  const nothing =
    r.datasets.length === 0 && !r.withdrawn.length && !r.pagesAdded.length && !r.pagesRemoved.length && !r.pagesWithheld.length && !r.findingsAdded.length && !r.findingsResolved.length && !r.findingsWithheld.length;
  L.push(nothing ? '结论：推送后网站内容不会变化。' : r.errors > 0 ? '结论：改正错误后再推送。' : '结论：确认以上变化无误后即可推送。');
  return L.join('\n') + '\n';
}
