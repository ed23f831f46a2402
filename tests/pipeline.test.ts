/**
 * The one door: the pipeline computes a folder once, recomputes it when it changes, and the
 * command-line tools print what the site publishes — completely, even through a pipe.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runPipeline } from '../src/lib/pipeline';

const ROOT = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'portal-pipeline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the sample data with the 2025 funding file embargoed until 2099. */
function embargoedCopy(): string {
  const dir = join(work, `data-${Math.random().toString(36).slice(2)}`);
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  appendFileSync(join(dir, 'portal.yml'), '\nembargo:\n  2025/funding.csv: 2099-01-01\n');
  return dir;
}

/** Runs an npm script the way a user pipes it: `npm run -s <script> -- args | cat`. */
function piped(script: string, args: string[]): { stdout: string; status: number | null } {
  const cmd = `npm run -s ${script} -- ${args.map((a) => `'${a}'`).join(' ')} | cat; exit \${PIPESTATUS[0]}`;
  const r = spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PORTAL_TODAY: '2026-11-24' } });
  return { stdout: r.stdout, status: r.status };
}

describe('runPipeline', () => {
  it('returns the same computed pipeline for an unchanged folder, and a new one after an edit', async () => {
    const dir = embargoedCopy();
    const a = await runPipeline({ dataDir: dir, today: '2026-11-24' });
    const b = await runPipeline({ dataDir: dir, today: '2026-11-24' });
    expect(b).toBe(a);
    expect(a.ok).toBe(true);
    // The embargoed file is validated but withheld from what is published.
    expect(a.withheld.map((w) => w.file)).toEqual(['2025/funding.csv']);
    expect(a.published.data.years.find((y) => y.year === 2025)?.funding).toBeUndefined();
    expect(a.unpublished.data.years.find((y) => y.year === 2025)?.funding?.length).toBeGreaterThan(0);

    const future = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'schools.csv'), future, future);
    const c = await runPipeline({ dataDir: dir, today: '2026-11-24' });
    expect(c).not.toBe(a);
    // On the publish-after date the file is published.
    const d = await runPipeline({ dataDir: dir, today: '2099-01-01' });
    expect(d.withheld).toEqual([]);
  });

  it('an unreadable folder is an issue, not an exception', async () => {
    const p = await runPipeline({ dataDir: join(work, 'does-not-exist') });
    expect(p.readable).toBe(false);
    expect(p.ok).toBe(false);
    expect(p.issues[0].message).toMatch(/数据文件夹/);
  });
});

describe('npm run indicators', () => {
  const dir = embargoedCopy();

  it('prints the published figures: no amount from an embargoed file, complete through a pipe', () => {
    const r = piped('indicators', ['--format', 'json', '--data', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(65_536); // larger than one pipe buffer
    const results = JSON.parse(r.stdout) as { schools: { year: number; funding: { publicFunds: { kind: string } } }[] };
    const y2025 = results.schools.filter((s) => s.year === 2025);
    expect(y2025.length).toBeGreaterThan(0);
    expect(y2025.every((s) => s.funding.publicFunds.kind !== 'value')).toBe(true);
    expect(results.schools.some((s) => s.year === 2024 && s.funding.publicFunds.kind === 'value')).toBe(true);
  });

  it('prints the bureau’s exact figures only with --unsuppressed, labelled as not for publication', () => {
    const r = piped('indicators', ['--format', 'json', '--data', dir, '--unsuppressed']);
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout) as { notice: string; schools: { year: number; funding: { publicFunds: { kind: string } } }[] };
    expect(results.notice).toMatch(/不得公开/);
    expect(results.schools.some((s) => s.year === 2025 && s.funding.publicFunds.kind === 'value')).toBe(true);
    const text = piped('indicators', ['--data', dir, '--unsuppressed']);
    expect(text.stdout.split('\n')[0]).toMatch(/不得公开/);
  });

  it('validate --format json is complete through a pipe', () => {
    const r = piped('validate', ['--format', 'json', '--data', dir]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  });
});

describe('older releases under a raised suppression threshold', () => {
  /*
   * Release r1 (a snapshot) was published with suppression_threshold 2, so its funding.csv showed
   * 特教学生数 3 exactly. The bureau then raised the threshold to 5. The site still serves r1's
   * files, rebuilt from the snapshot: they must hide 3 as “<5” too, or the raise protects nothing.
   */
  it('suppresses every release it serves with today’s threshold when that is larger', async () => {
    const fixture = resolve(import.meta.dirname, 'fixtures', 'minimal');
    const dir = join(work, 'raised');
    const rel = join(work, 'raised-releases');
    cpSync(fixture, dir, { recursive: true });
    cpSync(fixture, join(rel, 'snapshots', 'r1'), { recursive: true });
    appendFileSync(join(rel, 'snapshots', 'r1', 'portal.yml'), 'suppression_threshold: 2\n');
    appendFileSync(join(dir, 'portal.yml'), 'suppression_threshold: 5\n');
    mkdirSync(rel, { recursive: true });
    writeFileSync(join(rel, 'releases.yml'), 'releases:\n  - version: "r1"\n    date: 2026-01-10\n    snapshot: snapshots/r1\n  - version: "r2"\n    date: 2026-11-20\n');
    // The snapshot alone, as it was published: 3 pupils shown exactly (threshold 2).
    const alone = await runPipeline({ dataDir: join(rel, 'snapshots', 'r1'), today: '2026-11-24' });
    expect(alone.published.tables().years[0].funding?.[0].special_ed_students).toBe(3);
    const b = (await runPipeline({ dataDir: dir, today: '2026-11-24', releaseCacheDir: join(rel, 'cache'), releasesFile: join(rel, 'releases.yml') })).distribution();
    for (const version of ['r1', 'r2']) {
      const files = (await b.releaseFiles(version))!;
      const csv = new TextDecoder().decode(files.get('csv/2025/funding.csv'));
      const first = csv.split(/\r?\n/)[1].split(',');
      expect(first, version).toContain('<5');
      expect(first, version).not.toContain('3');
    }
  });
});
