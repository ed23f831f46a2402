/**
 * npm run build [-- --data DIR] [--out DIR]
 *
 * 1. Validate the data folder (--data, PORTAL_DATA, default data/). Errors → the Chinese issue
 *    list grouped by file on stderr, exit 1, no stack trace. Unreadable folder → exit 2.
 * 2. Astro builds the pages into --out (default dist/) with PORTAL_DATA (absolute),
 *    PORTAL_BASE (portal.yml base_path) and PORTAL_SITE (site_url) in the environment.
 * 3. Downloads / sitemap (distribution step, marked below).
 * 4. Pagefind indexes the built pages into OUT/pagefind.
 *
 * `runBuild()` is shared with `npm start` (scripts/start.ts); it returns an exit code instead
 * of throwing so no caller ever shows a stack trace.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, relative, resolve, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, rejectUnknownFlags, runCli, UsageError } from './lib/cli';
import { describeWithheld } from '../src/lib/privacy';
import { runPipeline, type Effects } from '../src/lib/pipeline';
import { formatText } from '../src/lib/validate/report';
import { normaliseBase } from '../src/lib/urls/base-path';
import { publicationWarnings } from '../src/lib/export/publication-warnings';

export const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');

export interface BuildOptions {
  readonly dataDir: string;
  readonly outDir: string;
  readonly log?: (line: string) => void;
  readonly error?: (text: string) => void;
  /** Environment the build reads (PORTAL_TODAY, PORTAL_VERBOSE, PORTAL_DEBUG); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface BuildOutcome {
  readonly code: number;
  readonly base: string;
  readonly outDir: string;
}

/** The folder as the user would type it: relative when inside the current folder, else absolute. */
export function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} 秒`;

export async function runBuild(opts: BuildOptions): Promise<BuildOutcome> {
  const log = opts.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const error = opts.error ?? ((t: string) => process.stderr.write(t));
  const dataDir = resolve(opts.dataDir);
  const outDir = resolve(opts.outDir);
  const t0 = Date.now();

  // ── 1. validation ────────────────────────────────────────────────────────────
  log(`检查数据：${shownPath(dataDir)}`);
  const env = opts.env ?? process.env;
  const effects: Effects = { log: () => {}, env, now: () => new Date() };
  const loaded = await runPipeline({ dataDir }, effects);
  if (!loaded.readable) {
    error(`无法生成网站：${loaded.issues[0]?.message ?? `无法读取 ${dataDir}`}\n`);
    return { code: 2, base: '/', outDir };
  }
  const { errors, warnings } = loaded;
  if (errors > 0) {
    error(formatText(loaded.issues, shownPath(dataDir)));
    error('网站没有生成：请先改正上面的错误。\n');
    return { code: 1, base: '/', outDir };
  }
  if (warnings > 0) log(`数据检查通过，有 ${warnings} 个提醒（运行 npm run validate 查看详情）。`);
  else log('数据检查通过。');
  for (const line of describeWithheld(loaded.withheld)) log(line);
  for (const line of publicationWarnings(dataDir, loaded.settings)) log(line);

  const settings = loaded.settings;
  const base = normaliseBase(settings.base_path);

  // ── 2. pages (Astro) ─────────────────────────────────────────────────────────
  const t1 = Date.now();
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  const { build } = await import('astro');
  // Astro writes its prerender chunks to <cwd>/.astro/.prerender when outDir is outside the
  // working directory, so parallel builds into temp folders would share them; and the chunks
  // must stay inside the project (they import from node_modules). So: cwd = project root, and an
  // output folder outside the project is built in its own staging folder under .astro/builds/
  // and moved afterwards.
  const prevCwd = process.cwd();
  const inside = outDir.startsWith(ROOT + sep);
  const astroOut = inside ? outDir : join(ROOT, '.astro', 'builds', createHash('sha1').update(outDir).digest('hex').slice(0, 12));
  try {
    process.chdir(ROOT);
    rmSync(astroOut, { recursive: true, force: true });
    await build({
      root: ROOT,
      outDir: astroOut,
      // A cache per output folder: parallel builds (tests, CI matrix) must not share Vite's files.
      cacheDir: join(tmpdir(), `edu-portal-astro-${createHash('sha1').update(outDir).digest('hex').slice(0, 12)}`),
      base,
      site: settings.site_url ?? undefined,
      // The pages reach the same pipeline with the same input (src/lib/views/page-context.ts).
      vite: { define: { __PORTAL_INPUT__: JSON.stringify({ dataDir, today: loaded.today }) } },
      // Per-page log lines cost real time at 20,000 pages; the summary below says what matters.
      logLevel: env.PORTAL_VERBOSE ? 'info' : 'warn',
    });
  } catch (e) {
    error(`生成网页时出错：${e instanceof Error ? e.message : String(e)}\n`);
    if (env.PORTAL_DEBUG && e instanceof Error) error(`${e.stack}\n`);
    return { code: 2, base, outDir };
  } finally {
    process.chdir(prevCwd);
  }
  rmSync(join(astroOut, '.prerender'), { recursive: true, force: true });
  if (!inside) moveDir(astroOut, outDir);
  log(`网页已生成（${seconds(t1)}）：${shownPath(outDir)}`);

  // ── 3. distribution step (downloads, sitemap) ────────────────────────────────
  // Owned by the distribution helper: write downloads and other generated files into outDir
  // here, before the search index is built. Keep it a single call.
  try {
    const { writeSitemap } = await import('../src/lib/export/sitemap');
    log(await writeSitemap(outDir, base, settings.site_url));
  } catch (e) {
    error(`生成 sitemap.xml 时出错：${e instanceof Error ? e.message : String(e)}\n`);
    return { code: 2, base, outDir };
  }
  // ── end of distribution step ─────────────────────────────────────────────────

  // ── 4. search index (Pagefind) ───────────────────────────────────────────────
  const t2 = Date.now();
  const pagefind = await import('pagefind');
  try {
    const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new Error(createErrors.join('；'));
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(added.errors.join('；'));
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('；'));
    log(`搜索索引：${added.page_count} 个页面（${seconds(t2)}）。`);
  } catch (e) {
    error(`生成搜索索引时出错：${e instanceof Error ? e.message : String(e)}\n`);
    return { code: 2, base, outDir };
  } finally {
    await pagefind.close();
  }
  log(`完成，用时 ${seconds(t0)}。`);
  return { code: 0, base, outDir };
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

export const USAGE = `用法：npm run build -- [--data 文件夹] [--out 输出文件夹]

