/**
 * npm run bench                         regions of 2,000, 5,000 and 20,000 schools (5 years each, 3 releases)
 * npm run bench -- --sizes 2000,5000    other sizes
 * npm run bench -- --quick              one small region (200 schools): proves the script works (CI)
 * Options: --work DIR (scratch folder, default bench-out/run-*), --keep (leave it), --json (JSON only),
 *          --bare N (only a bare Astro build of N trivial pages, e.g. where the full build fails).
 *
 * For each size, measured in this one run on this machine:
 *   - validation throughput (the portal's ingest + every rule, loadPortalData) vs papaparse parsing
 *     alone on the same files, with the same papaparse options the ingest uses (target ratio ≥ 0.5);
 *   - the full build (npm run build, cold download cache: validate, downloads of 3 releases,
 *     Astro, Pagefind) vs a bare Astro build of as many trivial pages, generated in a temp project
 *     that reuses node_modules (target ≤ 3× at 20,000 schools, goal 1.5×; ≤ 2× at 2,000), and its
 *     growth from 5,000 to 20,000 schools (target ≤ 4.5×);
 *   - CPU (user + sys of the whole process tree), peak memory (largest process and the summed RSS
 *     of the whole process tree; target < 3 GiB at 20,000 schools), dist/ bytes and files (target
 *     < 1 GB and < 200,000 files) and what takes them, the weight of a school page (HTML + CSS +
 *     JS; target < 60 KB, no JS required).
 * Timings are printed, never asserted: a test runs --quick only to check the figures exist.
 * The last line is `BENCH_JSON {...}` for tools.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

// ───────────────────────────── arguments ─────────────────────────────

interface Args {
  sizes: number[];
  work: string | null;
  keep: boolean;
  json: boolean;
  quick: boolean;
}

function usage(msg: string): never {
  process.stderr.write(`${msg}\n用法：npm run bench -- [--sizes 1000,5000,20000] [--quick] [--work 目录] [--keep] [--json]\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { sizes: [2000, 5000, 20000], work: null, keep: false, json: false, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = () => inline ?? argv[++i] ?? usage(`参数 ${flag} 缺少取值。`);
    if (flag === '--sizes') {
      const v = value();
      if (!/^\d+(,\d+)*$/.test(v) || v.split(',').some((n) => Number(n) < 1)) usage(`--sizes 必须是逗号分隔的正整数，收到“${v}”。`);
      a.sizes = v.split(',').map(Number);
    } else if (flag === '--quick') {
      a.quick = true;
      a.sizes = [200];
    } else if (flag === '--work') a.work = resolve(value());
    else if (flag === '--keep') a.keep = true;
    else if (flag === '--json') a.json = true;
    else if (flag === '--help' || flag === '-h') usage('');
    else usage(`不认识的参数“${argv[i]}”。`);
  }
  return a;
}

// ───────────────────────────── processes ─────────────────────────────

interface RunResult {
  code: number | null;
  ms: number;
  out: string;
  /** Peak RSS of the largest single process of the tree (GNU time %M), bytes; null without /usr/bin/time. */
  maxRssLargest: number | null;
  /** Peak of the summed RSS of the whole process tree, sampled every 200 ms from /proc, bytes. */
  maxRssTree: number;
  /** User and system CPU seconds of the process and every descendant it waited for (GNU time %U %S). */
  userSeconds: number;
  sysSeconds: number;
}

const PAGE = 4096;

/** Sum of RSS of pid and all its descendants, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  const rss = new Map<number, number>();
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(after[1]);
      const pid = Number(e);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(pid);
      rss.set(pid, Number(after[21]) * PAGE);
    } catch {
      /* process ended while we looked */
    }
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    sum += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return sum;
}

