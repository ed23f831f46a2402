/**
 * npm run build [-- --data DIR] [--out DIR] [--cache DIR]
 *
 * A staged build: this process only orchestrates; each stage that holds data runs in its own
 * process (cwd = the project, environment = the `env` given to runBuild — this process's
 * environment and working folder are never changed), so memory never adds up across stages:
 *
 * 1. prepare (child process): the pipeline validates the data folder (--data, PORTAL_DATA,
 *    default data/). Errors → the Chinese issue list grouped by file on stderr, exit 1, no stack
 *    trace; unreadable folder → exit 2. Then the downloads (src/lib/build/downloads.ts): every
 *    release's files written to disk as they are made, into a cache keyed by content hash
 *    (--cache, default node_modules/.cache/edu-portal-downloads): a published release is built
 *    once and reused by every later build. It writes the distribution manifest (sizes,
 *    checksums, diffs) as JSON for the pages, and exits, freeing the model.
 * 2. pages (child process): Astro renders the pages into --out (default dist/). Pages reach the
 *    pipeline through src/lib/views/page-context.ts: the build's input (data folder, embargo
 *    date, manifest file) is compiled in with Vite `define` (`__PORTAL_INPUT__`).
 * 3. downloads placed: the cached release folders are copied into --out (/data/releases/<v>/,
 *    /data/latest/, /data/templates/, /data/dictionary.*), then sitemap.xml.
 * 4. search index: Pagefind (its own process) indexes the pages into OUT/pagefind, after the
 *    processes holding the model have exited.
 *
 * `runBuild()` is shared with `npm start` (scripts/start.ts); it returns an exit code instead
 * of throwing so no caller ever shows a stack trace.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, relative, resolve, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, rejectUnknownFlags, runCli, UsageError } from './lib/cli';
import { placeDownloads, type Placement } from '../src/lib/build/place';

export const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
/** tsx's loader, so a stage is one Node process (not tsx's launcher plus Node). */
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const SELF = fileURLToPath(import.meta.url);
export const DEFAULT_CACHE = join(ROOT, 'node_modules', '.cache', 'edu-portal-downloads');