先检查数据（有错误时列出问题并停止），再生成网站和搜索索引。
  --data 文件夹   数据文件夹（默认 data/，也可用环境变量 PORTAL_DATA 指定）
  --out 文件夹    网站输出位置（默认 dist/）
  --help          显示本说明

退出码：0 成功，1 数据有错误，2 无法完成。
`;

export function parseBuildArgs(argv: readonly string[]): { dataDir: string; outDir: string; help: boolean } {
  const args = parseArgs(argv, ['out']);
  if (args.help) return { dataDir: args.data, outDir: '', help: true };
  rejectUnknownFlags(args, ['out'], USAGE);
  if (args.positional.length > 0) throw new UsageError(`请用 --data 指定数据文件夹。\n\n${USAGE}`);
  const out = args.flags.get('out');
  if (out === true) throw new UsageError('参数 --out 后面需要一个文件夹路径，例如 --out dist/');
  return { dataDir: args.data, outDir: resolve(typeof out === 'string' ? out : 'dist'), help: false };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  runCli(async () => {
    const a = parseBuildArgs(process.argv.slice(2));
    if (a.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    return (await runBuild({ dataDir: a.dataDir, outDir: a.outDir })).code;
  });
}

/** For scripts/start.ts: build `dataDir` into `outDir`; `out` is the absolute output folder. */
export async function buildSite(dataDir: string, outDir: string): Promise<{ code: number; out: string; base: string }> {
  const r = await runBuild({ dataDir, outDir });
  return { code: r.code, out: r.outDir, base: r.base };
}
