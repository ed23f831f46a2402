/**
 * The repository's own data/ and releases/releases.yml through the real loader: every release
 * builds, the sample's previous release gives a real diff with both corrections matched, small
 * sensitive counts never reach a download, and every row of every resource of every release
 * reads against its Table Schema in datapackage-js.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runPipeline } from '../src/lib/pipeline';
import { readAllResources } from './export-helpers';

const builder = (await runPipeline({ dataDir: resolve('data'), releaseCacheDir: mkdtempSync(join(tmpdir(), 'dist-cache-')) })).distribution();

describe('sample region releases', () => {
  it('has an earlier release and a diff that shows both declared corrections', async () => {
    const d = await builder.distribution();
    expect(d.releases.length).toBeGreaterThanOrEqual(2);
    expect(d.releases.every((r) => r.available)).toBe(true);
    const latest = d.latest!;
    expect(latest.diff).not.toBeNull();
    expect(latest.diff!.unmatchedCorrections).toEqual([]);
    const corrected = latest.diff!.tables.flatMap((t) => t.changed.flatMap((r) => r.changes.filter((c) => c.correction)));
    expect(corrected.length).toBeGreaterThanOrEqual(2);
  });

  it('publishes no sensitive count between 1 and the threshold in any file', async () => {
    const d = await builder.distribution();
    const threshold = d.settings.suppression_threshold;
    for (const r of d.releases) {
      if (!r.available) continue;
      const files = (await builder.releaseFiles(r.version))!;
      for (const t of r.tables.filter((x) => x.dataset === 'admissions')) {
        const [head, ...lines] = new TextDecoder().decode(files.get(t.csv.path)!).trim().split('\n');
        const col = head.split(',').indexOf('admitted_disabled');
        expect(col).toBeGreaterThan(-1);
        for (const line of lines) {
          const cell = line.split(',')[col];
          // Plain CSV of codes and counts (no quoted commas in these columns): "<5", "" or a number.
          if (/^\d+$/.test(cell)) expect(Number(cell) === 0 || Number(cell) >= threshold, `${r.version} ${t.csv.path} ${line}`).toBe(true);
        }
      }
    }
  });

  it('every resource of every release reads against its Table Schema without a cast error', async () => {
    const d = await builder.distribution();
    for (const r of d.releases) {
      if (!r.available) continue;
      const files = (await builder.releaseFiles(r.version))!;
      const dir = mkdtempSync(join(tmpdir(), 'dist-sample-'));
      for (const [p, b] of files) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), b);
      }
      const { errors, pkg } = await readAllResources(dir);
      expect(errors, r.version).toEqual([]);
      expect(pkg.valid).toBe(true);
    }
  }, 300_000);
});
