/**
 * Building the site for tests. buildSiteOnce() shares one build of data/ across all test files
 * of a run (vitest runs files in parallel workers): the first caller takes a lock (an atomic
 * mkdir) and builds; the others wait for its result file. A failed build fails every caller with
 * the build's own output, never a skip.
 *
 * QUALITY_SITE_DIR=/path/to/out reuses an existing build (fast local iteration on browser tests).
 *
 * Only end-to-end test files (`*.e2e.test.ts`, see README "Tests") may build: under
 * `npm run test:unit` buildSite() fails with a message saying so.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
    const own = mkdtempSync(join(tmpdir(), 'portal-test-run-'));
    process.on('exit', () => rmSync(own, { recursive: true, force: true }));
    process.env.QUALITY_RUN_DIR = dir = own;
  }
  return dir;
}

/**
 * One lock per checkout (not per machine: several checkouts of the project build at once on a
 * shared machine, and each writes only under its own root).
 */
const BUILD_LOCK = join(ROOT, 'node_modules', '.cache', 'portal-test-build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Astro writes under the project root (`.astro/`) whatever the out dir, so two builds of one
 * checkout at once can break each other. Test builds of a checkout take turns through a lock
 * (a folder holding the owner's pid; a dead owner's lock is taken over).
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
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
  if (process.env.PORTAL_TEST_UNIT) {
    throw new Error('This test builds the site, so it is an end-to-end test: name its file *.e2e.test.ts (README, "Tests"). npm run test:unit runs no builds.');
  }
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

/**
 * A copy of the sample data with portal.yml's base_path set to `base` (e.g. '/jiaoyu/'), made
 * once per test run in the run folder and shared by every worker, so that buildSiteOnce() of it
 * builds the site under that base path once for all the tests that need it.
 */
export async function sampleDataWithBase(base: string): Promise<string> {
  const dir = join(runDir(), `data-base-${createHash('sha256').update(base).digest('hex').slice(0, 8)}`);
  const ready = `${dir}.ready`;
  let mine = false;
  try {
    mkdirSync(`${dir}.lock`);
    mine = true;
  } catch {
    mine = false;
  }
  if (mine) {
    // The ready file holds the error, if any, so that the other workers fail with it too.
    let problem = '';
    try {
      cpSync(SAMPLE_DATA, dir, { recursive: true });
      const yml = readFileSync(join(dir, 'portal.yml'), 'utf8');
      if (!/^base_path:.*$/m.test(yml)) problem = 'data/portal.yml has no base_path line to change';
      else writeFileSync(join(dir, 'portal.yml'), yml.replace(/^base_path:.*$/m, `base_path: "${base}"`));
    } catch (e) {
      problem = String(e);
    }
    writeFileSync(ready, problem);
  } else {
    const deadline = Date.now() + 5 * 60_000;
    while (!existsSync(ready)) {
      if (Date.now() > deadline) throw new Error(`waited 5 min for another worker's copy of the sample data in ${dir}`);
      await sleep(100);
    }
  }
  const problem = readFileSync(ready, 'utf8');
  if (problem) throw new Error(`copy of the sample data with base_path ${base}: ${problem}`);
  return dir;
}
