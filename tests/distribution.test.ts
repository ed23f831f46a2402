/**
 * Releases end to end on a throwaway git repository: an old version read from a git tag, one
 * from a committed snapshot, the current folder, and what a shallow clone (CI) gets.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DistributionBuilder } from '../src/lib/export';
import { git, modelJsonEffects, releaseA, releaseB } from './export-fixture';

// The loader is injected: here a data folder is one JSON file of the typed model.
const effects = modelJsonEffects;


function repo() {
  const root = mkdtempSync(join(tmpdir(), 'dist-repo-'));
  git(root, {}, 'init', '-q', '-b', 'main');
  mkdirSync(join(root, 'data'));
  mkdirSync(join(root, 'releases', 'snapshots', '2024.1'), { recursive: true });
  // 2024.1: a committed snapshot (release A without its admissions).
  const a = releaseA();
  writeFileSync(join(root, 'releases', 'snapshots', '2024.1', 'model.json'), JSON.stringify({ ...a, years: [] }));
  // 2025.1: data/ as committed and tagged.
  writeFileSync(join(root, 'data', 'model.json'), JSON.stringify(a));
  git(root, {}, 'add', '.');
  git(root, {}, 'commit', '-qm', 'a');
  git(root, {}, 'tag', 'v2025.1');
  // The current data/: release B.
  writeFileSync(join(root, 'data', 'model.json'), JSON.stringify(releaseB()));
  writeFileSync(
    join(root, 'releases', 'releases.yml'),
    [
      'releases:',
      '  - version: "2024.1"',
      '    date: 2024-09-01',
      '    snapshot: snapshots/2024.1',
      '    notes: 首次发布学校名录',
      '  - version: "2025.1"',
      '    date: 2025-03-01',
      '    git: v2025.1',
      '  - version: "2025.2"',
      '    date: 2025-09-10',
      '    corrections:',
      '      - { dataset: admissions, year: 2024, key: "2121000101/1", column: admitted, reason: 录入错误 }',
      '',
    ].join('\n'),
  );
  git(root, {}, 'add', '.');
  git(root, {}, 'commit', '-qm', 'b');
  return root;
}

describe('releases from a snapshot, a git tag and the current folder', () => {
  it('builds every release, diffs consecutive ones and dates the last change of each file', async () => {
    const root = repo();
    const b = new DistributionBuilder({ dataDir: join(root, 'data'), cacheDir: join(root, '.cache'), effects });
    const d = await b.distribution();
    expect(d.releases.map((r) => [r.version, r.available])).toEqual([
      ['2024.1', true],
      ['2025.1', true],
      ['2025.2', true],
    ]);
    expect(d.latest?.version).toBe('2025.2');
    const r2 = d.releases[1];
    if (!r2.available) throw new Error('2025.1 should be available');
    expect(r2.diff?.tables.map((t) => [t.dataset, t.year, t.status])).toEqual([['admissions', 2024, 'added']]);
    expect(d.lastChanged.get('schools')).toEqual({ version: '2025.2', date: '2025-09-10' });
    expect(d.lastChanged.get('regions')).toEqual({ version: '2024.1', date: '2024-09-01' });
    expect(d.lastChanged.get('admissions-2024')).toEqual({ version: '2025.2', date: '2025-09-10' });
    expect(d.lastChanged.get('classes-2025')).toEqual({ version: '2025.2', date: '2025-09-10' });
  });

  it('serves bytes whose SHA-256 equals the manifest, for old and latest releases alike', async () => {
    const root = repo();
    const b = new DistributionBuilder({ dataDir: join(root, 'data'), cacheDir: join(root, '.cache'), effects });
    for (const r of (await b.distribution()).releases) {
      if (!r.available) continue;
      const files = (await b.releaseFiles(r.version))!;
      for (const f of r.files) expect(createHash('sha256').update(files.get(f.path)!).digest('hex'), `${r.version}/${f.path}`).toBe(f.sha256);
    }
  });

  it('a shallow clone lists the git release as unavailable with a plain message instead of failing', async () => {
    const root = repo();
    const clone = mkdtempSync(join(tmpdir(), 'dist-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone], { stdio: 'pipe' });
    const b = new DistributionBuilder({ dataDir: join(clone, 'data'), cacheDir: join(clone, '.cache'), effects });
    const d = await b.distribution();
    const r = d.releases[1];
    expect(r.available).toBe(false);
    if (!r.available) expect(r.reason).toMatch(/浅克隆.*fetch-depth: 0/);
    // The release after it diffs against the last available one.
    const latest = d.latest!;
    expect(latest.diff?.previous).toBe('2024.1');
    expect(await b.feed()).toContain('浅克隆');
  });

  it('the Atom feed lists releases and corrections with stable ids', async () => {
    const root = repo();
    const b = new DistributionBuilder({ dataDir: join(root, 'data'), cacheDir: join(root, '.cache'), effects });
    const feed = await b.feed();
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(feed).toContain('<updated>2025-09-10T00:00:00Z</updated>');
    expect(feed.match(/<entry>/g)).toHaveLength(4);
    expect(feed).toContain('<title>数据更正：admissions 2024 2121000101/1 admitted</title>');
    expect(feed).toContain('<summary type="text">版本 2025.2 更正：录入错误</summary>');
    expect(feed).toContain('<id>tag:edu.example.gov.cn,2025-09-10:release/2025.2</id>');
    expect(feed).toContain('href="https://edu.example.gov.cn/jiaoyu/changelog/#v2025.2"');
    expect(await b.feed()).toBe(feed);
  });
});

export { cpSync };
