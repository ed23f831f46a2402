/**
 * Builds the site once per test run and shares the output between every test file that needs a
 * dist/ (vitest runs files in parallel worker processes). The output lives in a cache folder keyed
 * by a hash of everything the build reads (src/, the data folder, public/, releases/, the build
 * script and config, package-lock.json), so a second file — or a second `npm test` with nothing
 * changed — reuses it. An atomic mkdir lock makes the other workers wait instead of building too.
 *
 * `buildSite()` is the uncached form, for tests that need their own fresh build (determinism).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const CACHE_ROOT = process.env.PORTAL_TEST_CACHE || join(tmpdir(), 'portal-test-sites');

/** What the build reads; a change to any of these makes a new cache key. */
const INPUTS = ['src', 'public', 'releases', 'scripts/build.ts', 'scripts/lib', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export interface BuiltSite {
  /** Folder holding index.html, pagefind/, … */
  dist: string;
  /** Base path the site was built with ('/' or e.g. '/jiaoyu/'). */
  base: string;
  /** The data folder it was built from (absolute). */
  dataDir: string;
  /** Build log (stdout + stderr), useful in failure messages. */
  log: string;
  /** Milliseconds the build took (0 when reused from the cache). */
  ms: number;
}

export interface BuildOptions {
  /** Data folder, default data/ of the project. */
  dataDir?: string;
  /** Base path, default '/'. */
  base?: string;
}

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isFile()) {
    out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name === '.git' || name === '.astro') continue;
    walk(join(path, name), out);
  }
}

/** SHA-256 over relative paths and contents of every input file. */
export function inputsHash(dataDir: string, base: string): string {
  const h = createHash('sha256');
  h.update(`base=${base}\n`);
  const files: string[] = [];
  for (const p of INPUTS) walk(join(PROJECT_ROOT, p), files);
  walk(dataDir, files);
  for (const f of files) {
    const rel = f.startsWith(dataDir) ? `DATA/${relative(dataDir, f)}` : relative(PROJECT_ROOT, f);
    h.update(`${rel}\0`);
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; log: string }> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (b: Buffer) => {
      log += b.toString();
      if (log.length > 400_000) log = log.slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      log += `\n[build-site] killed after ${timeoutMs} ms\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code, log });
    });
  });
}

/**
 * Runs the project's own build (`npm run build` = scripts/build.ts: validate, astro build, Pagefind)
 * into outDir. Throws with the build log when it fails.
 */
export async function buildSite(outDir: string, opts: BuildOptions = {}): Promise<BuiltSite> {
  const dataDir = resolve(opts.dataDir ?? join(PROJECT_ROOT, 'data'));
  const base = opts.base ?? '/';
  rmSync(outDir, { recursive: true, force: true });
  const started = Date.now();
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    PORTAL_DATA: dataDir,
    PORTAL_BASE: base,
    PORTAL_OUT: outDir,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
  const { code, log } = await run(tsx, ['scripts/build.ts', '--data', dataDir, '--out', outDir, '--base', base], env, 20 * 60_000);
  if (code !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new Error(`build failed (exit ${code}; ${existsSync(join(outDir, 'index.html')) ? '' : 'no index.html in ' + outDir}):\n${log.slice(-6000)}`);
  }
  return { dist: outDir, base, dataDir, log, ms: Date.now() - started };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The shared build: returns the cached site when the inputs are unchanged, otherwise builds it
 * exactly once across all parallel test workers. A failed build is remembered for a few minutes so
 * that the other files waiting on it fail fast with the same log rather than building again.
 */
export async function buildSiteOnce(dataDirOrOpts?: string | BuildOptions): Promise<BuiltSite> {
  const opts: BuildOptions = typeof dataDirOrOpts === 'string' ? { dataDir: dataDirOrOpts } : dataDirOrOpts ?? {};
  const dataDir = resolve(opts.dataDir ?? join(PROJECT_ROOT, 'data'));
  const base = opts.base ?? '/';
  mkdirSync(CACHE_ROOT, { recursive: true });
  const key = inputsHash(dataDir, base);
  const dir = join(CACHE_ROOT, key);
  const dist = join(dir, 'dist');
  const done = join(dir, 'done.json');
  const failed = join(dir, 'failed.json');
  const lock = join(CACHE_ROOT, `${key}.lock`);
  const deadline = Date.now() + 25 * 60_000;

  for (;;) {
    if (existsSync(done)) {
      const meta = JSON.parse(readFileSync(done, 'utf8'));
      return { dist, base, dataDir, log: meta.log ?? '', ms: 0 };
    }
    if (existsSync(failed)) {
      const meta = JSON.parse(readFileSync(failed, 'utf8'));
      if (Date.now() - meta.at < 5 * 60_000) throw new Error(meta.message);
      rmSync(failed, { force: true });
    }
    let mine = false;
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      mine = true;
    } catch {
      // Someone else is building: wait, unless that process died.
      const pidFile = join(lock, 'pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : NaN;
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if ((Number.isFinite(pid) && !alive(pid)) || (!Number.isFinite(pid) && age > 30_000)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the shared site build (lock ${lock})`);
      await sleep(500);
      continue;
    }
    if (mine) {
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = join(dir, `dist.tmp-${process.pid}`);
        try {
          const built = await buildSite(tmp, { dataDir, base });
          rmSync(dist, { recursive: true, force: true });
          renameSync(tmp, dist);
          writeFileSync(done, JSON.stringify({ at: Date.now(), ms: built.ms, log: built.log.slice(-20000) }));
          return { ...built, dist };
        } catch (e) {
          rmSync(tmp, { recursive: true, force: true });
          writeFileSync(failed, JSON.stringify({ at: Date.now(), message: (e as Error).message }));
          throw e;
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
  }
}

/** Every file under dir, as paths relative to it with '/' separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  walk(dir, out);
  return out.map((f) => relative(dir, f).split('\\').join('/')).sort();
}