export interface BuildOptions {
  readonly dataDir: string;
  readonly outDir: string;
  /** Cache of built releases (default node_modules/.cache/edu-portal-downloads). */
  readonly cacheDir?: string;
  readonly log?: (line: string) => void;
  readonly error?: (text: string) => void;
  /** Environment the build's stages run with (PORTAL_TODAY, PORTAL_VERBOSE, PORTAL_DEBUG…); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface BuildOutcome {
  readonly code: number;
  readonly base: string;
  readonly outDir: string;
}

/** What the stages pass each other, in the build's work folder. */
interface StageInput {
  readonly dataDir: string;
  readonly outDir: string;
  readonly cacheDir: string;
  /** releases.yml when it is not next to the data folder (PORTAL_RELEASES of the build's env). */
  readonly releasesFile?: string;
}
interface Prepared {
  readonly base: string;
  readonly site: string | null;
  readonly today: string;
  readonly dataDir: string;
  readonly releasesFile?: string;
  /** The distribution manifest (JSON) for the pages. */
  readonly distribution: string;
  readonly placements: readonly Placement[];
}

/** The folder as the user would type it: relative when inside the current folder, else absolute. */
export function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} 秒`;

/** Runs one stage of this script in a child process; its output goes to log/error line by line. */
function runStage(stage: string, work: string, env: Readonly<Record<string, string | undefined>>, log: (l: string) => void, error: (t: string) => void): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, SELF, '--stage', stage, '--work', work], {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    child.stdout.on('data', (b: Buffer) => {
      pending += b.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const l of lines) log(l);
    });
    child.stderr.on('data', (b: Buffer) => error(b.toString()));
    child.on('error', (e) => {
      error(`无法启动构建步骤 ${stage}：${e.message}\n`);
      done(2);
    });
    child.on('close', (code, signal) => {
      if (pending) log(pending);
      if (signal) error(`构建步骤 ${stage} 被终止（${signal}）。\n`);
      done(code ?? 2);
    });
  });
}

export async function runBuild(opts: BuildOptions): Promise<BuildOutcome> {
  const log = opts.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const error = opts.error ?? ((t: string) => process.stderr.write(t));
  const env = opts.env ?? process.env;
  const dataDir = resolve(opts.dataDir);
  const outDir = resolve(opts.outDir);
  const cacheDir = resolve(opts.cacheDir ?? DEFAULT_CACHE);
  const t0 = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'edu-portal-build-'));
  let base = '/';
  try {
    const input: StageInput = { dataDir, outDir, cacheDir, ...(env.PORTAL_RELEASES ? { releasesFile: resolve(env.PORTAL_RELEASES) } : {}) };
    writeFileSync(join(work, 'input.json'), JSON.stringify(input));

    // ── 1. validation + downloads (own process) ─────────────────────────────────
    const prepCode = await runStage('prepare', work, env, log, error);
    if (prepCode !== 0) return { code: prepCode === 1 ? 1 : 2, base, outDir };
    const prepared = JSON.parse(readFileSync(join(work, 'prepared.json'), 'utf8')) as Prepared;
    base = prepared.base;

    // ── 2. pages (Astro, own process) ───────────────────────────────────────────
    const t1 = Date.now();
    if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
    const pagesCode = await runStage('pages', work, env, log, error);
    if (pagesCode !== 0) return { code: 2, base, outDir };
    log(`网页已生成（${seconds(t1)}）：${shownPath(outDir)}`);

    // ── 3. downloads into the site, sitemap ─────────────────────────────────────
    const t2 = Date.now();
    try {
      const n = placeDownloads(prepared.placements, outDir);
      log(`下载文件：${n} 个文件已放入 ${shownPath(join(outDir, 'data'))}（${seconds(t2)}）。`);
      const { writeSitemap } = await import('../src/lib/export/sitemap');
      log(await writeSitemap(outDir, base, prepared.site));
      // Glossary links where each term first appears on a Chinese page (src/lib/site/glossary-links.ts).
      const { linkGlossaryInDist } = await import('../src/lib/site/glossary-links');
      log(linkGlossaryInDist(outDir, base));
    } catch (e) {
      error(`写入下载文件或 sitemap.xml 时出错：${e instanceof Error ? e.message : String(e)}\n`);
      return { code: 2, base, outDir };
    }

    // ── 4. search index (Pagefind's own process; no process holds the model now) ─
    const t3 = Date.now();
    const pagefind = await import('pagefind');
    try {
      const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      if (!index) throw new Error(createErrors.join('；'));
      const added = await index.addDirectory({ path: outDir });
      if (added.errors.length) throw new Error(added.errors.join('；'));
      const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
      if (written.errors.length) throw new Error(written.errors.join('；'));
      log(`搜索索引：${added.page_count} 个页面（${seconds(t3)}）。`);
    } catch (e) {
      error(`生成搜索索引时出错：${e instanceof Error ? e.message : String(e)}\n`);
      return { code: 2, base, outDir };
    } finally {
      await pagefind.close();
    }
    log(`完成，用时 ${seconds(t0)}。`);
    return { code: 0, base, outDir };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ───────────────────────────── stages (child processes) ─────────────────────────────

/** Stage 1: validate, print the outcome, write the downloads and the manifest. Exit 0/1/2. */
async function stagePrepare(work: string): Promise<number> {
  const input = JSON.parse(readFileSync(join(work, 'input.json'), 'utf8')) as StageInput;
  const { runPipeline } = await import('../src/lib/pipeline');
  const { describeWithheld } = await import('../src/lib/privacy');
  const { formatText } = await import('../src/lib/validate/report');
  const { normaliseBase } = await import('../src/lib/urls/base-path');
  const { publicationWarnings } = await import('../src/lib/export/publication-warnings');
  const { writeDownloads } = await import('../src/lib/build/downloads');
  const { distributionJson } = await import('../src/lib/build/manifest');
  const out = (l: string) => process.stdout.write(l + '\n');
  const err = (t: string) => process.stderr.write(t);
  const { dataDir, releasesFile } = input;
  out(`检查数据：${shownPath(dataDir)}`);
  const effects = { log: () => {}, env: process.env, now: () => new Date() };
  // Only scalars leave this block, so the model is not pinned while the downloads are written.
  const checked = await (async () => {
    const p = await runPipeline({ dataDir, releasesFile }, effects);
    if (!p.readable) {
      err(`无法生成网站：${p.issues[0]?.message ?? `无法读取 ${dataDir}`}\n`);
      return 2;
    }
    if (p.errors > 0) {
      err(formatText(p.issues, shownPath(dataDir)));
      err('网站没有生成：请先改正上面的错误。\n');
      return 1;
    }
    if (p.warnings > 0) out(`数据检查通过，有 ${p.warnings} 个提醒（运行 npm run validate 查看详情）。`);
    else out('数据检查通过。');
    for (const line of describeWithheld(p.withheld)) out(line);
    for (const line of publicationWarnings(dataDir, p.settings, releasesFile)) out(line);
    return { today: p.today, base: normaliseBase(p.settings.base_path), site: p.settings.site_url ?? null };
  })();
  if (typeof checked === 'number') return checked;

  const t = Date.now();
  try {
    const d = await writeDownloads({ dataDir, today: checked.today, cacheDir: input.cacheDir, releasesFile, effects });
    const file = join(work, 'distribution.json');
    writeFileSync(file, distributionJson(d.distribution));
    const prepared: Prepared = { ...checked, dataDir, releasesFile, distribution: file, placements: d.placements };
    writeFileSync(join(work, 'prepared.json'), JSON.stringify(prepared));
    const n = d.reused.length + d.built.length;
    out(`下载文件：${n} 个版本，${d.built.length ? `新生成 ${d.built.join('、')}` : '没有新生成'}${d.reused.length ? `，沿用缓存 ${d.reused.join('、')}` : ''}（${seconds(t)}）。`);
    return 0;
  } catch (e) {
    err(`生成下载文件时出错：${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.PORTAL_DEBUG && e instanceof Error) err(`${e.stack}\n`);
    return 2;
  }
}