function runMeasured(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  const useTime = existsSync(TIME);
  const timeFile = useTime ? join(mkdtempSync(join(tmpdir(), 'bench-time-')), 'rusage') : '';
  const [c, a] = useTime ? [TIME, ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(c, a, {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const keep = (b: Buffer) => {
      out += b.toString();
      if (out.length > 2_000_000) out = out.slice(-1_000_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let maxTree = 0;
    const sampler = setInterval(() => {
      if (child.pid) maxTree = Math.max(maxTree, treeRss(child.pid));
    }, 200);
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          out += `\n[bench] killed after ${opts.timeoutMs} ms\n`;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : null;
    child.on('close', (code) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      const ms = performance.now() - started;
      let largest: number | null = null;
      let user = NaN;
      let sys = NaN;
      if (useTime && existsSync(timeFile)) {
        const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(timeFile, 'utf8').trim());
        if (m) [largest, user, sys] = [Number(m[1]) * 1024, Number(m[2]), Number(m[3])];
        rmSync(dirname(timeFile), { recursive: true, force: true });
      }
      done({ code, ms, out, maxRssLargest: largest, maxRssTree: Math.max(maxTree, largest ?? 0), userSeconds: user, sysSeconds: sys });
    });
  });
}

function mustSucceed(what: string, r: RunResult): void {
  if (r.code !== 0) {
    process.stderr.write(`\n${what} 失败（退出码 ${r.code}）：\n${r.out.slice(-6000)}\n`);
    process.exit(1);
  }
}

// ───────────────────────────── files ─────────────────────────────

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const bytesOf = (files: readonly string[]) => files.reduce((s, f) => s + statSync(f).size, 0);

// ───────────────────────────── ingest (child process) ─────────────────────────────

interface IngestFigures {
  files: number;
  bytes: number;
  records: number;
  papaMs: number;
  validateMs: number;
  errors: number;
  warnings: number;
  rssPeak: number;
}

/**
 * Runs in a child process (fresh heap and JIT): papaparse alone vs the portal's validation on the
 * same CSV files, alternated three times each, best time kept (the least disturbed by the other
 * work on this shared machine). Both read the bytes from disk and decode them as UTF-8.
 */
async function ingestChild(dir: string): Promise<void> {
  const Papa = (await import('papaparse')).default;
  const { loadPortalDataSync } = await import('../src/lib/model/load');
  const { countBySeverity } = await import('../src/lib/validate/make-issue');
  const files = walk(dir).filter((f) => f.endsWith('.csv'));
  const bytes = bytesOf(files);
  let records = 0;
  const papa = () => {
    let n = 0;
    for (const f of files) {
      const text = new TextDecoder('utf-8').decode(readFileSync(f));
      // The same options src/lib/csv/parse.ts gives papaparse.
      n += Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: false, delimiter: ',' }).data.length;
    }
    records = n;
  };
  let errors = 0;
  let warnings = 0;
  const validate = () => {
    const r = loadPortalDataSync(dir);
    ({ errors, warnings } = countBySeverity(r.issues));
  };
  const time = (f: () => void) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  let papaMs = Infinity;
  let validateMs = Infinity;
  for (let i = 0; i < 3; i++) {
    papaMs = Math.min(papaMs, time(papa));
    validateMs = Math.min(validateMs, time(validate));
  }
  const fig: IngestFigures = { files: files.length, bytes, records, papaMs, validateMs, errors, warnings, rssPeak: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`INGEST_JSON ${JSON.stringify(fig)}\n`);
}

// ───────────────────────────── bare Astro project ─────────────────────────────

function astroConcurrency(): number {
  const cfg = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8');
  const m = /concurrency\s*:\s*(\d+)/.exec(cfg);
  return m ? Number(m[1]) : 1;
}

