/**
 * /data/latest/ on a plain static host: a program that fetches the fixed address gets the
 * for-code files of the newest release (and they check out), not a second copy of every format;
 * /data/latest.json names the version and its permanent URLs; an old browser link to a file that
 * is no longer copied is sent on to the same file of the newest release.
 * Built with the build's own download writer (src/lib/build/downloads.ts) on a fixture with two
 * releases, placed into a site folder the way the build places them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDownloads } from '../src/lib/build/downloads';
import { placeDownloads, walkFiles } from '../src/lib/build/place';
import { latestRedirect, type ReleaseManifest } from '../src/lib/export';
import { silentEffects } from '../src/lib/pipeline';
import { FIXTURES } from './fixture-dir';
import { readAllResources } from './export-helpers';

let root = '';
let site = '';
let latest: ReleaseManifest;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'portal-latest-'));
  const data = join(root, 'data');
  cpSync(join(FIXTURES, 'minimal'), data, { recursive: true });
  cpSync(join(FIXTURES, 'minimal'), join(root, 'releases', 'snapshots', 'r1'), { recursive: true });
  writeFileSync(join(root, 'releases', 'releases.yml'), 'releases:\n  - version: "r1"\n    date: 2026-01-10\n    snapshot: snapshots/r1\n  - version: "r2"\n    date: 2026-11-20\n');
  const d = await writeDownloads({ dataDir: data, today: '2026-11-24', cacheDir: join(root, 'cache'), effects: silentEffects });
  latest = d.distribution.latest!;
  site = join(root, 'site');
  mkdirSync(site);
  placeDownloads(d.placements, site);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('/data/latest/ without a second copy of the release', () => {
  it('holds the CSV for code and the metadata of the newest release, byte for byte, and no copy of XLSX, Excel CSV or the ZIP', () => {
    expect(latest.version).toBe('r2');
    const files = walkFiles(join(site, 'data', 'latest')).map((f) => f.split('\\').join('/'));
    expect(files).toContain('datapackage.json');
    expect(files).toContain('SHA256SUMS');
    for (const t of latest.tables) {
      expect(files).toContain(t.csv.path);
      expect(sha(join(site, 'data', 'latest', t.csv.path))).toBe(sha(join(site, 'data', 'releases', 'r2', t.csv.path)));
    }
    expect(files.filter((f) => /^(xlsx|excel|json)\//.test(f) || f.endsWith('.zip'))).toEqual([]);
    // and the release folder itself still has every format
    expect(existsSync(join(site, 'data', 'releases', 'r2', latest.tables[0].xlsx.path))).toBe(true);
    expect(existsSync(join(site, 'data', 'releases', 'r2', latest.zip.path))).toBe(true);
  });

  it('passes sha256sum -c, and its datapackage.json reads every resource from /data/latest/', async () => {
    execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: join(site, 'data', 'latest') });
    const sums = readFileSync(join(site, 'data', 'latest', 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.length).toBe(walkFiles(join(site, 'data', 'latest')).length - 1);
    const { errors, rows } = await readAllResources(join(site, 'data', 'latest'));
    expect(errors).toEqual([]);
    expect(rows).toBe(latest.tables.reduce((n, t) => n + t.rows, 0));
  });

  it('/data/latest.json names the newest version and the permanent URL and checksum of each file', () => {
    const p = JSON.parse(readFileSync(join(site, 'data', 'latest.json'), 'utf8'));
    expect(p.version).toBe('r2');
    expect(p.url).toBe('/data/releases/r2/');
    for (const f of p.files as { path: string; url: string; sha256: string }[]) {
      expect(f.url).toBe(`/data/releases/r2/${f.path}`);
      expect(sha(join(site, f.url))).toBe(f.sha256);
    }
    expect(p.files.length).toBe(latest.files.length);
  });

  it('sends an old /data/latest/ link to the same file of the newest release', () => {
    const xlsx = latest.tables[0].xlsx.path;
    expect(latestRedirect(xlsx, latest)).toBe(`data/releases/r2/${xlsx}`);
    expect(latestRedirect('edu-balance-data-r1.zip', latest)).toBe(`data/releases/r2/${latest.zip.path}`);
    expect(latestRedirect('json/schools.json', latest)).toBe('data/latest/');
  });
});