/** Stage 2: Astro renders the pages (cwd = the project, set by the parent). Exit 0/2. */
async function stagePages(work: string): Promise<number> {
  const input = JSON.parse(readFileSync(join(work, 'input.json'), 'utf8')) as StageInput;
  const prepared = JSON.parse(readFileSync(join(work, 'prepared.json'), 'utf8')) as Prepared;
  const { outDir } = input;
  const { build } = await import('astro');
  // Astro writes its prerender chunks to <cwd>/.astro/.prerender when outDir is outside the
  // working directory, so parallel builds into temp folders would share them; and the chunks
  // must stay inside the project (they import from node_modules). So: cwd = project root (the
  // parent starts this process there), and an output folder outside the project is built in its
  // own staging folder under .astro/builds/ and moved afterwards.
  const inside = outDir.startsWith(ROOT + sep);
  const id = createHash('sha1').update(outDir).digest('hex').slice(0, 12);
  const astroOut = inside ? outDir : join(ROOT, '.astro', 'builds', id);
  try {
    rmSync(astroOut, { recursive: true, force: true });
    await build({
      root: ROOT,
      outDir: astroOut,
      // Vite's cache lives in this build's work folder: parallel builds (tests, CI matrix) never
      // share it, and runBuild removes it with the work folder (no edu-portal-astro-* left in /tmp).
      cacheDir: join(work, 'vite'),
      base: prepared.base,
      site: prepared.site ?? undefined,
      // The pages reach the same pipeline with the same input (src/lib/views/page-context.ts).
      vite: { define: { __PORTAL_INPUT__: JSON.stringify({ dataDir: prepared.dataDir, today: prepared.today, distribution: prepared.distribution, releasesFile: prepared.releasesFile }) } },
      // Per-page log lines cost real time at 20,000 pages; the summary says what matters.
      logLevel: process.env.PORTAL_VERBOSE ? 'info' : 'warn',
    });
  } catch (e) {
    process.stderr.write(`生成网页时出错：${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.PORTAL_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
  rmSync(join(astroOut, '.prerender'), { recursive: true, force: true });
  if (!inside) moveDir(astroOut, outDir);
  return 0;
}

/** rename when on the same filesystem, else copy and delete. */
function moveDir(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

export const USAGE = `用法：npm run build -- [--data 文件夹] [--out 输出文件夹] [--cache 文件夹]

先检查数据（有错误时列出问题并停止），再生成网站、下载文件和搜索索引。
  --data 文件夹   数据文件夹（默认 data/，也可用环境变量 PORTAL_DATA 指定）
  --out 文件夹    网站输出位置（默认 dist/）
  --cache 文件夹  已发布版本的下载文件缓存（默认 node_modules/.cache/edu-portal-downloads）
  --help          显示本说明

退出码：0 成功，1 数据有错误，2 无法完成。
`;

export function parseBuildArgs(argv: readonly string[]): { dataDir: string; outDir: string; cacheDir: string | undefined; help: boolean } {
  const args = parseArgs(argv, ['out', 'cache']);
  if (args.help) return { dataDir: args.data, outDir: '', cacheDir: undefined, help: true };
  rejectUnknownFlags(args, ['out', 'cache'], USAGE);
  if (args.positional.length > 0) throw new UsageError(`请用 --data 指定数据文件夹。\n\n${USAGE}`);
  const out = args.flags.get('out');
  if (out === true) throw new UsageError('参数 --out 后面需要一个文件夹路径，例如 --out dist/');
  const cache = args.flags.get('cache');
  if (cache === true) throw new UsageError('参数 --cache 后面需要一个文件夹路径。');
  return { dataDir: args.data, outDir: resolve(typeof out === 'string' ? out : 'dist'), cacheDir: typeof cache === 'string' ? resolve(cache) : undefined, help: false };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
const STAGES: Record<string, (work: string) => Promise<number>> = { prepare: stagePrepare, pages: stagePages };

if (isMain && process.argv[2] === '--stage') {
  // A stage of runBuild (child process): exit as soon as it is done (Astro may leave handles open).
  const [, , , stage, , work] = process.argv;
  const run = STAGES[stage];
  if (!run || !work) {
    process.stderr.write(`未知的构建步骤：${stage}\n`);
    process.exit(2);
  }
  run(work).then(
    (code) => {
      // For npm run bench: what each stage cost on its own (peak RSS of this process, CPU seconds).
      if (process.env.PORTAL_BUILD_STATS) {
        const u = process.resourceUsage();
        process.stdout.write(`BUILD_STAGE ${JSON.stringify({ stage, peakMiB: Math.round(u.maxRSS / 1024), cpuSeconds: Math.round((u.userCPUTime + u.systemCPUTime) / 1e4) / 100 })}\n`);
      }
      process.exit(code);
    },
    (e: unknown) => {
      process.stderr.write(`无法完成：${e instanceof Error ? e.message : String(e)}\n`);
      if (process.env.PORTAL_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exit(2);
    },
  );
} else if (isMain) {
  runCli(async () => {
    const argv = process.argv.slice(2);
    const a = parseBuildArgs(argv);
    if (a.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    return (await runBuild({ dataDir: a.dataDir, outDir: a.outDir, cacheDir: a.cacheDir })).code;
  });
}

/** For scripts/start.ts: build `dataDir` into `outDir`; `out` is the absolute output folder. */
export async function buildSite(dataDir: string, outDir: string): Promise<{ code: number; out: string; base: string }> {
  const r = await runBuild({ dataDir, outDir });
  return { code: r.code, out: r.outDir, base: r.base };
}