/** A minimal Astro project of `pages` trivial pages, with the portal's node_modules and build options. */
function makeBareProject(dir: string, pages: number): void {
  mkdirSync(join(dir, 'src', 'pages', 'p'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ build: { format: 'directory', concurrency: ${astroConcurrency()} }, devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'p', '[id].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i + 1) } }));
}
const { id } = Astro.params;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>页面 {id}</title></head>
<body><h1>页面 {id}</h1><p>这是第 {id} 个页面。</p></body></html>
`,
  );
}

// ───────────────────────────── school page weight ─────────────────────────────

interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  total: number;
  totalGzip: number;
  scripts: number;
  tables: number;
}

function pageWeight(dist: string, file: string): PageWeight {
  const html = readFileSync(file, 'utf8');
  const assets = (re: RegExp) => {
    const set = new Set<string>();
    for (const m of html.matchAll(re)) {
      const href = m[1].replace(/&amp;/g, '&');
      if (/^(https?:)?\/\//.test(href) || href.startsWith('data:')) continue;
      const path = href.startsWith('/') ? join(dist, decodeURIComponent(href.split(/[?#]/)[0]).replace(/^\/+/, '')) : join(dirname(file), decodeURIComponent(href.split(/[?#]/)[0]));
      // Base path (e.g. /jiaoyu/) is not part of dist/: try without the first segment too.
      const candidates = [path, join(dist, href.replace(/^\/[^/]+\//, ''))];
      const found = candidates.find((p) => existsSync(p) && statSync(p).isFile());
      if (found) set.add(found);
    }
    return [...set];
  };
  const css = assets(/<link\b[^>]*rel=["']?stylesheet["']?[^>]*href=["']([^"']+)["']/gi).concat(assets(/<link\b[^>]*href=["']([^"']+)["'][^>]*rel=["']?stylesheet/gi));
  const js = assets(/<script\b[^>]*src=["']([^"']+)["']/gi).concat(assets(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*href=["']([^"']+)["']/gi));
  const cssFiles = [...new Set(css)];
  const jsFiles = [...new Set(js)];
  const sum = (fs: string[]) => fs.reduce((s, f) => s + statSync(f).size, 0);
  const gz = (fs: string[]) => fs.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
  const h = Buffer.byteLength(html);
  const c = sum(cssFiles);
  const j = sum(jsFiles);
  return {
    page: relative(dist, file),
    html: h,
    css: c,
    js: j,
    total: h + c + j,
    totalGzip: gzipSync(html).length + gz(cssFiles) + gz(jsFiles),
    scripts: (html.match(/<script\b/gi) ?? []).length,
    tables: (html.match(/<table\b/gi) ?? []).length,
  };
}

function schoolPages(dist: string): string[] {
  const dir = join(dist, 'schools');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((d) => join(dir, d, 'index.html'))
    .filter((f) => existsSync(f));
}

// ───────────────────────────── releases, dist bytes ─────────────────────────────

/**
 * Three releases, as a bureau publishing once a year would have them: snapshots of the data
 * folder with the first 3 and the first 4 school years, and the current folder (5 years).
 */
function makeReleases(dir: string, data: string): void {
  const years = readdirSync(data).filter((f) => /^\d{4}$/.test(f)).sort();
  const rel = join(dir, 'releases');
  const entries: string[] = [];
  for (const keep of [years.length - 2, years.length - 1]) {
    const snap = join(rel, 'snapshots', years[keep - 1]);
    cpSync(data, snap, { recursive: true });
    for (const y of years.slice(keep)) rmSync(join(snap, y), { recursive: true, force: true });
    entries.push(`  - version: "${years[keep - 1]}"\n    date: ${years[keep - 1]}-12-01\n    snapshot: snapshots/${years[keep - 1]}\n    notes: ${years[0]}—${years[keep - 1]}学年。`);
  }
  const last = years[years.length - 1];
  entries.push(`  - version: "${last}"\n    date: ${last}-12-01\n    notes: ${years[0]}—${last}学年。`);
  writeFileSync(join(rel, 'releases.yml'), `releases:\n${entries.join('\n')}\n`);
}

/** What takes the bytes of dist/: pages, search index, each download format, the /data/latest/ copy. */
function distBreakdown(out: string, files: readonly string[]): Record<string, number> {
  const b: Record<string, number> = {};
  const add = (k: string, n: number) => (b[k] = (b[k] ?? 0) + n);
  for (const f of files) {
    const r = relative(out, f).split('\\').join('/');
    const n = statSync(f).size;
    let m: RegExpExecArray | null;
    if (r.startsWith('pagefind/')) add('pagefind', n);
    else if ((m = /^data\/(latest|releases\/[^/]+)\/(.*)$/.exec(r))) {
      const where = m[1] === 'latest' ? 'latest' : 'releases';
      const rest = m[2];
      const kind = rest.endsWith('.html') ? 'pages' : /^(csv|excel|xlsx|json)\//.exec(rest)?.[1] ?? (rest.endsWith('.zip') ? 'zip' : 'other');
      add(kind === 'pages' ? 'pages' : `${where}:${kind}`, n);
    } else if (r.endsWith('.html')) add(r.startsWith('schools/') ? 'pages:schools' : 'pages', n);
    else add(r.startsWith('data/') ? 'data:other' : 'assets', n);
  }
  return Object.fromEntries(Object.entries(b).sort((x, y) => y[1] - x[1]).map(([k, v]) => [k, round(v / 1e6, 1)]));
}

// ───────────────────────────── one size ─────────────────────────────

export interface SizeFigures {
  schools: number;
  /** Set when the full build did not finish: what it said (e.g. JavaScript heap out of memory). */
  buildFailed?: string;
  years: number;
  csvFiles: number;
  csvMB: number;
  csvRecords: number;
  sampleSeconds: number;
  papaMBps: number;
  validateMBps: number;
  validateRatio: number;
  validationErrors: number;
  buildSeconds: number;
  /** User + system CPU seconds of the build's whole process tree. */
  buildCpuSeconds: number;
  releases: number;
  /** The build's own phase timings, from its log: Astro pages, Pagefind index. */
  astroSeconds: number;
  pagefindSeconds: number;
  pages: number;
  pagesPerSecond: number;
  buildPeakMiBLargestProcess: number;
  buildPeakMiBTree: number;
  bareAstroSeconds: number;
  bareAstroPeakMiB: number;
  buildRatio: number;
  distMB: number;
  distFiles: number;
  /** MB of dist/ by what takes them (pages, pagefind, releases:<format>, latest:<format>…). */
  distBreakdown: Record<string, number>;
  bareAstroCpuSeconds: number;
  /** Build CPU ÷ bare Astro CPU (the ratio that does not depend on the machine's load). */
  buildCpuRatio: number;
  /** Peak RSS and CPU seconds of each stage process of the build (prepare = validation + downloads, pages = Astro). */
  stages: Record<string, { peakMiB: number; cpuSeconds: number }>;
  pagefindFiles: number;
  pagefindMB: number;
  schoolPageHtmlMedianKB: number;
  schoolPageMaxKB: number;
  schoolPageMaxGzipKB: number;
  schoolPageJsKB: number;
  schoolPageScripts: number;
  schoolPageTables: number;
  schoolPageHeaviest: string;
}

/** The BUILD_STAGE lines the build prints with PORTAL_BUILD_STATS=1. */
function stageFigures(out: string): Record<string, { peakMiB: number; cpuSeconds: number }> {
  const r: Record<string, { peakMiB: number; cpuSeconds: number }> = {};
  for (const m of out.matchAll(/BUILD_STAGE (\{.*\})/g)) {
    const s = JSON.parse(m[1]) as { stage: string; peakMiB: number; cpuSeconds: number };
    r[s.stage] = { peakMiB: s.peakMiB, cpuSeconds: s.cpuSeconds };
  }
  return r;
}

/** A phase time the build prints (e.g. “网页已生成（9.6 秒）”), NaN when the log does not say. */
function phase(log: string, re: RegExp): number {
  const m = re.exec(log);
  return m ? Number(m[1]) : NaN;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function log(args: Args, s: string): void {
  if (!args.json) process.stderr.write(s);
}

async function benchSize(args: Args, work: string, n: number): Promise<SizeFigures> {
  const dir = join(work, `n${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  log(args, `\n── ${n} 所学校 ──\n  生成数据… `);
  const gen = await runMeasured(process.execPath, [TSX, join(ROOT, 'scripts', 'sample.ts'), '--data', data, '--schools', String(n)]);
  mustSucceed('生成样例数据', gen);
  const years = readdirSync(data).filter((f) => /^\d{4}$/.test(f)).length;
  makeReleases(dir, data);
  log(args, `${round(gen.ms / 1000, 1)} s\n  校验 vs papaparse… `);

  const ing = await runMeasured(process.execPath, [TSX, join(ROOT, 'scripts', 'bench.ts'), '--ingest-child', data]);
  mustSucceed('校验基准', ing);
  const m = /INGEST_JSON (.*)/.exec(ing.out);
  if (!m) {
    process.stderr.write(`校验基准没有输出结果：\n${ing.out.slice(-3000)}\n`);
    process.exit(1);
  }
  const fig = JSON.parse(m[1]) as IngestFigures;
  const mb = fig.bytes / 1e6;
  const papaMBps = mb / (fig.papaMs / 1000);
  const validateMBps = mb / (fig.validateMs / 1000);
  log(args, `${round(validateMBps, 1)} vs ${round(papaMBps, 1)} MB/s（比值 ${round(validateMBps / papaMBps)}，目标 ≥ 0.5）\n  完整构建… `);

  const out = join(dir, 'dist');
  // A cold download cache: every release's files are built in this run.
  const build = await runMeasured(process.execPath, [TSX, join(ROOT, 'scripts', 'build.ts'), '--data', data, '--out', out, '--cache', join(dir, 'cache')], {
    env: { PORTAL_DATA: data, PORTAL_BUILD_STATS: '1' },
    timeoutMs: 90 * 60_000,
  });
  if (build.code !== 0) {
    // A failed build is a result too (e.g. out of memory at 20,000 schools): report it, keep going.
    const said = /FATAL ERROR: [^\n]*|heap out of memory|生成[^\n]*出错[^\n]*|Error: [^\n]*/.exec(build.out)?.[0] ?? `退出码 ${build.code}`;
    log(args, `失败（${round(build.ms / 1000, 1)} s）：${said}\n`);
    // The end of the build's own output says where it stopped (set PORTAL_DEBUG=1 for a stack).
    const tail = build.out.split('\n').filter((l) => l.trim() && !/^\s*\d+: 0x/.test(l)).slice(-8).join('\n    ');
    log(args, `    ${tail}\n`);
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    return {
      schools: n, buildFailed: `${said}（退出码 ${build.code}，${round(build.ms / 1000, 1)} s 后）`, years, csvFiles: fig.files, csvMB: round(mb), csvRecords: fig.records,
      sampleSeconds: round(gen.ms / 1000), papaMBps: round(papaMBps), validateMBps: round(validateMBps), validateRatio: round(validateMBps / papaMBps),
      validationErrors: fig.errors, buildSeconds: round(build.ms / 1000), buildCpuSeconds: round(build.userSeconds + build.sysSeconds, 1), releases: 3, astroSeconds: NaN, pagefindSeconds: NaN, pages: NaN, pagesPerSecond: NaN,
      buildPeakMiBLargestProcess: round((build.maxRssLargest ?? build.maxRssTree) / MiB, 0), buildPeakMiBTree: round(build.maxRssTree / MiB, 0),
      bareAstroSeconds: NaN, bareAstroPeakMiB: NaN, bareAstroCpuSeconds: NaN, buildRatio: NaN, buildCpuRatio: NaN, stages: stageFigures(build.out), distMB: NaN, distFiles: NaN, distBreakdown: {}, pagefindFiles: NaN, pagefindMB: NaN,
      schoolPageHtmlMedianKB: NaN, schoolPageMaxKB: NaN, schoolPageMaxGzipKB: NaN, schoolPageJsKB: NaN, schoolPageScripts: NaN, schoolPageTables: NaN, schoolPageHeaviest: '',
    };
  }
  const distFiles = walk(out);
  const pages = distFiles.filter((f) => f.endsWith('.html')).length;
  log(args, `${round(build.ms / 1000, 1)} s, ${pages} 页\n  空白 Astro 构建 ${pages} 页… `);

  const bareDir = join(dir, 'bare');
  makeBareProject(bareDir, pages);
  const bare = await runMeasured(process.execPath, [ASTRO, 'build'], { cwd: bareDir, timeoutMs: 60 * 60_000 });
  mustSucceed('空白 Astro 构建', bare);
  const barePages = walk(join(bareDir, 'dist')).filter((f) => f.endsWith('.html')).length;
  if (barePages !== pages) {
    process.stderr.write(`空白 Astro 构建生成了 ${barePages} 页，应为 ${pages} 页。\n`);
    process.exit(1);
  }
  log(args, `${round(bare.ms / 1000, 1)} s\n`);

  const pf = existsSync(join(out, 'pagefind')) ? walk(join(out, 'pagefind')) : [];
  const schools = schoolPages(out);
  const weights = schools.map((f) => pageWeight(out, f));
  weights.sort((a, b) => a.total - b.total);
  const heaviest = weights[weights.length - 1];
  const htmlSizes = weights.map((w) => w.html).sort((a, b) => a - b);
  const median = htmlSizes.length ? htmlSizes[Math.floor(htmlSizes.length / 2)] : NaN;

  const figures: SizeFigures = {
    schools: n,
    years,
    csvFiles: fig.files,
    csvMB: round(mb),
    csvRecords: fig.records,
    sampleSeconds: round(gen.ms / 1000),
    papaMBps: round(papaMBps),
    validateMBps: round(validateMBps),
    validateRatio: round(validateMBps / papaMBps),
    validationErrors: fig.errors,
    buildSeconds: round(build.ms / 1000),
    buildCpuSeconds: round(build.userSeconds + build.sysSeconds, 1),
    releases: 3,
    astroSeconds: phase(build.out, /网页已生成（([\d.]+) 秒）/),
    pagefindSeconds: phase(build.out, /搜索索引：.*?（([\d.]+) 秒）/),
    pages,
    pagesPerSecond: round(pages / (build.ms / 1000), 1),
    buildPeakMiBLargestProcess: round((build.maxRssLargest ?? build.maxRssTree) / MiB, 0),
    buildPeakMiBTree: round(build.maxRssTree / MiB, 0),
    bareAstroSeconds: round(bare.ms / 1000),
    bareAstroPeakMiB: round((bare.maxRssLargest ?? bare.maxRssTree) / MiB, 0),
    bareAstroCpuSeconds: round(bare.userSeconds + bare.sysSeconds, 1),
    buildRatio: round(build.ms / bare.ms),
    buildCpuRatio: round((build.userSeconds + build.sysSeconds) / (bare.userSeconds + bare.sysSeconds)),
    stages: stageFigures(build.out),
    distMB: round(bytesOf(distFiles) / 1e6),
    distFiles: distFiles.length,
    distBreakdown: distBreakdown(out, distFiles),
    pagefindFiles: pf.length,
    pagefindMB: round(bytesOf(pf) / 1e6),
    schoolPageHtmlMedianKB: round(median / 1024, 1),
    schoolPageMaxKB: heaviest ? round(heaviest.total / 1024, 1) : NaN,
    schoolPageMaxGzipKB: heaviest ? round(heaviest.totalGzip / 1024, 1) : NaN,
    schoolPageJsKB: heaviest ? round(heaviest.js / 1024, 1) : NaN,
    schoolPageScripts: heaviest ? heaviest.scripts : NaN,
    schoolPageTables: heaviest ? heaviest.tables : NaN,
    schoolPageHeaviest: heaviest ? heaviest.page : '',
  };
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
  return figures;
}

// ───────────────────────────── report ─────────────────────────────

const GiB = 1024;
function verdict(ok: boolean): string {
  return ok ? '达标' : '未达标';
}

/** Build time from 5,000 to 20,000 schools (target ≤ 4.5×), when both were measured. */
function growth(all: readonly SizeFigures[]): { from: number; to: number; ratio: number } | null {
  const a = all.find((s) => s.schools === 5000 && !s.buildFailed);
  const b = all.find((s) => s.schools === 20000 && !s.buildFailed);
  return a && b ? { from: 5000, to: 20000, ratio: round(b.buildSeconds / a.buildSeconds) } : null;
}

interface TargetLine {
  target: string;
  schools: number | null;
  measured: number;
  limit: number;
  /** measured ÷ limit */
  ratio: number;
  /** true = PASS, false = MISS, null = not measured (build failed or size not run) */
  pass: boolean | null;
  note?: string;
}

/**
 * Every target of issue 11, as measured ÷ limit with PASS/MISS (≤ targets pass at a ratio ≤ 1,
 * ≥ targets at ≥ 1). A target at a size this run did not measure is listed as not measured.
 */
function targets(all: readonly SizeFigures[]): TargetLine[] {
  const out: TargetLine[] = [];
  const at = (n: number) => all.find((s) => s.schools === n);
  const line = (target: string, schools: number | null, measured: number, limit: number, atMost: boolean, note?: string): void => {
    const ok = Number.isFinite(measured) ? (atMost ? measured <= limit : measured >= limit) : null;
    out.push({ target, schools, measured, limit, ratio: round(measured / limit), pass: ok, ...(note ? { note } : {}) });
  };
  for (const s of all) line('校验速度 ÷ papaparse ≥ 0.5', s.schools, s.validateRatio, 0.5, false);
  const s2 = at(2000);
  line('完整构建 ÷ 空白 Astro ≤ 2（2000 所）', 2000, s2 && !s2.buildFailed ? s2.buildRatio : NaN, 2, true, s2 ? (s2.buildFailed ? `构建失败：${s2.buildFailed}` : `CPU 比值 ${s2.buildCpuRatio}`) : '本次未测 2000 所');
  const s20 = at(20000);
  const n20 = s20 ? undefined : '本次未测 20000 所';
  line('完整构建 ÷ 空白 Astro ≤ 3（20000 所；理想 1.5）', 20000, s20 && !s20.buildFailed ? s20.buildRatio : NaN, 3, true, n20 ?? (s20!.buildFailed ? `构建失败：${s20!.buildFailed}` : `CPU 比值 ${s20!.buildCpuRatio}`));
  const g = growth(all);
  line('构建时间 5000 → 20000 所 ≤ 4.5×', null, g ? g.ratio : NaN, 4.5, true, g ? undefined : '需要同一次运行中 5000 和 20000 所都成功');
  line('峰值内存（整个进程树）< 3 GiB（20000 所）', 20000, s20 ? s20.buildPeakMiBTree : NaN, 3 * GiB, true, n20 ?? (s20!.buildFailed ? '构建未完成时的峰值' : undefined));
  if (s20?.buildFailed && s20.buildPeakMiBTree < 3 * GiB) out[out.length - 1].pass = null;
  line('dist/ < 1000 MB（20000 所）', 20000, s20 ? s20.distMB : NaN, 1000, true, n20);
  line('dist/ 文件 < 200000 个（20000 所）', 20000, s20 ? s20.distFiles : NaN, 200000, true, n20);
  for (const s of all) line('最重学校页 HTML+CSS+JS < 60 KB', s.schools, s.schoolPageMaxKB, 60, true);
  return out;
}

function targetTable(t: readonly TargetLine[]): string {
  return [
    '| 目标 | 学校数 | 测得 | 限值 | 测得 ÷ 限值 | 结果 |',
    '|---|---:|---:|---:|---:|---|',
    ...t.map((l) => `| ${l.target} | ${l.schools ?? '—'} | ${Number.isFinite(l.measured) ? l.measured : '—'} | ${l.limit} | ${Number.isFinite(l.ratio) ? l.ratio : '—'} | ${l.pass === null ? '未测' : l.pass ? 'PASS' : 'MISS'}${l.note ? `（${l.note}）` : ''} |`),
  ].join('\n');
}

function report(all: SizeFigures[]): string {
  const row = (label: string, f: (s: SizeFigures) => string) => `| ${label} | ${all.map(f).join(' | ')} |`;
  const at = (n: number, f: (s: SizeFigures) => string) => (s: SizeFigures) => (s.schools >= n ? f(s) : '');
  const breakdownKeys = [...new Set(all.flatMap((s) => Object.keys(s.distBreakdown)))];
  const lines = [
    `| 指标 / measure | ${all.map((s) => `${s.schools} 所学校`).join(' | ')} |`,
    `|---|${all.map(() => '---:').join('|')}|`,
    row('CSV 文件 / 记录 / MB（当前版本，5 年）', (s) => `${s.csvFiles} / ${s.csvRecords} / ${s.csvMB}`),
    row('papaparse 单独解析 MB/s', (s) => `${s.papaMBps}`),
    row('完整校验 MB/s', (s) => `${s.validateMBps}`),
    row('校验/解析 比值（目标 ≥ 0.5）', (s) => `${s.validateRatio} ${verdict(s.validateRatio >= 0.5)}`),
    row('完整构建 s（冷缓存：校验+3 个版本的下载+Astro+Pagefind）', (s) => (s.buildFailed ? `失败：${s.buildFailed}` : `${s.buildSeconds}`)),
    row('  CPU s（user+sys，整个进程树）', (s) => `${s.buildCpuSeconds}`),
    row('  其中 Astro 生成网页 s / Pagefind 索引 s', (s) => `${s.astroSeconds} / ${s.pagefindSeconds}`),
    row('页面数', (s) => `${s.pages}`),
    row('构建 页/秒', (s) => `${s.pagesPerSecond}`),
    row('同页数空白 Astro 构建 s / CPU s', (s) => `${s.bareAstroSeconds} / ${s.bareAstroCpuSeconds}`),
    row('构建/空白 比值（目标 2000 所 ≤ 2；20000 所 ≤ 3，理想 1.5）', (s) =>
      `${s.buildRatio}${s.schools === 2000 ? ` ${verdict(s.buildRatio <= 2)}` : s.schools >= 20000 ? ` ${verdict(s.buildRatio <= 3)}` : ''}`),
    row('  构建/空白 CPU 比值（不受机器负载影响）', (s) => `${s.buildCpuRatio}`),
    row('  各步骤 峰值内存 MiB / CPU s（prepare=校验+下载，pages=Astro）', (s) => Object.entries(s.stages).map(([k, v]) => `${k} ${v.peakMiB} / ${v.cpuSeconds}`).join('；')),
    row('峰值内存 MiB：最大进程 / 进程树（目标 20000 所时树 < 3072）', (s) => `${s.buildPeakMiBLargestProcess} / ${s.buildPeakMiBTree}${at(20000, (x) => ` ${verdict(x.buildPeakMiBTree < 3 * GiB)}`)(s)}`),
    row('空白 Astro 峰值内存 MiB', (s) => `${s.bareAstroPeakMiB}`),
    row('dist MB / 文件数（目标 20000 所时 < 1000 MB，< 200000 个）', (s) => `${s.distMB} / ${s.distFiles}${at(20000, (x) => ` ${verdict(x.distMB < 1000 && x.distFiles < 200000)}`)(s)}`),
    ...breakdownKeys.map((k) => row(`  dist MB：${k}`, (s) => `${s.distBreakdown[k] ?? 0}`)),
    row('Pagefind 索引 文件 / MB', (s) => `${s.pagefindFiles} / ${s.pagefindMB}`),
    row('学校页 HTML 中位数 KB', (s) => `${s.schoolPageHtmlMedianKB}`),
    row('最重学校页 HTML+CSS+JS KB（目标 < 60）', (s) => `${s.schoolPageMaxKB} ${verdict(s.schoolPageMaxKB < 60)}`),
    row('最重学校页 gzip KB', (s) => `${s.schoolPageMaxGzipKB}`),
    row('最重学校页 JS KB / script 标签 / 表格', (s) => `${s.schoolPageJsKB} / ${s.schoolPageScripts} / ${s.schoolPageTables}`),
  ];
  const g = growth(all);
  if (g) lines.push('', `构建时间 ${g.from} → ${g.to} 所学校：${g.ratio}×（目标 ≤ 4.5×）${verdict(g.ratio <= 4.5)}`);
  lines.push('', '目标（测得 ÷ 限值；≤ 的目标比值 ≤ 1 为 PASS，≥ 的目标比值 ≥ 1 为 PASS）：', '', targetTable(targets(all)));
  return lines.join('\n');
}

/** The commit measured (with “+changes” when the work tree differs from it). */
function gitCommit(): string {
  const git = (a: string[]) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']).stdout?.trim() || 'unknown';
  const dirty = git(['status', '--porcelain', '--untracked-files=no', '--', 'src', 'scripts', 'astro.config.mjs']).stdout?.trim();
  return dirty ? `${head}+changes` : head;
}

function machine(): Record<string, string | number> {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memGiB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    load1: round(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]), 2),
    commit: gitCommit(),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--ingest-child') {
    await ingestChild(argv[1]);
    return;
  }
  if (argv[0] === '--bare') {
    // Only the bare Astro build of N trivial pages: a reference where the full build cannot finish.
    const pages = Number(argv[1]);
    if (!Number.isInteger(pages) || pages < 1) usage(`--bare 需要页面数，收到“${argv[1]}”。`);
    mkdirSync(join(ROOT, 'bench-out'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'bench-out', 'bare-'));
    try {
      makeBareProject(dir, pages);
      const bare = await runMeasured(process.execPath, [ASTRO, 'build'], { cwd: dir, timeoutMs: 60 * 60_000 });
      mustSucceed('空白 Astro 构建', bare);
      const figures = { pages, bareAstroSeconds: round(bare.ms / 1000), bareAstroPeakMiB: round((bare.maxRssLargest ?? bare.maxRssTree) / MiB, 0), machine: machine() };
      process.stdout.write(`空白 Astro 构建 ${pages} 页：${figures.bareAstroSeconds} s，峰值内存 ${figures.bareAstroPeakMiB} MiB\nBENCH_JSON ${JSON.stringify(figures)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const args = parseArgs(argv);
  if (!existsSync(join(ROOT, 'scripts', 'build.ts'))) {
    process.stderr.write('scripts/build.ts 不存在：网站构建尚未完成，无法测量构建。\n');
    process.exit(2);
  }
  // Inside the project (bench-out/ is git-ignored): Astro keeps its prerender chunks in
  // <cwd>/.astro/ when the out dir is outside the cwd, which concurrent builds would share.
  mkdirSync(join(ROOT, 'bench-out'), { recursive: true });
  const work = args.work ?? mkdtempSync(join(ROOT, 'bench-out', 'run-'));
  mkdirSync(work, { recursive: true });
  const m = machine();
  log(args, `基准测试：${args.sizes.join(', ')} 所学校；机器 ${m.cpu}，${m.cores} 核，${m.memGiB} GiB，Node ${m.node}；工作目录 ${work}\n`);
  const all: SizeFigures[] = [];
  const started = performance.now();
  try {
    for (const n of args.sizes) {
      const fig = await benchSize(args, work, n);
      all.push(fig);
      // Each size as soon as it is measured: a run stopped during a later (larger) size still
      // reports the sizes it finished.
      if (args.sizes.length > 1) {
        if (!args.json) process.stdout.write(`\n${report([fig])}\n`);
        process.stdout.write(`BENCH_SIZE_JSON ${JSON.stringify(fig)}\n`);
      }
    }
  } finally {
    if (!args.keep && !args.work) rmSync(work, { recursive: true, force: true });
  }
  const total = round((performance.now() - started) / 1000, 1);
  const failed = all.filter((s) => s.buildFailed);
  if (!args.json) {
    process.stdout.write(`\n${report(all)}\n\n机器：${m.cpu}，${m.cores} 核，${m.memGiB} GiB 内存，Node ${m.node}，开始时负载 ${m.load1}；提交 ${m.commit}；${m.date}；总耗时 ${total} s\n`);
  }
  process.stdout.write(`BENCH_JSON ${JSON.stringify({ machine: m, command: `npm run bench -- ${argv.join(' ')}`.trim(), totalSeconds: total, growth5000to20000: growth(all)?.ratio ?? null, targets: targets(all), sizes: all })}\n`);
  // Every size was measured; a build that could not finish still makes the command fail.
  if (failed.length) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`基准测试无法运行：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
