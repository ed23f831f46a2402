/**
 * Building the site for tests. buildSiteOnce() shares one build of data/ across all test files
 * of a run (vitest runs files in parallel workers): the first caller takes a lock (an atomic
 * mkdir) and builds; the others wait for its result file. A failed build fails every caller with
 * the build's own output, never a skip.
 *
 * QUALITY_SITE_DIR=/path/to/out reuses an existing build (fast local iteration on browser tests).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SAMPLE_DATA = join(ROOT, 'data');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BuildResult {
  readonly ok: boolean;
  readonly outDir: string;
  readonly ms: number;
  /** stdout + stderr of the build (tail), for failure messages. */
  readonly log: string;
  readonly code: number | null;
}

function runDir(): string {
  let dir: string | undefined;
  try {
    dir = inject('qualityRunDir');
  } catch {
    dir = undefined;
  }
  dir ??= process.env.QUALITY_RUN_DIR;
  if (!dir) {
    // Run without the globalSetup (e.g. a single file through another config): private folder.
    dir = mkdtempSync(join(tmpdir(), 'portal-test-run-'));
    process.env.QUALITY_RUN_DIR = dir;
  }
  return dir;
}

const BUILD_LOCK = join(tmpdir(), 'edu-portal-test-build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Astro writes `.astro/.prerender/` under the project root whatever the out dir, so two builds at
 * once break each other ("Cannot find module …/.astro/.prerender/chunks/…"). Test builds take
 * turns through a machine-wide lock (a folder holding the owner's pid; a dead owner's lock is
 * taken over).
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(BUILD_LOCK, 'pid'), 'utf8'));
      } catch {
        /* being created or removed */
      }
      if (Number.isFinite(owner) && owner > 0 && !alive(owner)) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await sleep(300);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * The environment a user's shell or CI would give the build: without what vitest puts into its
 * workers' process.env (BASE_URL=/, MODE=test, DEV=1, SSR=1, NODE_ENV=test, VITEST…). Astro reads
 * import.meta.env.BASE_URL from process.env.BASE_URL at prerender time, so an inherited BASE_URL=/
 * silently turned every link of a base_path /jiaoyu/ build into a root link.
 */
function shellEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[k];
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  return env;
}

/** Runs `scripts/build.ts --data DIR --out DIR` with the Node that runs the tests (Node 24). */
export function buildSite(dataDir: string, outDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  return withBuildLock(() => buildSiteUnlocked(dataDir, outDir, extraArgs, env));
}

function buildSiteUnlocked(dataDir: string, outDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const t0 = Date.now();
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((done) => {
    const child = spawn(process.execPath, [tsx, join(ROOT, 'scripts', 'build.ts'), '--data', dataDir, '--out', outDir, ...extraArgs], {
      cwd: ROOT,
      env: { ...shellEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const keep = (b: Buffer) => {
      log += b.toString();
      if (log.length > 200_000) log = log.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => done({ ok: false, outDir, ms: Date.now() - t0, log: log + String(e), code: null }));
    child.on('close', (code) => done({ ok: code === 0, outDir, ms: Date.now() - t0, log: log.slice(-8000), code }));
  });
}

/**
 * One build of `dataDir` (default data/) per test run and argument list, shared by all workers.
 * Throws (failing the test) when the build fails.
 */
export async function buildSiteOnce(dataDir: string = SAMPLE_DATA, extraArgs: string[] = []): Promise<string> {
  if (process.env.QUALITY_SITE_DIR && dataDir === SAMPLE_DATA && extraArgs.length === 0) return process.env.QUALITY_SITE_DIR;
  const key = createHash('sha256').update(JSON.stringify([resolve(dataDir), extraArgs])).digest('hex').slice(0, 12);
  const base = join(runDir(), `site-${key}`);
  const resultFile = `${base}.json`;
  const lock = `${base}.lock`;
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    mine = false;
  }
  if (mine) {
    const r = await buildSite(dataDir, join(base, 'out'), extraArgs);
    writeFileSync(resultFile, JSON.stringify(r));
  } else {
    const deadline = Date.now() + 20 * 60_000;
    while (!existsSync(resultFile)) {
      if (Date.now() > deadline) throw new Error(`waited 20 min for another worker's build of ${dataDir}`);
      await sleep(250);
    }
  }
  const r = JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult;
  if (!r.ok) throw new Error(`build of ${dataDir} failed (exit ${r.code}):\n${r.log}`);
  return r.outDir;
}

/** True when the site build script exists yet (site-2 is writing it). */
export const BUILD_SCRIPT_EXISTS = existsSync(join(ROOT, 'scripts', 'build.ts'));
